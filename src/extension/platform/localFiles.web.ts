// The web build's stand-in for localFiles.ts: a web worker has no disk, every read goes
// through vscode.workspace.fs.
import type * as vscode from "vscode";
import type { LocalRead } from "./localFiles";

export async function readLocalFile(_uri: vscode.Uri, _maxBytes: number): Promise<LocalRead | undefined> {
  return undefined;
}
