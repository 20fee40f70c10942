/**
 * The header of the table column holding an offset: Markdown tables (a header row, then a
 * `|---|---|` separator row) and CSV/TSV blocks (consecutive lines with the same number of
 * `,`, `;` or tab delimiters outside quotes; the first line is the header). Passes use it to
 * read a value by what its column says it is (`Nom`, `Téléphone`, `Name`) when nothing on
 * its own line does.
 *
 * One `TableColumns` per scanned text, asked in increasing offsets (the usual order of a
 * pass): the block found for one offset is kept, and later offsets only walk the lines
 * between the last one seen and theirs, so a whole text costs O(n) however many values are
 * asked about. Offsets asked out of order are still answered, walking up from their line.
 */

const PIPE = 124;
const BACKSLASH = 92;
const QUOTE = 34;
const CR = 13;
const TAB = 9;
const SEMICOLON = 59;
const COMMA = 44;
/** A header cell longer than this is prose, not a column label. */
const MAX_HEADER_CELL = 64;
const MAX_HEADER_WORDS = 5;
/** A CSV block needs at least this many columns to count (one delimiter). */
const MIN_DELIMITERS = 1;
/** A line longer than this, or with more cells, is not a table's row (minified code, a run of `;`). */
const MAX_ROW_CHARS = 4096;
const MAX_CELLS = 256;

export interface ColumnHeader {
  /** The header cell, trimmed, without quotes or Markdown emphasis. */
  header: string;
  /** 0-based column index. */
  column: number;
  table: "markdown" | "csv";
}

interface Block {
  table: "markdown" | "csv";
  /** Start of the block's first line (the header for CSV). */
  top: number;
  /** End (exclusive, at the "\n" or the text's end) of the last line known to belong. */
  knownEnd: number;
  /** Header cells, or undefined while a Markdown block has shown no separator yet. */
  headers: string[] | undefined;
  /** CSV only: the header line is split when a line below it first asks (most blocks in code are one line). */
  headersPending: boolean;
  /** Start of the header line; offsets on it or on the separator get no header. */
  headerStart: number;
  /** End of the line that holds the separator (Markdown) or the header (CSV). */
  bodyStart: number;
  /** CSV only: the delimiter and how many each line holds. */
  delimiter: number;
  count: number;
}

export class TableColumns {
  private block: Block | undefined;
  /** The start of the last line found to be in no table: its words ask again and again. */
  private noBlockLine = -1;
  /** The line last split into cells, with its separator positions. */
  private lineStart = -1;
  private lineSeparators: number[] = [];
  private lineDelimiter = -1;

  constructor(private readonly text: string) {}

  /** The line last asked about, so many offsets on one long line cost one walk of it. */
  private currentStart = -1;
  private currentEnd = -1;

  /** The header of the column holding `offset`, or undefined outside a table's body. */
  headerAt(offset: number): ColumnHeader | undefined {
    const text = this.text;
    if (offset < 0 || offset >= text.length) return undefined;
    if (offset < this.currentStart || offset > this.currentEnd) {
      this.currentStart = lineStartAt(text, offset);
      this.currentEnd = lineEndAt(text, offset);
    }
    const start = this.currentStart;
    const end = this.currentEnd;
    const block = this.blockFor(start, end);
    if (!block || start < block.bodyStart) return undefined;
    if (block.headersPending) {
      block.headersPending = false;
      const headers = splitCsv(text, block.headerStart, block.bodyStart, block.delimiter);
      if (headers.every(isLabel) && headers.some((h) => /\p{L}/u.test(h))) block.headers = headers;
    }
    if (!block.headers) return undefined;
    const column = this.columnOf(start, end, offset, block);
    if (column < 0 || column >= block.headers.length) return undefined;
    const header = block.headers[column];
    return header === "" ? undefined : { header, column, table: block.table };
  }

  /**
   * The end of the line holding `offset` when that line repeats its table's header line
   * verbatim (a CSV pasted twice, an export with a header per page), else -1: such a line
   * holds labels, no values, and is read no further.
   */
  repeatedHeaderEnd(offset: number): number {
    // Only under a header the columns go by (split into labels), as the cells' own lookup would;
    // headerAt leaves the line's bounds and its block cached.
    if (!this.headerAt(offset)) return -1;
    const block = this.block;
    if (!block || block.headerStart < 0) return -1;
    const text = this.text;
    const start = this.currentStart;
    const length = lineEndAt(text, block.headerStart) - block.headerStart;
    if (this.currentEnd - start !== length || length === 0) return -1;
    for (let i = 0; i < length; i++) if (text.charCodeAt(start + i) !== text.charCodeAt(block.headerStart + i)) return -1;
    return this.currentEnd;
  }

