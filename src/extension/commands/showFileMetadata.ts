import * as vscode from "vscode";
import type { MetadataItem } from "../../engine";
import { engine } from "../engine";
import { log, type CommandContext } from "./context";
import { baseName, readWithProgress, targetUri, TooLargeError, tooLarge } from "./fileMetadata";
import type { PreviewContentProvider } from "./previewShared";

function lines(items: readonly MetadataItem[]): string {
  return items.map((i) => `- ${i.text}`).join("\n");
}

/** `veil.showFileMetadata`: a read-only list of the metadata a photo, video, PDF or Office file carries. */
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
