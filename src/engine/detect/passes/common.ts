import type { Candidate, PassContext, PiiKind } from "../../types";

/** How each personal-data kind is reported: rule id, human title, one line of advice. */
export interface PiiInfo {
  ruleId: string;
  kind: PiiKind;
  title: string;
  advice: string;
}

const PERSONAL = "personal data: anonymize it before sharing";

export const PII: Record<PiiKind, PiiInfo> = {
  email: { ruleId: "pii-email", kind: "email", title: "E-mail address", advice: PERSONAL },
  phone: { ruleId: "pii-phone", kind: "phone", title: "Phone number", advice: PERSONAL },
  iban: { ruleId: "pii-iban", kind: "iban", title: "Bank account number (IBAN)", advice: "banking data: anonymize it before sharing" },
  "credit-card": { ruleId: "pii-credit-card", kind: "credit-card", title: "Payment card number", advice: "card data: never share it, anonymize it" },
  "ip-address": { ruleId: "pii-ip-address", kind: "ip-address", title: "IP address", advice: "identifies a machine or a person: anonymize it before sharing" },
  "fr-nir": { ruleId: "pii-fr-nir", kind: "fr-nir", title: "French social security number (NIR)", advice: "sensitive personal data: anonymize it before sharing" },
  "fr-siren": { ruleId: "pii-fr-siren", kind: "fr-siren", title: "French company number (SIREN)", advice: "identifies a company: anonymize it before sharing" },
  "fr-siret": { ruleId: "pii-fr-siret", kind: "fr-siret", title: "French establishment number (SIRET)", advice: "identifies a company: anonymize it before sharing" },
  "fr-vat": { ruleId: "pii-fr-vat", kind: "fr-vat", title: "French VAT number", advice: "identifies a company: anonymize it before sharing" },
  "us-ssn": { ruleId: "pii-us-ssn", kind: "us-ssn", title: "US Social Security number", advice: "sensitive personal data: anonymize it before sharing" },
  money: { ruleId: "pii-money", kind: "money", title: "Amount of money", advice: "business data: anonymize it before sharing" },
  "private-link": { ruleId: "pii-private-link", kind: "private-link", title: "Private link", advice: "anyone holding the link can open the client's files: replace it before sharing" },
  "promo-code": { ruleId: "pii-promo-code", kind: "promo-code", title: "Promo or coupon code", advice: "a client's promo code is unreleased business data: anonymize it before sharing" },
  date: { ruleId: "pii-date", kind: "date", title: "Date", advice: "launch dates and embargoes are confidential: anonymize them before sharing" },
  person: { ruleId: "pii-person", kind: "person", title: "Person's name", advice: PERSONAL },
  address: { ruleId: "pii-address", kind: "address", title: "Postal address", advice: PERSONAL },
};

/** Whether the user switched this kind off, by rule id or by kind. */
export function isDisabled(context: PassContext, info: PiiInfo): boolean {
  const disabled = context.options.disabled;
  return disabled.size > 0 && (disabled.has(info.ruleId) || disabled.has(info.kind));
}

export function emit(out: Candidate[], context: PassContext, info: PiiInfo, start: number, end: number, confidence: number): void {
  // The scanner would drop it anyway; not building it keeps finding-dense inputs cheap.
  if (confidence < context.options.minConfidence || isDisabled(context, info)) return;
  out.push({ ruleId: info.ruleId, category: "pii", kind: info.kind, title: info.title, start, end, confidence, advice: info.advice });
}

// Character classes by code unit, built once: lookups are cheaper than chains of comparisons.
export const DIGIT = 1;
export const LETTER = 2;
export const HEX = 4;
const CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) CLASS[c] = DIGIT | HEX;
for (let c = 65; c <= 90; c++) CLASS[c] = LETTER | (c <= 70 ? HEX : 0);
for (let c = 97; c <= 122; c++) CLASS[c] = LETTER | (c <= 102 ? HEX : 0);

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isAsciiLetter(c: number): boolean {
  return c < 128 && (CLASS[c] & LETTER) !== 0;
}

export function isHex(c: number): boolean {
  return c < 128 && (CLASS[c] & HEX) !== 0;
}

/** Letters (any script), digits and `_`: what continues a word or an identifier. */
export function isWordChar(c: number): boolean {
  if (c < 128) return CLASS[c] !== 0 || c === 95;
  return c >= 0xc0 && /[\p{L}\p{N}]/u.test(String.fromCharCode(c));
}

/**
 * Whether `re` (no g/y flag) matches the lower-cased text in [from, to), clamped to the text.
 * For context words: `re` cannot match without a letter, so a stretch holding only digits,
 * spaces and punctuation below "A" (between the numbers of a row, most of the time) is
 * answered without slicing, lower-casing and running the regex.
 */
export function contextMatches(text: string, from: number, to: number, re: RegExp): boolean {
  const s = Math.max(0, from);
  const e = Math.min(text.length, to);
  let i = s;
  while (i < e && text.charCodeAt(i) < 65) i++;
  if (i >= e) return false;
  return re.test(text.slice(s, e).toLowerCase());
}

/** Start of the line `lines` lines above the one holding `pos` (0 = this line), not before `limit`. */
export function linesBefore(text: string, pos: number, lines: number, limit: number): number {
  let i = pos - 1;
  for (; i >= limit; i--) {
    if (text.charCodeAt(i) === 10) {
      if (lines === 0) return i + 1;
      lines--;
    }
  }
  return Math.max(0, limit);
}

/** End of the line holding `pos`, not after `limit`. */
export function lineEnd(text: string, pos: number, limit: number): number {
  const max = Math.min(text.length, limit);
  for (let i = pos; i < max; i++) if (text.charCodeAt(i) === 10) return i;
  return max;
}
