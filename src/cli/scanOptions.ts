/** `veil scan`'s options: what they are, what they say in --help, and what they load (config, baseline, scanner). */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Scanner } from "../engine";
import { UsageError, type OptionSpecs, type ParsedArgs } from "./args";
import { BaselineError, parseBaseline } from "./baseline";
import { CONFIG_HELP, ConfigError, emptyConfig, formatConfigNotes, formatPatternWarnings, parseConfig, type CliConfig } from "./config";
import type { CliIO } from "./io";
import { defaultJobs, PARALLEL_MIN_FILES } from "./parallel";
import { fsErrorText } from "./scanFile";
import { SETTING_DEFAULTS } from "../workspace/settingsSchema";

export const OPTIONS = {
  format: { type: "string", choices: ["text", "json", "sarif"] },
  config: { type: "string" },
  baseline: { type: "string" },
  exclude: { type: "string", multiple: true },
  "max-size": { type: "string" },
  jobs: { type: "string", short: "j" },
  "no-default-ignores": { type: "boolean" },
  gitignore: { type: "boolean" },
  verbose: { type: "boolean", short: "v" },
} as const satisfies OptionSpecs;

export const SCAN_HELP = `Usage: veil scan [options] [PATH...]

Reports secrets, personal data and configured terms in files and directories
(default PATH: the current directory). Values are never printed, only a masked preview.

Options:
  --format text|json|sarif  output format (default text)
  --config FILE             JSON config: terms, allowlists, disabled rules, excludes, severities
  --baseline FILE           an earlier --format json report; findings already in it are not reported
  --exclude GLOB            leave out paths matching GLOB (repeatable); matched against the path
                            relative to the scanned directory, dot files included; a GLOB without
                            "/" also matches base names at any depth ("*.min.js"), a matching
                            directory is not walked
  --max-size SIZE           skip files larger than SIZE (default 5MB; 500k, 2MB, 0 = no limit)
  --no-default-ignores      also walk .git, .hg, .svn and node_modules directories
  --gitignore               also leave out what the .gitignore files (nested ones too) and
                            .git/info/exclude ignore, read as git reads them, as Scan Workspace
                            does by default (veil.workspaceScan.respectGitignore)
  -j, --jobs N              threads that scan (default: one per core; 1 = no worker threads);
                            workers start only for trees of ${PARALLEL_MIN_FILES}+ files (without --jobs, only
                            when the first batches say they will pay); the report is the same
  -v, --verbose             name each skipped file on stderr, not just the counts
  -h, --help                show this help

Walking directories: symlinks are not followed; .git, .hg, .svn and node_modules are skipped;
binary files (known extensions or a NUL byte in the first 8 KB) and files over --max-size are
skipped; a .veilignore at the root of each scanned directory works like .gitignore (globs,
# comments, ! to re-include, trailing / for directories). Skipped files are counted on stderr.
A file named on the command line is always scanned, whatever --exclude, the config's
"exclude" and .veilignore say (they shape directory walks); binary and oversized files are
still skipped.

Files are read as UTF-8 (invalid bytes become U+FFFD), or UTF-16 when they start with a
byte-order mark or, without one, when every other byte of their first 512 is NUL (as VS Code
guesses). In json and sarif, offset/length and columns count UTF-16 code units from
after any byte-order mark; line and column are 1-based, endColumn is just past the end.
Paths are relative to the current directory. Each json finding carries a "fingerprint"
(hash of path, rule and value) that --baseline matches together with path and ruleId.

Exit codes: 0 nothing found, 1 findings, 2 usage error, bad config or baseline, or a path that
could not be read (missing, permission denied). When a path cannot be read the others are
still scanned and reported, but the exit code is 2 so an incomplete scan never passes.

${CONFIG_HELP}
`;

function parseJobs(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < 1) throw new UsageError(`veil scan: --jobs must be a whole number of threads, 1 or more (got ${JSON.stringify(text)})`);
  return Math.min(n, 64);
}

function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?$/i.exec(text.trim());
  if (!m) throw new UsageError(`veil scan: --max-size must be a size like 500k, 5MB or 1048576 (got ${JSON.stringify(text)})`);
  const unit = (m[2] ?? "b").toLowerCase()[0];
  const factor = unit === "k" ? 1024 : unit === "m" ? 1024 ** 2 : unit === "g" ? 1024 ** 3 : 1;
  const size = Math.floor(Number(m[1]) * factor);
  return size === 0 ? Infinity : size;
}

function readTextFile(io: CliIO, file: string, what: string): { path: string; text: string } {
  const path = resolve(io.cwd, file);
  try {
    return { path: file, text: readFileSync(path, "utf8") };
  } catch (error) {
    throw new ConfigError(file, `cannot read the ${what}: ${fsErrorText(error)}`);
  }
}

/** What a scan runs with, once its options are read. */
export interface ScanSetup {
  maxSize: number;
  threads: number;
  /** The config file as read, for the worker threads to parse again. */
  configSource: { text: string; path: string } | undefined;
  config: CliConfig;
  baseline: Set<string> | undefined;
  scanner: Scanner;
}

/**
 * Reads the options, the config file and the baseline. A bad config or baseline is reported
 * on stderr and gives undefined (exit 2); a UsageError (--max-size, --jobs) goes on to
 * args.ts, which reports it like the parser's.
 */
export function loadScanSetup(values: ParsedArgs<typeof OPTIONS>["values"], io: CliIO): ScanSetup | undefined {
  let maxSize = SETTING_DEFAULTS.maxFileSizeKB * 1024;
  let threads = defaultJobs();
  let configSource: { text: string; path: string } | undefined;
  let config = emptyConfig();
  let baseline: Set<string> | undefined;
  try {
    if (values["max-size"] !== undefined) maxSize = parseSize(values["max-size"]);
    if (values.jobs !== undefined) threads = parseJobs(values.jobs);
    if (values.config !== undefined) {
      configSource = readTextFile(io, values.config, "config file");
      config = parseConfig(configSource.text, configSource.path);
      io.stderr(formatConfigNotes("veil scan", values.config, config.notes));
    }
    const scanner = new Scanner(config.scan);
    if (scanner.warnings.length > 0) io.stderr(formatPatternWarnings("veil scan", values.config, scanner.warnings));
    if (values.baseline !== undefined) {
      let text: string;
      try {
        text = readFileSync(resolve(io.cwd, values.baseline), "utf8");
      } catch (error) {
        throw new BaselineError(`baseline ${values.baseline}: cannot read it: ${fsErrorText(error)}`);
      }
      baseline = parseBaseline(text, values.baseline);
    }
    return { maxSize, threads, configSource, config, baseline, scanner };
  } catch (error) {
    if (error instanceof ConfigError || error instanceof BaselineError) io.stderr(`veil scan: ${error.message}\n`);
    else throw error;
    return undefined;
  }
}
