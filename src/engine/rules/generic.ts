import type { Rule } from "../types";

export const GENERIC_RULES: readonly Rule[] = [];
