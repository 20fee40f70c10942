// "Veil: Scan Workspace": every file of the workspace into the Problems panel, without
// opening them, and a report that names files, kinds and counts, never a value.
import * as vscode from "vscode";
import { CommandId, TestCommandId } from "./ids";
import { registerCommand, registerInternalCommand } from "./register";
import { pathInFolder, readWorkspaceText } from "../workspaceFiles";
import type { Finding, ScanOptions, Scanner } from "../../engine";
import type { PathGlobs } from "../../workspace/globs";
import { decodeText, hasBinaryExtension, lineStarts, looksBinary } from "../../workspace/fileText";
import { IgnoreTree } from "../../workspace/ignoreFile";
import { readLocalFile } from "../platform/localFiles";
import { poolSize, startScanPool, type ScanPool, type ScanPoolFailureForTest } from "../platform/scanPool";
import type { WorkspaceScanOutcome } from "../../workspace/scanWorkerProtocol";
import { engine } from "../engine";
import type { ExtensionServices } from "../services";
import {
  buildWorkspaceReport,
  countFindings,
  type FileFindings,
  type ReportStrings,
  type SkippedCounts,
  type WorkspaceScanSummary,
} from "../workspaceReport";

export const SCAN_WORKSPACE_COMMAND = CommandId.scanWorkspace;
/** Registered only when VS Code runs the extension's tests: the scan with a caller's token, no UI. */
export const SCAN_WORKSPACE_TEST_COMMAND = TestCommandId.scanWorkspace;

/** Files read at once: reads go through the file system provider, often over IPC. */
const CONCURRENT_READS = 32;
/** Fewer files than this in a folder are scanned on this thread: starting workers costs more. */
const POOL_MIN_FILES = 300;
/** Files per message to a worker. */
const POOL_BATCH_FILES = 32;
/** CPU time between two yields to the event loop, so the extension host stays responsive. */
const YIELD_EVERY_MS = 15;

export interface WorkspaceScanResult extends WorkspaceScanSummary {
  /** Diagnostics shown in the Problems panel (findings whose category the label does not switch off). */
  shown: number;
  /** Where the time went, in ms; reads overlap, so their sum can exceed the elapsed time. */
  phases: { findMs: number; filterMs: number; readMs: number; scanMs: number; publishMs: number };
  /** Worker threads that read and scanned files (0: all on the extension host's thread). */
  workers: number;
}

interface Progress {
  report(done: number, total: number): void;
}

