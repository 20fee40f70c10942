import type { Candidate, TermSpec } from "../types";
import { patternWarning } from "../util/errors";

/** Accent variants a letter may be typed with, so "Societe" finds "Société" and back. */
const ACCENTS: Record<string, string> = {
  a: "aàáâãäåā",
  c: "cçćč",
  e: "eèéêëēę",
  i: "iìíîïī",
  n: "nñń",
  o: "oòóôõöøō",
  u: "uùúûüū",
  y: "yýÿ",
  s: "sšś",
  z: "zžźż",
};
const BASE_OF = new Map<string, string>();
for (const [base, variants] of Object.entries(ACCENTS)) for (const v of variants) BASE_OF.set(v, base);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A regex source for a literal term, matching any accent variant and flexible spacing. */
function literalSource(term: string): string {
  let source = "";
  for (const ch of term.trim().normalize("NFC")) {
    const base = BASE_OF.get(ch.toLowerCase());
    if (base) source += `[${ACCENTS[base]}]`;
    else if (/\s/.test(ch)) source += "[\\s\\u00a0]+";
    else source += escapeRegExp(ch);
  }
  return source;
}

export interface CompiledTerms {
  regex: RegExp | null;
  /** Kind per alternative, by capture group index − 1. */
  kinds: string[];
  errors: string[];
}

/** One regex for all terms: one pass over the text whatever the size of the list. */
export function compileTerms(terms: readonly TermSpec[]): CompiledTerms {
  const kinds: string[] = [];
  const parts: string[] = [];
  const errors: string[] = [];
  // Longer literals first, so "Orion Cloud" wins over "Orion".
  const ordered = [...terms].filter((t) => t.text && t.text.trim()).sort((a, b) => b.text.length - a.text.length);
  for (const term of ordered) {
    let source: string;
    if (term.regex) {
      try {
        new RegExp(term.text, "u");
        source = term.text;
      } catch (error) {
        errors.push(patternWarning("term pattern", term.text, error));
        continue;
      }
    } else source = literalSource(term.text);
    // Named groups would clash between terms; a plain group per term tells which matched.
    parts.push(`(${source.replace(/\((?!\?)/g, "(?:")})`);
    kinds.push((term.kind || "TERM").toUpperCase().replace(/[^A-Z0-9]+/g, "_"));
  }
  if (parts.length === 0) return { regex: null, kinds, errors };
  const regex = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${parts.join("|")})(?![\\p{L}\\p{N}_])`, "giu");
  return { regex, kinds, errors };
}

export function findTerms(text: string, compiled: CompiledTerms, out: Candidate[]): void {
  const regex = compiled.regex;
  if (!regex) return;
  regex.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = regex.exec(text)) !== null) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    let group = 1;
    while (group < m.length && m[group] === undefined) group++;
    const kind = compiled.kinds[group - 1] ?? "TERM";
    out.push({
      ruleId: "term",
      category: "term",
      kind,
      title: `Confidential name (${kind.toLowerCase()})`,
      start: m.index,
      end: m.index + m[0].length,
      confidence: 1,
      advice: "listed in your Veil terms; anonymize it before sharing",
    });
  }
}
