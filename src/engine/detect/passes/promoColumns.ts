import type { Pass } from "../../types";
import { looksLikePromoCode } from "../../rules/prose";
import { TableColumns } from "../columns";
import { PII, emit } from "./common";

/**
 * Promo codes in a table or CSV column headed so (`code_promo`, `Coupon`, `Voucher`,
 * `Code de réduction`): an export of orders carries one per row, with no keyword on the row.
 * The text is looked at only if a header word occurs in it at all (a few indexOf calls).
 */
const NEEDLES = ["promo", "Promo", "PROMO", "coupon", "Coupon", "COUPON", "voucher", "Voucher", "VOUCHER", "discount", "Discount", "duction", "parrain", "Parrain"];
const HEADER = /promo|coupon|voucher|discount|r[ée]duction|remise|parrain/i;
/** An all-caps token standing alone in a cell. */
const TOKEN = /(?<=^|[\t;,|]\s{0,3})[A-Z0-9][A-Z0-9_-]{3,29}(?=\s{0,3}(?:[\t;,|\r\n]|$))/gm;

export const promoColumnsPass: Pass = {
  id: "pii-promo-column",
  category: "pii",
  kinds: ["promo-code"],
  run(text, out, context) {
    if (!NEEDLES.some((n) => text.includes(n))) return;
    const columns = new TableColumns(text);
    TOKEN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = TOKEN.exec(text)) !== null) {
      if (!looksLikePromoCode(m[0])) continue;
      const header = columns.headerAt(m.index);
      if (header && HEADER.test(header.header)) emit(out, context, PII["promo-code"], m.index, m.index + m[0].length, 0.8);
    }
  },
};