interface FolderSetup {
  folder: vscode.WorkspaceFolder;
  excludes: PathGlobs;
  /** The folder's `.veilignore` (at its root), gitignore syntax. */
  veilIgnore: IgnoreTree;
  /** The folder's `.gitignore` files (root and nested) and `.git/info/exclude`, unless `veil.workspaceScan.respectGitignore` is off. */
  gitIgnore: IgnoreTree | undefined;
  maxBytes: number;
  scanOptions: ScanOptions;
  scanner: Scanner;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** `uris`: the files found in the folder, among which its `.gitignore` files. */
async function setUpFolder(folder: vscode.WorkspaceFolder, uris: readonly vscode.Uri[], services: ExtensionServices): Promise<FolderSetup> {
  const config = services.config(folder.uri);
  const veilIgnore = new IgnoreTree();
  const veilText = await readWorkspaceText(vscode.Uri.joinPath(folder.uri, ".veilignore"));
  if (veilText !== undefined) veilIgnore.add("", veilText);
  let gitIgnore: IgnoreTree | undefined;
  if (config.respectGitignore) {
    gitIgnore = new IgnoreTree();
    // `.git` is usually hidden by files.exclude: its exclude file is read by name.
    const infoExclude = await readWorkspaceText(vscode.Uri.joinPath(folder.uri, ".git", "info", "exclude"));
    if (infoExclude !== undefined) gitIgnore.add("", infoExclude);
    const ignoreFiles = uris.filter((uri) => uri.path.endsWith("/.gitignore"));
    const texts = await Promise.all(ignoreFiles.map((uri) => readWorkspaceText(uri)));
    ignoreFiles.forEach((uri, i) => {
      const text = texts[i];
      if (text !== undefined) gitIgnore!.add(pathInFolder(folder, uri).slice(0, -".gitignore".length), text);
    });
  }
  return { folder, excludes: config.exclude, veilIgnore, gitIgnore, maxBytes: config.maxFileSizeBytes, scanOptions: config.scanOptions, scanner: new (engine().Scanner)(config.scanOptions) };
}

function isSkipped(setup: FolderSetup, path: string): boolean {
  return setup.excludes.matchesFile(path) || setup.veilIgnore.ignores(path) || (setup.gitIgnore?.ignores(path) ?? false);
}

export interface WorkspaceScanOptions {
  /** Scan every file on the extension host's thread, with no worker. */
  inThread?: boolean;
  /** Test only: make one worker fail, to check that its files are scanned on this thread instead. */
  failWorker?: ScanPoolFailureForTest;
}

/**
 * Scans every file of the workspace that Veil does not skip. `files.exclude` applies through
 * `findFiles`; `veil.exclude`, each folder's `.veilignore`, its `.gitignore` files (unless
 * `veil.workspaceScan.respectGitignore` is off), binary and oversized files are skipped here. Stops at the next file once `token` is cancelled.
 */
export async function scanWorkspaceFiles(services: ExtensionServices, token: vscode.CancellationToken, progress?: Progress, options: WorkspaceScanOptions = {}): Promise<WorkspaceScanResult> {
  const started = Date.now();
  const log = (line: string) => services.output.appendLine(`[${new Date().toISOString()}] scan workspace: ${line}`);
  const skipped: SkippedCounts = { excluded: 0, binary: 0, tooLarge: 0, unreadable: 0 };
  const files: FileFindings[] = [];
  let filesFound = 0;
  let filesScanned = 0;
  let shown = 0;
  const openDocuments = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));

  const phases = { findMs: 0, filterMs: 0, readMs: 0, scanMs: 0, publishMs: 0 };
  const canUseWorkers = poolSize() > 0;
  const pools = new Map<vscode.WorkspaceFolder, ScanPool | undefined>();
  try {
    return await scanFolders();
  } finally {
    await Promise.all([...pools.values()].map((pool) => pool?.dispose()));
  }

  async function scanFolders(): Promise<WorkspaceScanResult> {
    const work: { uri: vscode.Uri; relative: string; setup: FolderSetup }[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (token.isCancellationRequested) break;
      // `undefined` as exclude: VS Code applies files.exclude (and no ignore file).
      const findStarted = Date.now();
      // Workers start before the files are listed, which takes as long as their loading; a small folder stops them unused.
      if (canUseWorkers && !options.inThread) {
        const config = services.config(folder.uri);
        pools.set(
          folder,
          startScanPool(services.context.extensionUri, config.scanOptions, config.maxFileSizeBytes, {
            onWorkerFailure: (description) => log(`${folder.name}: ${description}; its files are scanned on this thread`),
            failForTest: options.failWorker,
          }),
        );
      }
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, "**/*"), undefined, undefined, token);
      if (uris.length < POOL_MIN_FILES && pools.get(folder)) {
        void pools.get(folder)!.dispose();
        pools.delete(folder);
      }
      const setup = await setUpFolder(folder, uris, services);
      phases.findMs += Date.now() - findStarted;
      if (setup.gitIgnore?.size) log(`${folder.name}: ${setup.gitIgnore.size} git ignore files`);
      filesFound += uris.length;
      const filterStarted = Date.now();
      for (const uri of uris) {
        if (isSkipped(setup, pathInFolder(folder, uri))) skipped.excluded++;
        else work.push({ uri, relative: vscode.workspace.asRelativePath(uri, false), setup });
      }
      phases.filterMs += Date.now() - filterStarted;
    }

    let done = 0;
    let lastYield = Date.now();
    const total = work.length;
    progress?.report(0, total);

    type Item = (typeof work)[number];

    /** The one place a scanned file is counted and its findings go into the report. */
    const recordScanned = (item: Item, findings: readonly Finding[], shownForFile: number): void => {
      filesScanned++;
      shown += shownForFile;
      if (findings.length > 0) files.push({ path: item.relative, findings: findings.map((f) => ({ category: f.category, kind: f.kind })) });
    };

    /** Counts and publishes what reading and scanning one file gave. */
    const record = (item: Item, outcome: WorkspaceScanOutcome): void => {
      switch (outcome.kind) {
        case "tooLarge":
          skipped.tooLarge++;
          return;
        case "binary":
          skipped.binary++;
          return;
        case "unreadable":
          skipped.unreadable++;
          log(`cannot read ${item.relative}: ${outcome.reason}`);
          return;
      }
      const findings = engine().reportableFindings(item.uri.path, outcome.findings);
      const publishStarted = performance.now();
      let published = 0;
      if (services.publishFindings && (findings.length > 0 || vscode.languages.getDiagnostics(item.uri).length > 0)) {
        published = services.publishFindings(item.uri, findings, outcome.lineStarts ?? [0]);
      }
      phases.publishMs += performance.now() - publishStarted;
      recordScanned(item, findings, published);
    };

    /** Reads and scans one file on this thread (the web build, URIs off the disk, a worker that failed). */
    const readAndScan = async (item: Item): Promise<WorkspaceScanOutcome | undefined> => {
      const { uri, setup } = item;
      let bytes: Uint8Array;
      const readStarted = Date.now();
      try {
        const local = await readLocalFile(uri, setup.maxBytes);
        if (local?.kind === "tooLarge") return { kind: "tooLarge" };
        if (local) bytes = local.bytes;
        else {
          const stat = await vscode.workspace.fs.stat(uri);
          if (stat.size > setup.maxBytes) return { kind: "tooLarge" };
          bytes = await vscode.workspace.fs.readFile(uri);
        }
      } catch (error) {
        return { kind: "unreadable", reason: error instanceof Error ? error.name : "error" };
      }
      phases.readMs += Date.now() - readStarted;
      if (token.isCancellationRequested) return undefined;
      if (bytes.length > setup.maxBytes) return { kind: "tooLarge" };
      if (looksBinary(bytes)) return { kind: "binary" };
      const scanStarted = performance.now();
      const { text } = decodeText(bytes);
      const findings = setup.scanner.scan(text);
      phases.scanMs += performance.now() - scanStarted;
      return { kind: "scanned", findings, lineStarts: findings.length > 0 ? lineStarts(text) : undefined };
    };

    const scanOne = async (item: Item): Promise<void> => {
      const { uri, relative, setup } = item;
      const open = openDocuments.get(uri.toString());
      if (open && !open.isClosed) {
        // The live diagnostics of an open document already show; count what they show.
        if (open.getText().length > setup.maxBytes) {
          skipped.tooLarge++;
          return;
        }
        const findings = engine().reportableFindings(uri.path, services.findingsFor(open));
        recordScanned(item, findings, vscode.languages.getDiagnostics(uri).filter((d) => d.source === "Veil").length);
        return;
      }
      if (hasBinaryExtension(relative)) {
        skipped.binary++;
        return;
      }
      const outcome = await readAndScan(item);
      if (outcome) record(item, outcome);
    };

    const afterEach = async (count: number): Promise<void> => {
      done += count;
      progress?.report(done, total);
      if (Date.now() - lastYield >= YIELD_EVERY_MS) {
        await yieldToEventLoop();
        lastYield = Date.now();
      }
    };

    // Files on this machine's disk, not open in an editor: to worker threads when there are
    // enough of them to pay for starting the workers. Each folder has its own scanner options.
    const pooled = new Map<FolderSetup, Item[]>();
    const inThread: Item[] = [];
    for (const item of work) {
      const open = openDocuments.get(item.uri.toString());
      if (!pools.get(item.setup.folder) || item.uri.scheme !== "file" || (open && !open.isClosed) || hasBinaryExtension(item.relative)) inThread.push(item);
      else {
        const items = pooled.get(item.setup);
        if (items) items.push(item);
        else pooled.set(item.setup, [item]);
      }
    }
    /** Reads in flight at once on this thread: reads go through the file system provider, often over IPC. */
    const runInThread = async (items: readonly Item[]): Promise<void> => {
      let next = 0;
      const reader = async () => {
        while (next < items.length && !token.isCancellationRequested) {
          await scanOne(items[next++]);
          await afterEach(1);
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENT_READS, Math.max(1, items.length)) }, reader));
    };
    const inThreadDone = runInThread(inThread);

    let workers = 0;
    for (const [setup, items] of pooled) {
      const pool = pools.get(setup.folder)!;
      workers = Math.max(workers, pool.workers);
      {
        let nextBatch = 0;
        const feed = async () => {
          while (nextBatch < items.length && !token.isCancellationRequested) {
            const batch = items.slice(nextBatch, nextBatch + POOL_BATCH_FILES);
            nextBatch += batch.length;
            let answer: Awaited<ReturnType<typeof pool.scan>> | undefined;
            try {
              answer = await pool.scan(batch.map((item) => item.uri.fsPath));
            } catch {
              // The pool logged the worker's failure once; this batch is scanned here.
            }
            if (token.isCancellationRequested) return;
            if (answer) {
              phases.readMs += answer.readMs;
              phases.scanMs += answer.scanMs;
              answer.outcomes.forEach((outcome, i) => record(batch[i], outcome));
              await afterEach(batch.length);
            } else await runInThread(batch);
          }
        };
        // Two batches in flight per worker: one scanned while the other's answer is published.
        await Promise.all(Array.from({ length: pool.workers * 2 }, feed));
      }
    }
    await inThreadDone;

    files.sort((a, b) => a.path.localeCompare(b.path));
    const result: WorkspaceScanResult = { filesFound, filesScanned, skipped, files, cancelled: token.isCancellationRequested, elapsedMs: Date.now() - started, shown, phases, workers };
    const counts = countFindings(files);
    log(`${counts.total} findings in ${counts.files} of ${filesScanned} files scanned (${filesFound} found; skipped ${JSON.stringify(skipped)})${result.cancelled ? ", cancelled" : ""} in ${result.elapsedMs} ms${workers > 0 ? ` with ${workers} worker threads` : ""} (finding files ${phases.findMs} ms, applying ignore files ${phases.filterMs} ms; summed over reads in flight and workers: reading ${phases.readMs} ms; decoding and scanning ${Math.round(phases.scanMs)} ms, publishing ${Math.round(phases.publishMs)} ms)`);
    return result;
  }
}

