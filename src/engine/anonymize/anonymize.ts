/**
 * Copy anonymized and restore: every finding becomes a `[KIND_N]` placeholder from the
 * vault; restore puts the values back.
 *
 * Placeholder-looking text already in the input (`[EMAIL_1]` typed by a person) is
 * protected: no finding may touch it, and the vault reserves it, in canonical form, so it
 * is never issued, now or in a later call. So restore gives the input back byte for byte,
 * unless the input contains a placeholder this vault issued in an earlier call: that one is
 * taken for ours, which is what makes anonymizing our own output a no-op. (Both cannot
 * hold for every text: if `y` is an output, `restore(y)` cannot be both `y` and the input.)
 */
import { Scanner } from "../detect/scanner";
import { termFormKey } from "../detect/terms";
import type { Category, Finding, ScanOptions } from "../types";
import { unionFindings } from "./cut";
import { findPlaceholderTokens, type PlaceholderToken } from "./placeholders";
import type { Vault } from "./vault";

export interface AnonymizeOptions {
  scan?: ScanOptions;
  /** Replace amounts of money too (default true; overrides `scan.money`). */
  money?: boolean;
  /** Creation time for new vault entries (default `Date.now()`). */
  now?: number;
  /**
   * Findings known from a wider text (the whole document's, cut to this text with
   * `findingsCutToRange`): replaced along with what the text's own scan finds.
   */
  findings?: readonly Finding[];
}

/** One replaced value; `start`/`end` are UTF-16 offsets of the value in the input text. */
export interface Replacement {
  start: number;
  end: number;
  placeholder: string;
  kind: string;
  category: Category;
}

/** Counts by placeholder kind (`EMAIL`, `API_KEY`), never the values. */
export interface AnonymizeReport {
  total: number;
  byKind: Record<string, number>;
}

export interface AnonymizeResult {
  text: string;
  replacements: Replacement[];
  report: AnonymizeReport;
}

export interface RestoreResult {
  text: string;
  /** How many placeholders were replaced by their value. */
  restored: number;
  /** Placeholders (canonical form) that look like ours but that the vault does not know. */
  unknown: string[];
}

/**
 * Re-scanning the output can, in rare layouts, reveal a value the first scan did not
 * report (a lower-ranked finding no longer hidden by an overlap); a few rounds make the
 * result a fixed point, which is what lets a second `anonymize` change nothing.
 */
const MAX_ROUNDS = 4;

const scanners = new WeakMap<ScanOptions, Map<string, Scanner>>();
const defaultScanners = new Map<string, Scanner>();

function scannerFor(options: AnonymizeOptions): Scanner {
  const money = options.money ?? options.scan?.money ?? true;
  const key = String(money);
  let byMoney = defaultScanners;
  if (options.scan) {
    byMoney = scanners.get(options.scan) ?? new Map();
    scanners.set(options.scan, byMoney);
  }
  let scanner = byMoney.get(key);
  if (!scanner) byMoney.set(key, (scanner = new Scanner({ ...options.scan, money })));
  return scanner;
}

interface Span {
  start: number;
  end: number;
  kind: string;
  category: Category;
  /** A bare JSON number: the placeholder goes out in quotes. */
  quoted: boolean;
}

export function anonymize(text: string, vault: Vault, options: AnonymizeOptions = {}): AnonymizeResult {
  const scanner = scannerFor(options);
  const now = options.now ?? Date.now();
  const inputTokens = findPlaceholderTokens(text);
  if (inputTokens.length > 0) vault.reserve(inputTokens.map((t) => t.normalized));

  // Spans in input coordinates, sorted and disjoint; each round adds the new ones.
  const own = scanner.scan(text);
  let spans = protect(text, options.findings ? unionFindings(own, options.findings.filter((f) => f.start >= 0 && f.end <= text.length && f.start < f.end)) : own, inputTokens);
  let output = text;
  let placed: Placed[] = [];
  for (let round = 1; spans.length > 0 && round <= MAX_ROUNDS; round++) {
    ({ output, placed } = build(text, spans, vault, now));
    if (round === MAX_ROUNDS) break;
    const more = protect(output, scanner.scan(output), findPlaceholderTokens(output));
    if (more.length === 0) break;
    spans = mergeSpans(spans, toInputSpans(more, placed));
  }
  const report: AnonymizeReport = { total: placed.length, byKind: {} };
  const replacements: Replacement[] = placed.map((p) => {
    const kind = kindOf(p.placeholder);
    report.byKind[kind] = (report.byKind[kind] ?? 0) + 1;
    return { start: p.start, end: p.end, placeholder: p.placeholder, kind: p.kind, category: p.category };
  });
  return { text: output, replacements, report };
}

function kindOf(placeholder: string): string {
  return placeholder.slice(1, placeholder.lastIndexOf("_"));
}

