import * as vscode from "vscode";
import type { EnvLookupStyle, Finding } from "../engine";
import { IgnoreFile } from "../workspace/ignoreFile";
import { engine } from "./engine";
import { CommandId } from "./commands/ids";
import { toRange, toUri, type TargetArgument } from "./commands/textSource";
import { DIAGNOSTIC_SOURCE } from "./diagnostics";
import { targetArgument } from "./hover";
import { shownPreview } from "./screenShareState";


type FindingsSource = (document: vscode.TextDocument) => readonly Finding[];
type Log = (line: string) => void;

function findingAt(document: vscode.TextDocument, findings: readonly Finding[], range: vscode.Range): Finding | undefined {
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  return findings.find((f) => f.start === start && f.end === end);
}

function eolOf(document: vscode.TextDocument): string {
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

const decoder = new TextDecoder();
const encoder = new TextEncoder();

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === "FileNotFound") return undefined;
    throw error;
  }
}

/** Appends to a file: through the editor when it is open (keeping unsaved changes), else on disk. */
async function appendToFile(uri: vscode.Uri, existing: string | undefined, addition: string): Promise<void> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) {
    const wasDirty = open.isDirty;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, open.lineAt(open.lineCount - 1).range.end, addition);
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error("could not edit this file");
    if (!wasDirty) await open.save();
    return;
  }
  await vscode.workspace.fs.writeFile(uri, encoder.encode((existing ?? "") + addition));
}

interface TargetDocument {
  document: vscode.TextDocument;
  range: vscode.Range;
}

async function resolveTarget(arg: unknown): Promise<TargetDocument | undefined> {
  const target = (arg ?? {}) as TargetArgument;
  const uri = toUri(target.uri) ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri) return undefined;
  const document = await vscode.workspace.openTextDocument(uri);
  const explicit = toRange(target.range);
  const range = explicit ?? vscode.window.activeTextEditor?.selection;
  if (!range) return undefined;
  return { document, range: document.validateRange(range) };
}

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

/**
 * `veil.allowValue`: stores the SHA-256 of the value (never the value) in `veil.allowedHashes`
 * of the workspace (of the folder in a multi-root workspace). In an untrusted workspace
 * the workspace's allowlists are not read, so the hash goes to the user's settings.
 */
export async function allowValue(arg: unknown, log: Log): Promise<string | undefined> {
  const target = await resolveTarget(arg);
  if (!target || target.range.isEmpty) return undefined;
  const value = target.document.getText(target.range);
  const hash = engine().sha256Hex(value);
  const folder = vscode.workspace.getWorkspaceFolder(target.document.uri);
  const hasWorkspace = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  let configTarget: vscode.ConfigurationTarget;
  if (!vscode.workspace.isTrusted || !hasWorkspace) configTarget = vscode.ConfigurationTarget.Global;
  else if (folder && vscode.workspace.workspaceFile) configTarget = vscode.ConfigurationTarget.WorkspaceFolder;
  else configTarget = vscode.ConfigurationTarget.Workspace;
  const section = vscode.workspace.getConfiguration("veil", folder?.uri ?? null);
  const inspected = section.inspect<string[]>("allowedHashes");
  const current =
    configTarget === vscode.ConfigurationTarget.Global
      ? inspected?.globalValue
      : configTarget === vscode.ConfigurationTarget.WorkspaceFolder
        ? inspected?.workspaceFolderValue
        : inspected?.workspaceValue;
  const list = Array.isArray(current) ? current : [];
  if (!list.includes(hash)) await section.update("allowedHashes", [...list, hash], configTarget);
  log(`allowed a value by its SHA-256 (${shownPreview(engine().maskValue(value, "secret", ""))}) in ${configTarget === vscode.ConfigurationTarget.Global ? "user" : "workspace"} settings`);
  if (configTarget === vscode.ConfigurationTarget.Global && hasWorkspace) {
    void vscode.window.showInformationMessage(vscode.l10n.t("This workspace is not trusted: the value is allowed in your user settings, for every workspace."));
  }
  return hash;
}

/**
 * `veil.moveToEnv`: appends `NAME=value` to the folder's `.env` (creating it and ignoring it
 * in `.gitignore`), then replaces the literal in the source with the language's lookup.
 * The .env is written first, so the value is never lost if the source edit fails.
 */
export async function moveToEnv(arg: unknown, findingsFor: FindingsSource, log: Log): Promise<{ name: string } | undefined> {
  const target = await resolveTarget(arg);
  if (!target) return undefined;
  const { document, range } = target;
  const finding = findingAt(document, findingsFor(document), range);
  const kind = (arg as { kind?: unknown } | undefined)?.kind;
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  const envUri = folder && vscode.Uri.joinPath(folder.uri, ".env");
  const existingEnv = envUri ? await readText(envUri) : undefined;
  const plan = planMoveToEnv(document, range, finding?.kind ?? (typeof kind === "string" ? kind : "secret"), existingEnv ?? "");
  if (!plan) {
    void vscode.window.showInformationMessage(vscode.l10n.t("Veil cannot move this value to .env safely here: it is not a whole string literal in a supported language inside a workspace folder."));
    return undefined;
  }
  const value = document.getText(range);
  const { alreadyThere } = engine().uniqueEnvName(plan.name, value, engine().parseDotenv(existingEnv ?? ""));
  if (!alreadyThere) await appendToFile(plan.envUri, existingEnv, engine().appendLine(existingEnv ?? "", engine().dotenvLine(plan.name, value)));
  const gitignore = await readText(plan.gitignoreUri);
  if (gitignore === undefined || !new IgnoreFile(gitignore).ignores(".env", false)) await appendToFile(plan.gitignoreUri, gitignore, engine().appendLine(gitignore ?? "", ".env"));
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, plan.replacement.range, plan.replacement.text);
  if (plan.style === "python") {
    const at = engine().pythonImportOsLine(document.getText());
    if (at !== undefined) edit.insert(document.uri, new vscode.Position(at, 0), `import os${eolOf(document)}`);
  }
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error("the source edit was rejected");
  log(`moved a ${finding?.kind ?? "value"} (${shownPreview(engine().maskValue(value, "secret", finding?.kind ?? ""))}) to .env as ${plan.name}`);
  return { name: plan.name };
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
