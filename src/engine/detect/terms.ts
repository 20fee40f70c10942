import type { Candidate, TermSpec } from "../types";
import { ACCENTS, foldWord } from "./fold";
import { compileUserPattern, type LinearPattern } from "./userPattern";

const BASE_OF = new Map<string, string>();
for (const [base, variants] of Object.entries(ACCENTS)) for (const v of variants) BASE_OF.set(v, base);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function escapeInClass(text: string): string {
  return text.replace(/[\\\][^-]/g, "\\$&");
}

/** Characters that may join a term's words in a slug, a host, a path or an e-mail address. */
const JOINERS = /^[\s\u00a0\-_.+'’]+$/u;
/** Between two words of a term: spaces, one joiner (`maison-aubergine`, `%20` in a URL) or nothing (`MaisonAubergine`). */
const WORD_GAP = String.raw`(?:[\s\u00a0]+|[\-_.+'’]|%20)?`;

/** Every way a letter of a term may be written: both cases, with or without an accent. */
function letterSource(ch: string): string {
  const lower = ch.toLowerCase();
  const base = BASE_OF.get(lower) ?? lower;
  const variants = new Set<string>([ch, lower, ch.toUpperCase(), base, base.toUpperCase()]);
  for (const v of ACCENTS[base] ?? "") {
    variants.add(v);
    variants.add(v.toUpperCase());
  }
  // The two letters a case-insensitive Unicode regex equates with ASCII ones (fold.ts).
  if (base === "s") variants.add("\u017f");
  if (base === "k") variants.add("\u212a");
  const single = [...variants].filter((v) => Array.from(v).length === 1);
  // A decomposed accent (macOS file names) follows its letter as a combining mark.
  const marks = /\p{L}/u.test(ch) ? "\\p{M}*" : "";
  return (single.length === 1 ? escapeRegExp(single[0]) : `[${single.map(escapeInClass).join("")}]`) + marks;
}

/**
 * A term's words: runs of letters and digits, also split where a lower-case letter meets an
 * upper-case one (`MaisonAubergine`), and what lies between them.
 */
function termPieces(term: string): { word: boolean; text: string }[] {
  const pieces: { word: boolean; text: string }[] = [];
  for (const m of term.matchAll(/(\p{L}[\p{L}\p{M}\p{N}]*|\p{N}[\p{L}\p{M}\p{N}]*)|([^\p{L}\p{N}]+)/gu)) {
    if (m[2] !== undefined) pieces.push({ word: false, text: m[2] });
    else for (const part of m[1].split(/(?<=\p{Ll})(?=\p{Lu})/u)) pieces.push({ word: true, text: part });
  }
  return pieces;
}

/**
 * A regex source for a literal term in any case, with or without accents, its words apart,
 * joined (`maison-aubergine`, `maison_aubergine`) or run together (`maisonaubergine`).
 * Punctuation that is not a joiner (`AT&T`, `C++`) stays as written.
 */
function literalSource(term: string): string {
  const pieces = termPieces(term);
  let source = "";
  pieces.forEach((piece, i) => {
    const between = i > 0 && i < pieces.length - 1 && pieces[i - 1].word && pieces[i + 1].word;
    if (piece.word) {
      if (i > 0 && pieces[i - 1].word) source += WORD_GAP;
      for (const ch of piece.text) source += letterSource(ch);
    } else if (between && JOINERS.test(piece.text)) source += WORD_GAP;
    else for (const ch of piece.text) source += /\s/u.test(ch) ? "[\\s\\u00a0]+" : escapeRegExp(ch);
  });
  return source;
}

/**
 * What every form of a term starts with, as the keyword automaton spells it: its first word
 * and what follows it up to the first place its words may be apart (`at&t`, `c++`,
 * `maison`). Undefined when the automaton cannot spell it, or when it is one letter (an
 * anchor that fires at every `l` of a text costs more than one sweep).
 */
function anchorOf(term: string): string | undefined {
  const pieces = termPieces(term);
  if (!pieces[0]?.word) return undefined;
  let anchor = pieces[0].text;
  for (let i = 1; i < pieces.length; i++) {
    const piece = pieces[i];
    const gap = piece.word || (i < pieces.length - 1 && pieces[i + 1].word && JOINERS.test(piece.text));
    if (gap || /\s/u.test(piece.text)) break;
    anchor += piece.text;
  }
  const folded = foldWord(anchor);
  return folded !== undefined && folded.length >= 2 ? folded : undefined;
}

/** One regex over a list of literal terms, and the kind each alternative gives. */
interface TermRegex {
  regex: RegExp;
  /** Kind per alternative, by capture group index − 1. */
  kinds: string[];
}

/** A regex term, on the linear-time engine (userPattern.ts). */
interface PatternTerm {
  pattern: LinearPattern;
  kind: string;
}

export interface CompiledTerms {
  /**
   * Literal terms whose first word the keyword automaton can spell: the scanner adds these
   * words to its keywords and calls `findTermsAt` with where they start, so terms cost no
   * pass of their own over the text. Sticky: tried only at those offsets.
   */
  anchored: TermRegex | null;
  /** The first words of the anchored terms, folded (fold.ts), without repeats. */
  anchors: string[];
  /** Literal terms whose first word the automaton cannot spell: one pass each text. */
  swept: TermRegex | null;
  /** The user's regex terms, each its own linear-time pass. */
  patterns: PatternTerm[];
  errors: string[];
}

/**
 * A term ends where no letter or digit follows, or where an upper-case letter follows a
 * lower-case one (`ColibriApp`); `_` and punctuation end it (`COLIBRI_API`, `colibri.fr`).
 */
const TERM_END = String.raw`(?:(?![\p{L}\p{N}\p{M}])|(?<=\p{Ll})(?=\p{Lu}))`;

/** Longer terms first, so "Orion Cloud" wins over "Orion" at the same place. */
function termRegex(parts: { source: string; kind: string }[], flags: string): TermRegex | null {
  if (parts.length === 0) return null;
  // Literal sources hold no capturing group of their own: a group per term tells which matched.
  const alternatives = parts.map((p) => `(${p.source})`);
  // No lookbehind at the start: a regex that starts with one cannot skip ahead to a possible
  // first character and runs at every position; the character before is checked in code.
  return { regex: new RegExp(`(?:${alternatives.join("|")})${TERM_END}`, flags), kinds: parts.map((p) => p.kind) };
}

/** The placeholder kind of a term: `client` → `CLIENT`, default `TERM`. */
function termKind(term: TermSpec): string {
  return (term.kind || "TERM").toUpperCase().replace(/[^A-Z0-9]+/g, "_");
}

/** A clean function of the term list: the same list always compiles to the same matchers. */
export function compileTerms(terms: readonly TermSpec[]): CompiledTerms {
  const anchored: { source: string; kind: string }[] = [];
  const swept: { source: string; kind: string }[] = [];
  const patterns: PatternTerm[] = [];
  const anchors = new Set<string>();
  const errors: string[] = [];
  const ordered = [...terms].filter((t) => t.text && t.text.trim()).sort((a, b) => b.text.length - a.text.length);
  for (const term of ordered) {
    const kind = termKind(term);
    if (term.regex) {
      const compiled = compileUserPattern("term pattern", term.text, { ignoreCase: true, multiline: false });
      if (compiled.pattern) patterns.push({ pattern: compiled.pattern, kind });
      else errors.push(compiled.warning);
      continue;
    }
    const text = term.text.trim().normalize("NFC");
    const anchor = anchorOf(text);
    if (anchor) {
      anchors.add(anchor);
      anchored.push({ source: literalSource(text), kind });
    } else swept.push({ source: literalSource(text), kind });
  }
  return { anchored: termRegex(anchored, "uy"), anchors: [...anchors], swept: termRegex(swept, "gu"), patterns, errors };
}

/**
 * The key that every form of one literal term shares (`Maison Aubergine`,
 * `maison-aubergine`, `MAISON_AUBERGINE`, `Maisonaubergine` → `maisonaubergine`): letters
 * and digits only, lower case, accents off. The vault gives one placeholder per key.
 */
export function termFormKey(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/\u017f/g, "s")
    .replace(/\u212a/g, "k")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/** Whether a term may start at `index`: no letter or digit before it, or a lower-case letter before an upper-case one. */
function startsWord(text: string, index: number): boolean {
  if (index === 0) return true;
  const before = text.slice(Math.max(0, index - 2), index);
  if (!WORD_CHAR_AT_END.test(before)) return true;
  return LOWER_AT_END.test(before) && UPPER_AT_START.test(text.slice(index, index + 2));
}

const WORD_CHAR_AT_END = /[\p{L}\p{N}\p{M}]$/u;
const LOWER_AT_END = /\p{Ll}$/u;
const UPPER_AT_START = /^\p{Lu}/u;

function termCandidate(start: number, end: number, kind: string): Candidate {
  return {
    ruleId: "term",
    category: "term",
    kind,
    title: `Confidential name (${kind.toLowerCase()})`,
    start,
    end,
    confidence: 1,
    advice: "listed in your Veil terms; anonymize it before sharing",
  };
}

function kindOfMatch(m: RegExpExecArray, kinds: readonly string[]): string {
  let group = 1;
  while (group < m.length && m[group] === undefined) group++;
  return kinds[group - 1] ?? "TERM";
}

/**
 * Anchored terms at the offsets where the automaton saw one of their first words (any
 * order, repeats allowed). Like one left-to-right regex pass: a match hides the terms that
 * start inside it.
 */
export function findTermsAt(text: string, compiled: CompiledTerms, starts: number[], out: Candidate[]): void {
  const anchored = compiled.anchored;
  if (!anchored || starts.length === 0) return;
  const regex = anchored.regex;
  starts.sort((a, b) => a - b);
  let covered = 0;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    if (start < covered || (i > 0 && start === starts[i - 1]) || !startsWord(text, start)) continue;
    regex.lastIndex = start;
    const m = regex.exec(text);
    if (m === null || m[0].length === 0) continue;
    out.push(termCandidate(m.index, m.index + m[0].length, kindOfMatch(m, anchored.kinds)));
    covered = start + m[0].length;
  }
}

