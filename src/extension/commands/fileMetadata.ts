/**
 * What the Explorer commands for files that are not text share (Share a Clean Copy…, Show
 * File Metadata): the target, its name and a whole-file read with progress, through
 * vscode.workspace.fs so the web build works the same.
 */
import * as vscode from "vscode";

export function targetUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const active = vscode.window.activeTextEditor?.document.uri;
  return active && active.scheme !== "untitled" ? active : undefined;
}

export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf("/") + 1);
}

/** vscode.workspace.fs reads whole files: past this, point to the CLI, which reads ranges. */
const MAX_EDITOR_BYTES = 1024 * 1024 * 1024;

export class TooLargeError extends Error {}

export async function readWithProgress<T>(uri: vscode.Uri, title: string, work: (bytes: Uint8Array) => Promise<T>): Promise<T> {
  const { size } = await vscode.workspace.fs.stat(uri);
  if (size > MAX_EDITOR_BYTES) throw new TooLargeError();
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: false }, async () => work(await vscode.workspace.fs.readFile(uri)));
}

export function tooLarge(name: string): undefined {
  void vscode.window.showErrorMessage(vscode.l10n.t("Veil: {0} is over 1 GB; run “veil strip --out DIR {0}” in a terminal, which reads only the parts it needs.", name));
  return undefined;
}
