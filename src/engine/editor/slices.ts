/**
 * Scanning a large text in slices, so that an editor can yield between them. Each slice owns
 * a "core" range of the text and is scanned with a margin of context on both sides; only the
 * findings that start in the core are kept, so a finding crossing a boundary is found once,
 * by the slice where it starts. With a margin wider than the reach of any rule (the longest
 * multi-line value, a private-key block, plus its window), the result equals one `scan` of
 * the whole text.
 *
 * Cores start at line starts wherever the text has lines, so the lines around a finding and
 * the line before it (a `veil:allow-next-line`) are inside the scanned text. A line longer than
 * a slice is cut at a safe place (after a space or punctuation if there is one nearby, never
 * inside a UTF-16 surrogate pair); for the findings on such a line, or on the line after it,
 * the ignore directives are checked again on the whole lines, as a one-shot scan sees them.
 */
import { ignoredRanges, isIgnored, type IgnoredRange } from "../detect/directives";
import type { Finding } from "../types";
import { lowerSameLength } from "../util/lower";
import { lastAtOrBefore } from "../util/search";

/**
 * Context scanned on each side of a slice's core. A private-key block can run ~32,100
 * characters (its rule's window reaches 32,000 after the keyword, 64 before); the other rules
 * reach a few hundred. Also the right margin for IncrementalFindings.
 */
export const SLICE_MARGIN = 36_864;

/** Characters per slice core by default: a few milliseconds of scanning. */
export const DEFAULT_SLICE_CHARS = 512 * 1024;

export interface TextSlice {
  /** The findings kept from this slice start in [coreStart, coreEnd). */
  coreStart: number;
  coreEnd: number;
  /** The range actually scanned: the core plus the margins, on line boundaries where possible. */
  scanStart: number;
  scanEnd: number;
}

export interface SliceOptions {
  /** Characters per core (a core ends at the next line start after this many, or is cut on a long line). */
  sliceChars?: number;
  /** Context scanned around each core; at least SLICE_MARGIN for a result equal to one scan. */
  margin?: number;
  /** Whether the scanner honours ignore directives (`Scanner.options.directives`). */
  directives?: boolean;
}

export type SliceScanFunction = (text: string) => Finding[];

/**
 * What the slicing reads of a text: a string has all of it. `PiecewiseText` offers it over
 * pieces, so that an editor can hand over a huge document without joining it into one string.
 */
export interface SliceText {
  readonly length: number;
  slice(start: number, end: number): string;
  charCodeAt(index: number): number;
  indexOf(search: "\n", from: number): number;
  lastIndexOf(search: "\n", from: number): number;
}

/** A text made of pieces (read from a document part by part), read as one: never joined whole. */
export class PiecewiseText implements SliceText {
  readonly length: number;
  private readonly starts: number[] = [];
  private readonly pieces: string[];

  constructor(pieces: readonly string[]) {
    this.pieces = pieces.filter((p) => p.length > 0);
    let at = 0;
    for (const piece of this.pieces) {
      this.starts.push(at);
      at += piece.length;
    }
    this.length = at;
  }

  /** Index of the piece holding `offset` (0 <= offset < length). */
  private pieceAt(offset: number): number {
    return lastAtOrBefore(this.starts, offset);
  }

  charCodeAt(index: number): number {
    if (!(index >= 0 && index < this.length)) return NaN;
    const i = this.pieceAt(index);
    return this.pieces[i].charCodeAt(index - this.starts[i]);
  }

  slice(start: number, end: number): string {
    const a = Math.max(0, Math.min(this.length, start));
    const b = Math.max(a, Math.min(this.length, end));
    if (a === b) return "";
    let i = this.pieceAt(a);
    let out = "";
    for (let at = a; at < b; i++) {
      const piece = this.pieces[i];
      const local = at - this.starts[i];
      const take = Math.min(piece.length - local, b - at);
      out += piece.slice(local, local + take);
      at += take;
    }
    return out;
  }

