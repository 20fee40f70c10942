import * as vscode from "vscode";
import { engine } from "../engine";
import { log, type CommandContext } from "./context";
import { noteWithheld, outcomeOf, restoreForPaste, warnUnknown, type PasteArgument, type RestoreOutcome } from "./pasteWithRealValues";
import type { PreviewContentProvider } from "./previewShared";
import { selectedRanges, wholeDocumentRange } from "./textSource";

/**
 * `veil.restoreSelection`: puts the real values back in place, in the selection(s) or the
 * whole file, under the same untrusted-answer rules as a paste: the ranges are reviewed as
 * one text (joined by line breaks), and the decisions apply to each range.
 */
export async function restoreSelection(context: CommandContext, preview: PreviewContentProvider, arg?: unknown): Promise<RestoreOutcome | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage(vscode.l10n.t("Open an editor to restore real values in."));
    return undefined;
  }
  const document = editor.document;
  const ranges = selectedRanges(editor) ?? [wholeDocumentRange(document)];
  const preset = typeof arg === "object" && arg !== null ? (arg as PasteArgument).review : undefined;
  const texts = ranges.map((range) => document.getText(range));
  const version = document.version;
  const decided = await restoreForPaste(context, preview, texts.join("\n"), editor, preset);
  if (!decided) {
    void vscode.window.showInformationMessage(vscode.l10n.t("Nothing was restored."));
    return { restored: 0, unknown: [], cancelled: true };
  }
  if (document.version !== version) {
    void vscode.window.showWarningMessage(vscode.l10n.t("The document changed during the review: nothing was restored. Run the command again."));
    return undefined;
  }
  // The same decisions, range by range (a secret confirmed once is confirmed in each range).
  const vault = await context.vault.load();
  const confirmed = new Set(decided.result.placements.filter((p) => p.category === "secret" && p.restored).map((p) => p.placeholder));
  const leaveRisky = decided.result.risky.some((p) => !p.restored);
  let restored = 0;
  const unknown = new Set<string>();
  const withheld = new Set<string>();
  const replacements: { range: vscode.Range; text: string }[] = [];
  ranges.forEach((range, i) => {
    const result = engine().restoreAnswer(texts[i], vault, { secrets: decided.own ? true : confirmed, leaveRisky });
    restored += result.restored;
    for (const placeholder of result.unknown) unknown.add(placeholder);
    for (const placeholder of result.withheld) withheld.add(placeholder);
    if (result.text !== texts[i]) replacements.push({ range, text: result.text });
  });
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
  noteWithheld([...withheld]);
  if (restored === 0 && unknown.size === 0 && withheld.size === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t("No placeholders to restore here."));
  } else if (unknown.size === 0) {
    vscode.window.setStatusBarMessage((restored === 1 ? vscode.l10n.t("Veil: 1 real value restored") : vscode.l10n.t("Veil: {0} real values restored", restored)), 5000);
  }
  log(context, `restore in selection: ${restored} restored, ${unknown.size} unknown, ${withheld.size} secret(s) withheld`);
  const outcome = outcomeOf({ ...decided.result, restored, unknown: [...unknown], withheld: [...withheld] }, decided.reviewed);
  return outcome;
}
