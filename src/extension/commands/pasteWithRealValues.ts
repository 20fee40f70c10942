import * as vscode from "vscode";
import type { AnswerRestoreResult } from "../../engine";
import { engine } from "../engine";
import { log, type CommandContext } from "./context";
import type { PreviewContentProvider } from "./previewShared";
import { closeReview, filledSummary, needsReview, reviewRestore, type ReviewPreset } from "./restoreReview";
import { isVeilCopy } from "./veilClipboard";

/** What restoring did: how many placeholders were put back, which ones the vault does not know. */
export interface RestoreOutcome {
  restored: number;
  unknown: string[];
  /** Secrets left as placeholders, and values left as placeholders in risky places (absent when none). */
  withheld?: string[];
  leftRisky?: number;
  /** Whether a review was shown. */
  reviewed?: boolean;
  cancelled?: boolean;
}

/** `{ review }`: the review's questions answered in advance (automation, tests). */
export interface PasteArgument {
  review?: ReviewPreset;
}

/** Warns about placeholders the vault does not know (placeholders are not secret: they are listed). */
export function warnUnknown(unknown: readonly string[]): void {
  if (unknown.length === 0) return;
  const shown = unknown.slice(0, 10).join(", ") + (unknown.length > 10 ? ", …" : "");
  void vscode.window.showWarningMessage(
    unknown.length === 1
      ? vscode.l10n.t("1 placeholder is not in this workspace's vault and was left as it is: {0}", shown)
      : vscode.l10n.t("{0} placeholders are not in this workspace's vault and were left as they are: {1}", unknown.length, shown),
  );
}

/** Says which secrets stayed placeholders, and why. */
export function noteWithheld(withheld: readonly string[]): void {
  if (withheld.length === 0) return;
  void vscode.window.showInformationMessage(
    withheld.length === 1
      ? vscode.l10n.t("1 secret left as a placeholder: {0}. An assistant's answer is untrusted text: load credentials from the environment instead of pasting them.", withheld[0])
      : vscode.l10n.t(
          "{0} secrets left as placeholders: {1}. An assistant's answer is untrusted text: load credentials from the environment instead of pasting them.",
          withheld.length,
          withheld.slice(0, 10).join(", "),
        ),
  );
}

/**
 * The values for an answer under the untrusted-answer rules, after a review when secrets are
 * held back or a value would leave through the answer. Veil's own copy comes back whole.
 * Undefined when the user cancels.
 */
export async function restoreForPaste(
  context: CommandContext,
  preview: PreviewContentProvider,
  text: string,
  target: vscode.TextEditor,
  preset: ReviewPreset | undefined,
): Promise<{ result: AnswerRestoreResult; own: boolean; reviewed: boolean } | undefined> {
  const vault = await context.vault.load();
  const { restoreAnswer } = engine();
  if (isVeilCopy(text)) return { result: restoreAnswer(text, vault, { secrets: true }), own: true, reviewed: false };
  const first = restoreAnswer(text, vault);
  if (!needsReview(first)) return { result: first, own: false, reviewed: false };
  const decision = await reviewRestore(text, first, preview, preset);
  await closeReview(target);
  if (!decision) return undefined;
  return { result: restoreAnswer(text, vault, { secrets: decision.secrets, leaveRisky: decision.leaveRisky }), own: false, reviewed: true };
}

export function outcomeOf(result: AnswerRestoreResult, reviewed: boolean): RestoreOutcome {
  const outcome: RestoreOutcome = { restored: result.restored, unknown: [...result.unknown] };
  if (result.withheld.length > 0) outcome.withheld = [...result.withheld];
  const leftRisky = result.risky.filter((p) => !p.restored).length;
  if (leftRisky > 0) outcome.leftRisky = leftRisky;
  if (reviewed) outcome.reviewed = true;
  return outcome;
}

/** `veil.pasteWithRealValues`: the clipboard with placeholders restored, at every cursor. */
export async function pasteWithRealValues(context: CommandContext, preview: PreviewContentProvider, arg?: unknown): Promise<RestoreOutcome | undefined> {
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
  const preset = typeof arg === "object" && arg !== null ? (arg as PasteArgument).review : undefined;
  const selections = [...editor.selections];
  const restored = await restoreForPaste(context, preview, clipboard, editor, preset);
  if (!restored) {
    void vscode.window.showInformationMessage(vscode.l10n.t("Nothing was pasted."));
    log(context, "paste with real values: cancelled at the review");
    return { restored: 0, unknown: [], cancelled: true };
  }
  const { result, own, reviewed } = restored;
  const applied = await editor.edit((edit) => {
    for (const selection of selections) edit.replace(selection, result.text);
  });
  if (!applied) {
    void vscode.window.showErrorMessage(vscode.l10n.t("Could not paste into this editor (is it read-only?)."));
    return undefined;
  }
  warnUnknown(result.unknown);
  noteWithheld(result.withheld);
  if (result.unknown.length === 0 && result.withheld.length === 0) {
    vscode.window.setStatusBarMessage((result.restored === 1 ? vscode.l10n.t("Veil: pasted with 1 real value restored ({0})", filledSummary(result)) : vscode.l10n.t("Veil: pasted with {0} real values restored ({1})", result.restored, filledSummary(result))), 5000);
  }
  const outcome = outcomeOf(result, reviewed);
  log(context, `paste with real values: ${result.restored} restored, ${result.unknown.length} unknown, ${result.withheld.length} secret(s) withheld, ${outcome.leftRisky ?? 0} left in risky places${own ? " (Veil's own copy)" : ""}`);
  return outcome;
}
