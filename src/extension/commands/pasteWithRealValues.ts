import * as vscode from "vscode";
import { engine } from "../engine";
import { log, type CommandContext } from "./context";

/** What restoring did: how many placeholders were put back, which ones the vault does not know. */
export interface RestoreOutcome {
  restored: number;
  unknown: string[];
}

/** Warns about placeholders the vault does not know (placeholders are not secret: they are listed). */
export function warnUnknown(unknown: readonly string[]): void {
  if (unknown.length === 0) return;
  const shown = unknown.slice(0, 10).join(", ") + (unknown.length > 10 ? ", …" : "");
  void vscode.window.showWarningMessage(
    vscode.l10n.t("{0} placeholder(s) are not in this workspace's vault and were left as they are: {1}", unknown.length, shown),
  );
}

/** `veil.pasteWithRealValues`: the clipboard with placeholders restored, at every cursor. */
export async function pasteWithRealValues(context: CommandContext): Promise<RestoreOutcome | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage(vscode.l10n.t("Open an editor to paste into."));
    return undefined;
  }
  const clipboard = await vscode.env.clipboard.readText();
  if (clipboard === "") {
    void vscode.window.showInformationMessage(vscode.l10n.t("The clipboard is empty."));
    return undefined;
  }
  const vault = await context.vault.load();
  const result = engine().restore(clipboard, vault);
  const selections = [...editor.selections];
  const applied = await editor.edit((edit) => {
    for (const selection of selections) edit.replace(selection, result.text);
  });
  if (!applied) {
    void vscode.window.showErrorMessage(vscode.l10n.t("Could not paste into this editor (is it read-only?)."));
    return undefined;
  }
  warnUnknown(result.unknown);
  if (result.unknown.length === 0) {
    vscode.window.setStatusBarMessage(vscode.l10n.t("Veil: pasted with {0} real value(s) restored", result.restored), 5000);
  }
  log(context, `paste with real values: ${result.restored} restored, ${result.unknown.length} unknown`);
  return { restored: result.restored, unknown: [...result.unknown] };
}
