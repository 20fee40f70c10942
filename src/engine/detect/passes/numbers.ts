import type { Candidate, Pass, PassContext } from "../../types";
import { cardNetwork } from "../../validate/card";
import { luhnValid } from "../../validate/luhn";
import { isNir, isSiren, isSiret, isFrVat } from "../../validate/fr";
import { ibanLength, isIban } from "../../validate/iban";
import { checkInternationalPhone, isFrenchNationalPhone, isNanpPhone, type PhoneVerdict } from "../../validate/phone";
import { isUsSsn } from "../../validate/ssn";
import { TableColumns } from "../columns";
import { contextMatches, emit, isAsciiLetter, isDigit, isWordChar, lineEnd, linesBefore, PII } from "./common";

/**
 * Number-shaped personal data. Runs of digits joined by short separators (space, NBSP, U+202F,
 * dot, dash, parentheses) are found by two cheap regex searches (seven digits or more; dotted
 * quads) and a look for Corsica's 2A/2B, read once into group buffers, then handed to the
 * validators in order: IBAN and French VAT (letters just before the digits), IPv4, SIRET,
 * card, SIREN, NIR, US SSN, phone. A failed checksum is never a finding; formats any number
 * could take (a bare 9-digit SIREN, digits in groups that might be a phone) need a context
 * word nearby.
 */

/**
 * Where runs worth a look are: two digits followed by five more, joined by short separators
 * (every run of seven digits or more has one; starting with two digits lets the regex engine
 * skip ahead), and dotted quads, for IPv4 addresses with fewer digits.
 */
const LONG_RUN = /\d\d(?:[ \u00a0\u202f\u2009.()-]{0,2}\d){5}/g;
const DOTTED_QUAD = /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d/g;

/** A run with more digit groups than this is a table or a dump, not one identifier. */
const MAX_GROUPS = 24;
const groupStart = new Int32Array(MAX_GROUPS);
const groupEnd = new Int32Array(MAX_GROUPS);
let groupCount = 0;
let tooLong = false;
/** The run holds a Corsican department (2A / 2B) where a NIR has its department. */
let corsica = false;

function isSeparator(c: number): boolean {
  return c === 32 || c === 46 || c === 45 || c === 40 || c === 41 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

/**
 * Reads the run of digit groups starting at `s` into the group buffers; returns its end. A run
 * longer than MAX_GROUPS sets `tooLong` and stops after the last group it could hold, so no
 * caller ever reads the same characters twice.
 */
function readRun(text: string, s: number): number {
  const n = text.length;
  groupCount = 0;
  tooLong = false;
  corsica = false;
  let digits = 0;
  let j = s;
  for (;;) {
    const gs = j;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c >= 48 && c <= 57) {
        j++;
        digits++;
      } else if (digits === 6 && (c === 65 || c === 66) && text.charCodeAt(j - 1) === 50 && !isAsciiLetter(text.charCodeAt(j + 1))) {
        // "2A" / "2B": Corsica's departments inside a NIR.
        corsica = true;
        j++;
        digits++;
      } else break;
    }
    if (groupCount === MAX_GROUPS) {
      tooLong = true;
      return groupEnd[groupCount - 1];
    }
    groupStart[groupCount] = gs;
    groupEnd[groupCount] = j;
    groupCount++;
    // One separator, or two when one of them is a parenthesis: "06 12", "(0)8", ") 555".
    if (j >= n || !isSeparator(text.charCodeAt(j))) return j;
    const c1 = text.charCodeAt(j);
    let k = j + 1;
    if (k < n && !isDigit(text.charCodeAt(k))) {
      const c2 = text.charCodeAt(k);
      if (!isSeparator(c2) || (c1 !== 40 && c1 !== 41 && c2 !== 40 && c2 !== 41)) return j;
      k++;
    }
    if (k >= n || !isDigit(text.charCodeAt(k))) return j;
    j = k;
  }
}

/** End of the run that continues at `j` (same separators as readRun), read without recording. */
function skipRun(text: string, j: number): number {
  const n = text.length;
  for (;;) {
    while (j < n && isDigit(text.charCodeAt(j))) j++;
    if (j >= n || !isSeparator(text.charCodeAt(j))) return j;
    let k = j + 1;
    if (k < n && !isDigit(text.charCodeAt(k))) k++;
    if (k >= n || !isDigit(text.charCodeAt(k))) return j;
    j = k;
  }
}