  indexOf(search: "\n", from: number): number {
    const start = Math.max(0, from);
    if (start >= this.length) return -1;
    const first = this.pieceAt(start);
    for (let i = first; i < this.pieces.length; i++) {
      const found = this.pieces[i].indexOf(search, i === first ? start - this.starts[i] : 0);
      if (found >= 0) return this.starts[i] + found;
    }
    return -1;
  }

  lastIndexOf(search: "\n", from: number): number {
    if (this.length === 0) return -1;
    const start = Math.min(this.length - 1, Math.max(0, from));
    const first = this.pieceAt(start);
    for (let i = first; i >= 0; i--) {
      const found = this.pieces[i].lastIndexOf(search, i === first ? start - this.starts[i] : this.pieces[i].length - 1);
      if (found >= 0) return this.starts[i] + found;
    }
    return -1;
  }
}

/**
 * A scan of `text` one slice at a time: call `step()` until it returns false, then read
 * `findings`. The slice size can change between steps (`sliceChars`), for a caller that
 * aims at a duration per slice.
 */
export class SlicedScan {
  sliceChars: number;
  private readonly margin: number;
  private readonly directives: boolean;
  private next = 0;
  private readonly out: Finding[] = [];
  /** Ignored ranges (one-shot semantics) around long lines, by line start, computed once per line. */
  private readonly longLineIgnores = new Map<number, IgnoredRange[]>();
  /** Findings waiting for the directive check of their long line (`line` -1: none needed), in order. */
  private readonly deferred: Array<{ finding: Finding; line: number }> = [];
  /** The long line being lower-cased, part by part. */
  private preparing?: { line: number; from: number; to: number; at: number; lower: string[]; hinted: boolean };
  private slices = 0;

  constructor(
    readonly text: SliceText,
    private readonly scan: SliceScanFunction,
    options: SliceOptions = {},
  ) {
    this.sliceChars = Math.max(1, Math.floor(options.sliceChars ?? DEFAULT_SLICE_CHARS));
    this.margin = Math.max(0, Math.floor(options.margin ?? SLICE_MARGIN));
    this.directives = options.directives ?? true;
  }

  get done(): boolean {
    return this.next >= this.text.length && (this.slices > 0 || this.text.length === 0) && this.deferred.length === 0;
  }

  /** How much of the text the finished slices cover, in characters. */
  get progress(): number {
    return this.next;
  }

  /** Slices scanned so far. */
  get sliceCount(): number {
    return this.slices;
  }

  /** Findings of the finished slices, sorted, never overlapping; all of them once `done`. */
  get findings(): readonly Finding[] {
    return this.out;
  }

  /**
   * Scans the next slice, or does the next part of the directive check of a long line (each
   * about one slice of work); returns false when there was nothing left to do.
   */
  step(): boolean {
    if (this.deferred.length > 0) {
      this.prepareLongLine();
      return true;
    }
    if (this.done) return false;
    const slice = nextSlice(this.text, this.next, this.sliceChars, this.margin);
    this.slices++;
    this.next = slice.coreEnd;
    const { text } = this;
    const scanned = text.slice(slice.scanStart, slice.scanEnd);
    // Where lines are whole inside the scanned text, the scan saw every directive that applies.
    const wholeFrom = slice.scanStart === 0 ? 0 : text.charCodeAt(slice.scanStart - 1) === 10 ? nextLineStart(text, slice.scanStart) : nextLineStart(text, nextLineStart(text, slice.scanStart));
    const wholeTo = slice.scanEnd === text.length || text.charCodeAt(slice.scanEnd) === 10 ? slice.scanEnd : lineStartOf(text, slice.scanEnd);
    for (const f of this.scan(scanned)) {
      const start = f.start + slice.scanStart;
      if (start < slice.coreStart) continue;
      if (start >= slice.coreEnd) break;
      const finding = slice.scanStart === 0 ? f : { ...f, start, end: f.end + slice.scanStart };
      const recheck = this.directives && (start < wholeFrom || start >= wholeTo);
      if (recheck || this.deferred.length > 0) this.deferred.push({ finding, line: recheck ? lineStartOf(text, start) : -1 });
      else this.keep(finding);
    }
    if (this.deferred.length > 0) this.prepareLongLine();
    return true;
  }

