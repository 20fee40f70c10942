import * as vscode from "vscode";
import { engine } from "../engine";
import { log, type CommandContext } from "./context";
import { baseName, readWithProgress, targetUri, TooLargeError, tooLarge } from "./fileMetadata";

/** "photo.jpg" → "photo (clean).jpg", beside the original. */
function cleanName(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? `${name.slice(0, dot)} (clean)${name.slice(dot)}` : `${name} (clean)`;
}

/** `veil.shareCleanCopy`: writes the file without its metadata, beside it or into a folder the user picks, and reveals it. */
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
