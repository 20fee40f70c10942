import type { Rule } from "../types";

export const CHAT_RULES: readonly Rule[] = [];
