import * as vscode from "vscode";
import type { EnvLookupStyle, Finding } from "../engine";
import { engine } from "./engine";
import { CommandId } from "./commands/ids";
import { toRange, toUri, type TargetArgument } from "./commands/textSource";
import { DIAGNOSTIC_SOURCE } from "./diagnostics";
import { targetArgument } from "./hover";


export type FindingsSource = (document: vscode.TextDocument) => readonly Finding[];
export type Log = (line: string) => void;

export function findingAt(document: vscode.TextDocument, findings: readonly Finding[], range: vscode.Range): Finding | undefined {
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  return findings.find((f) => f.start === start && f.end === end);
}

export function eolOf(document: vscode.TextDocument): string {
  return document.eol === vscode.EndOfLine.CRLF ? "\r\n" : "\n";
}

/** The id a narrow directive names for a finding: its rule id (`pii-phone`), `term` for terms. */
export function directiveIdFor(finding: Pick<Finding, "ruleId">): string {
  return finding.ruleId;
}

/**
 * The edit "Ignore on this line" makes, or `undefined` when the language has no comments.
 * With `id`, the directive allows only that (`veil:allow pii-phone`): the other findings of
 * the line are still reported and still anonymized.
 */
export function ignoreLineEdit(document: vscode.TextDocument, range: vscode.Range, id?: string): vscode.WorkspaceEdit | undefined {
  const line = document.lineAt(range.start.line);
  const previousLine = line.lineNumber > 0 ? document.lineAt(line.lineNumber - 1).text : undefined;
  const insertion = engine().ignoreDirectiveInsertion(document.languageId, line.text, line.lineNumber, { multiLine: range.end.line > range.start.line, eol: eolOf(document), id, previousLine });
  if (!insertion) return undefined;
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(insertion.line, insertion.character), insertion.text);
  return edit;
}

/** Languages whose files are shared as they are (a brief, notes): a comment there goes out with them. */
export function isProse(languageId: string): boolean {
  return languageId === "markdown" || languageId === "plaintext";
}

export interface MoveToEnvPlan {
  name: string;
  style: EnvLookupStyle;
  replacement: { range: vscode.Range; text: string };
  envUri: vscode.Uri;
  gitignoreUri: vscode.Uri;
}

/** Whether "Move to .env" can rewrite this finding safely; the plan without the .env's contents. */
export function planMoveToEnv(document: vscode.TextDocument, range: vscode.Range, kind: string, existingEnv = ""): MoveToEnvPlan | undefined {
  if (range.start.line !== range.end.line || range.isEmpty) return undefined;
  const style = engine().envLookupStyle(document.languageId);
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  if (!style || !folder) return undefined;
  const lineText = document.lineAt(range.start.line).text;
  const value = document.getText(range);
  const wanted = engine().deriveEnvName(lineText.slice(0, range.start.character), kind);
  const { name } = engine().uniqueEnvName(wanted, value, engine().parseDotenv(existingEnv));
  const r = engine().envReplacement(style, lineText, range.start.character, range.end.character, name);
  if (!r) return undefined;
  return {
    name,
    style,
    replacement: { range: new vscode.Range(range.start.line, r.start, range.start.line, r.end), text: r.text },
    envUri: vscode.Uri.joinPath(folder.uri, ".env"),
    gitignoreUri: vscode.Uri.joinPath(folder.uri, ".gitignore"),
  };
}

export interface TargetDocument {
  document: vscode.TextDocument;
  range: vscode.Range;
}

/** The document and range a command argument names, else the active editor's selection. */
export async function resolveTarget(arg: unknown): Promise<TargetDocument | undefined> {
  const target = (arg ?? {}) as TargetArgument;
  const uri = toUri(target.uri) ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri) return undefined;
  const document = await vscode.workspace.openTextDocument(uri);
  const explicit = toRange(target.range);
  const range = explicit ?? vscode.window.activeTextEditor?.selection;
  if (!range) return undefined;
  return { document, range: document.validateRange(range) };
}


/** A sub-kind of quick fix, so `editor.action.codeAction` can pick this one by kind. */
export const IGNORE_LINE_KIND = vscode.CodeActionKind.QuickFix.append("veil").append("ignoreLine");

/** Quick fixes on Veil's diagnostics. */
export class VeilCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly findingsFor: FindingsSource) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const diagnostics = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (diagnostics.length === 0) return [];
    const findings = this.findingsFor(document);
    const actions: vscode.CodeAction[] = [];
    const ignoredLines = new Set<string>();
    for (const diagnostic of diagnostics) {
      const finding = findingAt(document, findings, diagnostic.range);
      if (!finding) continue;
      const argument = targetArgument(document, diagnostic.range);
      if (finding.category === "secret") {
        const plan = planMoveToEnv(document, diagnostic.range, finding.kind);
        if (plan) {
          const move = new vscode.CodeAction(vscode.l10n.t("Move to .env"), vscode.CodeActionKind.QuickFix);
          move.command = { command: CommandId.moveToEnv, title: move.title, arguments: [{ ...argument, kind: finding.kind }] };
          move.diagnostics = [diagnostic];
          move.isPreferred = true;
          actions.push(move);
        }
      }
      const allow = new vscode.CodeAction(vscode.l10n.t("Allow this value in this workspace"), vscode.CodeActionKind.QuickFix);
      allow.command = { command: CommandId.allowValue, title: allow.title, arguments: [argument] };
      allow.diagnostics = [diagnostic];
      // In a brief or notes, a marker would be shared along with the text: the allowlist first.
      const prose = isProse(document.languageId);
      if (prose) {
        allow.isPreferred = true;
        actions.push(allow);
      }
      const lineKey = `${diagnostic.range.start.line}:${directiveIdFor(finding)}`;
      if (!ignoredLines.has(lineKey) && engine().commentSyntaxFor(document.languageId)) {
        const edit = ignoreLineEdit(document, diagnostic.range, directiveIdFor(finding));
        if (edit) {
          ignoredLines.add(lineKey);
          const ignore = new vscode.CodeAction(vscode.l10n.t("Ignore on this line"), IGNORE_LINE_KIND);
          ignore.edit = edit;
          ignore.diagnostics = [diagnostic];
          actions.push(ignore);
        }
      }
      if (!prose) actions.push(allow);
      const copy = new vscode.CodeAction(vscode.l10n.t("Copy anonymized"), vscode.CodeActionKind.QuickFix);
      copy.command = { command: CommandId.copyAnonymized, title: copy.title, arguments: [argument] };
      copy.diagnostics = [diagnostic];
      actions.push(copy);
    }
    return actions;
  }
}
