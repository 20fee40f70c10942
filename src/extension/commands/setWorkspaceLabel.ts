import * as vscode from "vscode";
import { engine } from "../engine";
import type { ConfigStore } from "../config";
import { labelPickItems } from "../label";
import type { WorkspaceLabel } from "../services";

/**
 * `veil.setWorkspaceLabel`: with a label argument ("public", "sandbox", "pro", "none") it
 * writes it directly (automation, tests); without, it asks with a QuickPick. The label goes
 * to the workspace's settings, so the team shares it.
 */
export async function setWorkspaceLabel(config: ConfigStore, arg?: unknown): Promise<WorkspaceLabel | "none" | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showWarningMessage(vscode.l10n.t("Open a folder or workspace first: the label is stored in the workspace's settings."));
    return undefined;
  }
  let chosen: WorkspaceLabel | "none" | undefined;
  if (engine().isWorkspaceLabel(arg) || arg === "none") chosen = arg;
  else {
    const picked = await vscode.window.showQuickPick(labelPickItems(config.get().label), {
      title: vscode.l10n.t("Veil: label this workspace"),
      placeHolder: vscode.l10n.t("How strict should Veil be in this workspace?"),
      matchOnDetail: true,
    });
    chosen = picked?.value;
  }
  if (chosen === undefined) return undefined;
  await vscode.workspace.getConfiguration("veil").update("workspaceLabel", chosen === "none" ? undefined : chosen, vscode.ConfigurationTarget.Workspace);
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showInformationMessage(vscode.l10n.t("The label is saved in the workspace's settings; Veil applies it once you trust this workspace."));
  }
  return chosen;
}

