import { AMBIGUOUS_NAMES_CODED, AMBIGUOUS_SURNAMES_CODED, GIVEN_NAMES_CODED, SURNAMES_CODED } from "./names-data";

/**
 * Lookups in the person pass's name lists: an open-addressing hash table over one array of
 * every name's code units, built on the first lookup in one walk over names-data.ts's
 * front-coded strings (no Set, no string per name, no split: ~12 ms cold against ~40 ms for
 * the Sets it replaces). A word is hashed and compared in place. The shipped data stays
 * front-coded: a table written out at build time needed no work at load but was 3.5× larger
 * compressed, which put the .vsix over its 3 MiB budget (docs/speed.md).
 */

/** What a lower-case word is in the lists. */
export const NOT_LISTED = 0;
export const GIVEN = 1;
/** A given name that is also a common word (`rose`, `pierre`). */
export const AMBIGUOUS = 2;
/** A surname that is no given name. */
export const SURNAME = 3;

/** Longest name a slot can describe (5 bits of length); names-data.ts's longest is 20. */
export const MAX_NAME_LENGTH = 31;

const BITS = 18;
const MASK = (1 << BITS) - 1;
/** How many characters front coding shares at most (one digit). */
const MAX_SHARED = 9;

/** FNV-1a over code units: the table's hash, step by step (`h = nameHashStep(h, c)` from NAME_HASH_SEED). */
export const NAME_HASH_SEED = 0x811c9dc5 | 0;
export function nameHashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** Every name's code units, one after another. */
let chars = new Uint16Array(0);
/** Per slot: (where its name starts in `chars`) << 7 | length << 2 | kind; 0 = empty. */
let slots: Int32Array | undefined;

function build(): Int32Array {
  const table = new Int32Array(MASK + 1);
  chars = new Uint16Array(GIVEN_NAMES_CODED.length + AMBIGUOUS_NAMES_CODED.length + SURNAMES_CODED.length);
  /** Hash of the current name's first j code units, j ≤ MAX_SHARED. */
  const prefixHash = new Int32Array(MAX_SHARED + 1);
  let at = 0;
  const lists: [string, number][] = [[GIVEN_NAMES_CODED, GIVEN], [AMBIGUOUS_NAMES_CODED, AMBIGUOUS], [SURNAMES_CODED, SURNAME]];
  for (const [coded, kind] of lists) {
    let previous = 0;
    let i = 0;
    prefixHash[0] = NAME_HASH_SEED;
    while (i < coded.length) {
      // An item: a digit (code units shared with the previous name), the rest, then "," or the end.
      const shared = coded.charCodeAt(i++) - 48;
      let end = coded.indexOf(",", i);
      if (end < 0) end = coded.length;
      const length = shared + end - i;
      if (at + length > chars.length) {
        const grown = new Uint16Array(chars.length * 2);
        grown.set(chars);
        chars = grown;
      }
      chars.copyWithin(at, previous, previous + shared);
      let h = prefixHash[shared];
      for (let j = shared; j < length; j++) {
        const c = coded.charCodeAt(i++);
        chars[at + j] = c;
        h = nameHashStep(h, c);
        if (j < MAX_SHARED) prefixHash[j + 1] = h;
      }
      let k = h & MASK;
      while (table[k] !== 0) k = (k + 1) & MASK;
      table[k] = (at << 7) | (length << 2) | kind;
      previous = at;
      at += length;
      i = end + 1;
    }
  }
  return table;
}

/** The kind of `lower` (already lower case) in the lists, NOT_LISTED when it is none. */
export function nameKind(lower: string): number {
  const n = lower.length;
  if (n === 0 || n > MAX_NAME_LENGTH) return NOT_LISTED;
  let h = NAME_HASH_SEED;
  for (let i = 0; i < n; i++) h = nameHashStep(h, lower.charCodeAt(i));
  const table = slots ?? (slots = build());
  for (let k = h & MASK; ; k = (k + 1) & MASK) {
    const v = table[k];
    if (v === 0) return NOT_LISTED;
    if (((v >> 2) & 31) !== n) continue;
    const s = v >>> 7;
    let i = 0;
    while (i < n && chars[s + i] === lower.charCodeAt(i)) i++;
    if (i === n) return v & 3;
  }
}

/** The kind of the word whose `n` code units (lower case) are `codes[0, n)` and whose hash is `hash`. */
export function nameKindOfCodes(codes: Uint16Array, n: number, hash: number): number {
  if (n === 0 || n > MAX_NAME_LENGTH) return NOT_LISTED;
  const table = slots ?? (slots = build());
  for (let k = hash & MASK; ; k = (k + 1) & MASK) {
    const v = table[k];
    if (v === 0) return NOT_LISTED;
    if (((v >> 2) & 31) !== n) continue;
    const s = v >>> 7;
    let i = 0;
    while (i < n && chars[s + i] === codes[i]) i++;
    if (i === n) return v & 3;
  }
}

let ambiguousSurnames: Set<string> | undefined;

/**
 * Whether `lower` is a surname that is also a common word (`moreau`, `blanc`, `fontaine`): kept
 * out of the table, which would make each a surname everywhere, and asked only after a title
 * (`M. Moreau`). A few hundred names: a Set, decoded on the first question.
 */
export function isAmbiguousSurname(lower: string): boolean {
  if (!ambiguousSurnames) {
    ambiguousSurnames = new Set();
    let previous = "";
    for (const item of AMBIGUOUS_SURNAMES_CODED.split(",")) {
      previous = previous.slice(0, item.charCodeAt(0) - 48) + item.slice(1);
      ambiguousSurnames.add(previous);
    }
  }
  return ambiguousSurnames.has(lower);
}
