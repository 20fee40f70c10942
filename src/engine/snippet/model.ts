/**
 * What the stack-trace and compiler-output parsers produce: plain data, no neutralization
 * yet. One `ParsedError` per error found in the text; its `items` are the lines to keep, in
 * order, as message lines or frames.
 */

/** A stack frame (or a compiler diagnostic's location) with the raw lines that show it. */
export interface ParsedFrame {
  type: "frame";
  /** The frame's lines as printed (a Python frame is two lines: location and source). */
  lines: string[];
  /** The path or URL as printed (absolute, relative, `file://`, `http://`). */
  file?: string;
  line?: number;
  column?: number;
  function?: string;
  /**
   * Library the frame belongs to ("express", "node:internal", "java.*"), or undefined when
   * the frame is in the user's own code.
   */
  library?: string;
  /** Java/Kotlin/.NET frames name a class, not a path: candidates to look the file up by. */
  candidates?: string[];
}

export interface ParsedText {
  type: "text";
  lines: string[];
}

export type ParsedItem = ParsedFrame | ParsedText;

export interface ParsedError {
  /** Parser id: "node", "python", "tsc" … */
  family: string;
  /** Language of the code the error is about, for the excerpt and the structured form. */
  language: string;
  /** The error's one-line title: "TypeError: Cannot read properties of undefined". */
  headline: string;
  /** "error" unless a compiler or linter says "warning". */
  severity: "error" | "warning";
  /** Line indices in the input, end exclusive, for overlap resolution. */
  start: number;
  end: number;
  items: ParsedItem[];
}

/** One parser per family of runtime, compiler or linter; pure over the input's lines. */
export interface ErrorParser {
  id: string;
  parse(lines: readonly string[]): ParsedError[];
}

export function text(...lines: string[]): ParsedText {
  return { type: "text", lines };
}

/**
 * The walk every parser makes over the lines: `at(i, found)` reads the error anchored at
 * line i and returns it, or a line to resume from without an error, or undefined to try the
 * next line. After an error the walk resumes at its end.
 */
export function eachError(lines: readonly string[], at: (i: number, found: ParsedError[]) => ParsedError | number | undefined): ParsedError[] {
  const found: ParsedError[] = [];
  let i = 0;
  while (i < lines.length) {
    const next = at(i, found);
    if (next === undefined) i++;
    else if (typeof next === "number") i = Math.max(next, i + 1);
    else {
      found.push(next);
      i = Math.max(next.end, i + 1);
    }
  }
  return found;
}

/**
 * The start of the next record of a log (a timestamp, a level): where a multi-line error
 * message surely ends.
 */
export const LOG_RECORD_START = /^(?:\[?\d{4}[-/]\d\d[-/]\d\d[T ]|\[?\d\d:\d\d:\d\d\b|\[\d{1,2}-\w{3}-\d{4}|(?:DEBUG|INFO|WARN|WARNING|ERROR|CRITICAL|FATAL|TRACE)\b[\s:|]|[IWEDF], \[)/;

/** What a stack-trace parser says about its lines to {@link walkFrames}. */
export interface FrameReader {
  /** The frame that starts at this line, or undefined. */
  frame(line: string, j: number): ParsedFrame | undefined;
  /**
   * Whether the line under a frame belongs to it (Python's source and caret, Go's and Rust's
   * location line); it may fill the frame's fields from the line.
   */
  continues?(line: string, frame: ParsedFrame): boolean;
  /** Whether a line that is no frame stays in the stack as text (`... 12 more`); "last" keeps it and ends the stack. */
  text?(line: string, j: number): boolean | "last";
  /** Consecutive text lines go into one item. */
  joinText?: boolean;
}

/**
 * The frame loop of every stack-trace parser: from line `from`, pushes frames (with their
 * continuation lines) and the text lines kept between them to `items`, and returns the
 * first line that is neither.
 */
export function walkFrames(lines: readonly string[], from: number, items: ParsedItem[], reader: FrameReader): number {
  let j = from;
  while (j < lines.length) {
    const line = lines[j];
    const frame = reader.frame(line, j);
    if (frame) {
      items.push(frame);
      j++;
      while (j < lines.length && reader.continues?.(lines[j], frame)) frame.lines.push(lines[j++]);
      continue;
    }
    const keep = reader.text?.(line, j) ?? false;
    if (!keep) break;
    const last = items[items.length - 1];
    if (reader.joinText && last?.type === "text") last.lines.push(line);
    else items.push(text(line));
    j++;
    if (keep === "last") break;
  }
  return j;
}