function digitsOf(from: number, to: number, text: string): string {
  let s = "";
  for (let g = from; g < to; g++) s += text.slice(groupStart[g], groupEnd[g]);
  return s;
}

function groupLengths(from: number, to: number): string {
  let s = "";
  for (let g = from; g < to; g++) s += (g > from ? "," : "") + (groupEnd[g] - groupStart[g]);
  return s;
}

/** The separators between groups from..to are all of one kind: "space", "-", ".", or "mixed". */
function separatorKind(text: string, from: number, to: number): string {
  let kind = "";
  for (let g = from + 1; g < to; g++) {
    let k = "mixed";
    if (groupStart[g] - groupEnd[g - 1] === 1) {
      const c = text.charCodeAt(groupEnd[g - 1]);
      k = isSpace(c) ? "space" : c === 45 ? "-" : c === 46 ? "." : "mixed";
    }
    if (kind === "") kind = k;
    else if (kind !== k) return "mixed";
  }
  return kind || "none";
}

// Context words, matched on lower-cased text just before (or after) a number.
// Words that say "phone" anywhere before the number, and words that do only as a label
// ("Desk: …", "Office: …"; "the office is at 17 …" is an address).
const PHONE_BEFORE = new RegExp(
  "(?:^|[^\\p{L}])(?:" +
    "(?:t[ée]l[ée]?|gsm|fax|sms|cell|appel(?:ez|er|le)?|joindre)(?!\\p{L})" +
    "|call(?:ed|ing)?\\s*(?:me|us|him|her|them|back|at|on|:)(?!\\p{L})" +
    "|t[ée]l[ée]phon|phone|mobile|portable|whatsapp|cellular|cellulaire" +
    "|(?:ph|mob|desk|office|contact|home|work|bureau|domicile|direct)\\s*[:.]" +
    ")",
  "u",
);
/** Words right after a number that say it is a phone ("06 12 34 56 78 (mobile)"), lower-case ASCII. */
const PHONE_AFTER_WORDS = ["office", "fax", "mobile", "cell", "home", "work", "phone", "tel", "desk", "portable", "domicile", "bureau"];
/** The same words after any separators, for a stretch that is not all ASCII (see phoneContext). */
const PHONE_AFTER = new RegExp(`^[\\s\\-–(:,]*(?:${PHONE_AFTER_WORDS.join("|")})`);
const PHONE_AFTER_LONGEST = Math.max(...PHONE_AFTER_WORDS.map((w) => w.length));

/** Whether one of `words` (lower case ASCII) starts at `at`, in any case, ending before `stop`. */
function wordAt(text: string, at: number, stop: number, words: readonly string[]): boolean {
  next: for (const word of words) {
    if (at + word.length > stop) continue;
    for (let i = 0; i < word.length; i++) if ((text.charCodeAt(at + i) | 32) !== word.charCodeAt(i)) continue next;
    return true;
  }
  return false;
}
const COMPANY = /siren|siret|rcs|r\.c\.s|immatricul|registre du commerce|company (?:number|id)|n° tva/;
const CARD = /card|carte|(?:^|[^a-z])c[bc](?![a-z])|visa|mastercard|maestro|amex|cr[ée]dit|d[ée]bit|payment|paiement/;
const SSN = /ssn|social security|soc\.? ?sec/;
/** Words after which a dotted quad is a version, a section or a step number, not an address. */
const NOT_ADDRESS_WORDS = new Set(["v", "ver", "version", "section", "sec", "sect", "step", "chapter", "chap", "clause", "article", "art", "para", "paragraph", "figure", "fig", "table", "workflow", "rule", "release", "build"]);

/**
 * "version 1.2.3.4", AssemblyVersion("1.0.0.0"), "section 4.1.2.9", "§ 4.1.2.9",
 * OID = '2.5.29.14': the last word before the quad, or "oid" earlier on the line, says it is
 * not an address. Reads at most 40 characters, without a regex: it runs on every quad.
 */
