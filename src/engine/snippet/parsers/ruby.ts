import { libraryOfPath } from "../paths";
import type { ErrorParser, ParsedFrame, ParsedItem } from "../model";
import { eachError, text, walkFrames } from "../model";

/**
 * Ruby: `file.rb:12:in 'method': message (Class)` then `\tfrom file.rb:8:in 'caller'` lines
 * (backquote or quote, Ruby ≤ 3.3 and 3.4), and Rails' log form `Class (message):` over a
 * list of `app/models/order.rb:12:in 'total'` lines.
 */
const FRAME = /^(\s*)(?:from )?((?:[A-Za-z]:)?[^:\s][^:]*?\.(?:rb|rake|erb|haml|slim|ru|gemspec)|<internal:[^>]+>|\(irb\)|-e):(\d+):in [`']([^`']+)'(?::\s(.*))?\s*$/;
const RAILS_HEAD = /^([A-Z]\w*(?:::[A-Z]\w*)*) \((.*)\):?\s*$/;

function rubyFrame(line: string): (ParsedFrame & { message?: string }) | undefined {
  const m = FRAME.exec(line);
  if (!m) return undefined;
  return { type: "frame", lines: [line], file: m[2], line: Number(m[3]), function: m[4], library: libraryOfPath(m[2]), message: m[5] };
}

function frameWithoutMessage(line: string): ParsedFrame | undefined {
  const frame = rubyFrame(line);
  if (frame) delete frame.message;
  return frame;
}

export const rubyParser: ErrorParser = {
  id: "ruby",
  parse(lines) {
    return eachError(lines, (i) => {
      const first = rubyFrame(lines[i]);
      if (!first) return undefined;
      const items: ParsedItem[] = [];
      let start = i;
      let headline = "";
      if (first.message !== undefined) {
        // Uncaught: the message rides on the first frame's line.
        const m = /^(.*) \(([A-Z][\w:]*)\)\s*$/.exec(first.message);
        headline = m ? `${m[2]}: ${m[1]}` : first.message;
      } else {
        // Rails: "NoMethodError (undefined method …):" a blank line or two above.
        for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
          const h = RAILS_HEAD.exec(lines[j]);
          if (h) {
            start = j;
            headline = `${h[1]}: ${h[2]}`;
            items.push(text(...lines.slice(j, i)));
            break;
          }
          if (lines[j].trim() !== "") break;
        }
      }
      delete first.message;
      items.push(first);
      let j = i + 1;
      // Ruby 3.1+ error_highlight: a blank line, the source, a caret line, before the `from`s.
      const extra: string[] = [];
      let k = j;
      while (k < lines.length && k - j < 6 && !rubyFrame(lines[k]) && (lines[k].trim() === "" || /^\s{2,}/.test(lines[k]))) extra.push(lines[k++]);
      if (extra.length > 0 && k < lines.length && rubyFrame(lines[k]) && extra.some((l) => l.trim() !== "")) {
        first.lines.push(...extra);
        j = k;
      }
      j = walkFrames(lines, j, items, { frame: frameWithoutMessage });
      if (j < lines.length && /^\s*\.\.\. \d+ levels\.\.\.\s*$/.test(lines[j])) items.push(text(lines[j++]));
      // A lone `file.rb:3:in 'x'` line is too weak to call an error.
      if (!headline && j - i < 2) return j;
      return { family: "ruby", language: "ruby", headline: headline || "Ruby error", severity: "error", start, end: j, items };
    });
  },
};
