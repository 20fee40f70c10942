// ibantools ships CommonJS for require() but types that TypeScript reads as ESM only; the
// require() build is what Node and esbuild load, so the mismatch is in the typings alone.
// @ts-expect-error TS1479: CommonJS file importing an ESM-typed package
import { countrySpecs, isValidIBAN } from "ibantools";

/** Letter values of the French RIB key computation (A/J → 1, B/K/S → 2 …). */
function ribDigit(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return ch;
  const code = ch.toUpperCase().charCodeAt(0) - 65;
  if (code < 0 || code > 25) return "";
  return String((code < 9 ? code : code < 18 ? code - 9 : code - 17) + 1);
}

/**
 * French RIB key: bank (5) + branch (5) + account (11, letters allowed) + key (2),
 * key = 97 − ((89 × bank + 15 × branch + 3 × account) mod 97).
 */
export function isFrenchRib(bban: string): boolean {
  if (!/^\d{10}[0-9A-Za-z]{11}\d{2}$/.test(bban)) return false;
  let account = "";
  for (const ch of bban.slice(10, 21)) account += ribDigit(ch);
  const bank = Number(bban.slice(0, 5));
  const branch = Number(bban.slice(5, 10));
  // Every term stays below 2^53, so plain numbers are exact.
  const sum = (89 * bank + 15 * branch + 3 * Number(account)) % 97;
  return Number(bban.slice(21)) === 97 - sum;
}

/**
 * IBAN in electronic form (no spaces, any case): the country's length and BBAN format, the
 * ISO 7064 mod-97 check, and for France the RIB key as well.
 */
export function isIban(compact: string): boolean {
  const value = compact.toUpperCase();
  if (!isValidIBAN(value)) return false;
  if (value.startsWith("FR") || value.startsWith("MC")) return isFrenchRib(value.slice(4));
  return true;
}

/** Length of an IBAN of this country (upper-case ISO code), or undefined if it has none. */
export function ibanLength(country: string): number | undefined {
  const spec = Object.prototype.hasOwnProperty.call(countrySpecs, country) ? countrySpecs[country] : undefined;
  return spec?.chars && spec.bban_regexp ? spec.chars : undefined;
}