function notAnAddress(text: string, s: number): boolean {
  const lineStart = linesBefore(text, s, 0, s - 40);
  let i = s - 1;
  while (i >= lineStart) {
    const c = text.charCodeAt(i);
    if (c === 0xa7) return true;
    if (c === 32 || c === 9 || c === 34 || c === 39 || c === 96 || c === 58 || c === 61 || c === 40 || c === 35 || c === 45 || c === 46) i--;
    else break;
  }
  const wordEnd = i + 1;
  while (i >= lineStart && isAsciiLetter(text.charCodeAt(i))) i--;
  if (wordEnd - i > 1) {
    const word = text.slice(i + 1, wordEnd).toLowerCase();
    if (NOT_ADDRESS_WORDS.has(word) || word.endsWith("version")) return true;
  }
  for (let k = lineStart; k + 2 < s; k++) {
    if ((text.charCodeAt(k) | 32) === 111 && (text.charCodeAt(k + 1) | 32) === 105 && (text.charCodeAt(k + 2) | 32) === 100) return true;
  }
  return false;
}

/** Per-scan state: where the context for the current run lies, and the libphonenumber budget. */
interface RunContext {
  text: string;
  out: Candidate[];
  context: PassContext;
  /** libphonenumber calls left in this scan; beyond it, a structural check stands in. */
  phoneBudget: number;
  memoPos: number;
  memoRe: RegExp | null;
  memoResult: boolean;
  /** Table and CSV column headers, made on first use (most texts never ask). */
  columns: TableColumns | undefined;
  /** The line onShortLine measured last: [lineFrom, lineTo), and whether it is short. */
  lineFrom: number;
  lineTo: number;
  lineShort: boolean;
}

/** A context word on this line or the one above, with no other number in between. */
function contextBefore(rc: RunContext, pos: number, re: RegExp): boolean {
  // The attempts on one run often ask the same question; remember the last answer.
  if (rc.memoPos === pos && rc.memoRe === re) return rc.memoResult;
  rc.memoPos = pos;
  rc.memoRe = re;
  return (rc.memoResult = lookBefore(rc, pos, re));
}

/**
 * The context before `pos`: back to the nearest digit, the start of the line above, or 48
 * characters, whichever comes first. One walk that stops early: on a row of numbers the
 * previous one is a few characters away.
 */
function lookBefore(rc: RunContext, pos: number, re: RegExp): boolean {
  const text = rc.text;
  const limit = Math.max(0, pos - 48);
  let from = limit;
  let lineBreaks = 0;
  for (let k = pos - 1; k >= limit; k--) {
    const c = text.charCodeAt(k);
    if (isDigit(c) || (c === 10 && ++lineBreaks === 2)) {
      from = k + 1;
      break;
    }
  }
  return contextMatches(text, from, pos, re);
}

/** A column header that says "phone": `Téléphone`, `Tel.`, `Phone`, `Mobile`, `Portable`, `GSM`, `Cell`, `Fax`, `N° de tél`. */
const PHONE_HEADER = /(?:^|[^\p{L}])(?:t[ée]l(?:[ée]phone)?s?|phones?|t[ée]l[ée]phones?|mobiles?|portables?|gsm|cell(?:ular|phone)?|fax|whatsapp)(?![\p{L}])/iu;

/** Table rows are short: on a longer line no column is looked for (finding one walks the line). */
const MAX_ROW = 4096;

/**
 * Whether `pos` lies on a line short enough to be a table row. The line last measured is
 * kept: numbers come in text order, so a long line is measured once, not once per number.
 */
function onShortLine(rc: RunContext, pos: number): boolean {
  if (pos >= rc.lineFrom && pos < rc.lineTo) return rc.lineShort;
  const text = rc.text;
  const from = pos > 0 ? text.lastIndexOf("\n", pos - 1) + 1 : 0;
  const e = text.indexOf("\n", pos);
  rc.lineFrom = from;
  rc.lineTo = e < 0 ? text.length : e;
  rc.lineShort = rc.lineTo - rc.lineFrom <= MAX_ROW;
  return rc.lineShort;
}

/** Whether the number stands in a table or CSV column whose header names phones. */
function phoneColumn(rc: RunContext, start: number): boolean {
  // Finding a column walks its line: on a 1 MB line, once per number would be quadratic.
  if (!onShortLine(rc, start)) return false;
  const header = (rc.columns ??= new TableColumns(rc.text)).headerAt(start);
  return header !== undefined && PHONE_HEADER.test(header.header) && !/(?:^|[^\p{L}])(?:id|siret|siren|iban|code|n° client)(?![\p{L}])/iu.test(header.header);
}

