import type { ErrorParser } from "../model";
import { eachError, text } from "../model";
import { jsHeadline } from "./v8";

/**
 * The fallback when no stack or diagnostic is found: log lines that say ERROR / FATAL /
 * `Error:` / `npm ERR!`, runs of them joined into one error each.
 */
const ERROR_LINE = /\b(?:ERROR|FATAL|CRITICAL|SEVERE|EMERG(?:ENCY)?|PANIC)\b|(?:Error|Exception):|^\s*(?:error|fatal)(?:\[\w+\])?: |\bnpm (?:ERR!|error) |\bUnhandled (?:exception|rejection)\b|^\s*✖ |\bfailed with exit code \d+/;
const NOT_AN_ERROR = /\b(?:0 errors?|no errors?|errors?: 0|without errors?)\b/i;

export const logLineParser: ErrorParser = {
  id: "log",
  parse(lines) {
    return eachError(lines, (i) => {
      if (!ERROR_LINE.test(lines[i]) || NOT_AN_ERROR.test(lines[i])) return undefined;
      let j = i + 1;
      while (j < lines.length && j - i < 15 && (ERROR_LINE.test(lines[j]) || (/^\s+\S/.test(lines[j]) && !NOT_AN_ERROR.test(lines[j])))) j++;
      const headlineLine = lines[i].trim();
      const m = /\b(?:ERROR|FATAL|CRITICAL|SEVERE)\b|npm (?:ERR!|error) /.exec(headlineLine);
      const headline = jsHeadline(headlineLine) ?? (m ? headlineLine.slice(m.index) : headlineLine);
      return { family: "log", language: "text", headline: headline.slice(0, 200), severity: "error", start: i, end: j, items: [text(...lines.slice(i, j))] };
    });
  },
};