function reportStrings(): ReportStrings {
  return {
    title: vscode.l10n.t("Veil workspace scan"),
    totals: vscode.l10n.t("{0} findings in {1} files"),
    scanned: vscode.l10n.t("Files scanned: {0} of {1} found"),
    skipped: vscode.l10n.t("Skipped"),
    cancelled: vscode.l10n.t("The scan was cancelled: this report covers the files scanned before that."),
    kinds: vscode.l10n.t("By kind"),
    files: vscode.l10n.t("By file"),
    kind: vscode.l10n.t("Kind"),
    count: vscode.l10n.t("Findings"),
    file: vscode.l10n.t("File"),
    categories: { secret: vscode.l10n.t("secrets"), pii: vscode.l10n.t("personal data"), term: vscode.l10n.t("terms") },
    reasons: { excluded: vscode.l10n.t("excluded"), binary: vscode.l10n.t("binary"), tooLarge: vscode.l10n.t("too large"), unreadable: vscode.l10n.t("unreadable") },
    note: vscode.l10n.t("This report names files, kinds and counts only: no value found is written here."),
  };
}

/** The report for this result, in the display language. */
export function workspaceReport(result: WorkspaceScanSummary): string {
  return buildWorkspaceReport(result, reportStrings());
}

/** "41 findings in 12 files: 9 secrets, 32 personal data". */
export function describeScan(result: WorkspaceScanSummary): string {
  const counts = countFindings(result.files);
  if (counts.total === 0) return result.filesScanned === 1 ? vscode.l10n.t("Veil found nothing in 1 file.") : vscode.l10n.t("Veil found nothing in {0} files.", result.filesScanned);
  const strings = reportStrings();
  const parts = (["secret", "pii", "term"] as const).filter((c) => counts.byCategory[c] > 0).map((c) => `${counts.byCategory[c]} ${strings.categories[c]}`);
  const findings = counts.total === 1 ? vscode.l10n.t("1 finding") : vscode.l10n.t("{0} findings", counts.total);
  const files = counts.files === 1 ? vscode.l10n.t("1 file") : vscode.l10n.t("{0} files", counts.files);
  return vscode.l10n.t("{0} in {1}: {2}", findings, files, parts.join(", "));
}

