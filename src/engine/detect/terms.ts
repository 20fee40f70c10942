import type { Candidate, TermSpec } from "../types";
import { patternWarning } from "../util/errors";
import { ACCENTS, foldWord } from "./fold";

const BASE_OF = new Map<string, string>();
for (const [base, variants] of Object.entries(ACCENTS)) for (const v of variants) BASE_OF.set(v, base);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A regex source for a literal term, matching any accent variant and flexible spacing. */
function literalSource(term: string): string {
  let source = "";
  for (const ch of term) {
    const base = BASE_OF.get(ch.toLowerCase());
    if (base) source += `[${ACCENTS[base]}]`;
    else if (/\s/.test(ch)) source += "[\\s\\u00a0]+";
    else source += escapeRegExp(ch);
  }
  return source;
}

/** One regex over a list of terms, and the kind each alternative gives. */
interface TermRegex {
  regex: RegExp;
  /** Kind per alternative, by capture group index − 1. */
  kinds: string[];
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
  /** The other terms (user regexes, first words the automaton cannot spell): one pass each text. */
  swept: TermRegex | null;
  errors: string[];
}

/** Longer terms first, so "Orion Cloud" wins over "Orion" at the same place. */
function termRegex(parts: { source: string; kind: string }[], flags: string): TermRegex | null {
  if (parts.length === 0) return null;
  // Named groups would clash between terms; a plain group per term tells which matched.
  const alternatives = parts.map((p) => `(${p.source.replace(/\((?!\?)/g, "(?:")})`);
  // No lookbehind: a regex that starts with one cannot skip ahead to a possible first
  // character and runs at every position; the character before is checked in code.
  return { regex: new RegExp(`(?:${alternatives.join("|")})(?![\\p{L}\\p{N}_])`, flags), kinds: parts.map((p) => p.kind) };
}

export function compileTerms(terms: readonly TermSpec[]): CompiledTerms {
  const anchored: { source: string; kind: string }[] = [];
  const swept: { source: string; kind: string }[] = [];
  const anchors = new Set<string>();
  const errors: string[] = [];
  const ordered = [...terms].filter((t) => t.text && t.text.trim()).sort((a, b) => b.text.length - a.text.length);
  for (const term of ordered) {
    const kind = (term.kind || "TERM").toUpperCase().replace(/[^A-Z0-9]+/g, "_");
    if (term.regex) {
      try {
        new RegExp(term.text, "u");
      } catch (error) {
        errors.push(patternWarning("term pattern", term.text, error));
        continue;
      }
      swept.push({ source: term.text, kind });
      continue;
    }
    const text = term.text.trim().normalize("NFC");
    const anchor = foldWord(text.split(/\s/, 1)[0]);
    if (anchor) {
      anchors.add(anchor);
      anchored.push({ source: literalSource(text), kind });
    } else swept.push({ source: literalSource(text), kind });
  }
  return { anchored: termRegex(anchored, "iuy"), anchors: [...anchors], swept: termRegex(swept, "giu"), errors };
}

const WORD_CHAR_AT_END = /[\p{L}\p{N}_]$/u;

/** Whether the code point just before `index` is a letter, a digit or `_` (not a word start). */
function wordCharEndsAt(text: string, index: number): boolean {
  return index > 0 && WORD_CHAR_AT_END.test(text.slice(Math.max(0, index - 2), index));
}

function termCandidate(m: RegExpExecArray, kinds: readonly string[]): Candidate {
  let group = 1;
  while (group < m.length && m[group] === undefined) group++;
  const kind = kinds[group - 1] ?? "TERM";
  return {
    ruleId: "term",
    category: "term",
    kind,
    title: `Confidential name (${kind.toLowerCase()})`,
    start: m.index,
    end: m.index + m[0].length,
    confidence: 1,
    advice: "listed in your Veil terms; anonymize it before sharing",
  };
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
    if (start < covered || (i > 0 && start === starts[i - 1]) || wordCharEndsAt(text, start)) continue;
    regex.lastIndex = start;
    const m = regex.exec(text);
    if (m === null || m[0].length === 0) continue;
    out.push(termCandidate(m, anchored.kinds));
    covered = start + m[0].length;
  }
}

/** The terms the automaton cannot anchor, in one pass over the text. */
export function findSweptTerms(text: string, compiled: CompiledTerms, out: Candidate[]): void {
  const swept = compiled.swept;
  if (!swept) return;
  const regex = swept.regex;
  regex.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = regex.exec(text)) !== null) {
    if (m[0].length === 0 || wordCharEndsAt(text, m.index)) {
      regex.lastIndex = m.index + 1;
      continue;
    }
    out.push(termCandidate(m, swept.kinds));
  }
}
