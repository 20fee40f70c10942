/**
 * Keeps a document's findings up to date without rescanning all of it after each edit.
 * Edits shift the findings after them and mark a dirty range; `refresh` rescans only the
 * dirty ranges widened by a margin (snapped to whole lines, grown to cover any finding they
 * cut) and keeps the rest. The margin must exceed the longest multi-line finding a rule can
 * produce (a private-key block), so that a value the edit completes is seen whole.
 */
import type { Finding } from "../types";

/** One edit in the coordinates of the text just before it: [start, end) became `newLength` characters. */
export interface TextChange {
  start: number;
  end: number;
  newLength: number;
}

export type ScanFunction = (text: string) => Finding[];

export class IncrementalFindings {
  private current: Finding[];
  /** Sorted, disjoint [start, end] ranges in current-text coordinates that need a rescan. */
  private dirty: Array<[number, number]> = [];

  constructor(
    findings: readonly Finding[],
    private readonly margin = 16_384,
  ) {
    this.current = [...findings];
  }

  get isDirty(): boolean {
    return this.dirty.length > 0;
  }

  /** Findings as last computed, shifted through the edits since (stale near dirty ranges). */
  get findings(): readonly Finding[] {
    return this.current;
  }

  /**
   * Applies edits made one after the other, each in the coordinates left by the previous
   * one. (VS Code's `contentChanges` of one event all refer to the text before the event:
   * pass them sorted by descending offset, which makes the two the same.)
   */
  applyChanges(changes: readonly TextChange[]): void {
    for (const change of changes) this.applyChange(change);
  }

  private applyChange({ start, end, newLength }: TextChange): void {
    const delta = newLength - (end - start);
    const kept: Finding[] = [];
    for (const f of this.current) {
      if (f.end <= start) kept.push(f);
      else if (f.start >= end) kept.push(delta === 0 ? f : { ...f, start: f.start + delta, end: f.end + delta });
      // A finding the edit touches is dropped: the dirty range below covers where it was.
    }
    this.current = kept;
    let lo = start;
    let hi = start + newLength;
    const dirty: Array<[number, number]> = [];
    for (const [a, b] of this.dirty) {
      if (b < start) dirty.push([a, b]);
      else if (a > end) dirty.push([a + delta, b + delta]);
      else {
        lo = Math.min(lo, a);
        hi = Math.max(hi, b + delta);
      }
    }
    dirty.push([lo, hi]);
    dirty.sort((x, y) => x[0] - y[0]);
    this.dirty = dirty;
  }

  /** Rescans what the edits may have changed; returns the findings for `text`. */
  refresh(text: string, scan: ScanFunction): readonly Finding[] {
    if (this.dirty.length === 0) return this.current;
    const regions = this.regions(text);
    this.dirty = [];
    const result: Finding[] = [];
    let next = 0;
    for (const [rs, re] of regions) {
      while (next < this.current.length && this.current[next].start < rs) result.push(this.current[next++]);
      while (next < this.current.length && this.current[next].start < re) next++;
      // One line of context before the region: a `veil:allow-next-line` there silences its first line.
      const contextStart = rs === 0 ? 0 : lineStart(text, rs - 1);
      for (const f of scan(text.slice(contextStart, re))) {
        const start = f.start + contextStart;
        if (start < rs) continue;
        result.push({ ...f, start, end: f.end + contextStart });
      }
    }
    while (next < this.current.length) result.push(this.current[next++]);
    this.current = result;
    return result;
  }

  /** Dirty ranges widened by the margin, snapped to lines, grown over findings they cut, merged. */
  private regions(text: string): Array<[number, number]> {
    const widened: Array<[number, number]> = this.dirty.map(([a, b]) => [
      lineStart(text, Math.max(0, Math.min(text.length, a) - this.margin)),
      lineEnd(text, Math.min(text.length, b + this.margin)),
    ]);
    const merged: Array<[number, number]> = [];
    for (const [a, b] of widened) {
      let s = a;
      let e = b;
      // Grow over any finding crossing a boundary, then re-snap; repeat until stable.
      for (let changed = true; changed; ) {
        changed = false;
        for (const f of this.current) {
          if (f.start < s && f.end > s) {
            s = lineStart(text, f.start);
            changed = true;
          }
          if (f.start < e && f.end > e) {
            e = lineEnd(text, Math.min(text.length, f.end));
            changed = true;
          }
        }
      }
      const last = merged[merged.length - 1];
      if (last && s <= last[1] + 1) {
        last[0] = Math.min(last[0], s);
        last[1] = Math.max(last[1], e);
      }
      else merged.push([s, e]);
    }
    return merged;
  }
}

function lineStart(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf("\n", offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const at = text.indexOf("\n", offset);
  return at < 0 ? text.length : at;
}
