/**
 * Patterns Veil did not write (regex terms, allow patterns, anything from a setting or a
 * config file) run on RE2's linear-time engine (re2js, pure JS, so the web worker runs it
 * too), never on JavaScript's backtracking one: `(a+)+$` on a line of `a`s would freeze the
 * extension host, and a repository can ship such a term in its settings.
 *
 * Patterns keep JavaScript's syntax and meaning: `.`, `\s` and `\S` are rewritten to what
 * they match in a `u` regex (RE2's are ASCII-only or let `\r` through). What RE2 cannot run
 * in linear time (backreferences, lookarounds) is refused with a warning that names the
 * construct and shows a few characters of the pattern at most.
 */
import { RE2JS } from "re2js";
import { maskValue } from "./preview";
import { regexErrorReason } from "../util/errors";

/** A compiled pattern, or why it was refused. */
export type UserPatternResult = { pattern: LinearPattern; warning?: undefined } | { pattern?: undefined; warning: string };

/**
 * A match of a term pattern never grows past this many code units: a term is a name, a code
 * or a reference, not a paragraph, and the cap is what bounds the window each search looks at.
 */
export const MAX_TERM_MATCH = 256;
/** Where a search window starts, it covers WINDOW + MAX_TERM_MATCH code units. */
const WINDOW = 2048;
/**
 * Texts up to this long get one DFA test before the windows. On a longer one a pattern whose
 * DFA outgrows its cache (`(a|b)*a(a|b){12}`) would fall back to RE2's NFA over the whole
 * text (docs/user-patterns.md); windows fall back to the bit-state backtracker, bounded per window.
 */
const WHOLE_TEXT_TEST = 1 << 16;
/** Programs above this many instructions are refused: time per character grows with it. */
const MAX_PROGRAM = 2000;

/** JS's `\s` in a `u` regex, as the inside of an RE2 class. */
const JS_SPACE = String.raw`\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}`;
/** JS's `.` without the `s` flag. */
const JS_DOT = String.raw`[^\n\r\x{2028}\x{2029}]`;

/** The construct RE2 cannot run, or undefined. Walks the JS source, classes and escapes aside. */
function unsupportedConstruct(source: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      const next = source[i + 1];
      if (!inClass && next !== undefined && /[1-9]/.test(next)) return "a backreference";
      if (!inClass && next === "k" && source[i + 2] === "<") return "a backreference";
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "(" && source[i + 1] === "?") {
      const kind = source.slice(i + 2, i + 4);
      if (kind[0] === "=" || kind[0] === "!") return "a lookahead";
      if (kind === "<=" || kind === "<!") return "a lookbehind";
    }
  }
  return undefined;
}

/** RE2 source (after re2js's translation) with `.`, `\s`, `\S` given their JavaScript meaning. */
function withJsClasses(source: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      const next = source[i + 1] ?? "";
      if (next === "s") out += inClass ? JS_SPACE : `[${JS_SPACE}]`;
      else if (next === "S" && !inClass) out += `[^${JS_SPACE}]`;
      else out += c + next;
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      out += c;
      continue;
    }
    if (c === "[") {
      inClass = true;
      out += c;
      // A "]" right after "[" or "[^" is a literal in RE2, a closing bracket nowhere in JS `u` mode.
      if (source[i + 1] === "^") out += source[++i];
      continue;
    }
    out += c === "." ? JS_DOT : c;
  }
  return out;
}

/** The warning for a refused pattern: `what "pr…d+" …`, never the whole pattern. */
function refusal(what: string, source: string, reason: string): string {
  return `${what} "${maskValue(source, "secret", "pattern")}" ${reason}`;
}

/**
 * Compiles a user's pattern (JavaScript syntax, case-insensitive when `ignoreCase`,
 * `^`/`$` at line ends when `multiline`). `what` names it in the warning ("term pattern").
 */
