import * as vscode from "vscode";
import { directiveIdFor, findingAt, ignoreLineEdit, resolveTarget, type FindingsSource } from "../codeActions";

/** `veil.ignoreLine`: adds a `veil:allow <rule id>` comment for the finding at the target range. */
export async function ignoreLine(arg: unknown, findingsFor: FindingsSource): Promise<boolean> {
  const target = await resolveTarget(arg);
  if (!target) return false;
  const finding = findingAt(target.document, findingsFor(target.document), target.range);
  const edit = ignoreLineEdit(target.document, target.range, finding ? directiveIdFor(finding) : undefined);
  if (!edit) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t("{0} files have no comments, so Veil cannot ignore a line there. Use \"Allow this value\" instead.", target.document.languageId),
    );
    return false;
  }
  return vscode.workspace.applyEdit(edit);
}
