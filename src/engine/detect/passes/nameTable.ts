import { NAMES_TABLE, NAMES_TABLE_BITS } from "./names-table";

/**
 * Lookups in the person pass's name lists, read in place from the generated table (layout:
 * scripts/build-names-table.mjs): no Set, no decoding, no slice. The only work at load is
 * one walk over the slots' headers, on the first lookup, to know where each slot starts.
 */

/** What a lower-case word is in the lists. */
export const NOT_LISTED = 0;
export const GIVEN = 1;
/** A given name that is also a common word (`rose`, `pierre`). */
export const AMBIGUOUS = 2;
/** A surname that is no given name. */
export const SURNAME = 3;

/** Longest name the table can hold (the headers' range). */
export const MAX_NAME_LENGTH = 30;

const EMPTY = 35;
const FIRST = 36;
const MASK = (1 << NAMES_TABLE_BITS) - 1;

/** FNV-1a over code units: the table's hash, step by step (`h = nameHashStep(h, c)` from NAME_HASH_SEED). */
export const NAME_HASH_SEED = 0x811c9dc5 | 0;
export function nameHashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

let starts: Int32Array | undefined;

function slotStarts(): Int32Array {
  const out = new Int32Array(MASK + 1);
  let at = 0;
  for (let k = 0; k <= MASK; k++) {
    out[k] = at;
    const head = NAMES_TABLE.charCodeAt(at);
    at += head === EMPTY ? 1 : 2 + (((head - FIRST) / 3) | 0);
  }
  return out;
}

/** The kind of `lower` (already lower case) in the lists, NOT_LISTED when it is none. */
export function nameKind(lower: string): number {
  const n = lower.length;
  if (n === 0 || n > MAX_NAME_LENGTH) return NOT_LISTED;
  let h = NAME_HASH_SEED;
  for (let i = 0; i < n; i++) h = nameHashStep(h, lower.charCodeAt(i));
  const at = starts ?? (starts = slotStarts());
  for (let k = h & MASK; ; k = (k + 1) & MASK) {
    const s = at[k];
    const head = NAMES_TABLE.charCodeAt(s);
    if (head === EMPTY) return NOT_LISTED;
    const d = head - FIRST;
    if (((d / 3) | 0) + 1 !== n) continue;
    let i = 0;
    while (i < n && NAMES_TABLE.charCodeAt(s + 1 + i) === lower.charCodeAt(i)) i++;
    if (i === n) return (d % 3) + 1;
  }
}

/** The kind of the word whose `n` code units (lower case) are `codes[0, n)` and whose hash is `hash`. */
export function nameKindOfCodes(codes: Uint16Array, n: number, hash: number): number {
  if (n === 0 || n > MAX_NAME_LENGTH) return NOT_LISTED;
  const at = starts ?? (starts = slotStarts());
  for (let k = hash & MASK; ; k = (k + 1) & MASK) {
    const s = at[k];
    const head = NAMES_TABLE.charCodeAt(s);
    if (head === EMPTY) return NOT_LISTED;
    const d = head - FIRST;
    if (((d / 3) | 0) + 1 !== n) continue;
    let i = 0;
    while (i < n && NAMES_TABLE.charCodeAt(s + 1 + i) === codes[i]) i++;
    if (i === n) return (d % 3) + 1;
  }
}
