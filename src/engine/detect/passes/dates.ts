import type { Pass } from "../../types";
import { PII, emit, isDigit } from "./common";

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

/** Month names and their abbreviations, lower case without the final dot. */
const MONTHS = new Set([
  "janvier", "janv", "février", "fevrier", "févr", "fevr", "fév", "fev", "mars", "avril", "avr", "mai", "juin", "juillet", "juil", "août", "aout", "septembre", "sept", "octobre", "oct", "novembre", "nov", "décembre", "decembre", "déc", "dec",
  "january", "jan", "february", "feb", "march", "mar", "april", "apr", "may", "june", "jun", "july", "jul", "august", "aug", "september", "sep", "october", "november", "december",
]);
/** English abbreviations that are also words ("may", "mar"): month-first only with a capital. */
const AMBIGUOUS = new Set(["may", "mar", "jan", "jun", "jul", "aug", "oct", "nov", "dec", "sep", "sept", "feb", "apr"]);
const WEEKDAYS = new Set(["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun"]);

/** Numbers: d/m/y or m/d/y with `/`, `.` or `-` and a 4-digit year, or `/` and a 2-digit one; ISO y-m-d. */
const NUMERIC = /(?<![\d./-])(?:(\d{1,2})([/.-])(\d{1,2})\2(\d{4})|(\d{1,2})\/(\d{1,2})\/(\d{2})|(\d{4})([/-])(\d{2})\9(\d{2}))(?!\d|[./-]\d)/g;

/** A number that may be a day or a year in a worded date ("12", "1er", "3rd", "2026"). */
const WORD_DATE_NUMBER = /(?<![\p{L}\d.,/:-])(\d{1,4})(er|st|nd|rd|th)?(?![\p{L}\d]|[.,/:-]\d)/gu;

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

/** The word that ends at `end` (exclusive), with its start; empty when none. */
function wordBefore(text: string, end: number): { start: number; word: string } {
  let i = end;
  while (i > 0 && isLetter(text.charCodeAt(i - 1)) && end - i < 12) i--;
  return { start: i, word: i > 0 && isLetter(text.charCodeAt(i - 1)) ? "" : text.slice(i, end) };
}

/** The word that starts at `start`, with its end; empty when none. */
function wordAfter(text: string, start: number): { end: number; word: string } {
  let i = start;
  while (i < text.length && isLetter(text.charCodeAt(i)) && i - start < 12) i++;
  return { end: i, word: i < text.length && isLetter(text.charCodeAt(i)) ? "" : text.slice(start, i) };
}

/** Skips up to 3 spaces (and one comma when `comma`) from `i`. */
function skipSpaces(text: string, i: number, comma = false): number {
  let k = i;
  if (comma && text.charCodeAt(k) === 44) k++;
  const max = k + 3;
  while (k < max && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 160 || text.charCodeAt(k) === 9)) k++;
  return k;
}

/** Skips up to 3 spaces (and one comma when `comma`) backwards from `i` (exclusive). */
function skipSpacesBack(text: string, i: number, comma = false): number {
  let k = i;
  const min = k - 3;
  while (k > min && k > 0 && (text.charCodeAt(k - 1) === 32 || text.charCodeAt(k - 1) === 160 || text.charCodeAt(k - 1) === 9)) k--;
  if (comma && k > 0 && text.charCodeAt(k - 1) === 44) k--;
  return k;
}

function monthWord(word: string): boolean {
  return word.length >= 3 && MONTHS.has(word.toLowerCase());
}

/** A year right after `i` (", 2026", " 2026"): its end, or -1. */
function yearAt(text: string, i: number): number {
  const k = skipSpaces(text, i, true);
  if (k === i) return -1;
  const y = text.slice(k, k + 4);
  if (!/^(?:19|20)\d\d$/.test(y) || isLetter(text.charCodeAt(k + 4)) || /\d/.test(text.charAt(k + 4))) return -1;
  return k + 4;
}

/** A weekday before `start` ("lundi 12", "Thursday, February"): where the date starts. */
function withWeekday(text: string, start: number): number {
  const k = skipSpacesBack(text, start, true);
  if (k === start) return start;
  const { start: ws, word } = wordBefore(text, k);
  return word && WEEKDAYS.has(word.toLowerCase()) ? ws : start;
}

/**
 * Worded dates, anchored on their number: a month word right after a day ("12 mars",
 * "12th of March") or right before a day or a year ("March 12", "mars 2026"). Digit runs
 * are where the work starts, so text without numbers costs one regex sweep.
 */
function wordedDates(text: string, emitDate: (start: number, end: number) => void): void {
  WORD_DATE_NUMBER.lastIndex = 0;
  let m: RegExpExecArray | null;
  let lastEnd = -1;
  while ((m = WORD_DATE_NUMBER.exec(text)) !== null) {
    if (m.index < lastEnd) continue;
    const n = Number(m[1]);
    const numEnd = m.index + m[0].length;
    const isDay = m[1].length <= 2 && n >= 1 && n <= 31 && (m[2] !== "er" || n === 1);
    const isYear = m[1].length === 4 && n >= 1900 && n <= 2099 && m[2] === undefined;
    // Day first: "12 mars [2026]", "1er avril", "12th of March, 2026".
    if (isDay) {
      let k = skipSpaces(text, numEnd);
      if (k > numEnd) {
        const of = text.slice(k, k + 3).toLowerCase();
        if (of === "of " || of === "de ") k = skipSpaces(text, k + 2);
        const { end, word } = wordAfter(text, k);
        if (word && monthWord(word)) {
          let stop = text.charCodeAt(end) === 46 && word.length <= 4 ? end + 1 : end;
          const year = yearAt(text, stop === end + 1 ? stop : end);
          if (year > 0) stop = year;
          const start = withWeekday(text, m.index);
          emitDate(start, stop);
          lastEnd = stop;
          WORD_DATE_NUMBER.lastIndex = stop;
          continue;
        }
      }
    }
    // Month first: "March 12[, 2026]", "Sept. 3", "mars 2026", "September 2026".
    if (isDay || isYear) {
      let k = skipSpacesBack(text, m.index);
      if (k === m.index) continue;
      if (text.charCodeAt(k - 1) === 46) k--;
      const { start: ws, word } = wordBefore(text, k);
      if (!word || !monthWord(word)) continue;
      if (AMBIGUOUS.has(word.toLowerCase()) && !/^[A-Z]/.test(word)) continue;
      if (isYear && ws < lastEnd) continue;
      let stop = numEnd;
      if (isDay) {
        const year = yearAt(text, numEnd);
        if (year > 0) stop = year;
      }
      const start = withWeekday(text, ws);
      emitDate(start, stop);
      lastEnd = stop;
      WORD_DATE_NUMBER.lastIndex = stop;
    }
  }
}

