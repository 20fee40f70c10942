import * as vscode from "vscode";
import type { ExtensionServices } from "../services";
import { describeError } from "./scrubError";

/**
 * Registers a command through the one error wrapper: a failure is logged scrubbed (see
 * `describeError`) and the user gets a generic notification, never the raw message.
 */
export function registerCommand(
  context: vscode.ExtensionContext,
  services: Pick<ExtensionServices, "output" | "config">,
  id: string,
  run: (...args: unknown[]) => unknown,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await run(...args);
      } catch (error) {
        services.output.appendLine(`[${new Date().toISOString()}] ${id} failed: ${describeError(error, services.config(undefined).scanOptions)}`);
        void vscode.window.showErrorMessage(vscode.l10n.t("Veil: the command failed. See the Veil output for details."));
        return undefined;
      }
    }),
  );
}
