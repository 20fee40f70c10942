import * as vscode from "vscode";
import { engine } from "../engine";
import { log, type CommandContext } from "./context";
import { warnUnknown, type RestoreOutcome } from "./pasteWithRealValues";
import { selectedRanges, wholeDocumentRange } from "./textSource";

/** `veil.restoreSelection`: puts the real values back in place, in the selection(s) or the whole file. */
export async function restoreSelection(context: CommandContext): Promise<RestoreOutcome | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage(vscode.l10n.t("Open an editor to restore real values in."));
    return undefined;
  }
  const document = editor.document;
  const ranges = selectedRanges(editor) ?? [wholeDocumentRange(document)];
  const vault = await context.vault.load();
  let restored = 0;
  const unknown = new Set<string>();
  const replacements: { range: vscode.Range; text: string }[] = [];
  for (const range of ranges) {
    const original = document.getText(range);
    const result = engine().restore(original, vault);
    restored += result.restored;
    for (const placeholder of result.unknown) unknown.add(placeholder);
    if (result.text !== original) replacements.push({ range, text: result.text });
  }
  if (replacements.length > 0) {
    const applied = await editor.edit((edit) => {
      for (const { range, text } of replacements) edit.replace(range, text);
    });
    if (!applied) {
      void vscode.window.showErrorMessage(vscode.l10n.t("Could not change this editor (is it read-only?)."));
      return undefined;
    }
  }
  warnUnknown([...unknown]);
  if (restored === 0 && unknown.size === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t("No placeholders to restore here."));
  } else if (unknown.size === 0) {
    vscode.window.setStatusBarMessage(vscode.l10n.t("Veil: {0} real value(s) restored", restored), 5000);
  }
  log(context, `restore in selection: ${restored} restored, ${unknown.size} unknown`);
  return { restored, unknown: [...unknown] };
}
