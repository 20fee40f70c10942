import * as vscode from "vscode";
import { engine } from "../engine";
import type { ExtensionServices } from "../services";
import { lazyVaultKeyFor, VaultStore } from "../vaultStore";
import { CommandId, type CommandContext } from "./context";
import { copyAnonymized } from "./copyAnonymized";
import { copyErrorSnippet } from "./copyErrorSnippet";
import { forgetPlaceholders } from "./forgetPlaceholders";
import { guardedCopy } from "./guardedCopy";
import { pasteWithRealValues } from "./pasteWithRealValues";
import { PREVIEW_SCHEME, PreviewContentProvider, previewShared } from "./previewShared";
import { restoreSelection } from "./restoreSelection";
import { registerScanWorkspace } from "./scanWorkspace";

export { CommandId } from "./context";

/**
 * Registered only when VS Code runs the extension's tests (`ExtensionMode.Test`): gives the
 * integration tests the extension's SecretStorage and vault key, so they can read the vault
 * back through a fresh `VaultStore`. Never registered for users.
 */
export const TEST_HOOKS_COMMAND = "veil.internal.testHooks";

export interface TestHooks {
  secrets: vscode.SecretStorage;
  vaultKey: string;
}

/** The workspace vault in SecretStorage; an unreadable one is reported once and reset. */
export function createVaultStore(context: vscode.ExtensionContext, services: ExtensionServices): VaultStore {
  return new VaultStore(context.secrets, lazyVaultKeyFor(vscode.workspace), {
    ttlDays: () => services.config().vaultTtlDays,
    onCorrupt: (detail) => {
      services.output.appendLine(`[${new Date().toISOString()}] vault: ${detail}`);
      void vscode.window.showWarningMessage(
        vscode.l10n.t("Veil's placeholder vault for this workspace could not be read and was reset. Text copied anonymized before can no longer be restored."),
      );
    },
  });
}

/**
 * An error for the Output channel. Its message could quote the text being processed, so any
 * value the engine recognizes in it is replaced by a placeholder of a throwaway vault.
 */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const message = error.message.length > 300 ? `${error.message.slice(0, 300)}…` : error.message;
  const { anonymize, Vault } = engine();
  return `${error.name}: ${anonymize(message, new Vault()).text}`;
}

/** Registers every Veil command of this module; all registrations go to `context.subscriptions`. */
export function registerCommands(context: vscode.ExtensionContext, services: ExtensionServices): void {
  const vault = createVaultStore(context, services);
  const preview = new PreviewContentProvider();
  const commands: CommandContext = { services, vault };
  const register = (id: string, run: (...args: unknown[]) => unknown) =>
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await run(...args);
        } catch (error) {
          services.output.appendLine(`[${new Date().toISOString()}] ${id} failed: ${describeError(error)}`);
          void vscode.window.showErrorMessage(vscode.l10n.t("Veil: the command failed. See the Veil output for details."));
          return undefined;
        }
      }),
    );
  context.subscriptions.push(vault, preview, vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, preview));
  register(CommandId.copyAnonymized, (arg) => copyAnonymized(commands, arg));
  register(CommandId.pasteWithRealValues, () => pasteWithRealValues(commands));
  register(CommandId.restoreSelection, () => restoreSelection(commands));
  register(CommandId.copyErrorSnippet, (arg) => copyErrorSnippet(commands, arg));
  register(CommandId.previewShared, (arg) => previewShared(commands, preview, arg));
  register(CommandId.forgetPlaceholders, (arg) => forgetPlaceholders(commands, arg));
  register(CommandId.guardedCopy, (arg) => guardedCopy(commands, arg));
  registerScanWorkspace(context, services);
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    register(TEST_HOOKS_COMMAND, (): TestHooks => ({ secrets: context.secrets, vaultKey: vault.key }));
  }
}
