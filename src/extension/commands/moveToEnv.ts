import * as vscode from "vscode";
import { IgnoreFile } from "../../workspace/ignoreFile";
import { eolOf, findingAt, planMoveToEnv, resolveTarget, type FindingsSource, type Log } from "../codeActions";
import { engine } from "../engine";
import { shownPreview } from "../screenShareState";

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
