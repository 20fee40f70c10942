import { isScreenShareActive, maskedMessage, shownMessage } from "./screenShareState";
import * as vscode from "vscode";
import type { Category, Finding, IncrementalFindings, PolicySeverity, ScanOptions, Scanner, SlicedScan, TextChange } from "../engine";
import { runSliced } from "../workspace/sliceScheduler";
import { engine } from "./engine";
import type { ConfigStore } from "./config";
import type { VeilConfig } from "./services";
import { positionAt } from "./workspaceReport";

export const DIAGNOSTIC_SOURCE = "Veil";

/** Above this size an edit rescans only the lines it can affect (see IncrementalFindings). */
export const LARGE_DOCUMENT_CHARS = 1_000_000;
export const LARGE_DOCUMENT_LINES = 20_000;
/**
 * Above this size the first scan of a document (and any full rescan) runs in slices that
 * yield to the event loop between them (see SlicedScan); smaller ones scan in one go.
 */
export const SLICED_SCAN_CHARS = 1_000_000;
/** The first slice; the next ones follow the measured speed (src/workspace/sliceScheduler.ts). */
const FIRST_SLICE_CHARS = 256 * 1024;
/** Lines read from the document per step (one getText() of a 20 MB log joins 270,000 lines in one go). */
const READ_LINES = 10_000;

/** Figures of the sliced scans since activation (or the last reset), for tests and the log. */
export interface SlicingStats {
  /** Longest single slice, in milliseconds. */
  longestSliceMs: number;
  slices: number;
  /** Sliced scans that ran to the end and published. */
  completed: number;
  /** Sliced scans dropped because the document changed, closed, or the settings changed. */
  cancelled: number;
  /** Longest scan done in one go (small documents, edits of large ones, findingsFor finishing a sliced scan). */
  longestSyncScanMs: number;
}

const NO_STATS: SlicingStats = { longestSliceMs: 0, slices: 0, completed: 0, cancelled: 0, longestSyncScanMs: 0 };

/** Lets the event loop run (timers, messages from VS Code) before the next slice. */
function yieldToEventLoop(): Promise<void> {
  // The web-worker extension host has no setImmediate; setTimeout(0) works everywhere.
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
  return new Promise((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)));
}

interface SliceJob {
  document: vscode.TextDocument;
  version: number;
  config: VeilConfig;
  /** Set once the whole text is read. */
  sliced?: SlicedScan;
  /** The text read so far (lines [0, linesRead)), a few thousand lines per step. */
  pieces: string[];
  linesRead: number;
  cancelled: boolean;
  /** Longest step spent reading the text from the document. */
  readMs: number;
}

/** Where the README explains each category; stable anchors the README keeps. */
const README = "https://github.com/veil-privacy/veil/blob/main/README.md";
const DOC_ANCHOR: Readonly<Record<Category, string>> = { secret: "secrets", pii: "personal-data", term: "your-own-terms" };

export function documentationUri(category: Category): vscode.Uri {
  return vscode.Uri.parse(`${README}#${DOC_ANCHOR[category]}`);
}

/** One finding as a Veil diagnostic (message masked while screen-sharing), the same for open documents and workspace scans. */
function toDiagnostic(range: vscode.Range, finding: Finding, severity: vscode.DiagnosticSeverity): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(range, shownMessage(finding), severity);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.ruleId, target: documentationUri(finding.category) };
  return diagnostic;
}

/** Virtual documents that are views of something else (git originals, output, SCM input). */
const SKIPPED_SCHEMES = new Set(["output", "git", "gitfs", "vscode-scm", "comment", "debug", "search-editor", "vscode-settings", "vscode-userdata", "vscode-chat-code-block"]);

export function toDiagnosticSeverity(severity: PolicySeverity): vscode.DiagnosticSeverity | undefined {
  switch (severity) {
    case "error":
      return vscode.DiagnosticSeverity.Error;
    case "warning":
      return vscode.DiagnosticSeverity.Warning;
    case "information":
      return vscode.DiagnosticSeverity.Information;
    case "hint":
      return vscode.DiagnosticSeverity.Hint;
    case "off":
      return undefined;
  }
}

