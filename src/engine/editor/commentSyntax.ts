import { directiveIds } from "../detect/directives";
import { lowerSameLength } from "../util/lower";
/**
 * How to write a `veil:allow` comment in each language, by VS Code language id.
 * `inline: false` marks languages where a trailing comment would become part of the value
 * (`KEY=value # note` is the value "value # note" for many .env and .properties readers):
 * there the directive goes on its own line above, as `veil:allow-next-line`.
 */
export interface CommentSyntax {
  start: string;
  end?: string;
  inline: boolean;
}

const SLASH: CommentSyntax = { start: "//", inline: true };
const HASH: CommentSyntax = { start: "#", inline: true };
const HASH_ABOVE: CommentSyntax = { start: "#", inline: false };
const MARKUP: CommentSyntax = { start: "<!--", end: "-->", inline: true };
const BLOCK: CommentSyntax = { start: "/*", end: "*/", inline: true };
const DASHES: CommentSyntax = { start: "--", inline: true };
const PERCENT: CommentSyntax = { start: "%", inline: true };
const SEMICOLON_ABOVE: CommentSyntax = { start: ";", inline: false };

const BY_LANGUAGE: Readonly<Record<string, CommentSyntax>> = {
  javascript: SLASH,
  javascriptreact: SLASH,
  typescript: SLASH,
  typescriptreact: SLASH,
  jsonc: SLASH,
  java: SLASH,
  csharp: SLASH,
  go: SLASH,
  rust: SLASH,
  c: SLASH,
  cpp: SLASH,
  "objective-c": SLASH,
  "objective-cpp": SLASH,
  php: SLASH,
  swift: SLASH,
  kotlin: SLASH,
  scala: SLASH,
  dart: SLASH,
  groovy: SLASH,
  fsharp: SLASH,
  scss: SLASH,
  less: SLASH,
  python: HASH,
  shellscript: HASH,
  yaml: HASH,
  ruby: HASH,
  perl: HASH,
  r: HASH,
  powershell: HASH,
  dockerfile: HASH,
  makefile: HASH,
  elixir: HASH,
  julia: HASH,
  coffeescript: HASH,
  toml: HASH,
  // Inline comments are not part of the .env, .properties or .ini formats everywhere.
  dotenv: HASH_ABOVE,
  properties: HASH_ABOVE,
  ini: SEMICOLON_ABOVE,
  html: MARKUP,
  xml: MARKUP,
  xsl: MARKUP,
  markdown: MARKUP,
  css: BLOCK,
  sql: DASHES,
  lua: DASHES,
  haskell: DASHES,
  latex: PERCENT,
  tex: PERCENT,
  bibtex: PERCENT,
  matlab: PERCENT,
  erlang: PERCENT,
};

/** `undefined` for languages without comments (JSON, plain text): no ignore quick fix there. */
export function commentSyntaxFor(languageId: string): CommentSyntax | undefined {
  return BY_LANGUAGE[languageId];
}

export interface TextInsertion {
  line: number;
  character: number;
  text: string;
}

/**
 * Where and what to insert so the finding starting on `line` is ignored.
 * Trailing comment on the finding's line when the language allows it; otherwise, for a
 * finding spanning several lines (the end of its first line may be inside a string), or
 * when the line ends with a continuation backslash, a `veil:allow-next-line` comment on its
 * own line above, indented like the finding's line.
 */
export function ignoreDirectiveInsertion(
  languageId: string,
  lineText: string,
  line: number,
  options: { multiLine?: boolean; eol?: string; id?: string; previousLine?: string } = {},
): TextInsertion | undefined {
  const syntax = commentSyntaxFor(languageId);
  if (!syntax) return undefined;
  const close = syntax.end ? ` ${syntax.end}` : "";
  // Narrow by default: the directive names what it allows, so the rest of the line is still checked.
  const named = options.id ? ` ${options.id.toLowerCase()}` : "";
  const continued = /\\\s*$/.test(lineText);
  if (syntax.inline && !options.multiLine && !continued) {
    const more = options.id ? addToDirective(lineText, "veil:allow", options.id) : undefined;
    if (more) return { line, ...more };
    const trimmedEnd = lineText.replace(/\s+$/, "").length;
    return { line, character: trimmedEnd, text: ` ${syntax.start} veil:allow${named}${close}` };
  }
  if (options.id && options.previousLine !== undefined && line > 0) {
    const more = addToDirective(options.previousLine, "veil:allow-next-line", options.id);
    if (more) return { line: line - 1, ...more };
  }
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? "";
  return { line, character: 0, text: `${indent}${syntax.start} veil:allow-next-line${named}${close}${options.eol ?? "\n"}` };
}

/**
 * Where to add `id` to a named directive already on this line (`veil:allow pii-phone` →
 * `veil:allow pii-phone pii-email`); `undefined` when there is none, or a bare one.
 */
function addToDirective(lineText: string, token: string, id: string): { character: number; text: string } | undefined {
  const lower = lowerSameLength(lineText);
  let at = lower.indexOf(token);
  while (at >= 0 && token === "veil:allow" && lower.startsWith("-next-line", at + token.length)) at = lower.indexOf(token, at + 1);
  if (at < 0) return undefined;
  const { ids, end } = directiveIds(lower, at + token.length);
  if (ids.length === 0) return undefined;
  if (ids.includes(id.toLowerCase())) return { character: end, text: "" };
  return { character: end, text: ` ${id.toLowerCase()}` };
}
