import type { Pass } from "../../types";

/** Passes that are not keyword-driven: e-mails, number-shaped values, IPs, money. */
export const ALL_PASSES: readonly Pass[] = [];
