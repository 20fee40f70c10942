import { libraryOfPath, languageOf } from "../paths";
import type { ErrorParser, ParsedFrame, ParsedItem } from "../model";
import { eachError, text, walkFrames } from "../model";

/**
 * Node.js and Chrome (V8) stacks: `    at fn (file:line:col)`, `    at file:line:col`,
 * with the headline above them, Node's "file:line / source / caret" block above that, and
 * what Node prints after: `{ code: … }` property dumps, `[cause]: …`, `Node.js v20.11.0`.
 */
const FRAME_START = /^\s*at /;
const LOCATION_TAIL = /:(\d+):(\d+)$/;

/**
 * "TypeError: …", "Uncaught (in promise) Error: …", "AssertionError [ERR_ASSERTION]: …":
 * the error part of a line, or undefined. Written without a backtracking regex over the
 * identifier, so a long line costs linear time.
 */
export function jsHeadline(line: string): string | undefined {
  const re = /(?:Error|Exception|Rejection)(?: \[[A-Z_\d]+\])?:(?: |$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) {
    let start = m.index;
    while (start > 0 && /[\w$]/.test(line[start - 1])) start--;
    if (/[A-Z]/.test(line[start])) return line.slice(start);
  }
  return undefined;
}

export function parseV8Frame(line: string): ParsedFrame | undefined {
  const at = FRAME_START.exec(line);
  if (!at) return undefined;
  let rest = line.slice(at[0].length).trimEnd();
  // Node opens a property dump on the last frame's line: `at x (file:1:2) {`.
  if (rest.endsWith("{")) rest = rest.slice(0, -1).trimEnd();
  let fn: string | undefined;
  let loc = rest;
  if (rest.endsWith(")")) {
    const open = rest.lastIndexOf(" (");
    if (open > 0) {
      fn = rest.slice(0, open);
      loc = rest.slice(open + 2, -1).trim();
    }
  }
  if (loc === "") return undefined;
  const l = LOCATION_TAIL.exec(loc);
  if (!l) {
    // Builtins: `at Array.map (<anonymous>)`, `at async Promise.all (index 0)`, `(native)`.
    if (fn && /^(?:<anonymous>|native|index \d+|eval at .*)$/.test(loc)) return { type: "frame", lines: [line], function: fn, library: "native" };
    return undefined;
  }
  const file = loc.slice(0, l.index).replace(/^async /, "");
  if (file === "" || !/[/\\.]|^node:/.test(file)) return undefined;
  if (!fn && /\s/.test(file) && !/^(?:file|https?|webpack|webpack-internal):/.test(file) && !/^[A-Za-z]:\\/.test(file)) return undefined;
  // Not a Java or .NET frame: `at com.x.Y.z(Y.java:1)` has no space before its parenthesis.
  if (/^[\w$.<>]+\(/.test(file)) return undefined;
  return {
    type: "frame",
    lines: [line],
    file,
    line: Number(l[1]),
    column: Number(l[2]),
    function: fn,
    library: libraryOfPath(stripUrl(file)),
  };
}

/** The path part of an URL-ish location, so `http://host/node_modules/x.js` classifies. */
export function stripUrl(file: string): string {
  const m = /^(?:https?|webpack-internal|webpack|chrome-extension|moz-extension|vite):\/\/[^/]*(\/.*)?$/.exec(file);
  if (m) return (m[1] ?? "").replace(/^\/+\.?\/?/, "");
  return file;
}

export const v8Parser: ErrorParser = {
  id: "v8",
  parse(lines) {
    return eachError(lines, (i) => {
      if (!parseV8Frame(lines[i])) return undefined;
      const items: ParsedItem[] = [];
      // Frames, plus what Node nests inside them: `{ code: 'X', [cause]: Error: … at … }`.
      let depth = 0;
      const end = walkFrames(lines, i, items, {
        frame(line) {
          const frame = parseV8Frame(line);
          if (frame && /\{\s*$/.test(line)) depth++;
          return frame;
        },
        text(line, j) {
          if (depth === 0 && !/^\s*\[cause\]:|^\s*\[errors\]:|^\s*\{$/.test(line)) return false;
          if (/^\s*\}\s*$/.test(line) || /^\s*\}[,\]]?\s*$/.test(line)) depth = Math.max(0, depth - 1);
          else if (/[{[]\s*$/.test(line)) depth++;
          const next = lines[j + 1];
          return depth === 0 && /^\s*[}\]]/.test(line) && !(next !== undefined && (parseV8Frame(next) || /^\s*\[cause\]/.test(next))) ? "last" : true;
        },
        joinText: true,
      });
      const start = messageStart(lines, i);
      const head: ParsedItem[] = [];
      const caret = caretBlock(lines, start);
      if (caret) head.push(caret.item);
      if (start < i) head.push(text(...lines.slice(start, i)));
      // `Node.js v20.11.0` right after the stack says which runtime threw.
      let tail = end;
      if (tail < lines.length && lines[tail].trim() === "" && /^Node\.js v\d/.test(lines[tail + 1] ?? "")) {
        items.push(text("", lines[tail + 1]));
        tail += 2;
      } else if (/^Node\.js v\d/.test(lines[tail] ?? "")) {
        items.push(text(lines[tail]));
        tail += 1;
      }
      const headlineLine = start < i ? lines.slice(start, i).find((l) => jsHeadline(l) !== undefined) ?? lines[start] : undefined;
      const headline = headlineLine ? (jsHeadline(headlineLine) ?? headlineLine.trim()) : "Error (stack trace without a message)";
      const top = items.find((it): it is ParsedFrame => it.type === "frame" && it.file !== undefined);
      return {
        family: "v8",
        language: top?.file ? jsLanguage(top.file) : "javascript",
        headline: headline.replace(/^Uncaught (?:\(in promise\) )?/, ""),
        severity: "error",
        start: caret ? caret.start : start,
        end: tail,
        items: [...head, ...items],
      };
    });
  },
};

