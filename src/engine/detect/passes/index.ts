import type { Pass } from "../../types";
import { addressPass } from "./address";
import { emailPass } from "./email";
import { ipv6Pass } from "./ipv6";
import { moneyPass } from "./money";
import { numbersPass } from "./numbers";
import { personPass } from "./person";

/** Passes that are not keyword-driven: e-mails, number-shaped values, IPs, money, people's names. */
export const ALL_PASSES: readonly Pass[] = [emailPass, numbersPass, ipv6Pass, moneyPass, addressPass, personPass];
