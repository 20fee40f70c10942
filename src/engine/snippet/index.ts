/**
 * Error-only snippets: find the error in pasted text (terminal, log, test output), keep its
 * headline, the user's own frames and a one-line summary of each run of library frames,
 * add a few lines of the failing code, neutralize everything, and render Markdown.
 */
import { Vault } from "../anonymize/vault";
import type { ScanOptions } from "../types";
import type { ParsedError, ParsedFrame } from "./model";
import { Neutralizer } from "./neutralize";
import { parseErrors } from "./parsers";
import { stripUrl } from "./parsers/v8";
import { fromFileUrl, isAbsolutePath, languageOf, relativeTo, safeRelative, splitPath } from "./paths";

export type { ErrorParser, ParsedError, ParsedFrame, ParsedItem } from "./model";
export { parseErrors, PARSERS } from "./parsers";
export { libraryOfPath, languageOf, relativeTo, safeRelative } from "./paths";

export interface SnippetOptions {
  /** Lines of code shown before and after the failing line (default 3). */
  contextLines?: number;
  /** Absolute paths of the workspace folders: paths inside them become relative. */
  workspaceRoots?: string[];
  /** The user's home folder, when known: paths under it become `~/…`. */
  homeDir?: string;
  /** The user's account name, replaced wherever it appears. */
  userName?: string;
  /** Reads a workspace file by relative path ("/" separators, never `..`); undefined when absent. */
  readFile?: (relativePath: string) => string | undefined | Promise<string | undefined>;
  /** The vault of "copy anonymized", so restore works on the answer; a fresh one when absent. */
  vault?: Vault;
  scan?: ScanOptions;
  /** Most errors kept from one text (default 5); the rest are counted. */
  maxErrors?: number;
}

/** A kept frame, or the summary of a run of library frames (`folded` > 0). */
export interface SnippetFrame {
  /** The frame's lines as they appear in `errorText`, or the summary line. */
  text: string;
  file?: string;
  line?: number;
  column?: number;
  function?: string;
  /** Libraries of a folded run, comma-separated; absent for the user's own frames. */
  library?: string;
  /** How many library frames this summary line stands for. */
  folded?: number;
}

export interface SnippetExcerpt {
  /** Workspace-relative path of the file the excerpt comes from. */
  path: string;
  /** 1-based failing line. */
  line: number;
  /** Markdown fence language from the file extension. */
  language: string;
  /** The lines with a gutter: `> 42 | code` for the failing line, `  41 | code` around it. */
  text: string;
}

export interface ErrorSnippet {
  /** Language of the first error's code (`javascript`, `python` …). */
  language: string;
  /** The first error's title, neutralized. */
  headline: string;
  /** The kept lines of every error shown, neutralized. */
  errorText: string;
  frames: SnippetFrame[];
  excerpt?: SnippetExcerpt;
  /** Ready to paste: heading, error block, excerpt block. */
  markdown: string;
  /** Placeholders put in (a value seen twice counts twice). */
  replacements: number;
  /** Each error shown: parser family, neutralized headline, severity. */
  errors: { family: string; headline: string; severity: "error" | "warning" }[];
  /** Errors found but not shown (over `maxErrors`); repeats of a shown error are not counted. */
  omitted: number;
}

const DEFAULT_CONTEXT = 3;
const DEFAULT_MAX_ERRORS = 5;
/** Longer lines (minified code) are cut after neutralization. */
const MAX_LINE = 400;
const MAX_PARSED_LINE = 1000;
/** A stack deeper than this in the user's own code (recursion) keeps its top frames only. */
const MAX_USER_FRAMES = 25;

