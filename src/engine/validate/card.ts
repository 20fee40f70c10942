import { luhnValid } from "./luhn";

/** Payment card networks, by the issuer prefixes (IIN ranges) and lengths they use. */
export type CardNetwork = "visa" | "mastercard" | "amex" | "discover" | "jcb" | "diners" | "unionpay" | "maestro" | "mir";

/** The network whose prefix and length match these digits, or undefined. Does not check Luhn. */
export function cardNetwork(digits: string): CardNetwork | undefined {
  const len = digits.length;
  if (len < 12 || len > 19) return undefined;
  const p2 = +digits.slice(0, 2);
  const p3 = +digits.slice(0, 3);
  const p4 = +digits.slice(0, 4);
  const p6 = +digits.slice(0, 6);
  if (digits[0] === "4") return len === 13 || len === 16 || len === 19 ? "visa" : undefined;
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return len === 16 ? "mastercard" : undefined;
  if (p2 === 34 || p2 === 37) return len === 15 ? "amex" : undefined;
  if (p4 >= 2200 && p4 <= 2204) return len >= 16 && len <= 19 ? "mir" : undefined;
  if (p4 === 6011 || (p3 >= 644 && p3 <= 649) || p2 === 65 || (p6 >= 622126 && p6 <= 622925)) return len >= 16 && len <= 19 ? "discover" : undefined;
  if (p4 >= 3528 && p4 <= 3589) return len >= 16 && len <= 19 ? "jcb" : undefined;
  if (p4 === 2131 || p4 === 1800) return len === 15 ? "jcb" : undefined;
  if ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39 || p3 === 309) return len >= 14 && len <= 19 ? "diners" : undefined;
  if (p2 === 62) return len >= 16 && len <= 19 ? "unionpay" : undefined;
  // Maestro: 50, 56–69, 12–19 digits.
  if (p2 === 50 || (p2 >= 56 && p2 <= 69)) return "maestro";
  return undefined;
}

/** A plausible card number: a known network's prefix and length, and a valid Luhn digit. */
export function isCardNumber(digits: string): boolean {
  return cardNetwork(digits) !== undefined && luhnValid(digits);
}