function jsLanguage(file: string): string {
  const lang = languageOf(stripUrl(file));
  return lang === "text" ? "javascript" : lang;
}

/**
 * Where the message above the first frame starts: the nearest line above that looks like
 * an error headline, within a few lines (messages can span lines: "Require stack:", a
 * diff); else the line right above, if any.
 */
function messageStart(lines: readonly string[], firstFrame: number): number {
  for (let j = firstFrame - 1; j >= 0 && j >= firstFrame - 40; j--) {
    const line = lines[j];
    if (line.trim() === "" || parseV8Frame(line)) break;
    if (jsHeadline(line) !== undefined) return j;
  }
  const above = firstFrame - 1;
  return above >= 0 && lines[above].trim() !== "" && !parseV8Frame(lines[above]) ? above : firstFrame;
}

/** Node's "file:line", the source line, the caret, a blank line, right above the message. */
function caretBlock(lines: readonly string[], start: number): { item: ParsedItem; start: number } | undefined {
  let j = start - 1;
  if (j >= 0 && lines[j].trim() === "") j--;
  if (j < 2 || !/^\s*\^+\s*$/.test(lines[j])) return undefined;
  const location = lines[j - 2];
  const m = /^(.+):(\d+)$/.exec(location.trim());
  if (!m) return undefined;
  const frame: ParsedFrame = { type: "frame", lines: [location, lines[j - 1], lines[j]], file: m[1], line: Number(m[2]), library: libraryOfPath(m[1]) };
  if (start - 1 > j) frame.lines.push("");
  return { item: frame, start: j - 2 };
}

/**
 * Firefox and Safari: `fn@url:line:col`, `@url:line:col` (anonymous), `global code@…`.
 */
const GECKO_FRAME = /^\s*([^@\s][^@]*?)?@((?:[a-z][\w+.-]*:\/\/|\/|[A-Za-z]:[\\/]|debugger eval code|<anonymous>)[^@]*?):(\d+):(\d+)\s*$/;

function geckoFrame(line: string): ParsedFrame | undefined {
  const m = GECKO_FRAME.exec(line);
  if (!m) return undefined;
  return { type: "frame", lines: [line], function: m[1]?.trim(), file: m[2], line: Number(m[3]), column: Number(m[4]), library: libraryOfPath(stripUrl(m[2])) ?? (m[2].startsWith("debugger eval") ? "native" : undefined) };
}

export const geckoParser: ErrorParser = {
  id: "gecko",
  parse(lines) {
    return eachError(lines, (i) => {
      if (!GECKO_FRAME.test(lines[i])) return undefined;
      const items: ParsedItem[] = [];
      const end = walkFrames(lines, i, items, { frame: geckoFrame });
      let start = i;
      for (let j = i - 1; j >= 0 && j >= i - 10 && lines[j].trim() !== ""; j--) {
        start = j;
        if (jsHeadline(lines[j]) !== undefined) break;
      }
      const headlineLine = lines.slice(start, i).find((l) => jsHeadline(l) !== undefined) ?? lines[start];
      const top = items[0] as ParsedFrame;
      return {
        family: "gecko",
        language: top.file ? jsLanguage(top.file) : "javascript",
        headline: start < i ? (jsHeadline(headlineLine) ?? headlineLine.trim()).replace(/^Uncaught (?:\(in promise\) )?/, "") : "Error (stack trace without a message)",
        severity: "error",
        start,
        end,
        items: start < i ? [text(...lines.slice(start, i)), ...items] : items,
      };
    });
  },
};
