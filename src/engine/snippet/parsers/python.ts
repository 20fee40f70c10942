import { libraryOfPath } from "../paths";
import type { ErrorParser, ParsedFrame, ParsedItem } from "../model";
import { eachError, LOG_RECORD_START, text, walkFrames, type FrameReader } from "../model";

/**
 * Python tracebacks, chained ones included ("During handling of the above exception…",
 * "The above exception was the direct cause…"): one block from the first `Traceback` to
 * the exception that was finally raised. Frames are the `File "…", line N, in fn` line
 * with the source and caret lines under it.
 */
const TRACEBACK = /^\s*Traceback \(most recent call last\):\s*$/;
const FRAME = /^(\s*)File "(.+)", line (\d+)(?:, in (.+))?\s*$/;
const CHAIN = /^\s*(?:During handling of the above exception, another exception occurred:|The above exception was the direct cause of the following exception:)\s*$/;

function indentOf(line: string): number {
  return /^\s*/.exec(line)![0].length;
}

/** A frame is its `File` line and the more indented source and caret lines under it. */
const TRACEBACK_FRAMES: FrameReader = {
  frame(line) {
    const m = FRAME.exec(line);
    if (!m) return undefined;
    return { type: "frame", lines: [line], file: m[2], line: Number(m[3]), function: m[4]?.trim(), library: libraryOfPath(m[2]) };
  },
  continues: (line, frame) => line.trim() !== "" && indentOf(line) > indentOf(frame.lines[0]) && !FRAME.test(line),
  text: (line) => /^\s+\[Previous line repeated \d+ more times?\]/.test(line) || /^\s+\.\.\.\s*$/.test(line),
};

export const pythonParser: ErrorParser = {
  id: "python",
  parse(lines) {
    return eachError(lines, (i) => {
      if (!TRACEBACK.test(lines[i])) return undefined;
      const items: ParsedItem[] = [];
      let start = i;
      // A logging call usually says what failed on the line right above.
      if (i > 0 && lines[i - 1].trim() !== "" && !CHAIN.test(lines[i - 1]) && !/^\s*(?:File "|\^)/.test(lines[i - 1])) {
        start = i - 1;
        items.push(text(lines[i - 1]));
      }
      let j = i;
      let headline = "";
      for (;;) {
        // One traceback: header, frames, exception line(s).
        items.push(text(lines[j]));
        j = walkFrames(lines, j + 1, items, TRACEBACK_FRAMES);
        // The exception: its first line, then continuation lines until a blank or a new block.
        const excStart = j;
        while (j < lines.length && j - excStart < 20 && lines[j].trim() !== "" && !TRACEBACK.test(lines[j]) && !CHAIN.test(lines[j]) && (j === excStart || !LOG_RECORD_START.test(lines[j]))) j++;
        if (j > excStart) {
          items.push(text(...lines.slice(excStart, j)));
          headline = lines[excStart].trim();
        }
        // Chained: blank, the sentence, blank, next Traceback.
        let k = j;
        while (k < lines.length && lines[k].trim() === "" && k - j < 2) k++;
        if (k < lines.length && CHAIN.test(lines[k])) {
          let n = k + 1;
          while (n < lines.length && lines[n].trim() === "" && n - k < 3) n++;
          if (n < lines.length && TRACEBACK.test(lines[n])) {
            items.push(text("", lines[k], ""));
            j = n;
            continue;
          }
        }
        break;
      }
      return { family: "python", language: "python", headline: headline || "Python traceback", severity: "error", start, end: j, items };
    });
  },
};

/**
 * pytest: each `____ test_name ____` section under `=== FAILURES ===` (or ERRORS) is one
 * error; its entries end (long style) or start (short style) with `path.py:12: …`. Without
 * sections, the `FAILED path::test - message` summary lines are the errors.
 */
const SECTION_BANNER = /^={3,} ?(FAILURES|ERRORS) ?={3,}\s*$/;
const TEST_HEADER = /^_{3,} (.+?) _{3,}\s*$/;
const ENTRY_SEPARATOR = /^(?:_ ){5,}_?\s*$/;
const BANNER = /^={3,}.*={3,}\s*$/;
const CAPTURED = /^-{3,} Captured .* -{3,}\s*$/;
const LOCATION = /^(\S[^:]*?\.py):(\d+):(?: (.*))?$/;
const SUMMARY = /^(FAILED|ERROR) (\S+?\.py)(?:::(\S+))?(?: - (.*))?\s*$/;

export const pytestParser: ErrorParser = {
  id: "pytest",
  parse(lines) {
    let inSection = false;
    let sawSection = false;
    const sections = eachError(lines, (i) => {
      if (SECTION_BANNER.test(lines[i])) {
        inSection = true;
        return undefined;
      }
      if (BANNER.test(lines[i])) inSection = false;
      if (!inSection || !TEST_HEADER.test(lines[i])) return undefined;
      sawSection = true;
      const title = TEST_HEADER.exec(lines[i])![1];
      let j = i + 1;
      while (j < lines.length && !TEST_HEADER.test(lines[j]) && !BANNER.test(lines[j]) && !CAPTURED.test(lines[j])) j++;
      const body = lines.slice(i + 1, j);
      const items: ParsedItem[] = [text(lines[i])];
      let pending: string[] = [];
      let shortFrame: ParsedFrame | undefined;
      const flushPending = () => {
        if (pending.some((l) => l.trim() !== "")) items.push(text(...pending));
        pending = [];
      };
      for (const line of body) {
        const m = LOCATION.exec(line);
        if (m) {
          const tail = m[3] ?? "";
          if (tail.startsWith("in ")) {
            flushPending();
            shortFrame = { type: "frame", lines: [line], file: m[1], line: Number(m[2]), function: tail.slice(3), library: libraryOfPath(m[1]) };
            items.push(shortFrame);
          } else {
            // Long style: the code above belongs to this location.
            shortFrame = undefined;
            while (pending.length > 0 && pending[0].trim() === "") pending.shift();
            items.push({ type: "frame", lines: [...pending, line], file: m[1], line: Number(m[2]), library: libraryOfPath(m[1]) });
            pending = [];
          }
          continue;
        }
        if (ENTRY_SEPARATOR.test(line)) {
          flushPending();
          shortFrame = undefined;
          continue;
        }
        if (shortFrame && line.trim() !== "" && /^\s|^E /.test(line)) shortFrame.lines.push(line);
        else {
          shortFrame = undefined;
          pending.push(line);
        }
      }
      flushPending();
      while (items.length > 1) {
        const last = items[items.length - 1];
        if (last.type === "text" && last.lines.every((l) => l.trim() === "")) items.pop();
        else break;
      }
      const errorLines = body.filter((l) => /^E\s/.test(l)).map((l) => l.replace(/^E\s+/, ""));
      const headline = errorLines.find((l) => /^[\w.]*(?:Error|Exception|Failed|Exit)\b/.test(l)) ?? errorLines[0] ?? title;
      return { family: "pytest", language: "python", headline: `${title}: ${headline}`, severity: "error", start: i, end: j, items };
    });
    if (sawSection) return sections;
    // No failure sections (pytest -q, or a pasted summary): the short summary lines.
    return eachError(lines, (i) => {
      const m = SUMMARY.exec(lines[i]);
      if (!m) return undefined;
      return {
        family: "pytest",
        language: "python",
        headline: `${m[3] ?? m[2]}: ${m[4] ?? m[1]}`,
        severity: "error",
        start: i,
        end: i + 1,
        items: [{ type: "frame", lines: [lines[i]], file: m[2], library: libraryOfPath(m[2]) }],
      };
    });
  },
};