function phoneContext(rc: RunContext, start: number, end: number): boolean {
  if (contextBefore(rc, start, PHONE_BEFORE)) return true;
  if (phoneColumn(rc, start)) return true;
  const text = rc.text;
  // PHONE_AFTER runs on the rest of the line, 16 characters at most, and needs a word after
  // its separators: past the ASCII ones, anything else ASCII but a letter (the next number of
  // a row, most of the time) cannot match. A line break ends the stretch.
  const limit = Math.min(text.length, end + 16);
  let k = end;
  for (; k < limit; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 11 && c !== 12 && c !== 13 && c !== 45 && c !== 40 && c !== 58 && c !== 44) break;
  }
  if (k >= limit) return false;
  const c = text.charCodeAt(k);
  if (c < 128 && !isAsciiLetter(c)) return false;
  // ASCII up to the longest word: compare the words directly (letters never span a line
  // break); otherwise (a Unicode space or dash, a letter that lower-cases to ASCII) the regex
  // on the lower-cased line decides.
  let ascii = true;
  for (let i = k; i < Math.min(limit, k + PHONE_AFTER_LONGEST) && ascii; i++) ascii = text.charCodeAt(i) < 128;
  return ascii ? wordAt(text, k, limit, PHONE_AFTER_WORDS) : contextMatches(text, end, lineEnd(text, end, limit), PHONE_AFTER);
}

function checkInternational(rc: RunContext, raw: string, digitCount: number): PhoneVerdict {
  if (rc.phoneBudget > 0) {
    rc.phoneBudget--;
    return checkInternationalPhone(raw);
  }
  // Out of budget (a text with thousands of international numbers): length only.
  return digitCount >= 8 && digitCount <= 15 ? "possible" : undefined;
}