/** The literal terms the automaton cannot anchor, in one pass, then each regex term. */
export function findSweptTerms(text: string, compiled: CompiledTerms, out: Candidate[]): void {
  const swept = compiled.swept;
  if (swept) {
    const regex = swept.regex;
    regex.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = regex.exec(text)) !== null) {
      if (m[0].length === 0 || !startsWord(text, m.index)) {
        regex.lastIndex = m.index + 1;
        continue;
      }
      out.push(termCandidate(m.index, m.index + m[0].length, kindOfMatch(m, swept.kinds)));
    }
  }
  for (const { pattern, kind } of compiled.patterns) pattern.findWords(text, (start, end) => out.push(termCandidate(start, end, kind)));
}

/** Whether a short text (an e-mail's domain) holds one of the terms anywhere a term may start. */
export function containsTerm(text: string, compiled: CompiledTerms): boolean {
  const anchored = compiled.anchored;
  if (anchored) {
    for (let i = 0; i < text.length; i++) {
      if (!startsWord(text, i)) continue;
      anchored.regex.lastIndex = i;
      const m = anchored.regex.exec(text);
      if (m !== null && m[0].length > 0) return true;
    }
  }
  const out: Candidate[] = [];
  findSweptTerms(text, compiled, out);
  return out.length > 0;
}
