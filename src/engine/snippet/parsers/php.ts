import { libraryOfPath } from "../paths";
import type { ErrorParser, ParsedFrame, ParsedItem } from "../model";
import { eachError, text, walkFrames } from "../model";

/**
 * PHP: `PHP Fatal error:  Uncaught X: msg in /path/file.php:14` or `… in /path/file.php on
 * line 12`, `Stack trace:` with `#0 /path/file.php(31): fn()` frames, `thrown in … on line N`;
 * Laravel's `[stacktrace]` block; warnings and notices (severity "warning").
 */
const HEAD = /^(?:\[[^\]]*\]\s*)?(?:PHP )?(Fatal error|Parse error|Warning|Notice|Deprecated|Recoverable fatal error|Catchable fatal error|[\w.]+\.(?:ERROR|CRITICAL|ALERT|EMERGENCY)):\s+(.*?)(?: in ((?:[A-Za-z]:)?[^\s:]+?\.php)(?::(\d+)| on line (\d+)))?\.?\s*$/;
const EXCEPTION_AT = / at ((?:[A-Za-z]:)?[^\s:]+?\.php):(\d+)\)/;
const FRAME = /^#(\d+) (?:((?:[A-Za-z]:)?[^()]+?\.php)\((\d+)\)|\[internal function\]|\{main\})(?:: (.*))?\s*$/;

function phpFrame(line: string): ParsedFrame | undefined {
  const m = FRAME.exec(line);
  if (!m) return undefined;
  if (!m[2]) return { type: "frame", lines: [line], function: m[4], library: line.includes("{main}") ? "php" : "php internal" };
  return { type: "frame", lines: [line], file: m[2], line: Number(m[3]), function: m[4], library: libraryOfPath(m[2]) };
}

export const phpParser: ErrorParser = {
  id: "php",
  parse(lines) {
    return eachError(lines, (i) => {
      const h = HEAD.exec(lines[i]);
      const isError = h && !/^(?:Warning|Notice|Deprecated)$/.test(h[1]);
      const frameFirst = !h && phpFrame(lines[i]) && /^#0 /.test(lines[i]);
      if (!h && !frameFirst) return undefined;
      if (h && !h[3] && !EXCEPTION_AT.test(lines[i]) && !/^(?:Stack trace:|\[stacktrace\])/.test(lines[i + 1] ?? "")) return undefined;
      const items: ParsedItem[] = [];
      let start = i;
      let headline: string;
      let j = i;
      if (h) {
        const file = h[3] ?? EXCEPTION_AT.exec(lines[i])?.[1];
        const line = h[3] ? Number(h[4] ?? h[5]) : Number(EXCEPTION_AT.exec(lines[i])?.[2]);
        // The throw site is the top frame: it comes before #0.
        items.push({ type: "frame", lines: [lines[i]], file, line: Number.isFinite(line) ? line : undefined, library: file ? libraryOfPath(file) : undefined });
        headline = `${h[2]}`.replace(/^Uncaught /, "").replace(/\s+\{"exception".*$/, "");
        j++;
      } else {
        // A stack pasted without its message: take the line above if there is one.
        if (i > 0 && lines[i - 1].trim() !== "") {
          start = i - 1;
          items.push(text(lines[i - 1]));
        }
        headline = lines[start].trim();
      }
      if (/^(?:Stack trace:|\[stacktrace\])\s*$/.test(lines[j] ?? "")) items.push(text(lines[j++]));
      j = walkFrames(lines, j, items, { frame: phpFrame });
      if (/^\s+thrown in .+ on line \d+/.test(lines[j] ?? "")) items.push(text(lines[j++]));
      if (/^"\}\s*$/.test(lines[j] ?? "")) items.push(text(lines[j++]));
      return { family: "php", language: "php", headline, severity: h && !isError ? "warning" : "error", start, end: Math.max(j, i + 1), items };
    });
  },
};
