/** `veil scan`: report secrets, personal data and configured terms in files. */
import { readdirSync, readFileSync, statSync, type Dirent } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { version } from "../../../package.json";
import { Scanner } from "../../engine";
import { defineCommand, UsageError, type OptionSpecs, type ParsedArgs } from "../args";
import { BaselineError, baselineKey, parseBaseline } from "../baseline";
import { CONFIG_HELP, ConfigError, emptyConfig, formatConfigNotes, formatPatternWarnings, parseConfig, type CliConfig } from "../config";
import { DEFAULT_IGNORED_DIRECTORIES, ExcludeGlobs, IgnoreFile } from "../ignore";
import { IgnoreTree } from "../../workspace/ignoreFile";
import type { CliIO } from "../io";
import { defaultJobs, PARALLEL_MIN_FILES, scanFiles, type ScanWorkerSetup } from "../parallel";
import { formatBytes, formatJson, formatSarif, formatText, type ReportFinding } from "../report";
import { fsErrorText, type FileJob } from "../scanFile";
import { SETTING_DEFAULTS } from "../../workspace/settingsSchema";

const OPTIONS = {
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

const SCAN_HELP = `Usage: veil scan [options] [PATH...]

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

type SkipReason = "binary" | "too-large" | "excluded" | "veilignore" | "gitignore" | "default-ignore" | "symlink" | "special";

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

interface Root {
  excludes: ExcludeGlobs;
  ignoreFile?: IgnoreFile;
  /** With --gitignore: the .gitignore files met so far on the walk, and .git/info/exclude. */
  gitIgnore?: IgnoreTree;
}

/** What the walk meets, in walk order: files to scan, paths it skips, paths it cannot read. */
type WalkEvent = { kind: "file"; job: FileJob } | { kind: "skip"; reason: SkipReason; absolute: string } | { kind: "error"; path: string; message: string };

/**
 * One `veil scan` run: walks first, then scans the files (on several threads when there are
 * many), then reports what happened in walk order — so the output does not depend on threads.
 */
class ScanRun {
  readonly findings: ReportFinding[] = [];
  files = 0;
  bytes = 0;
  scanMs = 0;
  errors = 0;
  suppressed = 0;
  readonly skipped = new Map<SkipReason, number>();
  private readonly seen = new Set<string>();
  private readonly events: WalkEvent[] = [];

  constructor(
    private readonly io: CliIO,
    private readonly scanner: Scanner,
    private readonly config: CliConfig,
    private readonly baseline: Set<string> | undefined,
    private readonly options: { maxSize: number; defaultIgnores: boolean; gitignore: boolean; verbose: boolean; excludes: ExcludeGlobs },
  ) {}

  /** Relative to the working directory with forward slashes, or absolute outside it. */
  display(absolute: string): string {
    const rel = relative(this.io.cwd, absolute);
    if (rel === "") return ".";
    const path = rel.startsWith("..") || isAbsolute(rel) ? absolute : rel;
    return sep === "/" ? path : path.split(sep).join("/");
  }

  private error(path: string, message: string): void {
    this.events.push({ kind: "error", path, message });
  }

  private skip(reason: SkipReason, absolute: string): void {
    this.events.push({ kind: "skip", reason, absolute });
  }

  private reportError(path: string, message: string): void {
    this.errors++;
    this.io.stderr(`veil scan: cannot read ${path}: ${message}\n`);
  }

  private reportSkip(reason: SkipReason, absolute: string): void {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + 1);
    if (this.options.verbose) this.io.stderr(`veil scan: skipped ${this.display(absolute)} (${reason})\n`);
  }

  /** Scans every file the walk found and reports the walk's events and the files' outcomes in walk order. */
  async finish(threads: number, setup: ScanWorkerSetup, probe: boolean): Promise<void> {
    const jobs: FileJob[] = [];
    for (const event of this.events) if (event.kind === "file") jobs.push(event.job);
    const outcomes = await scanFiles(jobs, { scanner: this.scanner, config: this.config, maxSize: this.options.maxSize }, threads, setup, { probe });
    let next = 0;
    for (const event of this.events) {
      if (event.kind === "skip") this.reportSkip(event.reason, event.absolute);
      else if (event.kind === "error") this.reportError(event.path, event.message);
      else {
        const outcome = outcomes[next++];
        if (outcome.kind === "skipped") this.reportSkip(outcome.reason, event.job.absolute);
        else if (outcome.kind === "error") this.reportError(event.job.display, outcome.message);
        else {
          this.files++;
          this.bytes += outcome.bytes;
          this.scanMs += outcome.scanMs;
          this.collect(outcome.findings);
        }
      }
    }
    this.events.length = 0;
  }

  scanPath(argument: string): void {
    const absolute = resolve(this.io.cwd, argument);
    let stats;
    try {
      stats = statSync(absolute);
    } catch (error) {
      this.error(argument, fsErrorText(error));
      return;
    }
    if (stats.isDirectory()) {
      const root: Root = { excludes: this.options.excludes };
      const ignorePath = join(absolute, ".veilignore");
      try {
        root.ignoreFile = new IgnoreFile(readFileSync(ignorePath, "utf8"));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") this.error(this.display(ignorePath), fsErrorText(error));
      }
      if (this.options.gitignore) {
        root.gitIgnore = new IgnoreTree();
        const exclude = this.readIgnoreFile(join(absolute, ".git", "info", "exclude"));
        if (exclude !== undefined) root.gitIgnore.add("", exclude);
      }
      this.walk(absolute, "", root);
    } else if (stats.isFile()) this.scanFile(absolute);
    else this.error(argument, "not a regular file or directory");
  }

  private walk(directory: string, relativeDirectory: string, root: Root): void {
    let entries: Dirent[];
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      this.error(this.display(directory), fsErrorText(error));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // A folder's .gitignore applies to what is in it, so it is read before its entries are judged.
    if (root.gitIgnore && entries.some((e) => e.name === ".gitignore" && e.isFile())) {
      const text = this.readIgnoreFile(join(directory, ".gitignore"));
      if (text !== undefined) root.gitIgnore.add(relativeDirectory, text);
    }
    for (const entry of entries) {
      const absolute = join(directory, entry.name);
      const rel = relativeDirectory === "" ? entry.name : `${relativeDirectory}/${entry.name}`;
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        this.skip("symlink", absolute);
        continue;
      }
      if (!isDirectory && !isFile) {
        // Some file systems do not report the type in readdir.
        try {
          const s = statSync(absolute, { throwIfNoEntry: true });
          isDirectory = s.isDirectory();
          isFile = s.isFile();
        } catch (error) {
          this.error(this.display(absolute), fsErrorText(error));
          continue;
        }
        if (!isDirectory && !isFile) {
          this.skip("special", absolute);
          continue;
        }
      }
      if (isDirectory && this.options.defaultIgnores && DEFAULT_IGNORED_DIRECTORIES.has(entry.name)) this.skip("default-ignore", absolute);
      else if (root.excludes.matches(rel, isDirectory)) this.skip("excluded", absolute);
      else if (root.ignoreFile?.ignores(rel, isDirectory)) this.skip("veilignore", absolute);
      else if (root.gitIgnore?.ignores(rel, isDirectory)) this.skip("gitignore", absolute);
      else if (isDirectory) this.walk(absolute, rel, root);
      else this.scanFile(absolute);
    }
  }

  /** An ignore file's text; undefined when there is none (an unreadable one is reported). */
  private readIgnoreFile(path: string): string | undefined {
    try {
      return readFileSync(path, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "ENOTDIR") this.error(this.display(path), fsErrorText(error));
      return undefined;
    }
  }

  private scanFile(absolute: string): void {
    if (this.seen.has(absolute)) return;
    this.seen.add(absolute);
    this.events.push({ kind: "file", job: { absolute, display: this.display(absolute) } });
  }

  private collect(found: ReportFinding[]): void {
    for (const finding of found) {
      if (this.baseline?.has(baselineKey(finding.path, finding.ruleId, finding.fingerprint))) this.suppressed++;
      else this.findings.push(finding);
    }
  }

  /** Counts per reason, one line on stderr; nothing when nothing was skipped. */
  skipSummary(maxSize: number): string | undefined {
    const parts: string[] = [];
    const n = (reason: SkipReason) => this.skipped.get(reason) ?? 0;
    const files = (count: number) => `${count} ${count === 1 ? "file" : "files"}`;
    const paths = (count: number) => `${count} ${count === 1 ? "path" : "paths"}`;
    if (n("binary")) parts.push(`${files(n("binary"))} binary`);
    if (n("too-large")) parts.push(`${files(n("too-large"))} over ${formatBytes(maxSize)} (see --max-size)`);
    if (n("excluded")) parts.push(`${paths(n("excluded"))} by --exclude or config`);
    if (n("veilignore")) parts.push(`${paths(n("veilignore"))} by .veilignore`);
    if (n("gitignore")) parts.push(`${paths(n("gitignore"))} by .gitignore`);
    if (n("default-ignore")) parts.push(`${n("default-ignore")} .git/node_modules-like ${n("default-ignore") === 1 ? "directory" : "directories"} (see --no-default-ignores)`);
    if (n("symlink")) parts.push(`${n("symlink")} ${n("symlink") === 1 ? "symlink" : "symlinks"} (not followed)`);
    if (n("special")) parts.push(`${paths(n("special"))} neither file nor directory`);
    if (parts.length === 0) return undefined;
    return `veil scan: skipped ${parts.join(", ")}${this.options.verbose ? "" : " (--verbose names them)"}\n`;
  }
}

function readTextFile(io: CliIO, file: string, what: string): { path: string; text: string } {
  const path = resolve(io.cwd, file);
  try {
    return { path: file, text: readFileSync(path, "utf8") };
  } catch (error) {
    throw new ConfigError(file, `cannot read the ${what}: ${fsErrorText(error)}`);
  }
}

async function run({ values, positionals }: ParsedArgs<typeof OPTIONS>, io: CliIO): Promise<number> {
  let maxSize = SETTING_DEFAULTS.maxFileSizeKB * 1024;
  let threads = defaultJobs();
  let configSource: { text: string; path: string } | undefined;
  let config = emptyConfig();
  let baseline: Set<string> | undefined;
  let scanner: Scanner;
  try {
    if (values["max-size"] !== undefined) maxSize = parseSize(values["max-size"]);
    if (values.jobs !== undefined) threads = parseJobs(values.jobs);
    if (values.config !== undefined) {
      configSource = readTextFile(io, values.config, "config file");
      config = parseConfig(configSource.text, configSource.path);
      io.stderr(formatConfigNotes("veil scan", values.config, config.notes));
    }
    scanner = new Scanner(config.scan);
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
  } catch (error) {
    // A UsageError (--max-size, --jobs) goes on to args.ts, which reports it like the parser's.
    if (error instanceof ConfigError || error instanceof BaselineError) io.stderr(`veil scan: ${error.message}\n`);
    else throw error;
    return 2;
  }

  const excludes = new ExcludeGlobs([...(values.exclude ?? []), ...config.exclude]);
  const scan = new ScanRun(io, scanner, config, baseline, {
    maxSize,
    defaultIgnores: !values["no-default-ignores"],
    gitignore: values.gitignore ?? false,
    verbose: values.verbose ?? false,
    excludes,
  });
  for (const path of positionals.length > 0 ? positionals : ["."]) scan.scanPath(path);
  // Threads the user chose start at once; the default (one per core) starts workers only when they pay.
  await scan.finish(threads, { config: configSource, maxSize }, values.jobs === undefined);

  const report = { findings: scan.findings, stats: { files: scan.files, bytes: scan.bytes, scanMs: Math.round(scan.scanMs * 100) / 100 } };
  const format = values.format ?? "text";
  if (format === "json") io.stdout(formatJson(report));
  else if (format === "sarif") io.stdout(formatSarif(report, { version, rootUri: pathToFileURL(io.cwd.endsWith(sep) ? io.cwd : io.cwd + sep).href }));
  else io.stdout(formatText(report));

  const skipped = scan.skipSummary(maxSize);
  if (skipped) io.stderr(skipped);
  if (scan.suppressed > 0) io.stderr(`veil scan: ${scan.suppressed} ${scan.suppressed === 1 ? "finding" : "findings"} already in the baseline, not reported\n`);
  if (scan.errors > 0) {
    io.stderr(`veil scan: ${scan.errors} ${scan.errors === 1 ? "path" : "paths"} could not be read; the report is incomplete (exit 2)\n`);
    return 2;
  }
  return report.findings.length > 0 ? 1 : 0;
}

export const COMMAND = defineCommand({ name: "scan", usage: SCAN_HELP, options: OPTIONS, run });
