import type { Candidate, Pass, PassContext } from "../../types";
import { emit, isDigit, isHex, isWordChar, PII } from "./common";

const groups = new Int32Array(8);

function hexValue(c: number): number {
  return c <= 57 ? c - 48 : (c | 32) - 87;
}

/**
 * Parses text[start, end) as an IPv6 address (full or compressed, with an optional IPv4 tail)
 * into the 8 `groups`. Returns the number of hex digits of its longest written group (the
 * plausibility test needs it), or -1 when it is not an address. No allocation: the pass runs
 * this on every colon-joined hex word of a file.
 */
function parseIpv6(text: string, start: number, end: number): number {
  let count = 0;
  let gap = -1;
  let longest = 0;
  let i = start;
  if (text.charCodeAt(i) === 58) {
    if (text.charCodeAt(i + 1) !== 58) return -1;
    gap = 0;
    i += 2;
  }
  while (i < end) {
    const gs = i;
    let value = 0;
    while (i < end && i - gs < 5 && isHex(text.charCodeAt(i))) value = value * 16 + hexValue(text.charCodeAt(i++));
    if (i < end && text.charCodeAt(i) === 46) {
      // IPv4 tail: four decimal octets to the end, worth two groups.
      if (count > 6) return -1;
      const octets = [0, 0, 0, 0];
      let k = gs;
      for (let o = 0; o < 4; o++) {
        const os = k;
        let v = 0;
        while (k < end && isDigit(text.charCodeAt(k)) && k - os < 4) v = v * 10 + text.charCodeAt(k++) - 48;
        if (k === os || k - os > 3 || v > 255 || (k - os > 1 && text.charCodeAt(os) === 48)) return -1;
        octets[o] = v;
        if (o < 3) {
          if (text.charCodeAt(k) !== 46) return -1;
          k++;
        }
      }
      if (k !== end) return -1;
      groups[count++] = octets[0] * 256 + octets[1];
      groups[count++] = octets[2] * 256 + octets[3];
      i = end;
      break;
    }
    const len = i - gs;
    if (len === 0 || len > 4 || count === 8) return -1;
    if (len > longest) longest = len;
    groups[count++] = value;
    if (i === end) break;
    if (text.charCodeAt(i) !== 58) return -1;
    i++;
    if (i < end && text.charCodeAt(i) === 58) {
      if (gap >= 0) return -1;
      gap = count;
      i++;
    } else if (i === end) return -1;
  }
  if (gap < 0) return count === 8 ? longest : -1;
  if (count > 7) return -1;
  // Move the groups after "::" to the end and zero the gap.
  const tail = count - gap;
  for (let k = 0; k < tail; k++) groups[7 - k] = groups[count - 1 - k];
  for (let k = gap; k < 8 - tail; k++) groups[k] = 0;
  return longest;
}

function isRegionChar(c: number): boolean {
  return c === 58 || c === 46 || isHex(c);
}

/** Loopback (::1), unspecified (::) and their IPv4-mapped forms are not anyone's address. */
function isLocal(): boolean {
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
        // The longest IPv6 text ("ffff:…:255.255.255.255") is 45 characters.
        if (end - start > 48) {
          colon = text.indexOf(":", next);
          continue;
        }
        // Leading dots and a sentence's final dot or colon are punctuation.
        while (start < colon && text.charCodeAt(start) === 46) start++;
        while (end > colon && text.charCodeAt(end - 1) === 46) end--;
        if (end - 1 > colon && text.charCodeAt(end - 1) === 58 && text.charCodeAt(end - 2) !== 58) end--;
        const before = start > 0 ? text.charCodeAt(start - 1) : 32;
        const after = end < n ? text.charCodeAt(end) : 32;
        if (!isWordChar(before) && !isWordChar(after) && end - start >= 3) {
          const longest = parseIpv6(text, start, end);
          if (longest >= 0 && !isLocal() && plausible(text, start, end, longest)) emit(out, context, PII["ip-address"], start, end, 0.85);
        }
      }
      colon = text.indexOf(":", next);
    }
  },
};

/** A digit somewhere, and three written groups or one of four digits: not `Face::Add`, `a::b`. */
function plausible(text: string, start: number, end: number, longest: number): boolean {
  let hasDigit = false;
  let colons = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) hasDigit = true;
    else if (c === 58 && text.charCodeAt(i - 1) !== 58) colons++;
  }
  if (!hasDigit) return false;
  return longest === 4 || colons >= 2;
}
