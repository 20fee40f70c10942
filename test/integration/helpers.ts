// Helpers for tests that run inside VS Code. No Node built-ins: the same tests also run
// in the web-worker extension host.
import * as vscode from "vscode";

export const EXTENSION_ID = "veil.veil";
export const DIAGNOSTIC_SOURCE = "Veil";

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Says what was awaited when the wait times out. */
  message?: string;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `condition` until it returns a truthy value, which it resolves with. */
export async function waitFor<T>(condition: () => T | undefined | null | false | Promise<T | undefined | null | false>, options: WaitOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const intervalMs = options.intervalMs ?? 50;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${options.message ?? "a condition"}`);
    await sleep(intervalMs);
  }
}

/** The extension under test, activated. */
export async function activateVeil(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) {
    const loaded = vscode.extensions.all.filter((e) => !e.id.startsWith("vscode.")).map((e) => e.id);
    throw new Error(`extension ${EXTENSION_ID} is not loaded (other extensions: ${loaded.join(", ") || "none"})`);
  }
  await extension.activate();
  return extension;
}

/** The first workspace folder (the harness opens a throwaway copy of test/fixtures/workspace). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error("no workspace folder is open");
  return folder.uri;
}

export function workspaceUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split("/"));
}

/** Opens a file of the test workspace in an editor. */
export async function openWorkspaceFile(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  return vscode.window.showTextDocument(document);
}

/** Opens an untitled document with this content and language in an editor. */
export async function openUntitled(content: string, language = "plaintext"): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ content, language });
  return vscode.window.showTextDocument(document);
}

export function veilDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

/**
 * Waits until Veil has published diagnostics for `uri` that satisfy `accept`
 * (by default: at least one), and returns them.
 */
export async function waitForVeilDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean = (d) => d.length > 0,
  options: WaitOptions = {},
): Promise<vscode.Diagnostic[]> {
  let last: vscode.Diagnostic[] = [];
  try {
    return await waitFor(() => {
      last = veilDiagnostics(uri);
      return accept(last) ? last : undefined;
    }, { timeoutMs: 10_000, ...options, message: options.message ?? `Veil diagnostics on ${uri.path}` });
  } catch (error) {
    const seen = last.map((d) => `${describeRange(d.range)} ${d.code ?? ""} ${d.message}`).join("; ") || "none";
    throw new Error(`${(error as Error).message} (last seen: ${seen})`);
  }
}

export function describeRange(range: vscode.Range): string {
  return `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`;
}

/** The range of the first occurrence of `needle` in the document. */
export function rangeOf(document: vscode.TextDocument, needle: string): vscode.Range {
  const offset = document.getText().indexOf(needle);
  if (offset < 0) throw new Error(`"${needle.slice(0, 8)}…" is not in ${document.uri.path}`);
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + needle.length));
}

export function runCommand<T = unknown>(command: string, ...args: unknown[]): Thenable<T> {
  return vscode.commands.executeCommand<T>(command, ...args);
}

export function readClipboard(): Thenable<string> {
  return vscode.env.clipboard.readText();
}

export function writeClipboard(text: string): Thenable<void> {
  return vscode.env.clipboard.writeText(text);
}

/**
 * Closes every editor, so one test's documents do not leak into the next. Modified
 * documents (untitled ones included) are reverted first: no "Save changes?" dialog is
 * left open for the next test.
 */
export async function closeAllEditors(): Promise<void> {
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (!tab.isDirty || !(tab.input instanceof vscode.TabInputText)) continue;
      await vscode.window.showTextDocument(tab.input.uri, { viewColumn: group.viewColumn, preview: false });
      await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
    }
  }
  await vscode.commands.executeCommand("workbench.action.closeAllEditors");
}

/** A Node built-in through a variable (the web test bundle must not include it); undefined in the web-worker host. */
export function nodeModule<T>(name: string): T | undefined {
  if (!(globalThis as { process?: unknown }).process || typeof require !== "function") return undefined;
  const load = require;
  return load(name) as T;
}
