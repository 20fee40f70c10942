import type { Rule } from "../types";

export const REGISTRY_RULES: readonly Rule[] = [];
