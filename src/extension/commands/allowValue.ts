import * as vscode from "vscode";
import { resolveTarget, type Log } from "../codeActions";
import { engine } from "../engine";
import { shownPreview } from "../screenShareState";

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
