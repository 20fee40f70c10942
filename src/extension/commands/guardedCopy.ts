import * as vscode from "vscode";
import type { Finding } from "../../engine";
import { engine } from "../engine";
import { copySourceAnonymized } from "./copyAnonymized";
import { log, type CommandContext } from "./context";
import { contextFindings, isTerminalInvocation, selectedRanges, sourceFromRanges, terminalSource, type SourceText } from "./textSource";
import { forgetVeilCopy, isVeilCopy } from "./veilClipboard";

/**
 * Bound to Ctrl/Cmd+C while `veil.copyGuardActive` is set (in an editor with a selection, and
 * in a terminal with a selection). A selection with findings is copied anonymized at once,
 * and the message says so, with "Copy as is instead": the clipboard never holds something
 * the user was not told about, nothing waits on a notification that may disappear, and the
 * safe copy costs no keystroke. Pasting into an editor of this workspace puts the real
 * values back (see pasteProvider.ts).
 * `{ onFindings }` answers in advance (automation, tests): "anonymize" (default) or "copy".
 */
export interface GuardedCopyArgument {
  onFindings?: "anonymize" | "copy";
  source?: "terminal" | "editor";
}

export interface GuardedCopyResult {
  action: "copied" | "anonymized";
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
  const offsets: number[] = [];
  let at = 0;
  const text = ranges.map((r) => {
    offsets.push(at);
    const t = document.getText(r);
    const line = t.endsWith("\n") ? t : t + eol;
    at += line.length;
    return line;
  });
  return { text: text.join(""), origin: "selection", document, ranges, offsets };
}

/** The editor's own copy; where it cannot reach the clipboard (web worker), the text is written directly. */
async function plainCopy(expected: string | undefined): Promise<void> {
  await vscode.commands.executeCommand("editor.action.clipboardCopyAction");
  if (expected === undefined) return;
  const copied = await vscode.env.clipboard.readText();
  if (copied !== expected) await vscode.env.clipboard.writeText(expected);
}

/** The message after a guarded copy; "Copy as is instead" puts the text as it is on the clipboard. */
function offerCopyAsIs(context: CommandContext, source: SourceText, findings: readonly Finding[]): void {
  const asIs = vscode.l10n.t("Copy as is instead");
  const message = vscode.l10n.t(
    "Copied anonymized: {0} replaced by placeholders. Pasting into an editor of this workspace puts the real values back; elsewhere (a browser chat) the placeholders are pasted.",
    describeFindings(findings),
  );
  vscode.window.setStatusBarMessage(vscode.l10n.t("$(shield) Veil: the clipboard holds the anonymized copy"), 15_000);
  void vscode.window.showInformationMessage(message, asIs).then(async (answer) => {
    if (answer !== asIs) return;
    // A late click must not replace what the user copied since.
    if (!isVeilCopy(await vscode.env.clipboard.readText())) {
      void vscode.window.showInformationMessage(vscode.l10n.t("The clipboard changed since this copy: it was left as it is."));
      return;
    }
    await vscode.env.clipboard.writeText(source.text);
    forgetVeilCopy();
    vscode.window.setStatusBarMessage(vscode.l10n.t("Veil: the clipboard holds the text as it is, real values included"), 15_000);
    log(context, `copy guard: copied as is on request (${findings.length} finding(s))`);
  });
}

/** `veil.guardedCopy`: copies as usual, unless the selection holds findings: then copies it anonymized and says so. */
export async function guardedCopy(context: CommandContext, arg?: unknown): Promise<GuardedCopyResult> {
  const options = (typeof arg === "object" && arg !== null ? arg : {}) as GuardedCopyArgument;
  const preset = options.onFindings ?? "anonymize";
  const terminal = isTerminalInvocation(arg);
  const editor = terminal ? undefined : vscode.window.activeTextEditor;
  const source = terminal ? await terminalSource() : editor ? copiedSource(editor) : undefined;
  if (!source || source.text === "") {
    if (!terminal) await plainCopy(undefined);
    return { action: "copied", findings: 0 };
  }
  const config = context.services.config(source.document?.uri);
  // No check of `config.copyGuard` here: the `veil.copyGuardActive` context key decides whether
  // Ctrl/Cmd+C reaches this command; run explicitly, it always guards.
  const findings = engine().unionFindings(engine().scan(source.text, config.scanOptions), contextFindings(source, (d) => context.services.findingsFor(d), config.scanOptions));
  if (findings.length === 0) {
    if (terminal) await vscode.env.clipboard.writeText(source.text);
    else await plainCopy(source.text);
    return { action: "copied", findings: 0 };
  }
  log(context, `copy guard: ${findings.length} finding(s) [${[...new Set(findings.map((f) => f.kind))].join(", ")}], ${preset}`);
  if (preset === "copy") {
    await vscode.env.clipboard.writeText(source.text);
    forgetVeilCopy();
    return { action: "copied", findings: findings.length };
  }
  await copySourceAnonymized(context, source, { quiet: true });
  offerCopyAsIs(context, source, findings);
  return { action: "anonymized", findings: findings.length };
}
