import { luhnValid } from "./luhn";

/** SIREN of La Poste, whose establishments (SIRET) use a digit-sum rule instead of Luhn. */
const LA_POSTE_SIREN = "356000000";

/** SIREN: 9 digits with a Luhn check digit. */
export function isSiren(digits: string): boolean {
  return digits.length === 9 && luhnValid(digits);
}

/**
 * SIRET: SIREN + 5-digit establishment number, Luhn over all 14 digits. La Poste's
 * establishments are too many for that: theirs are valid when the digit sum is a multiple of 5.
 */
export function isSiret(digits: string): boolean {
  if (!/^\d{14}$/.test(digits)) return false;
  if (digits.startsWith(LA_POSTE_SIREN)) {
    let sum = 0;
    for (let i = 0; i < 14; i++) sum += digits.charCodeAt(i) - 48;
    return sum % 5 === 0;
  }
  return luhnValid(digits);
}

/** The 2-digit key of a French VAT number for this SIREN: (12 + 3 × (SIREN mod 97)) mod 97. */
export function frVatKey(siren: string): number {
  return (12 + 3 * (Number(siren) % 97)) % 97;
}

/** French VAT number: `FR`, a 2-digit key, a SIREN (spaces removed before the call). */
export function isFrVat(value: string): boolean {
  const m = /^FR(\d{2})(\d{9})$/i.exec(value);
  if (!m) return false;
  return isSiren(m[2]) && Number(m[1]) === frVatKey(m[2]);
}

/**
 * French social security number (NIR): 13 characters + a 2-digit key, key = 97 − (n mod 97).
 * Sex digit 1 or 2 (3, 4, 7, 8 for special and temporary registrations), month 01–12, 20–42
 * or 50–99 (unknown), department 01–99, 2A or 2B (Corsica: 19 and 18 in the computation).
 * Spaces must be removed before the call.
 */
export function isNir(value: string): boolean {
  if (value.length !== 15) return false;
  const v = value.toUpperCase();
  if (!/^[123478]\d{4}(?:\d{2}|2A|2B)\d{8}$/.test(v)) return false;
  const month = Number(v.slice(3, 5));
  if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50)) return false;
  const dept = v.slice(5, 7);
  if (dept === "00") return false;
  let body = v.slice(0, 13);
  if (dept === "2A") body = body.slice(0, 5) + "19" + body.slice(7);
  else if (dept === "2B") body = body.slice(0, 5) + "18" + body.slice(7);
  const key = Number(v.slice(13));
  return key >= 1 && key <= 97 && key === 97 - (Number(body) % 97);
}