/** Returns undefined when the text holds no error this module recognizes. */
export async function extractErrorSnippet(input: string, options: SnippetOptions = {}): Promise<ErrorSnippet | undefined> {
  const lines = prepareLines(input);
  const chosen = selectErrors(parseErrors(lines), options.maxErrors ?? DEFAULT_MAX_ERRORS);
  if (chosen.shown.length === 0) return undefined;

  const vault = options.vault ?? new Vault();
  const neutralizer = new Neutralizer(
    { workspaceRoots: options.workspaceRoots ?? [], homeDir: options.homeDir, userName: options.userName, vault, scan: options.scan },
    input,
  );

  const rawLines: string[] = [];
  const rawFrames: SnippetFrame[] = [];
  chosen.shown.forEach(({ error, repeats }, index) => {
    if (index > 0) rawLines.push("");
    const { lines: kept, frames } = foldFrames(error);
    rawLines.push(...kept);
    if (repeats > 0) rawLines.push(`… the same error ${repeats} more time${repeats === 1 ? "" : "s"}`);
    rawFrames.push(...frames);
  });
  if (chosen.omitted > 0) rawLines.push("", `… ${chosen.omitted} more error${chosen.omitted === 1 ? "" : "s"} not shown`);

  const errorText = capLines(neutralizer.neutralize(rawLines.join("\n")));
  const frames = rawFrames.map((f) => {
    const out: SnippetFrame = { ...f, text: capLines(neutralizer.neutralize(f.text, false)) };
    if (f.file !== undefined) out.file = neutralizer.neutralize(f.file, false);
    if (f.function !== undefined) out.function = neutralizer.neutralize(f.function, false);
    return out;
  });
  const first = chosen.shown[0].error;
  const headline = neutralizer.neutralize(first.headline.replace(/\s+/g, " ").trim(), false).slice(0, 300);

  let excerpt: SnippetExcerpt | undefined;
  const raw = await readExcerpt(first, options);
  if (raw) {
    excerpt = {
      path: neutralizer.neutralize(raw.path, false),
      line: raw.line,
      language: raw.language,
      text: capLines(neutralizer.neutralize(raw.text)),
    };
  }

  const errors = chosen.shown.map(({ error }) => ({
    family: error.family,
    headline: neutralizer.neutralize(error.headline.replace(/\s+/g, " ").trim(), false).slice(0, 300),
    severity: error.severity,
  }));
  const markdown = renderMarkdown(first.severity, headline, errorText, excerpt);
  return { language: first.language, headline, errorText, frames, excerpt, markdown, replacements: neutralizer.replacements, errors, omitted: chosen.omitted };
}

/** Lines without terminal colours, carriage returns, or a prefix every line of a log carries. */
export function prepareLines(input: string): string[] {
  const clean = input
    .replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, "")
    .replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g, "")
    .replace(/\r\n?/g, "\n");
  // Parsers never need more of a line than this (what is shown is cut shorter still), and
  // it bounds what any pattern can cost on one line.
  const lines = clean.split("\n").map((l) => (l.length > MAX_PARSED_LINE ? `${l.slice(0, MAX_PARSED_LINE)} … (${l.length - MAX_PARSED_LINE} more characters)` : l));
  // `web-1  | …` (docker compose) and `2024-05-01T10:00:00.123Z …` (CI, kubectl --timestamps).
  for (const prefix of [/^[\w.-]+\s*\| ?/, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z? ?/]) {
    const nonEmpty = lines.filter((l) => l.trim() !== "");
    if (nonEmpty.length >= 3 && nonEmpty.filter((l) => prefix.test(l)).length >= nonEmpty.length * 0.8) {
      for (let i = 0; i < lines.length; i++) lines[i] = lines[i].replace(prefix, "");
    }
  }
  return lines;
}

interface Chosen {
  shown: { error: ParsedError; repeats: number }[];
  omitted: number;
}

