/**
 * A selection cuts the document's findings: a key body without its header, half a token, a
 * value whose key name sits on the line above. What the whole document's scan found must
 * still be replaced in the part the user copies, so each finding that overlaps the range
 * is cut to it.
 */
import type { Finding } from "../types";

/**
 * The findings (sorted by start, never overlapping, as `scan` returns them) that overlap
 * `[start, end)`, each cut to that range, in offsets relative to `start` (`shift` is added:
 * where the range's text begins in a joined text, for multi-cursor copies).
 */
export function findingsCutToRange(findings: readonly Finding[], start: number, end: number, shift = 0): Finding[] {
  const out: Finding[] = [];
  if (end <= start) return out;
  // First finding ending after `start`: sorted and disjoint findings have ascending ends too.
  let lo = 0;
  let hi = findings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (findings[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < findings.length && findings[i].start < end; i++) {
    const f = findings[i];
    const s = Math.max(f.start, start);
    const e = Math.min(f.end, end);
    if (s < e) out.push({ ...f, start: s - start + shift, end: e - start + shift });
  }
  return out;
}

/**
 * The union of two finding lists as one sorted, disjoint list: where findings overlap they
 * become one covering both (the longer one's kind), so no character either list holds is
 * left out.
 */
export function unionFindings(a: readonly Finding[], b: readonly Finding[]): Finding[] {
  if (b.length === 0) return [...a];
  if (a.length === 0) return [...b].sort((x, y) => x.start - y.start || y.end - x.end);
  const all = [...a, ...b].sort((x, y) => x.start - y.start || y.end - x.end);
  const out: Finding[] = [];
  for (const f of all) {
    const last = out[out.length - 1];
    if (!last || last.end <= f.start) {
      out.push(f);
      continue;
    }
    if (f.end <= last.end) continue;
    const longer = f.end - f.start > last.end - last.start ? f : last;
    out[out.length - 1] = { ...longer, start: last.start, end: f.end };
  }
  return out;
}