  private blockFor(start: number, end: number): Block | undefined {
    const text = this.text;
    if (start === this.noBlockLine) return undefined;
    const cached = this.block;
    if (cached && start >= cached.top) {
      if (end <= cached.knownEnd) return cached;
      if (this.extend(cached, start)) return cached;
    }
    const block = end - start > MAX_ROW_CHARS ? undefined : isMarkdownRow(text, start, end) ? this.markdownBlock(start, end) : this.csvBlock(start, end);
    this.block = block;
    if (!block) this.noBlockLine = start;
    return block;
  }

  /** Walks forward from the block's known end to the line at `start`; false when the block ends before it. */
  private extend(block: Block, start: number): boolean {
    const text = this.text;
    let s = block.knownEnd + 1;
    while (s <= start) {
      const e = lineEndAt(text, s);
      if (block.table === "markdown") {
        if (!isMarkdownRow(text, s, e)) return false;
        if (!block.headers && isSeparatorRow(text, s, e) && s > block.top) {
          const headerStart = lineStartAt(text, s - 1);
          block.headers = splitMarkdown(text, headerStart, s - 1);
          block.headerStart = headerStart;
          block.bodyStart = e;
        }
      } else if (!hasDelimiters(text, s, e, block.delimiter, block.count)) return false;
      block.knownEnd = e;
      s = e + 1;
    }
    return true;
  }

  private markdownBlock(start: number, end: number): Block {
    const text = this.text;
    const block: Block = { table: "markdown", top: start, knownEnd: end, headers: undefined, headersPending: false, headerStart: -1, bodyStart: -1, delimiter: PIPE, count: 0 };
    // Up to the nearest separator row above (or on) this line, or the block's top.
    let s = start;
    let e = end;
    for (;;) {
      if (isSeparatorRow(text, s, e)) {
        if (s > 0) {
          const headerStart = lineStartAt(text, s - 1);
          if (isMarkdownRow(text, headerStart, s - 1)) {
            block.headers = splitMarkdown(text, headerStart, s - 1);
            block.headerStart = headerStart;
            block.bodyStart = e;
            block.top = headerStart;
          }
        }
        break;
      }
      block.top = s;
      if (s === 0) break;
      const ps = lineStartAt(text, s - 1);
      if (!isMarkdownRow(text, ps, s - 1)) break;
      e = s - 1;
      s = ps;
    }
    return block;
  }

  private csvBlock(start: number, end: number): Block | undefined {
    const text = this.text;
    let delimiter = -1;
    let count = 0;
    // One walk of the line counts all three: the quotes are the same for each.
    let tabs = 0;
    let semicolons = 0;
    let commas = 0;
    let quoted = false;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) quoted = !quoted;
      else if (quoted) continue;
      else if (c === COMMA) commas++;
      else if (c === SEMICOLON) semicolons++;
      else if (c === TAB) tabs++;
    }
    // The first of tab, ";", "," with the most wins.
    if (tabs >= MIN_DELIMITERS) {
      delimiter = TAB;
      count = tabs;
    }
    if (semicolons >= MIN_DELIMITERS && semicolons > count) {
      delimiter = SEMICOLON;
      count = semicolons;
    }
    if (commas >= MIN_DELIMITERS && commas > count) {
      delimiter = COMMA;
      count = commas;
    }
    if (delimiter < 0 || count > MAX_CELLS) return undefined;
    let top = start;
    while (top > 0) {
      const ps = lineStartAt(text, top - 1);
      if (endsSentence(text, ps, top - 1) || !hasDelimiters(text, ps, top - 1, delimiter, count)) break;
      top = ps;
    }
    const headerEnd = lineEndAt(text, top);
    return {
      table: "csv",
      top,
      knownEnd: end,
      headers: undefined,
      headersPending: true,
      headerStart: top,
      bodyStart: headerEnd,
      delimiter,
      count,
    };
  }

  /** Index of the cell holding `offset` on the line [start, end). */
  private columnOf(start: number, end: number, offset: number, block: Block): number {
    const text = this.text;
    if (this.lineStart !== start || this.lineDelimiter !== block.delimiter) {
      this.lineStart = start;
      this.lineDelimiter = block.delimiter;
      this.lineSeparators = separatorPositions(text, start, end, block.delimiter, block.table === "markdown");
    }
    const seps = this.lineSeparators;
    // Separators before the offset, by binary search.
    let lo = 0;
    let hi = seps.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seps[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    if (block.table === "markdown") {
      const leading = firstNonSpace(text, start, end) < end && text.charCodeAt(firstNonSpace(text, start, end)) === PIPE;
      return leading ? lo - 1 : lo;
    }
    return lo;
  }
}