/** Errors before warnings (warnings only when there is no error); repeats merged; capped. */
export function selectErrors(found: readonly ParsedError[], maxErrors: number): Chosen {
  const errors = found.filter((e) => e.severity === "error");
  const pool = errors.length > 0 ? errors : found;
  const shown: Chosen["shown"] = [];
  const byKey = new Map<string, Chosen["shown"][number]>();
  let omitted = 0;
  for (const error of pool) {
    const top = error.items.find((it): it is ParsedFrame => it.type === "frame" && !it.library);
    // The same error thrown again (another request, a retry) differs only in numbers.
    const key = `${error.family}\u0000${error.headline.replace(/\d+/g, "#")}\u0000${top?.file ?? ""}:${top?.line ?? ""}`;
    const seen = byKey.get(key);
    if (seen) {
      seen.repeats++;
      continue;
    }
    if (shown.length >= maxErrors) {
      omitted++;
      byKey.set(key, { error, repeats: 0 });
      continue;
    }
    const entry = { error, repeats: 0 };
    byKey.set(key, entry);
    shown.push(entry);
  }
  return { shown, omitted };
}

/**
 * The error's lines with each run of library frames folded into one line:
 * `    … 7 frames in express, node:internal`. An error with no frame in the user's code
 * keeps its first frame (the throw site) so the reader still sees where it came from.
 */
export function foldFrames(error: ParsedError): { lines: string[]; frames: SnippetFrame[] } {
  const lines: string[] = [];
  const frames: SnippetFrame[] = [];
  const hasUserFrame = error.items.some((it) => it.type === "frame" && !it.library);
  let run: ParsedFrame[] = [];
  let userFrames = 0;
  let skippedUser = 0;
  let keptFirst = hasUserFrame;
  const flush = () => {
    if (run.length === 0) return;
    const libraries = [...new Set(run.map((f) => f.library!))];
    const names = libraries.length > 3 ? `${libraries.slice(0, 3).join(", ")}…` : libraries.join(", ");
    const indent = /^\s*/.exec(run[0].lines[0] ?? "")![0];
    const summary = `${indent}… ${run.length} frame${run.length === 1 ? "" : "s"} in ${names}`;
    lines.push(summary);
    frames.push({ text: summary.trim(), library: libraries.join(", "), folded: run.length });
    run = [];
  };
  for (const item of error.items) {
    if (item.type === "text") {
      flush();
      lines.push(...item.lines);
      continue;
    }
    if (item.library && keptFirst) {
      run.push(item);
      continue;
    }
    flush();
    keptFirst = true;
    if (!item.library && ++userFrames > MAX_USER_FRAMES) {
      skippedUser++;
      continue;
    }
    lines.push(...item.lines);
    const frame: SnippetFrame = { text: item.lines.join("\n") };
    if (item.file !== undefined) frame.file = item.file;
    if (item.line !== undefined) frame.line = item.line;
    if (item.column !== undefined) frame.column = item.column;
    if (item.function !== undefined) frame.function = item.function;
    if (item.library) frame.library = item.library;
    frames.push(frame);
  }
  flush();
  if (skippedUser > 0) lines.push(`… ${skippedUser} more frame${skippedUser === 1 ? "" : "s"} in your code`);
  return { lines, frames };
}

/**
 * The frame to show code for: the innermost frame of the user's code that names a file and
 * a line. Python and pytest print the innermost call last; every other family first.
 */
export function failingFrame(error: ParsedError): ParsedFrame | undefined {
  const frames = error.items.filter((it): it is ParsedFrame => it.type === "frame" && !it.library && it.file !== undefined && it.line !== undefined);
  if (frames.length === 0) return undefined;
  return error.family === "python" || error.family === "pytest" ? frames[frames.length - 1] : frames[0];
}

/**
 * Relative paths to try for a frame's file, safest first: inside a workspace root, then as
 * printed when relative, then (for a path from another machine or a container) its last
 * segments. Nothing with `..` or absolute ever reaches `readFile`.
 */
