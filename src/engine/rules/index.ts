import type { Rule } from "../types";
import { AI_RULES } from "./ai";
import { CHAT_RULES } from "./chat";
import { CLOUD_RULES } from "./cloud";
import { GENERIC_RULES } from "./generic";
import { MEETING_PASSCODE_RULES, PRIVATE_LINK_RULES, SIGNED_URL_RULES } from "./links";
import { PAYMENT_RULES } from "./payments";
import { PROMO_CODE_RULES, PROSE_SECRET_RULES } from "./prose";
import { REGISTRY_RULES } from "./registries";
import { SAAS_RULES } from "./saas";
import { SERVICE_RULES } from "./services";
import { VCS_RULES } from "./vcs";

/** Every keyword-driven rule, one family per file. */
export const ALL_RULES: readonly Rule[] = [
  ...CLOUD_RULES,
  ...SIGNED_URL_RULES,
  ...MEETING_PASSCODE_RULES,
  ...VCS_RULES,
  ...REGISTRY_RULES,
  ...AI_RULES,
  ...PAYMENT_RULES,
  ...CHAT_RULES,
  ...SAAS_RULES,
  ...SERVICE_RULES,
  ...GENERIC_RULES,
  ...PROSE_SECRET_RULES,
  ...PRIVATE_LINK_RULES,
  ...PROMO_CODE_RULES,
];