const QUOTES = new Set(["\"", "'", "`"]);

/**
 * Findings as spans to replace: a value's own surrounding quotes stay in the text, a
 * string escape (`\n`, `\u00e9`) is never cut in half, and nothing inside a
 * placeholder-looking token is touched (a finding that straddles one is cut to the parts
 * outside it).
 */
function protect(text: string, findings: readonly Finding[], tokens: readonly PlaceholderToken[]): Span[] {
  const spans: Span[] = [];
  let t = 0;
  for (const f of findings) {
    let start = f.start;
    let end = f.end;
    const first = text[start];
    if (end - start >= 2 && QUOTES.has(first) && text[end - 1] === first) {
      start++;
      end--;
    }
    start = afterEscape(text, start, end);
    if (backslashesBefore(text, end, start) % 2 === 1) end--;
    if (start >= end) continue;
    while (t < tokens.length && tokens[t].end <= start) t++;
    for (let i = t; i < tokens.length && tokens[i].start < end; i++) {
      if (tokens[i].start > start) pushPiece(text, spans, start, tokens[i].start, f);
      start = Math.max(start, tokens[i].end);
    }
    const number = start === f.start && end === f.end ? bareJsonNumber(text, start, end) : undefined;
    const lastEnd = spans.length > 0 ? spans[spans.length - 1].end : 0;
    if (number && number.start >= lastEnd) spans.push({ start: number.start, end: number.end, kind: f.kind, category: f.category, quoted: true });
    else if (start < end) pushPiece(text, spans, start, end, f);
  }
  return spans;
}

const JSON_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

const NUMBER_CHAR = /[-+.eE0-9]/;

/**
 * A number that is a JSON value, a member's (`"card": 4111111111111111,`) or an array
 * element's, grown to the whole number token (`-4111…`, `4111….5`). A bare placeholder
 * there would break the JSON, so it goes out as a string.
 */
function bareJsonNumber(text: string, start: number, end: number): { start: number; end: number } | undefined {
  let s = start;
  let e = end;
  while (s > 0 && NUMBER_CHAR.test(text[s - 1])) s--;
  while (e < text.length && NUMBER_CHAR.test(text[e])) e++;
  if (e - s > 400 || !JSON_NUMBER.test(text.slice(s, e))) return undefined;
  let j = e;
  while (j < text.length && isJsonSpace(text.charCodeAt(j))) j++;
  if (!(j === text.length || text[j] === "," || text[j] === "}" || text[j] === "]")) return undefined;
  let i = s - 1;
  while (i >= 0 && isJsonSpace(text.charCodeAt(i))) i--;
  if (text[i] === "[" || text[i] === ",") return { start: s, end: e };
  if (text[i] !== ":") return undefined;
  i--;
  while (i >= 0 && isJsonSpace(text.charCodeAt(i))) i--;
  return text[i] === '"' ? { start: s, end: e } : undefined;
}

function isJsonSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function backslashesBefore(text: string, at: number, limit: number): number {
  let n = 0;
  while (at - n - 1 >= limit && text.charCodeAt(at - n - 1) === 92) n++;
  return n;
}

const ESCAPE = /^(?:u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2}|[nrtbfv0])/;

/**
 * A value that starts right after an escaping backslash (`"\nbob@example.com"` in JSON)
 * starts after the escape sequence, so the output stays a valid string literal.
 */
function afterEscape(text: string, start: number, end: number): number {
  if (backslashesBefore(text, start, 0) % 2 === 0) return start;
  const m = ESCAPE.exec(text.slice(start, Math.min(end, start + 5)));
  return m ? start + m[0].length : start;
}

/**
 * A piece left by cutting around a token is kept only if it still holds a letter or digit,
 * and only if a number grown to its whole JSON token just before does not cover it.
 */
function pushPiece(text: string, spans: Span[], start: number, end: number, f: Finding): void {
  if (spans.length > 0 && spans[spans.length - 1].end > start) return;
  if (!/[\p{L}\p{N}]/u.test(text.slice(start, end))) return;
  spans.push({ start, end, kind: f.kind, category: f.category, quoted: false });
}

interface Placed extends Span {
  placeholder: string;
  /** Where the placeholder sits in the output. */
  outStart: number;
  outEnd: number;
}

