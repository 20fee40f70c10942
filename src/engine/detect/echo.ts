import type { Candidate } from "../types";

/**
 * A secret or a promo code found where its context says what it is (`le mot de passe est X`,
 * `code promo : X`) is the same value wherever else the text repeats it (`the staging password
 * (X) was committed`, `votre code pour la prochaine commande : X`): each repeat becomes a
 * candidate of the same rule. Only values shaped like codes: six characters or more, no space,
 * and a digit, a symbol or a capital after the first letter (`soleil` alone is a word).
 */
const ECHOED_PII_KINDS: ReadonlySet<string> = new Set(["promo-code"]);
const CODE_SHAPE = /^(?=[^]*?[\d\W_]|.[^]*?[A-Z])\S{6,200}$/u;
/** Distinct values searched per text, and repeats taken per value: a file of a thousand keys costs a bounded number of passes. */
const MAX_VALUES = 32;
const MAX_REPEATS = 64;

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 0x7f;
}

/** The repeats of `kept`'s code-shaped secrets and promo codes outside every candidate, in no particular order. */
export function echoes(text: string, kept: readonly Candidate[]): Candidate[] {
  let values: Map<string, Candidate> | undefined;
  for (const c of kept) {
    if (c.category !== "secret" && !(c.category === "pii" && ECHOED_PII_KINDS.has(c.kind))) continue;
    const length = c.end - c.start;
    if (length < 6 || length > 200) continue;
    const value = text.slice(c.start, c.end);
    if (values?.has(value) || !CODE_SHAPE.test(value)) continue;
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
    for (let at = text.indexOf(value); at !== -1 && repeats < MAX_REPEATS; at = text.indexOf(value, at + value.length)) {
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
