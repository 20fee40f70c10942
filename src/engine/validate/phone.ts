import { parsePhoneNumberFromString } from "libphonenumber-js/min";

/** How sure a phone-number check is: a number in an allocated range, or only the right length. */
export type PhoneVerdict = "valid" | "possible" | undefined;

/**
 * An international number, written with `+` or `00` and a country code, checked against
 * libphonenumber's metadata. Extensions (`x123`, `ext. 12`) are accepted and ignored.
 */
export function checkInternationalPhone(raw: string): PhoneVerdict {
  let value = raw.trim();
  if (value.startsWith("00")) value = "+" + value.slice(2);
  else if (!value.startsWith("+")) return undefined;
  const parsed = parsePhoneNumberFromString(value);
  if (!parsed) return undefined;
  if (parsed.isValid()) return "valid";
  return parsed.isPossible() ? "possible" : undefined;
}

/** A French national number: 0, a digit 1–9 (never 0), eight more digits. */
export function isFrenchNationalPhone(digits: string): boolean {
  return digits.length === 10 && digits.charCodeAt(0) === 48 && digits.charCodeAt(1) !== 48;
}

/**
 * A North American (NANP) number: area code and exchange both start with 2–9, and the
 * exchange is not an N11 service code. An optional leading 1 is allowed.
 */
export function isNanpPhone(digits: string): boolean {
  const d = digits.length === 11 && digits[0] === "1" ? digits.slice(1) : digits;
  if (d.length !== 10) return false;
  const a = d.charCodeAt(0) - 48;
  const e = d.charCodeAt(3) - 48;
  if (a < 2 || e < 2) return false;
  if (d[4] === "1" && d[5] === "1") return false;
  return !(d[1] === "1" && d[2] === "1");
}
