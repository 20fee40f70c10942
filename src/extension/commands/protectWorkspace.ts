// "Veil: Protect Workspace from AI Assistants": the same files as `veil guard` (src/workspace/guard.ts),
// written through vscode.workspace.fs so the web build works too; the status-bar line; and the
// offer to update the guard when a scan finds a secret in a file it does not cover yet.
import * as vscode from "vscode";
import { CommandId, TestCommandId } from "./ids";
import { registerCommand, registerInternalCommand } from "./register";
import { pathInFolder, readWorkspaceText } from "../workspaceFiles";
import type { Finding } from "../../engine";
import {
  ASSISTANTS,
  BLOCK_BEGIN,
  BLOCK_END,
  claudeDenyRules,
  GuardSettingsError,
  guardedCategories,
  isCurrent,
  isSecretFileName,
  isVeilHookCommand,
  parseAssistantList,
  planGuard,
  shellQuote,
  type Assistant,
} from "../../workspace/guard";
import { engine } from "../engine";
import type { ExtensionServices } from "../services";
import type { StatusBarController } from "../statusBar";
import { decodeText, looksBinary } from "../../workspace/fileText";

export const PROTECT_WORKSPACE_COMMAND = CommandId.protectWorkspace;
/** Registered only in test runs: what the guard knows of each folder, and the hook command it would write. */
export const AI_GUARD_STATE_TEST_COMMAND = TestCommandId.aiGuardState;

/** Folders never listed: they are not the user's files. */
const SKIPPED_FOLDERS = "**/{node_modules,.git,.hg,.svn}/**";

interface FolderGuard {
  /** Assistants whose file holds Veil's block (or, for Claude Code, Veil's rules or hook). */
  guarded: Assistant[];
  /** Files listed by path (flagged by a scan, or expanded for a tool without negation). */
  listed: Set<string>;
}

/** Undoes gitignoreLiteral / the Read(./…) escaping. */
function unescapeLiteral(path: string): string {
  return path.replace(/\\(.)/g, "$1").replace(/\\$/, "");
}