/** Builds the output from slices of the input: linear in its size. */
function build(text: string, spans: readonly Span[], vault: Vault, now: number): { output: string; placed: Placed[] } {
  const parts: string[] = [];
  const placed: Placed[] = [];
  let last = 0;
  let length = 0;
  const fullNames = personParts(text, spans);
  for (const span of spans) {
    let value = text.slice(span.start, span.end);
    // `Devaux` alone, after `Camille Devaux`: the same person, the same placeholder (restore gives the full name back).
    if (fullNames && span.kind === "person") value = fullNames.get(value.toLowerCase()) ?? (/\s/.test(value) || value.length < 6 ? undefined : fullNames.get(termFormKey(value))) ?? value;
    // Every form of a term (`Colibri`, `colibri`, `Colibrí`, `maison-aubergine`) is one name: one placeholder.
    const key = span.category === "term" ? termFormKey(value) || undefined : undefined;
    const placeholder = vault.placeholderFor(value, span.kind, now, span.quoted, span.category, key);
    const inserted = span.quoted ? `"${placeholder}"` : placeholder;
    parts.push(text.slice(last, span.start));
    length += span.start - last;
    // Plain literals, not spreads: this runs once per value, tens of thousands of times per MB.
    placed.push({ start: span.start, end: span.end, kind: span.kind, category: span.category, quoted: span.quoted, placeholder, outStart: length, outEnd: length + inserted.length });
    parts.push(inserted);
    length += inserted.length;
    last = span.end;
  }
  parts.push(text.slice(last));
  return { output: parts.join(""), placed };
}

/** Each word of a multi-word person's name, lower case, to the first full name holding it; undefined when there is none. */
function personParts(text: string, spans: readonly Span[]): Map<string, string> | undefined {
  let parts: Map<string, string> | undefined;
  for (const span of spans) {
    if (span.kind !== "person") continue;
    const value = text.slice(span.start, span.end);
    if (!value.includes(" ")) continue;
    parts ??= new Map();
    for (const word of value.split(/\s+/)) {
      const key = word.replace(/[.,]+$/, "").toLowerCase();
      if (key.length >= 3 && !parts.has(key)) parts.set(key, value);
    }
    // `@leoniefavre` and `leonie.favre` meet `Léonie Favre` at its letters run together (the key terms use too).
    const joined = termFormKey(value);
    if (!parts.has(joined)) parts.set(joined, value);
  }
  return parts;
}


/**
 * Maps spans found in an output back to the input. They never overlap a placeholder (those
 * are protected tokens), so each lies in text copied verbatim from the input.
 */
function toInputSpans(spans: readonly Span[], placed: readonly Placed[]): Span[] {
  const out: Span[] = [];
  let p = 0;
  let delta = 0;
  for (const s of spans) {
    while (p < placed.length && placed[p].outEnd <= s.start) {
      delta = placed[p].end - placed[p].outEnd;
      p++;
    }
    if (p < placed.length && placed[p].outStart < s.end) continue; // defensive: overlaps a placeholder
    out.push({ start: s.start + delta, end: s.end + delta, kind: s.kind, category: s.category, quoted: s.quoted });
  }
  return out;
}

function mergeSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const all = [...a, ...b].sort((x, y) => x.start - y.start || y.end - x.end);
  const out: Span[] = [];
  for (const s of all) if (out.length === 0 || out[out.length - 1].end <= s.start) out.push(s);
  return out;
}

/**
 * Puts the values back. Accepts what chat tools do to placeholders (`[EMAIL\_1]`,
 * `\[EMAIL_1\]`, `[email_1]`); surrounding Markdown such as backticks stays, the value goes
 * where the placeholder was. Values are inserted literally.
 */
export function restore(text: string, vault: Vault): RestoreResult {
  const parts: string[] = [];
  const unknown = new Set<string>();
  let restored = 0;
  let last = 0;
  for (const token of findPlaceholderTokens(text)) {
    const entry = vault.entryOf(token.normalized);
    if (entry === undefined) {
      // Reported only if it reads like ours (exactly our form, or a kind the vault uses)
      // and is not text the vault saw literally in an input.
      const raw = text.slice(token.start, token.end);
      const ours = raw === token.normalized || vault.knowsKind(kindOf(token.normalized));
      if (ours && !vault.isReserved(token.normalized)) unknown.add(token.normalized);
      continue;
    }
    const { start, end } = quotedSpan(text, token, entry, last);
    parts.push(text.slice(last, start), entry.value);
    last = end;
    restored++;
  }
  if (restored === 0) return { text, restored, unknown: [...unknown] };
  parts.push(text.slice(last));
  return { text: parts.join(""), restored, unknown: [...unknown] };
}

/**
 * What restoring a placeholder replaces: the token, and for a bare JSON number that went out
 * as `"[CARD_1]"` its quotes too (`last`: where the text not yet copied starts).
 */
export function quotedSpan(text: string, token: { start: number; end: number }, entry: { quoted?: true }, last: number): { start: number; end: number } {
  const { start, end } = token;
  if (entry.quoted && start - 1 >= last && text[start - 1] === '"' && text[end] === '"') return { start: start - 1, end: end + 1 };
  return { start, end };
}
