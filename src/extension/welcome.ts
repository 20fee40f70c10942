// The first screen: on Veil's first start in this VS Code profile, its walkthrough opens
// (beside the file being shown), instead of leaving the editor's own welcome in front.
import * as vscode from "vscode";

export const WALKTHROUGH_ID = "veil.veil#getStarted";
const SHOWN_KEY = "veil.walkthroughShown";

export function showWalkthroughOnFirstStart(context: vscode.ExtensionContext): void {
  // Tests drive their own editors; a walkthrough opening in the middle would steal the focus.
  if (context.extensionMode === vscode.ExtensionMode.Test) return;
  if (context.globalState.get<boolean>(SHOWN_KEY)) return;
  void context.globalState.update(SHOWN_KEY, true);
  const toSide = vscode.window.activeTextEditor !== undefined;
  void vscode.commands.executeCommand("workbench.action.openWalkthrough", { category: WALKTHROUGH_ID }, toSide).then(undefined, () => undefined);
}
