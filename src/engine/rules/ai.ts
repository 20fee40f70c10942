import type { Rule } from "../types";

export const AI_RULES: readonly Rule[] = [];
