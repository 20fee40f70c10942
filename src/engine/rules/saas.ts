import type { Rule } from "../types";

export const SAAS_RULES: readonly Rule[] = [];