  /** Runs every remaining slice now. */
  finish(): readonly Finding[] {
    while (this.step());
    return this.out;
  }

  private keep(finding: Finding): void {
    // A finding that starts in this core but ends after a later finding's start cannot
    // happen (findings never overlap); keep the order by dropping any such leftover.
    const last = this.out[this.out.length - 1];
    if (last && last.end > finding.start) return;
    this.out.push(finding);
  }

  /**
   * Works on the directives of the first long line a deferred finding needs: lower-cases
   * one more part of it (this line and the one before it, for a next-line directive), and
   * once the line is done, takes the same ranges as the one-shot scan over these lines and
   * releases the deferred findings it can decide.
   */
  private prepareLongLine(): void {
    const { text } = this;
    const pending = this.deferred.find((d) => d.line >= 0 && !this.longLineIgnores.has(d.line));
    if (pending) {
      if (!this.preparing || this.preparing.line !== pending.line) {
        const lineStart = pending.line;
        const from = lineStart === 0 ? 0 : lineStartOf(text, lineStart - 1);
        this.preparing = { line: lineStart, from, to: lineEndOf(text, lineStart), at: from, lower: [], hinted: false };
      }
      const p = this.preparing;
      const end = Math.min(p.to, p.at + 2 * this.sliceChars);
      const part = text.slice(p.at, end);
      p.lower.push(lowerSameLength(part));
      // A few characters of the previous part too: a hint cut in two still shows.
      if (!p.hinted && DIRECTIVE_HINT.test(text.slice(Math.max(p.from, p.at - 24), end))) p.hinted = true;
      p.at = end;
      if (p.at < p.to) return;
      // Most long lines (minified code, data) hold no directive: no search over the whole line then.
      const ranges = p.hinted ? ignoredRanges(text.slice(p.from, p.to), p.lower.join("")) : [];
      this.longLineIgnores.set(p.line, ranges.map(([s, e, ids]): IgnoredRange => (ids ? [s + p.from, e + p.from, ids] : [s + p.from, e + p.from])));
      this.preparing = undefined;
    }
    // Release, in order, every deferred finding whose line is decided.
    let i = 0;
    for (; i < this.deferred.length; i++) {
      const { finding, line } = this.deferred[i];
      if (line < 0) this.keep(finding);
      else {
        const ranges = this.longLineIgnores.get(line);
        if (!ranges) break;
        if (!(ranges.length > 0 && isIgnored(ranges, finding.start, finding))) this.keep(finding);
      }
    }
    this.deferred.splice(0, i);
  }
}

/** Scans `text` in slices, all at once: the same findings as `scan(text)` (for tests and tools). */
export function scanInSlices(text: SliceText, scan: SliceScanFunction, options: SliceOptions = {}): Finding[] {
  return [...new SlicedScan(text, scan, options).finish()];
}

/** Every slice of `text`, in order (the plan `SlicedScan` follows with a fixed size). */
export function planSlices(text: SliceText, sliceChars = DEFAULT_SLICE_CHARS, margin = SLICE_MARGIN): TextSlice[] {
  const slices: TextSlice[] = [];
  let at = 0;
  do {
    const slice = nextSlice(text, at, Math.max(1, Math.floor(sliceChars)), margin);
    slices.push(slice);
    at = slice.coreEnd;
  } while (at < text.length);
  return slices;
}

