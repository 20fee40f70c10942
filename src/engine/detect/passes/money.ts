import type { Candidate, Pass, PassContext } from "../../types";
import { emit, isAsciiLetter, isDigit, isWordChar, PII } from "./common";

/**
 * Amounts of money with a currency: "1 250,50 €", "€1,250.50", "12k€", "$ 3.5M",
 * "EUR 2.000", "CHF 1'250.50", "300 euros". Found from the currency markers — the symbols
 * with indexOf (rare in code), the words from the scanner's keyword automaton — then the
 * amount is read next to the marker.
 */

/**
 * An amount: thousands in groups of three (space, NBSP, U+202F, comma, dot or apostrophe),
 * an optional decimal part, an optional multiplier.
 */
const AMOUNT =
  /(?:\d{1,3}(?:[ \u00a0\u202f\u2009,.'’]\d{3})+|\d+)(?:[.,]\d{1,2})?(?:[ \u00a0\u202f]?(?:[kKM]|Md|Mds|bn|millions?|milliards?|billions?)(?![\p{L}\d]))?/uy;

const SYMBOLS = ["€", "$", "£"];
const SENTENCE_PUNCTUATION = "\n\r\t.,;:!?)";
const CODES = ["EUR", "USD", "GBP", "CHF"];
/**
 * Words the scanner's keyword automaton reports for this pass (any case, any order), so
 * the pass makes no sweep of its own for them: the ISO codes (upper case only), and "euro"
 * and "dollar" as the spellings below, with an optional plural "s".
 */
export const MONEY_KEYWORDS: readonly string[] = ["eur", "usd", "gbp", "chf", "euro", "dollar"];
const WORD_SPELLINGS = ["euro", "Euro", "EURO", "eURO", "dollar", "Dollar", "DOLLAR"];

function isSpace(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

/** Reads an amount starting at `p`; returns its end, or -1. */
function amountAt(text: string, p: number): number {
  if (!isDigit(text.charCodeAt(p))) return -1;
  AMOUNT.lastIndex = p;
  if (!AMOUNT.test(text)) return -1;
  let end = AMOUNT.lastIndex;
  // "3.14159 €" is not an amount of money; neither is "12.5.3 €".
  const after = end < text.length ? text.charCodeAt(end) : 32;
  if (isDigit(after)) return -1;
  if ((after === 46 || after === 44) && isDigit(text.charCodeAt(end + 1))) return -1;
  while (end > p && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/** A bare one-digit integer after `$` is `$1` in a regex replacement or a shell script. */
function isBackReference(start: number, end: number): boolean {
  return end - start === 1;
}

/** Amount written before the marker at `ms`: "1 250,50 €", "12k€", "300 euros". Returns its start or -1. */
function amountBefore(text: string, ms: number, dollar: boolean): number {
  let e = ms;
  if (e > 0 && isSpace(text.charCodeAt(e - 1))) e--;
  // "3 millions d'euros", "200 000 d’euros"
  if (text.startsWith("d'", e - 2) || text.startsWith("d’", e - 2)) {
    e -= 2;
    if (e > 0 && isSpace(text.charCodeAt(e - 1))) e--;
  } else if (text.startsWith("de ", e - 3)) {
    e -= 3;
  }
  if (e === 0) return -1;
  // Walk back over what an amount and its multiplier can hold, at most 40 characters.
  let r = e;
  const limit = Math.max(0, e - 40);
  let digits = false;
  while (r > limit) {
    const c = text.charCodeAt(r - 1);
    if (isDigit(c)) digits = true;
    else if (!(isSpace(c) || c === 44 || c === 46 || c === 39 || c === 0x2019 || isAsciiLetter(c))) break;
    r--;
  }
  // Words and spaces only ("EUR EUR …", "price in EUR"): no amount to try.
  if (!digits) return -1;
  // Try the leftmost start first: "1 250 000 €" is one amount.
  for (let q = r; q < e; q++) {
    if (!isDigit(text.charCodeAt(q))) continue;
    if (q > 0 && (isDigit(text.charCodeAt(q - 1)) || isWordChar(text.charCodeAt(q - 1)))) continue;
    if (q > 1 && (text.charCodeAt(q - 1) === 46 || text.charCodeAt(q - 1) === 44) && isDigit(text.charCodeAt(q - 2))) continue;
    const end = amountAt(text, q);
    if (end === e || (end > 0 && end < e && isSpace(text.charCodeAt(end)) && end + 1 === e)) {
      if (dollar && isBackReference(q, end)) return -1;
      return q;
    }
  }
  return -1;
}

export const moneyPass: Pass = {
  id: "pii-money",
  category: "pii",
  kinds: ["money"],
  run(text: string, out: Candidate[], context: PassContext): void {
    if (!context.options.money) return;
    const n = text.length;
    const found = (start: number, end: number, confidence: number) => emit(out, context, PII.money, start, end, confidence);

    for (const symbol of SYMBOLS) {
      const dollar = symbol === "$";
      for (let ms = text.indexOf(symbol); ms !== -1; ms = text.indexOf(symbol, ms + 1)) {
        const me = ms + 1;
        // Prefix: "€1,250.50", "$ 3.5M", "US$ 20", "CA$900.00", "A$ 45", "C$ 12".
        let p = me;
        if (p < n && isSpace(text.charCodeAt(p))) p++;
        if (p < n && isDigit(text.charCodeAt(p))) {
          let s = ms;
          if (dollar && /^(?:US|CA|AU|NZ|HK|SG)$/.test(text.slice(ms - 2, ms))) s = ms - 2;
          else if (dollar && (text.charCodeAt(ms - 1) === 65 || text.charCodeAt(ms - 1) === 67) && !isWordChar(text.charCodeAt(ms - 2))) s = ms - 1;
          const prev = s > 0 ? text.charCodeAt(s - 1) : 32;
          const codeLike = dollar && (isWordChar(prev) || prev === 36 || prev === 92 || prev === 123);
          const end = amountAt(text, p);
          if (!codeLike && end > 0 && !(end < n && isWordChar(text.charCodeAt(end))) && !(dollar && isBackReference(p, end))) {
            found(s, end, 0.8);
            ms = end - 1;
            continue;
          }
        }
        // Suffix: "1 250,50 €", "12k€", "15 $". A "$" that ends a regex (`1987$/`) or opens a
        // template placeholder (`0.0${z}`) is followed by code, not by the end of a phrase.
        if (dollar && me < n && !isSpace(text.charCodeAt(me)) && !SENTENCE_PUNCTUATION.includes(text[me])) continue;
        const start = amountBefore(text, ms, dollar);
        // Which dollar, written after it in Québec and Australia: `750 $ CA`, `15 000,00 $ CAN`, `40 $ US`.
        const country = dollar && start >= 0 ? /^ (?:CAN?|US|AU|NZ)(?![A-Za-z])/.exec(text.slice(me, me + 5)) : null;
        if (start >= 0) found(start, country ? me + country[0].length : me, 0.8);
      }
    }
    // Each place once: "EURO" is reported as "eur", then right after as "euro". The order of
    // the rest does not matter (each place is read on its own); no sort, which on a text full
    // of "EUR" cost more than the whole pass.
    const words = context.moneyWords;
    for (let w = 0; w < words.length; w++) {
      const ms = words[w];
      if (w > 0 && words[w - 1] === ms) continue;
      const me3 = ms + 3;
      const isCode = CODES.some((code) => text.startsWith(code, ms));
      if (isCode && !(ms > 0 && isAsciiLetter(text.charCodeAt(ms - 1))) && !(me3 < n && isAsciiLetter(text.charCodeAt(me3)))) {
        const me = me3;
        let p = me;
        if (p < n && isSpace(text.charCodeAt(p))) p++;
        const end = amountAt(text, p);
        if (end > 0 && !(end < n && isWordChar(text.charCodeAt(end)))) {
          found(ms, end, 0.8);
          continue;
        }
        const start = amountBefore(text, ms, false);
        if (start >= 0) found(start, me, 0.8);
        continue;
      }
      const word = WORD_SPELLINGS.find((spelling) => text.startsWith(spelling, ms));
      if (word === undefined) continue;
      if (ms > 0 && isWordChar(text.charCodeAt(ms - 1))) continue;
      let me = ms + word.length;
      if (me < n && (text.charCodeAt(me) === 115 || text.charCodeAt(me) === 83)) me++;
      if (me < n && isWordChar(text.charCodeAt(me))) continue;
      const start = amountBefore(text, ms, false);
      if (start >= 0) found(start, me, 0.75);
    }
  },
};