/** The header of the column holding `offset` (one-off; for many offsets keep a `TableColumns`). */
export function columnHeaderAt(text: string, offset: number): ColumnHeader | undefined {
  return new TableColumns(text).headerAt(offset);
}

function lineStartAt(text: string, pos: number): number {
  return pos > 0 ? text.lastIndexOf("\n", pos - 1) + 1 : 0;
}

function lineEndAt(text: string, pos: number): number {
  const e = text.indexOf("\n", pos);
  return e < 0 ? text.length : e;
}

function firstNonSpace(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i;
}

/** A line holding an unescaped `|` (GFM rows need no leading pipe). */
function isMarkdownRow(text: string, start: number, end: number): boolean {
  // Within the line only: indexOf("|") from a line without one would walk the rest of the text.
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) === PIPE && (i === 0 || text.charCodeAt(i - 1) !== BACKSLASH)) return true;
  }
  return false;
}

/** `| --- | :---: |`, `---|---`: only pipes, dashes, colons and spaces, with a pipe and a dash. */
function isSeparatorRow(text: string, start: number, end: number): boolean {
  let pipe = false;
  let dash = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === PIPE) pipe = true;
    else if (c === 45) dash = true;
    else if (c !== 58 && c !== 32 && c !== 9 && c !== CR) return false;
  }
  return pipe && dash;
}

function separatorPositions(text: string, start: number, end: number, delimiter: number, markdown: boolean): number[] {
  const out: number[] = [];
  let quoted = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (markdown) {
      if (c === PIPE && (i === start || text.charCodeAt(i - 1) !== BACKSLASH)) out.push(i);
    } else if (c === QUOTE) quoted = !quoted;
    else if (c === delimiter && !quoted) out.push(i);
  }
  return out;
}

/** Whether the line [start, end) holds exactly `count` delimiters outside quotes. */
function hasDelimiters(text: string, start: number, end: number, delimiter: number, count: number): boolean {
  let n = 0;
  let quoted = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    // Past the count the answer is known: a long minified line above a row costs little.
    else if (c === delimiter && !quoted && ++n > count) return false;
  }
  return n === count;
}

/** A column label: short, a few words, not a sentence. */
function isLabel(cell: string): boolean {
  if (cell.length > MAX_HEADER_CELL || /[.!?:]$/.test(cell)) return false;
  let words = 1;
  for (let i = 0; i < cell.length; i++) if (cell.charCodeAt(i) === 32 && ++words > MAX_HEADER_WORDS) return false;
  return true;
}

/** A line ending like a sentence ("Bonjour, voici la liste.") is prose above a CSV block, not its header. */
function endsSentence(text: string, start: number, end: number): boolean {
  let e = end;
  while (e > start && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === CR)) e--;
  if (e === start) return true;
  const c = text.charCodeAt(e - 1);
  return c === 46 || c === 33 || c === 63 || c === 58;
}

function cleanCell(cell: string): string {
  let s = cell.trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) s = s.slice(1, -1).replace(/""/g, '"').trim();
  s = s.replace(/^[*_`]+|[*_`]+$/g, "").trim();
  return s;
}

/** The cells of the line [start, end) between its separators, cleaned. */
function splitCells(text: string, start: number, end: number, delimiter: number, markdown: boolean): string[] {
  const cells: string[] = [];
  let from = start;
  for (const p of separatorPositions(text, start, end, delimiter, markdown)) {
    cells.push(text.slice(from, p));
    from = p + 1;
  }
  cells.push(text.slice(from, end));
  return cells.map(cleanCell);
}

function splitMarkdown(text: string, start: number, end: number): string[] {
  const cells = splitCells(text, start, end, PIPE, true);
  const first = firstNonSpace(text, start, end);
  // A leading pipe opens the row: the empty cell before it is not a column.
  if (first < end && text.charCodeAt(first) === PIPE) cells.shift();
  return cells;
}

function splitCsv(text: string, start: number, end: number, delimiter: number): string[] {
  return splitCells(text, start, end, delimiter, false);
}
