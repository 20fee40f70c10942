import type { Pass } from "../../types";
import { looksLikePromoCode } from "../../rules/prose";
import { TableColumns } from "../columns";
import { PII, emit } from "./common";

/**
 * Promo codes in a table or CSV column headed so (`code_promo`, `Coupon`, `Voucher`,
 * `Remise`, `Code parrain`): an export of orders carries one per row, with no keyword on the row.
 * The text is looked at only if the scanner's keyword automaton saw a header word in it
 * (PROMO_HEADER_WORDS, any case): no sweep of its own.
 */
/** Lower-case ASCII, the automaton's alphabet ("réduction" cannot be one, and "duction" would hit "production"). */
export const PROMO_HEADER_WORDS: readonly string[] = ["promo", "coupon", "voucher", "discount", "remise", "parrain"];
const HEADER = /promo|coupon|voucher|discount|remise|parrain/i;
/** Longest table or CSV row looked at. */
const MAX_ROW = 4096;
/** An all-caps token standing alone in a cell. */
const TOKEN = /(?:^|[\t;,|])[ \t]{0,3}([A-Z0-9][A-Z0-9_-]{3,29})(?=[ \t]{0,3}(?:[\t;,|\r\n]|$))/gm;

export const promoColumnsPass: Pass = {
  id: "pii-promo-column",
  category: "pii",
  kinds: ["promo-code"],
  run(text, out, context) {
    if (!context.promoWord) return;
    const columns = new TableColumns(text);
    TOKEN.lastIndex = 0;
    let m: RegExpExecArray | null;
    let lineEnd = -1;
    while ((m = TOKEN.exec(text)) !== null) {
      // A line longer than a table row is skipped whole: finding a column walks its line.
      if (m.index > lineEnd) {
        const lineStart = m.index === 0 ? 0 : text.lastIndexOf("\n", m.index - 1) + 1;
        const e = text.indexOf("\n", m.index);
        lineEnd = e < 0 ? text.length : e;
        if (lineEnd - lineStart > MAX_ROW) {
          TOKEN.lastIndex = lineEnd;
          continue;
        }
      }
      const code = m[1];
      const start = m.index + m[0].length - code.length;
      // The lookahead leaves the next cell's delimiter unread: the next match may start on it.
      TOKEN.lastIndex = start + code.length;
      if (!looksLikePromoCode(code)) continue;
      const header = columns.headerAt(start);
      if (header && HEADER.test(header.header)) emit(out, context, PII["promo-code"], start, start + code.length, 0.8);
    }
  },
};
