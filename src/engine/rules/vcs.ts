import type { Rule } from "../types";

export const VCS_RULES: readonly Rule[] = [];