/** `x123`, ` ext. 45`, `#12` right after a phone number. */
const EXTENSION = / ?(?:x|ext\.?|#) ?\d{1,5}(?!\d)/y;

/** Tries to read groups from..to as a phone number; emits it and returns true if it is one. */
function tryPhone(rc: RunContext, from: number, to: number, digits: string, lens: string, seps: string, partial: boolean): boolean {
  const { text } = rc;
  const start = groupStart[from];
  let end = groupEnd[to - 1];
  const len = digits.length;
  if (len < 7 || len > 15) return false;
  let pStart = start;
  const before = start > 0 ? text.charCodeAt(start - 1) : 32;
  if (before === 40) pStart = start - 1;
  const next = text.charCodeAt(end);
  // EXTENSION starts with an optional space, then x, e or #: look before running it.
  const first = next === 32 ? text.charCodeAt(end + 1) : next;
  if (first === 120 || first === 101 || first === 35) {
    EXTENSION.lastIndex = end;
    const ext = EXTENSION.exec(text);
    if (ext) end += ext[0].length;
  }
  let ctx: boolean | undefined;
  const hasContext = () => (ctx ??= phoneContext(rc, pStart, end));

  // International: "+33 6 12 34 56 78", "+46 (0)8 928 571 38", "0033 1 …", "001-518-…".
  let plus = -1;
  if (before === 43) plus = start - 1;
  else if (before === 40 && start > 1 && text.charCodeAt(start - 2) === 43) plus = start - 2;
  const doubleZero = plus < 0 && digits.startsWith("00") && digits[2] !== "0" && groupEnd[from] - start >= 3 && groupEnd[from] - start <= 5;
  if (plus >= 0 || doubleZero) {
    if (plus >= 0 && plus > 0 && isWordChar(text.charCodeAt(plus - 1))) return false;
    const national = doubleZero ? len - 2 : len;
    if (national < 7) return false;
    const raw = text.slice(plus >= 0 ? plus : start, groupEnd[to - 1]);
    const verdict = checkInternational(rc, raw, national);
    if (!verdict) return false;
    const confidence = verdict === "valid" ? 0.9 : rc.phoneBudget > 0 && hasContext() ? 0.85 : seps !== "none" ? 0.7 : 0.6;
    emit(rc.out, rc.context, PII.phone, plus >= 0 ? plus : start, end, confidence);
    return true;
  }

  // French national numbers: "01 23 45 67 89", "06.12.34.56.78", "0612345678" near "tél".
  if (isFrenchNationalPhone(digits)) {
    if (lens === "2,2,2,2,2" && seps !== "mixed") {
      emit(rc.out, rc.context, PII.phone, start, end, hasContext() ? 0.95 : 0.85);
      return true;
    }
    // A French mobile written as ten digits ("0612345678" in a CSV column): 06/07 numbers
    // are mobiles only, and a run of exactly ten digits starting so is rarely anything else.
    if (to - from === 1 && !partial && (digits.charCodeAt(1) === 54 || digits.charCodeAt(1) === 55) && !(before === 46 && isDigit(text.charCodeAt(start - 2))) && !(text.charCodeAt(end) === 46 && isDigit(text.charCodeAt(end + 1)))) {
      emit(rc.out, rc.context, PII.phone, start, end, hasContext() ? 0.95 : 0.7);
      return true;
    }
  }
  // North American: "(555) 234-5678", "555-234-5678", "555.234.5678", "1-555-234-5678".
  if (isNanpPhone(digits)) {
    const parenArea = before === 40 && lens === "3,3,4" && text.charCodeAt(groupEnd[from]) === 41 && text.charCodeAt(groupStart[from + 1] - 1) !== 40;
    if (parenArea || ((lens === "3,3,4" || lens === "1,3,3,4") && (seps === "-" || seps === "."))) {
      emit(rc.out, rc.context, PII.phone, pStart, end, hasContext() ? 0.9 : 0.8);
      return true;
    }
  }
  // A national number with its trunk prefix, written in groups ("0688 872 49 99",
  // "024 971 50 30", "0961-7596216"): how most countries outside North America write phones.
  if (len >= 9 && len <= 11 && to - from >= 2 && to - from <= 5 && digits.charCodeAt(0) === 48 && digits.charCodeAt(1) !== 48 && (seps === "space" || seps === "-" || seps === ".")) {
    let groupsOk = true;
    for (let g = from; g < to && groupsOk; g++) groupsOk = groupEnd[g] - groupStart[g] >= 2 && groupEnd[g] - groupStart[g] <= 8;
    // Cut out of a longer row of numbers, the shape alone proves nothing.
    if (groupsOk && (!partial || hasContext())) {
      emit(rc.out, rc.context, PII.phone, pStart, end, hasContext() ? 0.85 : 0.65);
      return true;
    }
  }
  // Anything else looks like a phone number only next to a word that says so.
  if (len > 13 || (to - from === 1 && len < 9) || to - from > 6) return false;
  if (looksLikeDate(text, from, to)) return false;
  if (!hasContext()) return false;
  emit(rc.out, rc.context, PII.phone, pStart, end, to - from > 1 ? 0.75 : 0.7);
  return true;
}

/** Groups starting 4-2-2 or 2-2-4 (3 or 4 groups) with a year 19xx/20xx: a date, maybe with a time. */
function looksLikeDate(text: string, from: number, to: number): boolean {
  if (to - from < 3 || to - from > 4 || groupLength(from + 1) !== 2) return false;
  const yearFirst = groupLength(from) === 4 && groupLength(from + 2) === 2;
  if (!yearFirst && !(groupLength(from) === 2 && groupLength(from + 2) === 4)) return false;
  const year = yearFirst ? groupStart[from] : groupStart[from + 2];
  const a = text.charCodeAt(year);
  const b = text.charCodeAt(year + 1);
  return (a === 49 && b === 57) || (a === 50 && b === 48); // "19…" or "20…"
}

/** Tries groups from..to as one identifier; emits it and returns true if it is one. */
function classify(rc: RunContext, from: number, to: number, partial: boolean): boolean {
  const { text, out, context } = rc;
  const start = groupStart[from];
  const end = groupEnd[to - 1];
  let len = 0;
  for (let g = from; g < to; g++) len += groupEnd[g] - groupStart[g];
  if (len < 7 || len > 19) return false;
  const digits = digitsOf(from, to, text);
  const lens = groupLengths(from, to);
  const seps = separatorKind(text, from, to);
  const single = to - from === 1;
  const spaced = seps === "space" || seps === "none";

  if (corsica) {
    if (len === 15 && (single || spaced) && isNir(digits)) {
      emit(out, context, PII["fr-nir"], start, end, 0.9);
      return true;
    }
    return false;
  }
  let company: boolean | undefined;
  const companyContext = () => (company ??= contextBefore(rc, start, COMPANY));

  if (len === 14 && (single || spaced) && isSiret(digits) && (lens === "3,3,3,5" || companyContext())) {
    emit(out, context, PII["fr-siret"], start, end, 0.9);
    return true;
  }
  // A known network's prefix and length; or, next to a word like "card", any Luhn-valid number.
  if (len >= 12 && (single || seps === "space" || seps === "-") && cardGrouping(from, to) && luhnValid(digits)) {
    const network = cardNetwork(digits) !== undefined;
    if ((network && len >= 13) || contextBefore(rc, start, CARD)) {
      emit(out, context, PII["credit-card"], start, end, single ? (network ? 0.85 : 0.75) : 0.95);
      return true;
    }
  }
  if (len === 9 && (single || (lens === "3,3,3" && spaced)) && isSiren(digits) && companyContext()) {
    emit(out, context, PII["fr-siren"], start, end, 0.85);
    return true;
  }
  if (len === 15 && (single || (spaced && /^(?:1,2,2,2,3,3,2|13,2)$/.test(lens))) && isNir(digits)) {
    emit(out, context, PII["fr-nir"], start, end, 0.9);
    return true;
  }
  if (len === 9 && isUsSsn(digits)) {
    if ((lens === "3,2,4" && seps === "-") || ((single || (lens === "3,2,4" && spaced)) && contextBefore(rc, start, SSN))) {
      emit(out, context, PII["us-ssn"], start, end, seps === "-" ? 0.85 : 0.75);
      return true;
    }
  }
  return tryPhone(rc, from, to, digits, lens, seps, partial);
}

/** How cards are written: one run, groups of 4 with a last group of 1–4, or Amex's 4-6-5 (4-6-4). */
function cardGrouping(from: number, to: number): boolean {
  if (to - from === 1) return true;
  if (to - from === 3 && groupLength(from) === 4 && groupLength(from + 1) === 6 && (groupLength(from + 2) === 5 || groupLength(from + 2) === 4)) return true;
  for (let g = from; g < to - 1; g++) if (groupLength(g) !== 4) return false;
  const last = groupLength(to - 1);
  return last >= 1 && last <= 4;
}

function groupLength(g: number): number {
  return groupEnd[g] - groupStart[g];
}

/** Group ranges [from, to) of the IPv4 addresses found in the current run, in pairs. */
const ipRanges: number[] = [];

/**
 * IPv4 addresses in the run: chains of exactly four groups joined by single dots ("8.8.8.8
 * 8.8.4.4" is one run holding two). Fills `ipRanges`; emits them when asked.
 */
function findIpv4s(rc: RunContext, emitThem: boolean): void {
  const { text } = rc;
  ipRanges.length = 0;
  let g = 0;
  while (g < groupCount) {
    let h = g;
    while (h + 1 < groupCount && groupStart[h + 1] - groupEnd[h] === 1 && text.charCodeAt(groupEnd[h]) === 46) h++;
    const before = groupStart[g] > 0 ? text.charCodeAt(groupStart[g] - 1) : 32;
    const after = groupEnd[h] < text.length ? text.charCodeAt(groupEnd[h]) : 32;
    // Without emitting, only the shape matters (the caller skips these groups).
    if (h - g === 3 && !isWordChar(before) && !isWordChar(after) && isIpv4(text, g, emitThem)) {
      if (emitThem) emit(rc.out, rc.context, PII["ip-address"], groupStart[g], groupEnd[h], singleDigitOctets(g) ? 0.4 : 0.85);
      ipRanges.push(g, h + 1);
    }
    g = h + 1;
  }
}

function isIpv4(text: string, from: number, checkContext: boolean): boolean {
  let first = 0;
  for (let g = from; g < from + 4; g++) {
    const len = groupEnd[g] - groupStart[g];
    if (len < 1 || len > 3) return false;
    if (len > 1 && text.charCodeAt(groupStart[g]) === 48) return false;
    let octet = 0;
    for (let i = groupStart[g]; i < groupEnd[g]; i++) octet = octet * 10 + text.charCodeAt(i) - 48;
    if (octet > 255) return false;
    if (g === from) first = octet;
  }
  // Unspecified (0/8), loopback (127/8), multicast, reserved and masks (224 and up).
  if (first === 0 || first === 127 || first >= 224) return false;
  return !checkContext || !notAnAddress(text, groupStart[from]);
}

/** 1.2.3.4, 4.1.2.9: far more often a section, a step or an example than a host. */
function singleDigitOctets(from: number): boolean {
  for (let g = from; g < from + 4; g++) if (groupEnd[g] - groupStart[g] !== 1) return false;
  return true;
}

/** IBAN verdicts by value: a statement repeats the same account many times. */
const ibanVerdicts = new Map<string, boolean>();
function checkIban(compact: string): boolean {
  let verdict = ibanVerdicts.get(compact);
  if (verdict === undefined) {
    if (ibanVerdicts.size >= 1024) ibanVerdicts.clear();
    ibanVerdicts.set(compact, (verdict = isIban(compact)));
  }
  return verdict;
}

/** Tries an IBAN starting at `p` (two letters of a country code); returns its end or -1. */
function tryIban(text: string, p: number): number {
  const country = text.slice(p, p + 2).toUpperCase();
  const length = ibanLength(country);
  if (!length) return -1;
  const n = text.length;
  let compact = "";
  let i = p;
  while (compact.length < length && i < n) {
    const c = text.charCodeAt(i);
    if (isDigit(c) || isAsciiLetter(c)) {
      compact += text[i];
      i++;
    } else if ((isSpace(c) || c === 45) && i + 1 < n && (isDigit(text.charCodeAt(i + 1)) || isAsciiLetter(text.charCodeAt(i + 1)))) {
      i++;
    } else break;
  }
  if (compact.length < length || (i < n && isWordChar(text.charCodeAt(i)))) return -1;
  return checkIban(compact) ? i : -1;
}

/** French VAT number "FR40 303 265 045": the key and the SIREN from the run read at `s`. */
function tryFrVat(rc: RunContext, vatStart: number): boolean {
  let digits = "";
  let to = 0;
  while (to < groupCount && digits.length < 11) {
    digits += rc.text.slice(groupStart[to], groupEnd[to]);
    to++;
  }
  if (digits.length !== 11 || !isFrVat("FR" + digits)) return false;
  const end = groupEnd[to - 1];
  if (end < rc.text.length && isWordChar(rc.text.charCodeAt(end))) return false;
  emit(rc.out, rc.context, PII["fr-vat"], vatStart, end, 0.9);
  return true;
}

/** The start of the run that holds position `p` (readRun's separators, read backwards), not before `floor`. */
function runStart(text: string, p: number, floor: number): number {
  let s = p;
  for (;;) {
    while (s > floor && isDigit(text.charCodeAt(s - 1))) s--;
    if (s - 2 < floor || !isSeparator(text.charCodeAt(s - 1))) return s;
    const c1 = text.charCodeAt(s - 1);
    if (isDigit(text.charCodeAt(s - 2))) {
      s -= 1;
      continue;
    }
    const c2 = text.charCodeAt(s - 2);
    if (s - 3 < floor || !isSeparator(c2) || (c1 !== 40 && c1 !== 41 && c2 !== 40 && c2 !== 41) || !isDigit(text.charCodeAt(s - 3))) return s;
    s -= 2;
  }
}

/** Where an IBAN whose digits include the run at `s` may start: "GB82WEST1234…", "FR76 3000 …". */
function tryIbanBefore(rc: RunContext, s: number): number {
  const { text } = rc;
  const limit = Math.max(0, s - 16);
  for (let q = s - 2; q >= limit; q--) {
    const c = text.charCodeAt(q);
    if (!(isAsciiLetter(c) || isDigit(c) || isSpace(c))) break;
    if (!isAsciiLetter(c) || !isAsciiLetter(text.charCodeAt(q + 1))) continue;
    if (!isDigit(text.charCodeAt(q + 2)) || !isDigit(text.charCodeAt(q + 3))) continue;
    if (q > 0 && isWordChar(text.charCodeAt(q - 1))) continue;
    const end = tryIban(text, q);
    if (end > s) {
      emit(rc.out, rc.context, PII.iban, q, end, 0.95);
      return end;
    }
  }
  return -1;
}

/**
 * Handles the run starting at `s`; returns where to continue. `shortOnly`: the caller found a
 * dotted quad, and only IPv4 addresses are left to find (the rest was handled from LONG_RUN).
 */
function handleRun(rc: RunContext, s: number, shortOnly: boolean): number {
  const { text } = rc;
  const n = text.length;
  const e = readRun(text, s);
  let digitCount = 0;
  for (let g = 0; g < groupCount; g++) digitCount += groupEnd[g] - groupStart[g];

  if (shortOnly) {
    // A long list of addresses fills the group buffers: the search resumes after the last one read.
    findIpv4s(rc, true);
    return e;
  }
  // Too long to be one identifier (a table, a dump): skip it whole.
  if (tooLong) return skipRun(text, e);
  const ibanEnd = tryIbanBefore(rc, s);
  if (ibanEnd > 0) return ibanEnd;
  // "FR40303265045", "FR 40 303 265 045"
  const vatStart = text.startsWith("FR", s - 2) ? s - 2 : text.charCodeAt(s - 1) === 32 && text.startsWith("FR", s - 3) ? s - 3 : -1;
  if (vatStart >= 0 && (vatStart === 0 || !isWordChar(text.charCodeAt(vatStart - 1))) && tryFrVat(rc, vatStart)) return e;

  // Digits inside an identifier, a hex string or a decimal fraction are not identifiers,
  // nor are those hyphenated to a word: CVE-2026-9358, ISO-8859-1, build_20240115.
  const before = s > 0 ? text.charCodeAt(s - 1) : 32;
  if (isWordChar(before)) return e;
  if ((before === 45 || before === 47) && s >= 2 && isWordChar(text.charCodeAt(s - 2))) return e;
  if ((before === 46 || before === 44) && s >= 2 && isDigit(text.charCodeAt(s - 2))) return e;
  const after = e < n ? text.charCodeAt(e) : 32;
  if (isWordChar(after) && !(after === 120 && isDigit(text.charCodeAt(e + 1)))) return e;
  // IPv4 addresses are all emitted from the dotted-quad search; classify what lies between them.
  findIpv4s(rc, false);
  if (ipRanges.length === 0) {
    if (digitCount >= 7) classifySegment(rc, 0, groupCount);
    return e;
  }
  let from = 0;
  for (let i = 0; i <= ipRanges.length; i += 2) {
    const to = i < ipRanges.length ? ipRanges[i] : groupCount;
    if (to > from) classifySegment(rc, from, to);
    if (i < ipRanges.length) from = ipRanges[i + 1];
  }
  return e;
}

/** Classifies groups from..to, or else the longest numbers at its start or end. */
function classifySegment(rc: RunContext, from: number, to: number): void {
  if (classify(rc, from, to, false)) return;
  // Two numbers side by side have a few groups; a long row of small numbers is a table.
  if (to - from > 8) return;
  // A number written next to another: "4111 1111 1111 1111 12/25", "Box 12 06 12 34 56 78".
  for (let k = to - 1; k > from; k--) if (classify(rc, from, k, true)) return;
  for (let k = from + 1; k < to; k++) if (classify(rc, k, to, true)) return;
}

export const numbersPass: Pass = {
  id: "pii-numbers",
  category: "pii",
  kinds: ["phone", "credit-card", "iban", "ip-address", "fr-nir", "fr-siren", "fr-siret", "fr-vat", "us-ssn"],
  run(text: string, out: Candidate[], context: PassContext): void {
    const rc: RunContext = { text, out, context, phoneBudget: 128 + (text.length >> 13), memoPos: -1, memoRe: null, memoResult: false, columns: undefined, lineFrom: 0, lineTo: 0, lineShort: false };
    // Digits are about 1% of source code: let the regex engine find the few runs worth a look
    // instead of walking every character in JS.
    let floor = 0;
    let m: RegExpExecArray | null;
    LONG_RUN.lastIndex = 0;
    while ((m = LONG_RUN.exec(text)) !== null) {
      const end = handleRun(rc, runStart(text, m.index, floor), false);
      floor = Math.max(end, m.index + 1);
      LONG_RUN.lastIndex = floor;
    }
    // Corsican NIRs ("2 85 05 2A 006 084 82"): the letters split the digits, so look for 2A / 2B.
    for (const department of ["2A", "2B"]) {
      for (let p = text.indexOf(department); p !== -1; p = text.indexOf(department, p + 2)) {
        const s = runStart(text, p, Math.max(0, p - 12));
        if (p - s < 5) continue;
        readRun(text, s);
        if (corsica) handleRun(rc, s, false);
      }
    }
    DOTTED_QUAD.lastIndex = 0;
    while ((m = DOTTED_QUAD.exec(text)) !== null) DOTTED_QUAD.lastIndex = Math.max(m.index + 1, handleRun(rc, m.index, true));
  },
};