type SkipReason = "excluded" | "tooLarge";

interface DocumentState {
  /** The document object: an untitled URI can be reused by a new document after a close. */
  document: vscode.TextDocument;
  version: number;
  config: VeilConfig;
  findings: readonly Finding[];
  /** For large documents: findings kept in step with edits between scans. */
  tracker?: IncrementalFindings;
}

/**
 * Scans open documents into one DiagnosticCollection: on open, on change (debounced), on
 * settings change; clears on close. Documents over the size limit or excluded are skipped,
 * with one notice per session for each reason.
 */
export class DiagnosticsController implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection("veil");
  private readonly states = new Map<string, DocumentState>();
  private readonly timers = new Map<string, { document: vscode.TextDocument; handle: ReturnType<typeof setTimeout> }>();
  private readonly scanners = new WeakMap<ScanOptions, Scanner>();
  private readonly noticeShown = new Set<SkipReason | "options">();
  /** The workspace scan's messages per file, with and without previews (for screen-share mode). */
  private readonly scanMessages = new Map<string, Array<{ full: string; masked: string }>>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a document's diagnostics were replaced. */
  readonly onDidUpdate = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  /** Sliced scans under way, by document URI. */
  private readonly jobs = new Map<string, SliceJob>();
  private disposed = false;
  private stats: SlicingStats = { ...NO_STATS };

  constructor(
    private readonly config: ConfigStore,
    private readonly output: vscode.OutputChannel,
  ) {}

  /** Subscribes to document events and schedules a scan of the open documents (none runs now). */
  start(): void {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.onChange(e)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d)),
      this.config.onDidChange(() => this.rescanAll()),
    );
    this.rescanAll();
  }

  /** Latest findings for a document; scans it now (whatever the excludes) if they are stale. */
  findingsFor(document: vscode.TextDocument): readonly Finding[] {
    return this.compute(document).findings;
  }

  /** Findings behind the diagnostics, by document URI; `undefined` when the document is skipped. */
  publishedFindings(uri: vscode.Uri): readonly Finding[] | undefined {
    const state = this.states.get(uri.toString());
    return state && this.collection.has(uri) ? state.findings : undefined;
  }

  /** Documents the controller keeps findings for, and sliced scans under way (tests check both drop on close). */
  get trackedDocuments(): { states: number; scans: number; timers: number } {
    return { states: this.states.size, scans: this.jobs.size, timers: this.timers.size };
  }

  slicingStats(reset = false): SlicingStats {
    const stats = { ...this.stats };
    if (reset) this.stats = { ...NO_STATS };
    return stats;
  }

  /**
   * Shows every diagnostic's message again as screen-share mode wants it now (with or without
   * the value's preview): open documents are re-rendered, the workspace scan's rewritten.
   */
  remask(): void {
    const masked = isScreenShareActive();
    this.collection.forEach((uri, diagnostics) => {
      const key = uri.toString();
      const messages = this.scanMessages.get(key);
      if (this.states.has(key) || !messages || messages.length !== diagnostics.length) return;
      this.collection.set(
        uri,
        diagnostics.map((d, i) => {
          const copy = new vscode.Diagnostic(d.range, masked ? messages[i].masked : messages[i].full, d.severity);
          copy.source = d.source;
          copy.code = d.code;
          return copy;
        }),
      );
    });
    this.rescanAll();
  }

  /** Rescans every open document now (used after a label or settings change). */
  rescanAll(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  private onChange(event: vscode.TextDocumentChangeEvent): void {
    if (event.contentChanges.length === 0) return;
    const key = event.document.uri.toString();
    const state = this.states.get(key);
    if (state?.tracker) {
      if (state.document === event.document && state.version === event.document.version - 1) {
        // All changes of one event refer to the text before it: apply the last first.
        const changes: TextChange[] = [...event.contentChanges]
          .sort((a, b) => b.rangeOffset - a.rangeOffset)
          .map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, newLength: c.text.length }));
        state.tracker.applyChanges(changes);
        state.version = event.document.version;
      } else state.tracker = undefined;
    }
    this.schedule(event.document, this.config.get(event.document.uri).debounceMs);
  }

  private schedule(document: vscode.TextDocument, delayMs: number): void {
    if (SKIPPED_SCHEMES.has(document.uri.scheme)) return;
    const key = document.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending.handle);
    const handle = setTimeout(() => {
      this.timers.delete(key);
      if (!document.isClosed) this.publish(document);
    }, delayMs);
    this.timers.set(key, { document, handle });
  }

  /**
   * Diagnostics for a file that is not open (the workspace scan), with the same severities
   * and codes as an open document's; `lineStarts` are the offsets where the file's lines
   * start. An open document keeps the diagnostics of its own, live scans. Returns how many
   * diagnostics the file shows.
   */
  publishFindings(uri: vscode.Uri, findings: readonly Finding[], lineStarts: readonly number[]): number {
    if (this.states.has(uri.toString())) return this.collection.get(uri)?.length ?? 0;
    const severities = this.config.get(uri).policy.severity;
    const position = (offset: number) => {
      const { line, character } = positionAt(lineStarts, offset);
      return new vscode.Position(line, character);
    };
    const diagnostics: vscode.Diagnostic[] = [];
    const messages: Array<{ full: string; masked: string }> = [];
    for (const finding of findings) {
      const severity = toDiagnosticSeverity(severities[finding.category]);
      if (severity === undefined) continue;
      messages.push({ full: finding.message, masked: maskedMessage(finding) });
      diagnostics.push(toDiagnostic(new vscode.Range(position(finding.start), position(finding.end)), finding, severity));
    }
    if (diagnostics.length > 0 || this.collection.has(uri)) this.collection.set(uri, diagnostics);
    if (diagnostics.length > 0) this.scanMessages.set(uri.toString(), messages);
    else this.scanMessages.delete(uri.toString());
    return diagnostics.length;
  }

  private publish(document: vscode.TextDocument): void {
    const config = this.config.get(document.uri);
    const skip = this.skipReason(document, config);
    if (skip) {
      this.collection.delete(document.uri);
      this.notice(skip, document);
      return;
    }
    if (!this.upToDate(document, config) && documentLength(document) > SLICED_SCAN_CHARS) {
      this.startSlicedScan(document, config);
      return;
    }
    this.render(document, config, this.compute(document).findings);
  }

  private render(document: vscode.TextDocument, config: VeilConfig, findings: readonly Finding[]): void {
    const diagnostics: vscode.Diagnostic[] = [];
    for (const finding of engine().reportableFindings(document.uri.path, findings)) {
      const severity = toDiagnosticSeverity(engine().severityUnder(config.policy, finding));
      if (severity === undefined) continue;
      diagnostics.push(toDiagnostic(new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end)), finding, severity));
    }
    this.collection.set(document.uri, diagnostics);
    this.emitter.fire(document.uri);
  }

  private skipReason(document: vscode.TextDocument, config: VeilConfig): SkipReason | undefined {
    if (!config.exclude.empty && document.uri.scheme !== "untitled") {
      if (config.exclude.matchesFile(vscode.workspace.asRelativePath(document.uri, false))) return "excluded";
    }
    // Length in UTF-16 units: close enough to bytes to apply a size limit without encoding.
    if (documentLength(document) > config.maxFileSizeBytes) return "tooLarge";
    return undefined;
  }

  private notice(reason: SkipReason, document: vscode.TextDocument): void {
    const name = vscode.workspace.asRelativePath(document.uri, false);
    this.log(`skipped ${name}: ${reason === "excluded" ? "matches veil.exclude" : "larger than veil.maxFileSizeKB"}`);
    if (this.noticeShown.has(reason)) return;
    this.noticeShown.add(reason);
    const message =
      reason === "excluded"
        ? vscode.l10n.t("Veil does not check {0}: it matches veil.exclude. Other excluded files are skipped without notice.", name)
        : vscode.l10n.t("Veil does not check {0}: it is larger than veil.maxFileSizeKB. Other large files are skipped without notice.", name);
    const settings = vscode.l10n.t("Open Settings");
    void vscode.window.showInformationMessage(message, settings).then((choice) => {
      if (choice === settings) void vscode.commands.executeCommand("workbench.action.openSettings", reason === "excluded" ? "veil.exclude" : "veil.maxFileSizeKB");
    });
  }

  private scannerFor(config: VeilConfig): Scanner {
    let scanner = this.scanners.get(config.scanOptions);
    if (!scanner) {
      scanner = new (engine().Scanner)(config.scanOptions);
      this.scanners.set(config.scanOptions, scanner);
      const problems = [...config.problems, ...scanner.warnings];
      for (const problem of problems) this.log(`settings: ${problem}`);
      if (problems.length > 0 && !this.noticeShown.has("options")) {
        this.noticeShown.add("options");
        const show = vscode.l10n.t("Show Output");
        void vscode.window.showWarningMessage(vscode.l10n.t("Some Veil settings are invalid and were ignored."), show).then((choice) => {
          if (choice === show) this.output.show(true);
        });
      }
    }
    return scanner;
  }

  /**
   * Whether the findings kept for the document are those of its current text, or can be
   * brought up to date by the small rescan of an edit (IncrementalFindings keeps the version
   * in step with the edits).
   */
  private upToDate(document: vscode.TextDocument, config: VeilConfig): boolean {
    const state = this.states.get(document.uri.toString());
    return state !== undefined && state.document === document && state.config === config && state.version === document.version;
  }

  /**
   * Starts (or lets run) a sliced scan of a large document: one slice, then a yield to the
   * event loop, until the end; dropped as soon as the document changes, closes, the settings
   * change or the controller is disposed. Diagnostics are published once, at the end.
   */
  private startSlicedScan(document: vscode.TextDocument, config: VeilConfig): void {
    const key = document.uri.toString();
    const running = this.jobs.get(key);
    if (running && running.document === document && running.version === document.version && running.config === config) return;
    if (running) this.cancel(key, running);
    this.scannerFor(config);
    const job: SliceJob = { document, version: document.version, config, pieces: [], linesRead: 0, cancelled: false, readMs: 0 };
    this.jobs.set(key, job);
    void this.runSlicedScan(key, job);
  }

  private cancel(key: string, job: SliceJob): void {
    if (job.cancelled) return;
    job.cancelled = true;
    this.stats.cancelled++;
    if (this.jobs.get(key) === job) this.jobs.delete(key);
  }

  private isStale(job: SliceJob): boolean {
    return job.cancelled || this.disposed || job.document.isClosed || job.document.version !== job.version || this.config.get(job.document.uri) !== job.config;
  }

  private async runSlicedScan(key: string, job: SliceJob): Promise<void> {
    const started = Date.now();
    const outcome = await runSliced({
      read: () => {
        this.readSome(job);
        return job.sliced;
      },
      isStale: () => this.isStale(job),
      yieldToEventLoop,
      now: () => performance.now(),
      onStep: (ms, kind) => {
        this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, ms);
        if (kind === "slice") this.stats.slices++;
      },
    });
    if (this.jobs.get(key) === job) this.jobs.delete(key);
    if (!outcome.done || !job.sliced) {
      this.cancel(key, job);
      return;
    }
    const { document, config } = job;
    // findingsFor may have finished this scan already (and keeps a tracker for edits): keep that state.
    if (!this.upToDate(document, config)) {
      const findings = job.sliced.findings;
      this.states.set(key, { document, version: job.version, config, findings, tracker: new (engine().IncrementalFindings)(findings, engine().SLICE_MARGIN) });
    }
    this.stats.completed++;
    this.log(
      `scanned ${vscode.workspace.asRelativePath(document.uri, false)} in ${job.sliced.sliceCount} slices: ${job.sliced.findings.length} findings in ${Date.now() - started} ms (longest step ${outcome.longestMs.toFixed(1)} ms, longest read ${job.readMs.toFixed(1)} ms)`,
    );
    this.render(document, config, this.states.get(key)!.findings);
  }

  /**
   * Reads the next lines of the job's document, and once all are read, sets up the sliced
   * scan of the whole text, kept in pieces (joining 20 MB, or flattening a rope of them, is
   * itself a block of hundreds of milliseconds on a busy machine).
   */
  private readSome(job: SliceJob): void {
    const { document } = job;
    const t0 = performance.now();
    const from = job.linesRead;
    const to = Math.min(document.lineCount, from + READ_LINES);
    const end = to === document.lineCount ? document.lineAt(to - 1).range.end : new vscode.Position(to, 0);
    job.pieces.push(document.getText(new vscode.Range(from, 0, end.line, end.character)));
    job.linesRead = to;
    if (to === document.lineCount) {
      const scanner = this.scannerFor(job.config);
      const { PiecewiseText, SlicedScan } = engine();
      job.sliced = new SlicedScan(new PiecewiseText(job.pieces), (slice) => scanner.scan(slice), { sliceChars: FIRST_SLICE_CHARS, directives: scanner.options.directives });
    }
    job.readMs = Math.max(job.readMs, performance.now() - t0);
  }

  private compute(document: vscode.TextDocument): DocumentState {
    const key = document.uri.toString();
    const config = this.config.get(document.uri);
    const existing = this.states.get(key);
    const current = existing?.document === document ? existing : undefined;
    if (current && current.config === config && current.version === document.version && !current.tracker?.isDirty) return current;
    const scanner = this.scannerFor(config);
    const job = this.jobs.get(key);
    const text = document.getText();
    const started = Date.now();
    const large = text.length > LARGE_DOCUMENT_CHARS || document.lineCount > LARGE_DOCUMENT_LINES;
    let state: DocumentState;
    if (large && current?.tracker && current.config === config && current.version === document.version) {
      current.findings = current.tracker.refresh(text, (slice) => scanner.scan(slice));
      state = current;
    } else {
      // A sliced scan of this very text under way: finish its remaining slices now.
      const findings = job && job.document === document && job.version === document.version && job.config === config && !job.cancelled && job.sliced ? [...job.sliced.finish()] : scanner.scan(text);
      state = { document, version: document.version, config, findings, tracker: large ? new (engine().IncrementalFindings)(findings, engine().SLICE_MARGIN) : undefined };
      this.states.set(key, state);
    }
    const elapsed = Date.now() - started;
    this.stats.longestSyncScanMs = Math.max(this.stats.longestSyncScanMs, elapsed);
    if (large || elapsed > 50) this.log(`scanned ${vscode.workspace.asRelativePath(document.uri, false)}: ${state.findings.length} findings in ${elapsed} ms${large ? " (incremental)" : ""}`);
    return state;
  }

  private forget(document: vscode.TextDocument): void {
    const uri = document.uri;
    const key = uri.toString();
    // A new document may already use this URI (untitled names are reused): leave it alone.
    const state = this.states.get(key);
    const pending = this.timers.get(key);
    if ((state && state.document !== document) || (pending && pending.document !== document)) return;
    if (pending) clearTimeout(pending.handle);
    this.timers.delete(key);
    const job = this.jobs.get(key);
    if (job) this.cancel(key, job);
    this.states.delete(key);
    this.collection.delete(uri);
    this.emitter.fire(uri);
  }

  private log(line: string): void {
    this.output.appendLine(`[${new Date().toISOString()}] ${line}`);
  }

  dispose(): void {
    this.disposed = true;
    for (const [key, job] of this.jobs) this.cancel(key, job);
    for (const timer of this.timers.values()) clearTimeout(timer.handle);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
    this.collection.dispose();
    this.emitter.dispose();
  }
}

/** The document's length in UTF-16 units, without building its text (getText joins every line). */
function documentLength(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}