/** The slice whose core starts at `coreStart`. */
export function nextSlice(text: SliceText, coreStart: number, sliceChars: number, margin: number): TextSlice {
  const length = text.length;
  let coreEnd: number;
  if (length - coreStart <= sliceChars) coreEnd = length;
  else {
    const target = coreStart + sliceChars;
    // The next line start after the target, if the line is not much longer than a slice.
    const lineBreak = text.indexOf("\n", target - 1);
    if (lineBreak >= 0 && lineBreak + 1 - target <= sliceChars / 4) coreEnd = lineBreak + 1;
    else {
      // Or the last line start before it, if that leaves a core at least half a slice long.
      const before = text.lastIndexOf("\n", target - 1);
      coreEnd = before + 1 >= coreStart + sliceChars / 2 ? before + 1 : safeCut(text, target, coreStart + 1);
    }
    if (coreEnd >= length) coreEnd = length;
  }
  const scanStart = coreStart === 0 ? 0 : contextStart(text, coreStart, margin);
  const scanEnd = coreEnd === length ? length : contextEnd(text, coreEnd, margin);
  return { coreStart, coreEnd, scanStart, scanEnd };
}

/** Start of the scanned text: `margin` before the core, moved back to a line start if the line is not too long. */
function contextStart(text: SliceText, coreStart: number, margin: number): number {
  const at = Math.max(0, coreStart - margin);
  if (at === 0) return 0;
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  if (at - lineStart <= margin) return lineStart;
  return safeCut(text, at, 1);
}

/** End of the scanned text: `margin` after the core, moved on to a line end if the line is not too long. */
function contextEnd(text: SliceText, coreEnd: number, margin: number): number {
  const at = Math.min(text.length, coreEnd + margin);
  if (at === text.length) return at;
  const lineBreak = text.indexOf("\n", at);
  const lineEnd = lineBreak < 0 ? text.length : lineBreak;
  if (lineEnd - at <= margin) return lineEnd;
  return safeCut(text, at, coreEnd + 1);
}

/** Chars after which a long line is cut by preference (space, tab, `;`, `,`, brackets, quotes). */
function isDelimiter(c: number): boolean {
  return c === 32 || c === 9 || c === 59 || c === 44 || c === 123 || c === 125 || c === 40 || c === 41 || c === 91 || c === 93 || c === 34 || c === 39;
}

const CUT_SEARCH = 256;

/**
 * A cut position near `at` (never below `floor`): just after a delimiter within a short
 * distance before it if there is one, else `at` itself moved off a surrogate pair and off a
 * `-` (so "veil:allow-next-line" is never read as "veil:allow").
 */
export function safeCut(text: SliceText, at: number, floor: number): number {
  const low = Math.max(floor, at - CUT_SEARCH);
  for (let p = at; p > low; p--) if (isDelimiter(text.charCodeAt(p - 1))) return p;
  let p = at;
  while (p > floor && p < text.length && (isLowSurrogateAfterHigh(text, p) || text.charCodeAt(p) === 45)) p--;
  if (p <= floor && floor < at) {
    p = at;
    while (p < text.length && (isLowSurrogateAfterHigh(text, p) || text.charCodeAt(p) === 45)) p++;
  }
  return p;
}

function isLowSurrogateAfterHigh(text: SliceText, p: number): boolean {
  const c = text.charCodeAt(p);
  if (c < 0xdc00 || c > 0xdfff || p === 0) return false;
  const h = text.charCodeAt(p - 1);
  return h >= 0xd800 && h <= 0xdbff;
}

function lineStartOf(text: SliceText, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf("\n", offset - 1) + 1;
}

function lineEndOf(text: SliceText, offset: number): number {
  const at = text.indexOf("\n", offset);
  return at < 0 ? text.length : at;
}

/** Start of the line after the one holding `offset` (the text's length if there is none). */
function nextLineStart(text: SliceText, offset: number): number {
  const at = text.indexOf("\n", offset);
  return at < 0 ? text.length : at + 1;
}

/**
 * Text every ignore directive of detect/directives.ts holds (`veil:allow…`, `gitleaks:allow`,
 * `pragma: allowlist…`, `secretlint-disable…`): where none is, no directive is. A new
 * directive token must hold one of these, or be added here (slices.test.ts checks the known ones).
 */
export const DIRECTIVE_HINT = /allow|secretlint-disable/i;
