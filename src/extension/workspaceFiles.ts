// Small readers of a workspace folder's files, shared by Scan Workspace and Protect Workspace.
import * as vscode from "vscode";

/** The file's text (UTF-8), or undefined when it cannot be read. */
export async function readWorkspaceText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** Path of a URI relative to the folder, `/`-separated. */
export function pathInFolder(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  const base = folder.uri.path.replace(/\/+$/, "");
  return uri.path.startsWith(`${base}/`) ? uri.path.slice(base.length + 1) : vscode.workspace.asRelativePath(uri, false);
}
