import { NAMES_TABLE_BITS, namesTable } from "./names-table";

/**
 * Lookups in the person pass's name lists, read in place from the generated table (layout:
 * scripts/build-names-table.mjs): a directory entry gives the word's bucket, whose names are
 * compared with charCodeAt. No Set, no decoding, no slice, nothing built at load (the string
 * itself is made on the first lookup).
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

const MASK = (1 << NAMES_TABLE_BITS) - 1;
const DIRECTORY = 3 << NAMES_TABLE_BITS;
const ZERO = 33;
const END = 35;
const FIRST = 36;
/** Per header code unit: the name's length << 2 | kind. */
const HEADS = new Uint8Array(128);
for (let head = FIRST; head < FIRST + MAX_NAME_LENGTH * 3; head++) HEADS[head] = ((((head - FIRST) / 3) | 0) + 1) * 4 + ((head - FIRST) % 3) + 1;

/** FNV-1a over code units: the table's hash, step by step (`h = nameHashStep(h, c)` from NAME_HASH_SEED). */
export const NAME_HASH_SEED = 0x811c9dc5 | 0;
export function nameHashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

let NAMES_TABLE = "";

/** Where the bucket of `hash` starts in the table. */
function bucketStart(hash: number): number {
  if (NAMES_TABLE === "") NAMES_TABLE = namesTable();
  const d = (hash & MASK) * 3;
  return DIRECTORY + ((NAMES_TABLE.charCodeAt(d) - ZERO) * 94 + NAMES_TABLE.charCodeAt(d + 1) - ZERO) * 94 + NAMES_TABLE.charCodeAt(d + 2) - ZERO;
}

/** The kind of `lower` (already lower case) in the lists, NOT_LISTED when it is none. */
export function nameKind(lower: string): number {
  const n = lower.length;
  if (n === 0 || n > MAX_NAME_LENGTH) return NOT_LISTED;
  let h = NAME_HASH_SEED;
  for (let i = 0; i < n; i++) h = nameHashStep(h, lower.charCodeAt(i));
  for (let at = bucketStart(h); ; ) {
    const head = NAMES_TABLE.charCodeAt(at);
    if (head === END) return NOT_LISTED;
    const v = HEADS[head];
    const length = v >> 2;
    if (length === n) {
      let i = 0;
      while (i < n && NAMES_TABLE.charCodeAt(at + 1 + i) === lower.charCodeAt(i)) i++;
      if (i === n) return v & 3;
    }
    at += 1 + length;
  }
}

/** The kind of the word whose `n` code units (lower case) are `codes[0, n)` and whose hash is `hash`. */
export function nameKindOfCodes(codes: Uint16Array, n: number, hash: number): number {
  if (n === 0 || n > MAX_NAME_LENGTH) return NOT_LISTED;
  for (let at = bucketStart(hash); ; ) {
    const head = NAMES_TABLE.charCodeAt(at);
    if (head === END) return NOT_LISTED;
    const v = HEADS[head];
    const length = v >> 2;
    if (length === n) {
      let i = 0;
      while (i < n && NAMES_TABLE.charCodeAt(at + 1 + i) === codes[i]) i++;
      if (i === n) return v & 3;
    }
    at += 1 + length;
  }
}
