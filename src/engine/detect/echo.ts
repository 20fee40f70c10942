import type { Candidate } from "../types";
import { looksLikePercentCode } from "../rules/prose";

/**
 * A password or a promo code found where its context says what it is (`le mot de passe est X`,
 * `code promo : X`) is the same value wherever else the text repeats it (`the staging password
 * (X) was committed`, `votre code pour la prochaine commande : X`): each repeat becomes a
 * candidate of the same rule. Only values shaped like codes: six characters or more, no space
 * nor backslash, a letter and a digit (`soleil` alone is a word, `string,\n` a piece of code
 * that a rule took for a value). A value the text repeats more than MAX_REPEATS times is a
 * token of its language, not a secret given once and quoted again: none of its repeats is taken.
 */
const ECHOED_PII_KINDS: ReadonlySet<string> = new Set(["promo-code"]);
const CODE_SHAPE = /^(?=[^]*?\d)(?=[^]*?\p{L})[^\s\\]{6,200}$/u;
/** Distinct values searched per text, and repeats taken per value: a file of a thousand keys costs a bounded number of passes. */
const MAX_VALUES = 32;
const MAX_REPEATS = 8;

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 0x7f;
}

/** The repeats of `kept`'s code-shaped prose passwords and promo codes outside every candidate, in no particular order. */
export function echoes(text: string, kept: readonly Candidate[]): Candidate[] {
  let values: Map<string, Candidate> | undefined;
  for (const c of kept) {
    // Prose rules only: a token's own rule finds every copy of it, and an assignment rule's
    // value in code (`FlowMFARequiredResultV2`) is a name that code repeats.
    if (!(c.category === "secret" ? c.ruleId.startsWith("prose-") : c.category === "pii" && ECHOED_PII_KINDS.has(c.kind))) continue;
    const length = c.end - c.start;
    if (length < 6 || length > 200) continue;
    const value = text.slice(c.start, c.end);
    if (values?.has(value) || !CODE_SHAPE.test(value)) continue;
    // A promo code shaped as one (`WINTER20`, `SORRY-LN-15`), not a code of a changelog (`DEP0001`).
    if (c.category === "pii" && !looksLikePercentCode(value)) continue;
    (values ??= new Map()).set(value, c);
    if (values.size >= MAX_VALUES) break;
  }
  if (values === undefined) return [];
  // The candidates by start, and the furthest end among the first i of them: whether [at, end)
  // overlaps one is a walk forward as the repeats come in text order, not a look at all of them.
  const starts = Int32Array.from(kept, (k) => k.start);
  const order = Array.from(kept.keys()).sort((a, b) => starts[a] - starts[b]);
  const sortedStart = Int32Array.from(order, (i) => kept[i].start);
  const maxEnd = new Int32Array(order.length);
  for (let i = 0, m = -1; i < order.length; i++) maxEnd[i] = m = Math.max(m, kept[order[i]].end);
  const found: Candidate[] = [];
  for (const [value, c] of values) {
    let repeats = 0;
    let p = 0;
    const taken = found.length;
    for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length)) {
      if (repeats === MAX_REPEATS) {
        found.length = taken;
        break;
      }
      const end = at + value.length;
      // The value itself, not a part of a longer word or key.
      if ((at > 0 && isWordChar(text.charCodeAt(at - 1)) && isWordChar(text.charCodeAt(at))) || (end < text.length && isWordChar(text.charCodeAt(end)) && isWordChar(text.charCodeAt(end - 1)))) continue;
      while (p < sortedStart.length && sortedStart[p] < end) p++;
      if (p > 0 && maxEnd[p - 1] > at) continue;
      found.push({ ...c, start: at, end });
      repeats++;
    }
  }
  return found;
}