/** The command: progress notification (cancellable), Problems panel, summary with "Export Report". */
export async function scanWorkspace(services: ExtensionServices): Promise<WorkspaceScanResult | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t("Open a folder or workspace first: Veil scans the files of the workspace."));
    return undefined;
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t("Veil: scanning the workspace"), cancellable: true },
    (progress, token) => {
      let reported = 0;
      let lastReport = 0;
      return scanWorkspaceFiles(services, token, {
        report(done, total) {
          const now = Date.now();
          if (done !== total && now - lastReport < 100) return;
          lastReport = now;
          const increment = total > 0 ? ((done - reported) / total) * 100 : 0;
          reported = done;
          progress.report({ message: vscode.l10n.t("{0} / {1} files", done, total), increment });
        },
      });
    },
  );
  const summary = result.cancelled ? vscode.l10n.t("Scan cancelled after {0} files. {1}", result.filesScanned, describeScan(result)) : describeScan(result);
  const exportReport = vscode.l10n.t("Export Report");
  const showProblems = vscode.l10n.t("Show Problems");
  const hasFindings = result.files.length > 0;
  const choice = await vscode.window.showInformationMessage(summary, ...(hasFindings ? [exportReport, showProblems] : [exportReport]));
  if (choice === exportReport) await openReport(result);
  else if (choice === showProblems) await vscode.commands.executeCommand("workbench.actions.view.problems");
  return result;
}

export async function openReport(result: WorkspaceScanSummary): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: "markdown", content: workspaceReport(result) });
  return vscode.window.showTextDocument(document);
}

/** Registers the command (and, in test runs, the entry that takes a cancellation token). */
export function registerScanWorkspace(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, SCAN_WORKSPACE_COMMAND, () => scanWorkspace(services));
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    registerInternalCommand(context, services, SCAN_WORKSPACE_TEST_COMMAND, async (arg?: unknown) => {
      const options = arg as ({ token?: vscode.CancellationToken; onProgress?: (done: number, total: number) => void } & WorkspaceScanOptions) | undefined;
      const token = options?.token ?? new vscode.CancellationTokenSource().token;
      const result = await scanWorkspaceFiles(services, token, options?.onProgress ? { report: options.onProgress } : undefined, { inThread: options?.inThread, failWorker: options?.failWorker });
      return { ...result, report: workspaceReport(result), summary: describeScan(result) };
    });
  }
}