export function compileUserPattern(what: string, source: string, flags: { ignoreCase: boolean; multiline: boolean }): UserPatternResult {
  try {
    // Compiling runs nothing: a safe way to tell JS syntax errors from what RE2 lacks.
    new RegExp(source, "u");
  } catch (error) {
    return { warning: refusal(what, source, `is not a valid regex: ${regexErrorReason(error)}`) };
  }
  const construct = unsupportedConstruct(source);
  if (construct) return { warning: refusal(what, source, `uses ${construct}, which Veil cannot match in linear time: ignored`) };
  let re: RE2JS;
  let translated: string;
  const prefix = (flags.ignoreCase ? "(?i)" : "") + (flags.multiline ? "(?m)" : "");
  try {
    translated = withJsClasses(RE2JS.translateRegExp(source));
    re = RE2JS.compile(prefix + translated);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // re2js quotes the offending part after a colon; keep only the reason before it.
    const reason = message.replace(/^error parsing regexp:\s*/, "").replace(/:\s*`[\s\S]*$/, "");
    return { warning: refusal(what, source, `cannot be run by Veil's linear-time engine (${reason}): ignored`) };
  }
  if (re.programSize() > MAX_PROGRAM) return { warning: refusal(what, source, "is too large for Veil's linear-time engine: ignored") };
  return { pattern: new LinearPattern(re, translated, prefix, literalPrefilter(translated, flags.ignoreCase)) };
}

/** re2js's prefilter node (RE2's `Prefilter`): the literals a match must contain. Not in its typings. */
interface PrefilterNode {
  /** 0 none, 1 exact string, 2 all of `subs`, 3 any of `subs`. */
  type: number;
  str: string;
  subs: PrefilterNode[];
}

function escapeLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/**
 * A cheap test that a text may hold a match: the literals RE2 proves every match contains
 * (`prj-` for `prj-\d+`), each looked for with a literal, hence linear, JS regex. Most texts
 * hold none, and skip the RE2 pass. Built from the case-sensitive pattern, whose literals
 * any case-insensitive match contains in some case. Undefined when there is no literal.
 */
function literalPrefilter(translated: string, ignoreCase: boolean): ((text: string) => boolean) | undefined {
  let root: PrefilterNode | null;
  try {
    root = (RE2JS.compile(translated).re2() as unknown as { prefilter: PrefilterNode | null }).prefilter;
  } catch {
    return undefined;
  }
  const build = (node: PrefilterNode): ((text: string) => boolean) | undefined => {
    if (node.type === 1 && node.str) {
      const literal = new RegExp(escapeLiteral(node.str), ignoreCase ? "iu" : "u");
      return (text) => literal.test(text);
    }
    const subs = (node.subs ?? []).map(build);
    if (node.type === 2) {
      const known = subs.filter((f): f is (text: string) => boolean => f !== undefined);
      return known.length === 0 ? undefined : (text) => known.every((f) => f(text));
    }
    if (node.type === 3 && subs.length > 0 && subs.every((f) => f !== undefined)) {
      const all = subs as ((text: string) => boolean)[];
      return (text) => all.some((f) => f(text));
    }
    return undefined;
  };
  return root ? build(root) : undefined;
}

/** The offset of the code point before `at` (0 at the start). */
function previousCodePoint(text: string, at: number): number {
  if (at <= 0) return 0;
  const c = text.charCodeAt(at - 1);
  return at >= 2 && c >= 0xdc00 && c <= 0xdfff && (text.charCodeAt(at - 2) & 0xfc00) === 0xd800 ? at - 2 : at - 1;
}

/** `at`, or just past it when it falls inside a surrogate pair. */
function codePointBoundary(text: string, at: number): number {
  if (at <= 0 || at >= text.length) return at;
  const c = text.charCodeAt(at);
  return c >= 0xdc00 && c <= 0xdfff && (text.charCodeAt(at - 1) & 0xfc00) === 0xd800 ? at + 1 : at;
}

const NOT_WORD = String.raw`[^\p{L}\p{N}]`;

/** A user pattern that runs in time linear in the text, whatever it is. */
export class LinearPattern {
  /**
   * The pattern between a consumed "not a letter or digit" on each side (or the text's
   * edge), its own match in group 1. RE2's lookarounds would leave the DFA; consuming the
   * neighbours keeps it. By [at text start][at text end].
   */
  private readonly words: RE2JS[][] = [];

  constructor(
    private readonly re: RE2JS,
    private readonly translated: string,
    private readonly prefix: string,
    /** False when the text cannot hold a match; undefined when the pattern has no literal to look for. */
    private readonly mayMatch: ((text: string) => boolean) | undefined,
  ) {}

  /** Whether the whole value matches (an allow pattern). Linear: RE2's DFA. */
  matchesWhole(value: string): boolean {
    return this.re.testExact(value);
  }

  private wordPattern(atStart: boolean, atEnd: boolean): RE2JS {
    const row = (this.words[atStart ? 1 : 0] ??= []);
    return (row[atEnd ? 1 : 0] ??= RE2JS.compile(
      `${this.prefix}${atStart ? `(?:\\A|${NOT_WORD})` : NOT_WORD}(${this.translated})${atEnd ? `(?:${NOT_WORD}|\\z)` : NOT_WORD}`,
    ));
  }

  /**
   * Every match that is a whole word (no letter or digit on either side), left to right, not
   * overlapping, as JavaScript's `exec` loop would find them, for matches of at most
   * MAX_TERM_MATCH code units (a longer one may be missed). Searches windows of the text,
   * each with the code point on both sides so `^`, `$` and the word edges see what is really
   * there; a window without a match costs one DFA pass.
   */
  findWords(text: string, onMatch: (start: number, end: number) => void): void {
    if (this.mayMatch && !this.mayMatch(text)) return;
    // One DFA pass over the whole text answers "no match" for most texts at once; windows
    // (below) are for the texts that hold one, and for long texts.
    if (text.length <= WHOLE_TEXT_TEST && !this.wordPattern(true, true).test(text)) return;
    const length = text.length;
    let pos = 0;
    while (pos < length) {
      const limit = codePointBoundary(text, Math.min(length, pos + WINDOW));
      const windowEnd = codePointBoundary(text, Math.min(length, limit + MAX_TERM_MATCH));
      const from = previousCodePoint(text, pos);
      const to = windowEnd < length ? codePointBoundary(text, windowEnd + 1) : length;
      const atEnd = to === length;
      const pattern = this.wordPattern(pos === 0, atEnd);
      const slice = text.slice(from, to);
      let next = limit;
      let resume = -1;
      if (pattern.test(slice)) {
        // `\A` stands for "no neighbour before" only for a search from the text's start.
        let matcher = pattern.matcher(slice);
        let fromStart = pos === 0;
        let at = pos - from;
        for (;;) {
          if (fromStart && at > 0) {
            matcher = this.wordPattern(false, atEnd).matcher(slice);
            fromStart = false;
          }
          if (!matcher.find(previousCodePoint(slice, at))) break;
          const start = matcher.start(1);
          const end = matcher.end(1);
          if (from + start >= limit) {
            resume = from + start;
            break;
          }
          if (end === start) {
            // An empty match is no finding; the search goes on one position later, as exec's does.
            at = codePointBoundary(slice, start + 1);
            if (at > slice.length) break;
            continue;
          }
          onMatch(from + start, from + end);
          at = end;
          next = Math.max(limit, from + end);
        }
      }
      if (resume >= 0) pos = resume;
      else if (to === length) return;
      else pos = next;
    }
  }
}
