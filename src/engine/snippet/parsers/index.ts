import type { ErrorParser, ParsedError } from "../model";
import { eslintParser, gccParser, rustcParser, tscParser } from "./compilers";
import { goParser } from "./go";
import { dotnetParser, jvmParser } from "./jvm";
import { logLineParser } from "./logLines";
import { phpParser } from "./php";
import { pytestParser, pythonParser } from "./python";
import { rubyParser } from "./ruby";
import { rustParser } from "./rust";
import { geckoParser, v8Parser } from "./v8";

/** Every structured parser, most specific first: on a tie for the same lines, the earlier wins. */
export const PARSERS: readonly ErrorParser[] = [
  pytestParser,
  pythonParser,
  jvmParser,
  dotnetParser,
  v8Parser,
  geckoParser,
  goParser,
  rustParser,
  rubyParser,
  phpParser,
  rustcParser,
  tscParser,
  eslintParser,
  gccParser,
];

/**
 * Runs every parser over the lines and keeps non-overlapping errors in text order:
 * longer blocks win over shorter ones they overlap (a Python traceback over the log line
 * inside it), then earlier parsers. Bare log lines are the fallback when nothing else is found.
 */
export function parseErrors(lines: readonly string[], parsers: readonly ErrorParser[] = PARSERS): ParsedError[] {
  const found: { error: ParsedError; rank: number }[] = [];
  parsers.forEach((parser, rank) => {
    for (const error of parser.parse(lines)) found.push({ error, rank });
  });
  if (found.length === 0) return logLineParser.parse(lines);
  found.sort((a, b) => b.error.end - b.error.start - (a.error.end - a.error.start) || a.rank - b.rank || a.error.start - b.error.start);
  const kept: ParsedError[] = [];
  const claimed = new Uint8Array(lines.length + 1);
  for (const { error } of found) {
    let free = true;
    for (let i = error.start; i < error.end && free; i++) if (claimed[i]) free = false;
    if (!free) continue;
    claimed.fill(1, error.start, error.end);
    kept.push(error);
  }
  return kept.sort((a, b) => a.start - b.start);
}