/** What an assistant's file says of the guard: whether Veil's part is there, and the paths it lists. */
function readGuard(assistant: Assistant, text: string | undefined): { guarded: boolean; listed: string[] } {
  if (text === undefined) return { guarded: false, listed: [] };
  if (assistant.syntax === "claude") {
    try {
      const root = JSON.parse(text) as { permissions?: { deny?: unknown }; hooks?: Record<string, unknown> };
      const deny = Array.isArray(root.permissions?.deny) ? (root.permissions.deny as unknown[]) : [];
      const patterns = new Set(claudeDenyRules({ allFiles: [], flaggedFiles: [] }));
      const listed = deny.flatMap((r) => (typeof r === "string" && !patterns.has(r) && /^Read\(\.\/(.*)\)$/.test(r) && !/(^|[^\\])[*?[]/.test(r.slice(7, -1)) ? [unescapeLiteral(r.slice(7, -1))] : []));
      const hooked = Object.values(root.hooks ?? {}).some(
        (groups) => Array.isArray(groups) && groups.some((g: { hooks?: unknown }) => Array.isArray(g?.hooks) && g.hooks.some((h: { command?: unknown }) => isVeilHookCommand(h?.command))),
      );
      return { guarded: hooked || deny.includes("Read(./**/.env)"), listed };
    } catch {
      return { guarded: false, listed: [] };
    }
  }
  const lines = text.split(/\r?\n/);
  const begin = lines.findIndex((l) => l.startsWith(BLOCK_BEGIN.slice(0, 16)));
  const end = lines.findIndex((l, i) => i > begin && l.trim() === BLOCK_END);
  if (begin === -1 || end === -1) return { guarded: false, listed: [] };
  return { guarded: true, listed: lines.slice(begin + 1, end).filter((l) => l.startsWith("/")).map((l) => unescapeLiteral(l.slice(1))) };
}


/**
 * The command Claude Code runs: this VS Code's own runtime (Node, or Electron as Node) and the
 * CLI bundle shipped in the extension, by absolute path. Undefined in the web build (no local
 * process can run it) or when the bundle is missing.
 */
async function hookCommandFor(context: vscode.ExtensionContext): Promise<string | undefined> {
  if (process.env.VEIL_WEB === "1") return undefined;
  const runtime = (globalThis as { process?: { execPath?: string } }).process?.execPath;
  if (!runtime || context.extensionUri.scheme !== "file") return undefined;
  const bundle = vscode.Uri.joinPath(context.extensionUri, "dist", "cli.js");
  try {
    await vscode.workspace.fs.stat(bundle);
  } catch {
    return undefined;
  }
  return `ELECTRON_RUN_AS_NODE=1 ${shellQuote(runtime)} ${shellQuote(bundle.fsPath)} hook claude-code`;
}

/** Writes next to the target and renames over it, so an assistant never reads half a file. */
async function writeAtomically(uri: vscode.Uri, content: string): Promise<void> {
  const temporary = uri.with({ path: `${uri.path}.veil-${Date.now().toString(36)}.tmp` });
  await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(content));
  try {
    await vscode.workspace.fs.rename(temporary, uri, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
    throw error;
  }
}

export interface ProtectResult {
  folder: string;
  written: string[];
  current: string[];
  flagged: number;
  hook: boolean;
  error?: string;
}

export class AiGuardController implements vscode.Disposable {
  private readonly folders = new Map<string, FolderGuard>();
  /** Files already offered (or updated) this session, by URI. */
  private readonly offered = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private pendingOffer: ReturnType<typeof setTimeout> | undefined;
  private readonly queue = new Set<string>();
  /**
   * Runs and reads of the assistants' files, one after the other: two runs writing the same
   * ignore file raced in the remote file system's overwrite (delete, then rename: the second
   * delete found nothing), and a read between the two saw no file, so an assistant looked
   * unguarded. Each run waits for the one before it.
   */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly services: ExtensionServices,
    private readonly statusBar: StatusBarController,
  ) {
    this.disposables.push(
      vscode.languages.onDidChangeDiagnostics((event) => this.onDiagnostics(event.uris)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.refresh()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration("veil.guard.assistants")) void this.refresh();
      }),
    );
    // Reading the assistants' files waits until activation is over.
    const first = setTimeout(() => void this.refresh(), 0);
    this.disposables.push({ dispose: () => clearTimeout(first) });
  }

  /** `work` once every run queued before it has ended. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work);
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Re-reads the assistants' files of every folder and updates the status-bar line, after any run in progress. */
  refresh(): Promise<void> {
    return this.serially(() => this.read());
  }

  private async read(): Promise<void> {
    // Built aside, then swapped: a diagnostics event during the reads still sees the last state.
    const folders = new Map<string, FolderGuard>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const state: FolderGuard = { guarded: [], listed: new Set() };
      for (const assistant of parseAssistantList(this.services.config(folder.uri).guardAssistants).tools) {
        const found = readGuard(assistant, await readWorkspaceText(vscode.Uri.joinPath(folder.uri, assistant.file)));
        if (found.guarded) state.guarded.push(assistant);
        for (const path of found.listed) state.listed.add(path);
      }
      folders.set(folder.uri.toString(), state);
    }
    this.folders.clear();
    for (const [key, state] of folders) this.folders.set(key, state);
    this.updateStatusBar();
  }

  state(): Record<string, { guarded: string[]; listed: string[] }> {
    const out: Record<string, { guarded: string[]; listed: string[] }> = {};
    for (const [uri, state] of this.folders) out[uri] = { guarded: state.guarded.map((a) => a.id), listed: [...state.listed].sort() };
    return out;
  }

  private updateStatusBar(): void {
    const guarded = new Map<string, Assistant>();
    const listed = new Set<string>();
    for (const [uri, state] of this.folders) {
      for (const a of state.guarded) guarded.set(a.id, a);
      for (const path of state.listed) listed.add(`${uri}/${path}`);
    }
    if (guarded.size === 0) this.statusBar.aiGuard = vscode.l10n.t("AI assistants: not guarded. Run \"Veil: Protect Workspace from AI Assistants\".");
    else {
      const names = [...guarded.values()].map((a) => a.name).join(", ");
      this.statusBar.aiGuard =
        listed.size === 1
          ? vscode.l10n.t("AI assistants guarded: {0}. 1 file excluded by its content, and the usual secret-bearing names.", names)
          : vscode.l10n.t("AI assistants guarded: {0}. {1} files excluded by their content, and the usual secret-bearing names.", names, listed.size);
    }
    this.statusBar.update();
  }

  /** Scans a folder and writes its assistants' files; never shows a value. */
  async protectFolder(folder: vscode.WorkspaceFolder, token?: vscode.CancellationToken): Promise<ProtectResult> {
    const config = this.services.config(folder.uri);
    const categories = guardedCategories(config.label);
    const tools = parseAssistantList(config.guardAssistants).tools;
    const result: ProtectResult = { folder: folder.name, written: [], current: [], flagged: 0, hook: false };
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, "**/*"), SKIPPED_FOLDERS, undefined, token);
    const own = new Set(ASSISTANTS.map((a) => a.file));
    const allFiles: string[] = [];
    const flagged: string[] = [];
    const scanner = new (engine().Scanner)(config.scanOptions);
    const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    for (const uri of uris) {
      if (token?.isCancellationRequested) break;
      const rel = pathInFolder(folder, uri);
      allFiles.push(rel);
      if (own.has(rel)) continue;
      let findings: readonly Finding[];
      const document = open.get(uri.toString());
      if (document && !document.isClosed) findings = this.services.findingsFor(document);
      else {
        try {
          const stat = await vscode.workspace.fs.stat(uri);
          if (stat.size > config.maxFileSizeBytes) continue;
          const bytes = await vscode.workspace.fs.readFile(uri);
          if (looksBinary(bytes)) continue;
          findings = scanner.scan(decodeText(bytes).text);
        } catch {
          continue;
        }
      }
      if (findings.some((f) => categories.has(f.category))) flagged.push(rel);
    }
    allFiles.sort();
    result.flagged = flagged.length;
    const hookCommand = tools.some((t) => t.id === "claude-code") ? await hookCommandFor(this.services.context) : undefined;
    result.hook = hookCommand !== undefined;
    const texts = new Map<string, string | undefined>();
    for (const t of tools) texts.set(t.file, await readWorkspaceText(vscode.Uri.joinPath(folder.uri, t.file)));
    let plans;
    try {
      plans = planGuard(tools, { allFiles, flaggedFiles: flagged }, (file) => texts.get(file), { hookCommand });
    } catch (error) {
      if (!(error instanceof GuardSettingsError)) throw error;
      result.error = error.message;
      return result;
    }
    for (const plan of plans) {
      if (isCurrent(plan)) {
        result.current.push(plan.path);
        continue;
      }
      await writeAtomically(vscode.Uri.joinPath(folder.uri, plan.path), plan.wanted);
      result.written.push(plan.path);
    }
    this.services.output.appendLine(
      `[${new Date().toISOString()}] AI guard: ${folder.name}: wrote ${result.written.join(", ") || "nothing"}; ${result.current.length} current; ${flagged.length} files with findings${hookCommand ? "" : "; no Claude Code hook (no local CLI)"}`,
    );
    return result;
  }

  /** The command: every folder, with a progress notification and a summary; after any run in progress. */
  protect(options: { quiet?: boolean } = {}): Promise<ProtectResult[] | undefined> {
    return this.serially(() => this.protectNow(options));
  }

  private async protectNow(options: { quiet?: boolean }): Promise<ProtectResult[] | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t("Open a folder or workspace first: Veil protects the files of the workspace."));
      return undefined;
    }
    const results = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t("Veil: protecting the workspace from AI assistants"), cancellable: true },
      async (_progress, token) => {
        const out: ProtectResult[] = [];
        for (const folder of folders) out.push(await this.protectFolder(folder, token));
        return out;
      },
    );
    await this.read();
    const failed = results.find((r) => r.error);
    if (failed) {
      void vscode.window.showErrorMessage(vscode.l10n.t("Veil could not update .claude/settings.json in {0}: it is not valid JSON. Fix it, then run the command again.", failed.folder));
    } else if (!options.quiet) {
      const written = results.reduce((n, r) => n + r.written.length, 0);
      const flagged = results.reduce((n, r) => n + r.flagged, 0);
      const message =
        written === 0
          ? vscode.l10n.t("The AI assistants' ignore files are up to date ({0} files with findings excluded).", flagged)
          : vscode.l10n.t("Veil wrote {0} AI assistant files ({1} files with findings excluded).", written, flagged);
      const noHook = results.some((r) => !r.hook) ? ` ${vscode.l10n.t("Claude Code's hooks need the command-line tool: run veil guard from a terminal.")}` : "";
      void vscode.window.showInformationMessage(message + noHook);
    }
    return results;
  }

  private onDiagnostics(uris: readonly vscode.Uri[]): void {
    for (const uri of uris) {
      const key = uri.toString();
      if (this.offered.has(key) || uri.scheme === "untitled") continue;
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      const state = folder && this.folders.get(folder.uri.toString());
      if (!folder || !state || state.guarded.length === 0) continue;
      if (!vscode.languages.getDiagnostics(uri).some((d) => d.source === "Veil")) continue;
      const rel = pathInFolder(folder, uri);
      if (isSecretFileName(rel) || state.listed.has(rel) || ASSISTANTS.some((a) => a.file === rel)) continue;
      this.queue.add(key);
    }
    if (this.queue.size > 0 && this.pendingOffer === undefined) this.pendingOffer = setTimeout(() => void this.offer(), 300);
  }

  /** Files with Veil diagnostics outside the guard: checked against the label's categories, then offered. */
  private async offer(): Promise<void> {
    this.pendingOffer = undefined;
    const uris = [...this.queue].map((k) => vscode.Uri.parse(k));
    this.queue.clear();
    const uncovered: vscode.Uri[] = [];
    for (const uri of uris) {
      this.offered.add(uri.toString());
      const config = this.services.config(uri);
      const categories = guardedCategories(config.label);
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      let findings: readonly Finding[] = [];
      if (document) findings = this.services.findingsFor(document);
      else {
        const text = await readWorkspaceText(uri);
        if (text !== undefined) findings = new (engine().Scanner)(config.scanOptions).scan(text);
      }
      if (findings.some((f) => categories.has(f.category))) uncovered.push(uri);
    }
    if (uncovered.length === 0) return;
    const first = vscode.workspace.asRelativePath(uncovered[0], false);
    const pro = uncovered.some((u) => this.services.config(u).label === "pro");
    if (pro) {
      await this.protect({ quiet: true });
      void vscode.window.showInformationMessage(vscode.l10n.t("Veil added {0} to the AI assistants' ignore files (pro workspace).", first));
      return;
    }
    const update = vscode.l10n.t("Update");
    const choice = await vscode.window.showWarningMessage(
      uncovered.length === 1
        ? vscode.l10n.t("Veil found a secret in {0}, which the AI assistants' ignore files do not cover yet. Update them?", first)
        : vscode.l10n.t("Veil found secrets in {0} files that the AI assistants' ignore files do not cover yet. Update them?", uncovered.length),
      update,
    );
    if (choice === update) await this.protect();
  }

  dispose(): void {
    if (this.pendingOffer) clearTimeout(this.pendingOffer);
    for (const d of this.disposables) d.dispose();
  }
}

/** Registers the command and the guard's status line; all registrations go to `context.subscriptions`. */
/** `veil.protectWorkspace`: writes the coding assistants' ignore files and Claude Code's hook from what the scan finds. */
export function protectWorkspace(controller: Pick<AiGuardController, "protect">): ReturnType<AiGuardController["protect"]> {
  return controller.protect();
}

export function registerProtectWorkspace(context: vscode.ExtensionContext, services: ExtensionServices, statusBar: StatusBarController): AiGuardController {
  const controller = new AiGuardController(services, statusBar);
  context.subscriptions.push(controller);
  registerCommand(context, services, PROTECT_WORKSPACE_COMMAND, () => protectWorkspace(controller));
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    registerInternalCommand(context, services, AI_GUARD_STATE_TEST_COMMAND, async () => {
      await controller.refresh();
      return { folders: controller.state(), hookCommand: await hookCommandFor(context) };
    });
  }
  return controller;
}
