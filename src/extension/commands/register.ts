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

/**
 * A `veil.internal.*` command (test mode only, never contributed): a failure is logged
 * scrubbed like any other and rethrown with the scrubbed message, so the test sees it fail.
 */
export function registerInternalCommand(
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
        const described = describeError(error, services.config(undefined).scanOptions);
        services.output.appendLine(`[${new Date().toISOString()}] ${id} failed: ${described}`);
        throw new Error(described);
      }
    }),
  );
}
