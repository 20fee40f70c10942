import type { Candidate, Pass, PassContext } from "../../types";
import { emit, isDigit, isHex, isWordChar, PII } from "./common";

/**
 * The IPv6 address in text[start, end), as 8 16-bit groups, or undefined. Full and
 * compressed forms, with an IPv4 tail (`::ffff:192.0.2.1`).
 */
export function parseIpv6(value: string): number[] | undefined {
  let head = value;
  let v4: number[] = [];
  const lastColon = value.lastIndexOf(":");
  if (value.indexOf(".", lastColon) !== -1) {
    const parts = value.slice(lastColon + 1).split(".");
    if (parts.length !== 4) return undefined;
    for (const p of parts) {
      if (!/^\d{1,3}$/.test(p) || Number(p) > 255 || (p.length > 1 && p[0] === "0")) return undefined;
    }
    v4 = [Number(parts[0]) * 256 + Number(parts[1]), Number(parts[2]) * 256 + Number(parts[3])];
    head = value.slice(0, lastColon + 1);
    // "::ffff:1.2.3.4" leaves "::ffff:"; a trailing single colon joins the IPv4 part.
    if (head.endsWith(":") && !head.endsWith("::")) head = head.slice(0, -1);
  }
  const halves = head.split("::");
  if (halves.length > 2) return undefined;
  const parse = (part: string): number[] | undefined => {
    if (part === "") return [];
    const out: number[] = [];
    for (const g of part.split(":")) {
      if (!/^[0-9a-f]{1,4}$/i.test(g)) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const left = parse(halves[0]);
  const right = halves.length === 2 ? parse(halves[1]) : [];
  if (!left || !right) return undefined;
  const explicit = left.length + right.length + v4.length;
  if (halves.length === 1) return explicit === 8 ? [...left, ...v4] : undefined;
  if (explicit > 7) return undefined;
  return [...left, ...new Array<number>(8 - explicit).fill(0), ...right, ...v4];
}

function isRegionChar(c: number): boolean {
  return c === 58 || c === 46 || isHex(c);
}

/** Loopback (::1), unspecified (::) and their IPv4-mapped forms are not anyone's address. */
function isLocal(groups: number[]): boolean {
  for (let i = 0; i < 5; i++) if (groups[i] !== 0) return false;
  if (groups[5] === 0 && groups[6] === 0 && groups[7] <= 1) return true;
  return groups[5] === 0xffff && (groups[6] >> 8 === 127 || (groups[6] === 0 && groups[7] === 0));
}

/**
 * IPv6 addresses, found from colons. Not found on purpose: times (12:30:45), MAC addresses
 * (six groups), `a:b` in code, `std::vector`, and words made of hex letters (`Face::Add`):
 * an address needs eight groups or `::`, a digit, and at least three groups or a 4-digit one.
 */
export const ipv6Pass: Pass = {
  id: "pii-ipv6",
  category: "pii",
  kinds: ["ip-address"],
  run(text: string, out: Candidate[], context: PassContext): void {
    const n = text.length;
    let colon = text.indexOf(":");
    while (colon !== -1) {
      let next = colon + 1;
      const prev = colon > 0 ? text.charCodeAt(colon - 1) : 0;
      const following = colon + 1 < n ? text.charCodeAt(colon + 1) : 0;
      if ((isHex(prev) || prev === 58 || following === 58) && (isHex(following) || following === 58)) {
        let start = colon;
        while (start > 0 && isRegionChar(text.charCodeAt(start - 1))) start--;
        let end = colon + 1;
        while (end < n && isRegionChar(text.charCodeAt(end))) end++;
        next = end;
        // Leading dots and a sentence's final dot or colon are punctuation.
        while (start < colon && text.charCodeAt(start) === 46) start++;
        while (end > colon && text.charCodeAt(end - 1) === 46) end--;
        if (end - 1 > colon && text.charCodeAt(end - 1) === 58 && text.charCodeAt(end - 2) !== 58) end--;
        const before = start > 0 ? text.charCodeAt(start - 1) : 32;
        const after = end < n ? text.charCodeAt(end) : 32;
        if (!isWordChar(before) && !isWordChar(after) && end - start >= 3) {
          const value = text.slice(start, end);
          const groups = parseIpv6(value);
          if (groups && !isLocal(groups) && plausible(value)) emit(out, context, PII["ip-address"], start, end, 0.85);
        }
      }
      colon = text.indexOf(":", next);
    }
  },
};

function plausible(value: string): boolean {
  let hasDigit = false;
  for (let i = 0; i < value.length && !hasDigit; i++) hasDigit = isDigit(value.charCodeAt(i));
  if (!hasDigit) return false;
  const parts = value.split(":").filter((p) => p !== "");
  return parts.length >= 3 || parts.some((p) => p.length === 4);
}
