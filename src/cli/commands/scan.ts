/** `veil scan`: report secrets, personal data and configured terms in files. */
import { pathToFileURL } from "node:url";
import { sep } from "node:path";
import { version } from "../../../package.json";
import type { Scanner } from "../../engine";
import { defineCommand, type ParsedArgs } from "../args";
import { baselineKey } from "../baseline";
import type { CliConfig } from "../config";
import { PathGlobs } from "../../workspace/globs";
import type { CliIO } from "../io";
import { scanFiles, type ScanWorkerSetup } from "../parallel";
import { formatBytes, formatJson, formatSarif, formatText, type ReportFinding } from "../report";
import type { FileJob } from "../scanFile";
import { loadScanSetup, OPTIONS, SCAN_HELP } from "../scanOptions";
import { displayPath, ScanWalk, type SkipReason, type WalkEvent } from "../scanWalk";

/**
 * One `veil scan` run: scans the files the walk found (on several threads when there are
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

  constructor(
    private readonly io: CliIO,
    private readonly scanner: Scanner,
    private readonly config: CliConfig,
    private readonly baseline: Set<string> | undefined,
    private readonly options: { maxSize: number; verbose: boolean },
  ) {}

  private reportError(path: string, message: string): void {
    this.errors++;
    this.io.stderr(`veil scan: cannot read ${path}: ${message}\n`);
  }

  private reportSkip(reason: SkipReason, absolute: string): void {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + 1);
    if (this.options.verbose) this.io.stderr(`veil scan: skipped ${displayPath(this.io.cwd, absolute)} (${reason})\n`);
  }

  /** Scans every file the walk found and reports the walk's events and the files' outcomes in walk order. */
  async finish(events: readonly WalkEvent[], threads: number, setup: ScanWorkerSetup, probe: boolean): Promise<void> {
    const jobs: FileJob[] = [];
    for (const event of events) if (event.kind === "file") jobs.push(event.job);
    const outcomes = await scanFiles(jobs, { scanner: this.scanner, config: this.config, maxSize: this.options.maxSize }, threads, setup, { probe });
    let next = 0;
    for (const event of events) {
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

async function run({ values, positionals }: ParsedArgs<typeof OPTIONS>, io: CliIO): Promise<number> {
  const setup = loadScanSetup(values, io);
  if (!setup) return 2;
  const { maxSize, threads, configSource, config, baseline, scanner } = setup;

  const excludes = new PathGlobs([...(values.exclude ?? []), ...config.exclude]);
  const walk = new ScanWalk(io.cwd, { defaultIgnores: !values["no-default-ignores"], gitignore: values.gitignore ?? false, excludes });
  for (const path of positionals.length > 0 ? positionals : ["."]) walk.walkPath(path);
  const scan = new ScanRun(io, scanner, config, baseline, { maxSize, verbose: values.verbose ?? false });
  // Threads the user chose start at once; the default (one per core) starts workers only when they pay.
  await scan.finish(walk.events, threads, { config: configSource, maxSize }, values.jobs === undefined);

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
