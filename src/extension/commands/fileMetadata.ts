/**
 * Explorer commands for files that are not text: "Share a Clean Copy…" writes the file
 * without its metadata (beside it or into a folder the user picks) and reveals it; "Show
 * File Metadata" opens a read-only list of what the file carries. Everything goes through
 * vscode.workspace.fs, so the web build works the same.
 */
import * as vscode from "vscode";
import type { MetadataItem } from "../../engine";
import { engine } from "../engine";
import { log, type CommandContext } from "./context";
import type { PreviewContentProvider } from "./previewShared";

function targetUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const active = vscode.window.activeTextEditor?.document.uri;
  return active && active.scheme !== "untitled" ? active : undefined;
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf("/") + 1);
}

/** "photo.jpg" → "photo (clean).jpg", beside the original. */
function cleanName(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? `${name.slice(0, dot)} (clean)${name.slice(dot)}` : `${name} (clean)`;
}

/** vscode.workspace.fs reads whole files: past this, point to the CLI, which reads ranges. */
const MAX_EDITOR_BYTES = 1024 * 1024 * 1024;

class TooLargeError extends Error {}

async function readWithProgress<T>(uri: vscode.Uri, title: string, work: (bytes: Uint8Array) => Promise<T>): Promise<T> {
  const { size } = await vscode.workspace.fs.stat(uri);
  if (size > MAX_EDITOR_BYTES) throw new TooLargeError();
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: false }, async () => work(await vscode.workspace.fs.readFile(uri)));
}

function tooLarge(name: string): undefined {
  void vscode.window.showErrorMessage(vscode.l10n.t("Veil: {0} is over 1 GB; run “veil strip --out DIR {0}” in a terminal, which reads only the parts it needs.", name));
  return undefined;
}

function lines(items: readonly MetadataItem[]): string {
  return items.map((i) => `- ${i.text}`).join("\n");
}

export async function showFileMetadata(context: CommandContext, preview: PreviewContentProvider, arg: unknown): Promise<vscode.Uri | undefined> {
  const uri = targetUri(arg);
  if (!uri) {
    void vscode.window.showInformationMessage(vscode.l10n.t("Veil: pick a file in the Explorer first."));
    return undefined;
  }
  const name = baseName(uri);
  const { describeMetadata, MetadataError } = engine();
  let body: string;
  try {
    const { format, items } = await readWithProgress(uri, vscode.l10n.t("Veil: reading the metadata of {0}…", name), (bytes) => describeMetadata(bytes, name));
    body =
      items.length > 0
        ? `${vscode.l10n.t("{0} ({1}) carries:", name, format.toUpperCase())}\n\n${lines(items)}\n\n${vscode.l10n.t("“Veil: Share a Clean Copy…” writes a copy without it.")}\n`
        : `${vscode.l10n.t("{0} ({1}) carries no metadata that Veil knows of.", name, format.toUpperCase())}\n`;
    log(context, `file metadata: ${format}, ${items.length} item(s)`);
  } catch (error) {
    if (error instanceof TooLargeError) return tooLarge(name);
    if (!(error instanceof MetadataError)) throw error;
    void vscode.window.showErrorMessage(vscode.l10n.t("Veil cannot read {0}: {1}", name, error.message));
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(preview.add(`${name} — metadata.md`, body));
  await vscode.window.showTextDocument(doc, { preview: true });
  return doc.uri;
}

export async function shareCleanCopy(context: CommandContext, arg: unknown, options?: { folder?: vscode.Uri }): Promise<vscode.Uri | undefined> {
  const uri = targetUri(arg);
  if (!uri) {
    void vscode.window.showInformationMessage(vscode.l10n.t("Veil: pick a file in the Explorer first."));
    return undefined;
  }
  const name = baseName(uri);
  let target: vscode.Uri;
  if (options?.folder) target = vscode.Uri.joinPath(options.folder, name);
  else {
    const beside = { label: vscode.l10n.t("Beside the file"), description: cleanName(name) };
    const folder = { label: vscode.l10n.t("Into a folder…"), description: name };
    const pick = await vscode.window.showQuickPick([beside, folder], { title: vscode.l10n.t("Veil: where should the clean copy of {0} go?", name) });
    if (!pick) return undefined;
    if (pick === beside) target = vscode.Uri.joinPath(uri, "..", cleanName(name));
    else {
      const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: vscode.l10n.t("Write the clean copy here") });
      if (!picked?.[0]) return undefined;
      target = vscode.Uri.joinPath(picked[0], name);
    }
  }
  if (target.toString() === uri.toString()) {
    void vscode.window.showErrorMessage(vscode.l10n.t("Veil: pick another folder than the file's own, or the copy would replace it."));
    return undefined;
  }
  const { stripMetadata, applyStrip, MetadataError } = engine();
  try {
    const removed = await readWithProgress(uri, vscode.l10n.t("Veil: writing a clean copy of {0}…", name), async (bytes) => {
      const result = await stripMetadata(bytes, name);
      await vscode.workspace.fs.writeFile(target, applyStrip(bytes, result));
      return result.removed;
    });
    log(context, `clean copy: ${removed.length} item(s) removed`);
    await vscode.commands.executeCommand("revealInExplorer", target);
    const what = removed.length > 0 ? vscode.l10n.t("removed: {0}", removed.map((i) => i.text).join("; ")) : vscode.l10n.t("the file carried no metadata");
    void vscode.window.showInformationMessage(vscode.l10n.t("Veil: clean copy written to {0} ({1}).", baseName(target), what));
    return target;
  } catch (error) {
    if (error instanceof TooLargeError) return tooLarge(name);
    if (!(error instanceof MetadataError)) throw error;
    void vscode.window.showErrorMessage(vscode.l10n.t("Veil cannot clean {0}: {1}. Nothing was written.", name, error.message));
    return undefined;
  }
}
