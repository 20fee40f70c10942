/**
 * Letters a user's term may be typed with, accented or not, so "Societe" finds "Société"
 * and back; and the code-unit fold the keyword automaton applies so a term's first word
 * can be one of its keywords.
 */
export const ACCENTS: Readonly<Record<string, string>> = {
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

/**
 * Code unit → lower-case ASCII letter for the accented letters above (both cases), and for
 * the two non-ASCII letters that case-insensitive Unicode regexes equate with ASCII ones:
 * U+017F "ſ" (s) and U+212A KELVIN SIGN (k). 0 = no fold.
 */
export const HIGH_FOLD = new Uint8Array(0x10000);
for (const [base, variants] of Object.entries(ACCENTS)) {
  for (const v of variants) {
    HIGH_FOLD[v.charCodeAt(0)] = base.charCodeAt(0);
    const upper = v.toUpperCase();
    if (upper.length === 1) HIGH_FOLD[upper.charCodeAt(0)] = base.charCodeAt(0);
  }
}
HIGH_FOLD[0x17f] = 0x73;
HIGH_FOLD[0x212a] = 0x6b;
for (let c = 0; c < 128; c++) HIGH_FOLD[c] = 0;

/** The code units that HIGH_FOLD folds, so a caller need not walk all 65,536 of them. */
export const HIGH_FOLD_CODES: readonly number[] = [...new Set(Object.values(ACCENTS).flatMap((variants) => [...variants, ...variants.toUpperCase()]))]
  .map((c) => c.charCodeAt(0))
  .concat([0x17f, 0x212a])
  .filter((code) => code >= 128 && HIGH_FOLD[code] !== 0);

/**
 * The keyword-automaton spelling of a word (ASCII lower case, accents folded), or undefined
 * when one of its characters has no such spelling.
 */
export function foldWord(word: string): string | undefined {
  let out = "";
  for (let i = 0; i < word.length; i++) {
    let c = word.charCodeAt(i);
    if (c >= 128) {
      c = HIGH_FOLD[c];
      if (c === 0) return undefined;
    } else if (c >= 65 && c <= 90) c += 32;
    out += String.fromCharCode(c);
  }
  return out;
}
