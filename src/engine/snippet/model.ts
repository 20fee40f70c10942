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
