import type { Pass } from "../../types";
import { datePass } from "./dates";
import { addressPass } from "./address";
import { emailPass } from "./email";
import { ipv6Pass } from "./ipv6";
import { moneyPass } from "./money";
import { numbersPass } from "./numbers";
import { personPass } from "./person";
import { promoColumnsPass } from "./promoColumns";

/** Passes that are not keyword-driven: e-mails, number-shaped values, IPs, money, dates (opt-in), promo codes in table columns, postal addresses, people's names. */
export const ALL_PASSES: readonly Pass[] = [emailPass, numbersPass, ipv6Pass, moneyPass, datePass, promoColumnsPass, addressPass, personPass];
