/**
 * Builds the obviously fake but well-formed values used in the rules' `examples`: a
 * deterministic pseudo-random string over an alphabet, so the examples have the entropy
 * of real tokens without being one.
 */
export const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
export const HEX = "0123456789abcdef";
export const BASE64 = ALNUM + "+/";
export const URLSAFE = ALNUM + "_-";

export function fake(length: number, alphabet: string = ALNUM, seed = 7): string {
  let state = (seed * 2654435761 + length) >>> 0;
  let out = "";
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out += alphabet[(state >>> 16) % alphabet.length];
  }
  return out;
}
