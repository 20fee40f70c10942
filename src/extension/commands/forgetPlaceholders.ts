import * as vscode from "vscode";
import { log, type CommandContext } from "./context";

/** `veil.forgetPlaceholders`: empties the workspace vault; `{ confirm: false }` skips the question. */
export async function forgetPlaceholders(context: CommandContext, arg?: unknown): Promise<boolean> {
  const confirm = !(typeof arg === "object" && arg !== null && (arg as { confirm?: unknown }).confirm === false);
  if (confirm) {
    const forget = vscode.l10n.t("Forget");
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t("Forget every placeholder value of this workspace?"),
      { modal: true, detail: vscode.l10n.t("Text copied anonymized before can no longer be restored.") },
      forget,
    );
    if (answer !== forget) return false;
  }
  await context.vault.purge();
  void vscode.window.showInformationMessage(vscode.l10n.t("Placeholder values forgotten"));
  log(context, "placeholder values forgotten");
  return true;
}
