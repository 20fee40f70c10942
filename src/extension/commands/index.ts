import * as vscode from "vscode";
import type { ExtensionServices } from "../services";
import { lazyVaultKeyFor, VaultStore } from "../vaultStore";
import type { CommandContext } from "./context";
import { CommandId, TestCommandId } from "./ids";
import { registerCommand, registerInternalCommand } from "./register";
import { copyAnonymized } from "./copyAnonymized";
import { copyErrorSnippet } from "./copyErrorSnippet";
import { shareCleanCopy } from "./shareCleanCopy";
import { showFileMetadata } from "./showFileMetadata";
import { forgetPlaceholders } from "./forgetPlaceholders";
import { guardedCopy } from "./guardedCopy";
import { pasteWithRealValues } from "./pasteWithRealValues";
import { PREVIEW_SCHEME, PreviewContentProvider, previewShared } from "./previewShared";
import { registerRestoringPaste } from "./pasteProvider";
import { currentReviewPrompt } from "./restoreReview";
import { restoreSelection } from "./restoreSelection";
import { registerScanWorkspace } from "./scanWorkspace";

export { CommandId, TestCommandId } from "./ids";

/**
 * Registered only when VS Code runs the extension's tests (`ExtensionMode.Test`): gives the
 * integration tests the extension's SecretStorage and vault key, so they can read the vault
 * back through a fresh `VaultStore`. Never registered for users.
 */
export const TEST_HOOKS_COMMAND = TestCommandId.testHooks;

export interface TestHooks {
  secrets: vscode.SecretStorage;
  vaultKey: string;
  /** The restore review's open question, if any. */
  reviewPrompt: () => string | undefined;
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

/** Registers every Veil command of this module; all registrations go to `context.subscriptions`. */
export function registerCommands(context: vscode.ExtensionContext, services: ExtensionServices): void {
  const vault = createVaultStore(context, services);
  const preview = new PreviewContentProvider();
  const commands: CommandContext = { services, vault };
  const register = (id: string, run: (...args: unknown[]) => unknown) => registerCommand(context, services, id, run);
  context.subscriptions.push(vault, preview, vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, preview));
  register(CommandId.copyAnonymized, (arg) => copyAnonymized(commands, arg));
  register(CommandId.pasteWithRealValues, (arg) => pasteWithRealValues(commands, preview, arg));
  register(CommandId.restoreSelection, (arg) => restoreSelection(commands, preview, arg));
  register(CommandId.copyErrorSnippet, (arg) => copyErrorSnippet(commands, arg));
  register(CommandId.previewShared, (arg) => previewShared(commands, preview, arg));
  register(CommandId.forgetPlaceholders, (arg) => forgetPlaceholders(commands, arg));
  register(CommandId.guardedCopy, (arg) => guardedCopy(commands, arg));
  context.subscriptions.push(registerRestoringPaste(commands));
  register(CommandId.shareCleanCopy, (arg, options) => shareCleanCopy(commands, arg, options as { folder?: vscode.Uri } | undefined));
  register(CommandId.showFileMetadata, (arg) => showFileMetadata(commands, preview, arg));
  registerScanWorkspace(context, services);
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    registerInternalCommand(context, services, TEST_HOOKS_COMMAND, (): TestHooks => ({ secrets: context.secrets, vaultKey: vault.key, reviewPrompt: currentReviewPrompt }));
  }
}
