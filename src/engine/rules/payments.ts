import type { Rule } from "../types";

export const PAYMENT_RULES: readonly Rule[] = [];
