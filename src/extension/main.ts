import * as vscode from "vscode";

export function activate(_context: vscode.ExtensionContext): void {
  // Editor features arrive with the extension issue.
}

export function deactivate(): void {}
