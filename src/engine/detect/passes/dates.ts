import type { Pass } from "../../types";
import { PII, emit } from "./common";

/**
 * Dates (kind `date`): opt-in (ScanOptions.dates), on by default only in `pro` workspaces,
 * where a launch date or an embargo is what the NDA protects. In code and logs every
 * timestamp would be one, hence off elsewhere.
 *
 * Forms: `12/03/2026`, `12.03.2026`, `12-03-2026`, `3/12/26` (day or month first), ISO
 * `2026-03-12` (also the date part of a timestamp), `12 mars 2026`, `1er avril`, `lundi 12
 * mars`, `mars 2026`, `March 12, 2026`, `12th of March`, `Sept. 3`, `March 2026`.
 * Not dates: versions (`1.2.3`, `12.03.26`), fractions, phone groups, a month word alone
 * (`mai`, `May`, `mars` — also a planet and a chocolate bar).
 */

const MONTHS_FR = "janvier|janv\\.?|f[ée]vrier|f[ée]vr?\\.?|mars|avril|avr\\.?|mai|juin|juillet|juil\\.?|ao[uû]t|septembre|sept\\.?|octobre|oct\\.?|novembre|nov\\.?|d[ée]cembre|d[ée]c\\.?";
const MONTHS_EN = "january|jan\\.?|february|feb\\.?|march|mar\\.?|april|apr\\.?|may|june|jun\\.?|july|jul\\.?|august|aug\\.?|september|sept?\\.?|october|oct\\.?|november|nov\\.?|december|dec\\.?";
const DAYS = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon\\.?|tue\\.?|wed\\.?|thu\\.?|fri\\.?|sat\\.?|sun\\.?";
const MONTH = `(?:${MONTHS_FR}|${MONTHS_EN})`;
const YEAR = "(?:19|20)\\d\\d";
const DAY = "(?:1er|[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?";

/** Numbers: d/m/y or m/d/y with `/`, `.` or `-` and a 4-digit year, or `/` and a 2-digit one; ISO y-m-d. */
const NUMERIC = /(?<![\d./-])(?:(\d{1,2})([/.-])(\d{1,2})\2(\d{4})|(\d{1,2})\/(\d{1,2})\/(\d{2})|(\d{4})([/-])(\d{2})\9(\d{2}))(?!\d|[./-]\d)/g;

/** Words: day first (`12 mars 2026`, `le 1er avril`, `12th of March`) or month first (`March 12, 2026`, `mars 2026`). */
const WORDED = new RegExp(
  `(?<![\\p{L}\\d])(?:(?:${DAYS}),?\\s+)?(?:${DAY}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+${YEAR})?|${MONTH}\\s+(?:${DAY}(?:,?\\s+${YEAR})?|${YEAR}))(?![\\p{L}\\d])`,
  "giu",
);

function plausible(day: number, month: number): boolean {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

export const datePass: Pass = {
  id: "pii-date",
  category: "pii",
  kinds: ["date"],
  run(text, out, context) {
    NUMERIC.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = NUMERIC.exec(text)) !== null) {
      let ok: boolean;
      if (m[1] !== undefined) {
        const a = Number(m[1]);
        const b = Number(m[3]);
        ok = plausible(a, b) || plausible(b, a);
      } else if (m[5] !== undefined) {
        const a = Number(m[5]);
        const b = Number(m[6]);
        ok = plausible(a, b) || plausible(b, a);
      } else {
        const y = Number(m[8]);
        ok = y >= 1900 && y <= 2099 && plausible(Number(m[11]), Number(m[10]));
      }
      if (ok) emit(out, context, PII.date, m.index, m.index + m[0].length, 0.75);
    }
    // A month word is needed: look for one of their letters before running the regex at all.
    WORDED.lastIndex = 0;
    while ((m = WORDED.exec(text)) !== null) {
      // "may 2" / "mar 3" in English prose are mostly the verb and "march"-less abbreviations: need a year or a capital.
      const value = m[0];
      if (/^(?:may|mar|jan|jun|jul|aug|oct|nov|dec|sept?|feb|apr)\.?\s+\d/i.test(value) && !/^[A-Z]/.test(value)) continue;
      emit(out, context, PII.date, m.index, m.index + value.length, 0.7);
    }
  },
};