export function excerptCandidates(frame: ParsedFrame, workspaceRoots: readonly string[]): string[] {
  const out: string[] = [];
  const add = (p: string | undefined) => {
    const safe = p === undefined ? undefined : safeRelative(p);
    if (safe && !out.includes(safe)) out.push(safe);
  };
  if (frame.file !== undefined) {
    let file = fromFileUrl(frame.file.trim());
    if (/^[a-z][\w+.-]*:\/\//i.test(file)) file = stripUrl(file);
    file = file.replace(/[?#].*$/, "");
    if (isAbsolutePath(file)) {
      let inside = false;
      for (const root of workspaceRoots) {
        const rel = relativeTo(file, root);
        if (rel !== undefined) {
          add(rel);
          inside = true;
        }
      }
      if (!inside) {
        const segments = splitPath(file).segments;
        for (let n = Math.min(4, segments.length - 1); n >= 2; n--) add(segments.slice(-n).join("/"));
      }
    } else add(file);
  }
  for (const c of frame.candidates ?? []) add(c);
  return out;
}

async function readExcerpt(error: ParsedError, options: SnippetOptions): Promise<Omit<SnippetExcerpt, "language"> & { language: string } | undefined> {
  const read = options.readFile;
  const frame = failingFrame(error);
  if (!read || !frame || frame.line === undefined) return undefined;
  const context = Math.max(0, Math.min(50, Math.floor(options.contextLines ?? DEFAULT_CONTEXT)));
  for (const candidate of excerptCandidates(frame, options.workspaceRoots ?? [])) {
    let content: string | undefined;
    try {
      content = await read(candidate);
    } catch {
      content = undefined;
    }
    if (content === undefined) continue;
    const fileLines = content.replace(/\r\n?/g, "\n").split("\n");
    if (frame.line < 1 || frame.line > fileLines.length) continue;
    return { path: candidate, line: frame.line, language: languageOf(candidate), text: formatExcerpt(fileLines, frame.line, context) };
  }
  return undefined;
}

/** `> 42 | code` for the failing line, `  41 | code` around it, numbers right-aligned. */
export function formatExcerpt(fileLines: readonly string[], line: number, context: number): string {
  const from = Math.max(1, line - context);
  const to = Math.min(fileLines.length, line + context);
  const width = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) out.push(`${n === line ? ">" : " "} ${String(n).padStart(width)} | ${fileLines[n - 1]}`.trimEnd());
  return out.join("\n");
}

/** Cuts very long lines, never inside a placeholder. */
function capLines(text: string): string {
  return text
    .split("\n")
    .map((whole) => {
      if (whole.length <= MAX_LINE) return whole;
      // A line already cut while parsing carries how much it lost.
      const earlier = / … \((\d+) more characters\)$/.exec(whole);
      const line = earlier ? whole.slice(0, earlier.index) : whole;
      const lost = earlier ? Number(earlier[1]) : 0;
      if (line.length <= MAX_LINE) return whole;
      let cut = MAX_LINE;
      const open = line.lastIndexOf("[", cut);
      const close = line.indexOf("]", open);
      if (open !== -1 && close >= cut && close - open < 60) cut = close + 1;
      return `${line.slice(0, cut)} … (${line.length - cut + lost} more characters)`;
    })
    .join("\n");
}

/** A fence longer than any run of backticks inside, so pasted code cannot close it. */
function fence(body: string, language: string): string {
  let longest = 2;
  for (const m of body.matchAll(/`{3,}/g)) longest = Math.max(longest, m[0].length);
  const ticks = "`".repeat(longest + 1);
  return `${ticks}${language}\n${body}\n${ticks}`;
}

export function renderMarkdown(severity: "error" | "warning", headline: string, errorText: string, excerpt: SnippetExcerpt | undefined): string {
  const parts = [`### ${severity === "error" ? "Error" : "Warning"}: ${headline.replace(/^#+\s*/, "")}`, "", fence(errorText, "text")];
  if (excerpt) parts.push("", `\`${excerpt.path}\`, line ${excerpt.line}:`, "", fence(excerpt.text, excerpt.language));
  return parts.join("\n") + "\n";
}