/**
 * A day and a month without a year (`12/03`, the month on two digits: `3/4` is a fraction),
 * after a word that takes a date: `le 12/03`, `jeudi 12/03`, `jusqu'au 05/04`, `avant le 30/06`.
 * Day first, the French order: `on 12/03` is left to the numeric forms with a year. Read from
 * each `/`: a regex tried at every offset cost a third of the engine's time with dates on.
 */
const SHORT_DATE_CUE = /(?:(?<![\p{L}\d])(?:le|du|au|dès le|avant le|après le|jusqu['’]au|depuis le|à partir du|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|from|until|till|since|by|due|embargo|shipped|rendez-vous|rdv|date|dates|deadline|échéance|livraison)(?: ?:)? |(?<![\d/])\d{1,2}\/\d{2} (?:et|and|ou|or|&|-|–) |^[ \t]*(?:[-*•][ \t]+)?|\|[ \t]*)$/iu;
/** What follows a short date that opens its line or a table cell: `- 15/04 : séminaire`, `| 22/03 |`. */
const SHORT_DATE_ALONE_AFTER = /^[ \t]*(?:[:|–—-]|\r?$)/;

function shortDates(text: string, emitDate: (start: number, end: number) => void): void {
  for (let p = text.indexOf("/"); p !== -1; p = text.indexOf("/", p + 1)) {
    // Jira's `24/Mar/27`, Apache logs' `10/Oct/2026`: day, month word, year.
    if (isLetter(text.charCodeAt(p + 1))) {
      MONTH_SLASH.lastIndex = p;
      const m = MONTH_SLASH.exec(text);
      if (m !== null && isDigit(text.charCodeAt(p - 1)) && !isDigit(text.charCodeAt(p - 3)) && text.charCodeAt(p - 3) !== 47) {
        const ds = isDigit(text.charCodeAt(p - 2)) ? p - 2 : p - 1;
        if (plausible(Number(text.slice(ds, p)), 1)) emitDate(ds, p + m[0].length);
      }
      continue;
    }
    if (!isDigit(text.charCodeAt(p + 1)) || !isDigit(text.charCodeAt(p + 2))) continue;
    let ds = p;
    while (ds > 0 && p - ds < 2 && isDigit(text.charCodeAt(ds - 1))) ds--;
    if (ds === p || isDigit(text.charCodeAt(ds - 1))) continue;
    const end = p + 3;
    // Not a longer number, a date with its year, a decimal or a percentage: `12/03/2026`, `12/03,5`, `12/30 %`.
    const c = text.charCodeAt(end);
    if (isDigit(text.charCodeAt(end)) || c === 47 || c === 45 || ((c === 46 || c === 44) && isDigit(text.charCodeAt(end + 1))) || c === 37 || (/\s/.test(text.charAt(end)) && text.charCodeAt(end + 1) === 37)) continue;
    if (!plausible(Number(text.slice(ds, p)), Number(text.slice(p + 1, end)))) continue;
    let ls = ds;
    while (ls > 0 && ds - ls < 16 && text.charCodeAt(ls - 1) !== 10) ls--;
    const before = text.slice(ls > 0 && text.charCodeAt(ls - 1) !== 10 ? Math.max(0, ds - 16) : ls, ds);
    const cue = SHORT_DATE_CUE.exec(before);
    if (!cue) continue;
    // Opening a line, a list item or a cell, the date stands alone there: a label or the cell's end follows.
    // Its day on two digits (`| 1/10 |` is a score).
    if (/^[ \t]*(?:[-*•][ \t]+)?$|^\|[ \t]*$/.test(cue[0]) && (p - ds < 2 || !SHORT_DATE_ALONE_AFTER.test(text.slice(end, end + 4)))) continue;
    emitDate(withWeekday(text, ds), end);
  }
}

const MONTH_SLASH = /\/(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\/(?:\d{4}|\d{2})(?![\d/])/y;

/** The time of an ISO timestamp after its date (`T07:00:00.000Z`, `T14:32+02:00`), taken in; its end, or `end` when none. */
const ISO_TIME = /T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?(?![\d:])/y;
function withIsoTime(text: string, end: number): number {
  if (text.charCodeAt(end) !== 84) return end;
  ISO_TIME.lastIndex = end;
  const m = ISO_TIME.exec(text);
  return m ? end + m[0].length : end;
}

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
      if (ok) emit(out, context, PII.date, m.index, m[8] !== undefined ? withIsoTime(text, m.index + m[0].length) : m.index + m[0].length, 0.75);
    }
    wordedDates(text, (start, end) => emit(out, context, PII.date, start, end, 0.7));
    shortDates(text, (start, end) => emit(out, context, PII.date, start, end, 0.7));
  },
};
