import * as vscode from "vscode";
import type { ExtensionServices } from "../services";
import { describeError } from "./scrubError";

type Services = Pick<ExtensionServices, "output" | "config">;

/**
 * The one error wrapper: a failure is logged scrubbed (see `describeError`); then the user
 * gets a generic notification (`notify`), or a test command rethrows the scrubbed message.
 */
function register(context: vscode.ExtensionContext, services: Services, id: string, run: (...args: unknown[]) => unknown, onFailure: "notify" | "rethrow"): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await run(...args);
      } catch (error) {
        const described = describeError(error, services.config(undefined).scanOptions);
        services.output.appendLine(`[${new Date().toISOString()}] ${id} failed: ${described}`);
        if (onFailure === "rethrow") throw new Error(described);
        void vscode.window.showErrorMessage(vscode.l10n.t("Veil: the command failed. See the Veil output for details."));
        return undefined;
      }
    }),
  );
}

/** A contributed command: a failure is logged scrubbed and the user gets a generic notification, never the raw message. */
export function registerCommand(context: vscode.ExtensionContext, services: Services, id: string, run: (...args: unknown[]) => unknown): void {
  register(context, services, id, run, "notify");
}

/** A `veil.internal.*` command (test mode only, never contributed): logged scrubbed like any other, rethrown scrubbed so the test sees it fail. */
export function registerInternalCommand(context: vscode.ExtensionContext, services: Services, id: string, run: (...args: unknown[]) => unknown): void {
  register(context, services, id, run, "rethrow");
}
