import * as vscode from "vscode";
import type { Finding } from "../../engine";
import { engine } from "../engine";
import { copySourceAnonymized } from "./copyAnonymized";
import { log, type CommandContext } from "./context";
import { selectedRanges, sourceFromRanges, type SourceText } from "./textSource";

/**
 * Bound to Ctrl/Cmd+C while `veil.copyGuardActive` is set. `{ onFindings }` answers the
 * question in advance (automation, tests): "ask" (default), "anonymize", "copy", "cancel".
 */
export interface GuardedCopyArgument {
  onFindings?: "ask" | "anonymize" | "copy" | "cancel";
}

export interface GuardedCopyResult {
  action: "copied" | "anonymized" | "cancelled";
  findings: number;
}

/** "2 secrets, 1 personal value": counts by category, localized, no value. */
export function describeFindings(findings: readonly Finding[]): string {
  const count = { secret: 0, pii: 0, term: 0 };
  for (const finding of findings) count[finding.category]++;
  const parts: string[] = [];
  if (count.secret) parts.push(count.secret === 1 ? vscode.l10n.t("1 secret") : vscode.l10n.t("{0} secrets", count.secret));
  if (count.pii) parts.push(count.pii === 1 ? vscode.l10n.t("1 personal value") : vscode.l10n.t("{0} personal values", count.pii));
  if (count.term) parts.push(count.term === 1 ? vscode.l10n.t("1 confidential name") : vscode.l10n.t("{0} confidential names", count.term));
  return parts.join(", ");
}

/** What Ctrl+C copies: the selections, or the cursor lines when nothing is selected. */
function copiedSource(editor: vscode.TextEditor): SourceText | undefined {
  const selected = selectedRanges(editor);
  if (selected) return sourceFromRanges(editor.document, selected, "selection");
  if (!vscode.workspace.getConfiguration("editor", editor.document).get<boolean>("emptySelectionClipboard", true)) return undefined;
  const lines = [...new Set(editor.selections.map((s) => s.active.line))].sort((a, b) => a - b);
  const document = editor.document;
  const eol = document.eol === vscode.EndOfLine.CRLF ? "\r\n" : "\n";
  // The editor copies whole lines with their line break.
  const ranges = lines.map((line) => document.lineAt(line).rangeIncludingLineBreak);
  const text = ranges.map((r) => {
    const t = document.getText(r);
    return t.endsWith("\n") ? t : t + eol;
  });
  return { text: text.join(""), origin: "selection", document, ranges };
}

/** The editor's own copy; where it cannot reach the clipboard (web worker), the text is written directly. */
async function plainCopy(expected: string | undefined): Promise<void> {
  await vscode.commands.executeCommand("editor.action.clipboardCopyAction");
  if (expected === undefined) return;
  const copied = await vscode.env.clipboard.readText();
  if (copied !== expected) await vscode.env.clipboard.writeText(expected);
}

/** `veil.guardedCopy`: copies as usual, unless the selection holds findings: then asks first. */
export async function guardedCopy(context: CommandContext, arg?: unknown): Promise<GuardedCopyResult> {
  const editor = vscode.window.activeTextEditor;
  const preset = (typeof arg === "object" && arg !== null ? (arg as GuardedCopyArgument).onFindings : undefined) ?? "ask";
  const source = editor ? copiedSource(editor) : undefined;
  if (!editor || !source || source.text === "") {
    await plainCopy(undefined);
    return { action: "copied", findings: 0 };
  }
  const config = context.services.config(editor.document.uri);
  // No check of `config.copyGuard` here: the `veil.copyGuardActive` context key decides whether
  // Ctrl/Cmd+C reaches this command; run explicitly, it always guards.
  const findings = engine().scan(source.text, config.scanOptions);
  if (findings.length === 0) {
    await plainCopy(source.text);
    return { action: "copied", findings: 0 };
  }
  let choice = preset;
  if (choice === "ask") {
    const anonymized = vscode.l10n.t("Copy anonymized instead");
    const anyway = vscode.l10n.t("Copy anyway");
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t("This selection holds {0}. Copying it puts them on the clipboard as they are.", describeFindings(findings)),
      { modal: false },
      anonymized,
      anyway,
    );
    choice = answer === anonymized ? "anonymize" : answer === anyway ? "copy" : "cancel";
  }
  log(context, `copy guard: ${findings.length} finding(s) [${[...new Set(findings.map((f) => f.kind))].join(", ")}], choice ${choice}`);
  if (choice === "anonymize") {
    await copySourceAnonymized(context, source);
    return { action: "anonymized", findings: findings.length };
  }
  if (choice === "copy") {
    // After a question the editor may have lost focus: write the text rather than run the editor's copy.
    await vscode.env.clipboard.writeText(source.text);
    return { action: "copied", findings: findings.length };
  }
  return { action: "cancelled", findings: findings.length };
}
