import * as vscode from "vscode";
import type { ScanOptions } from "../../engine";
import { engine } from "../engine";
import type { ExtensionServices } from "../services";
import { lazyVaultKeyFor, VaultStore } from "../vaultStore";
import { CommandId, type CommandContext } from "./context";
import { copyAnonymized } from "./copyAnonymized";
import { copyErrorSnippet } from "./copyErrorSnippet";
import { shareCleanCopy, showFileMetadata } from "./fileMetadata";
import { forgetPlaceholders } from "./forgetPlaceholders";
import { guardedCopy } from "./guardedCopy";
import { pasteWithRealValues } from "./pasteWithRealValues";
import { PREVIEW_SCHEME, PreviewContentProvider, previewShared } from "./previewShared";
import { registerRestoringPaste } from "./pasteProvider";
import { currentReviewPrompt } from "./restoreReview";
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

/** URIs, absolute paths and quoted strings in an error message: they may name a client or a person. */
const PATH_LIKE = /\b[a-z][\w+.-]*:\/\/[^\s'"]*|'[^'\n]*'|"[^"\n]*"|(?<![\w.])\/[^\s'"]+/gi;

/**
 * An error for the Output channel. Its message could quote the text being processed or a
 * path (a folder named after a client, an e-mail as a file name): values the engine
 * recognizes, the workspace's terms included, are replaced by placeholders of a throwaway
 * vault, then URIs, paths and quoted strings are dropped.
 */
function describeError(error: unknown, scan?: ScanOptions): string {
  if (!(error instanceof Error)) return typeof error;
  const { anonymize, Vault } = engine();
  const message = anonymize(error.message.slice(0, 2000), new Vault(), { scan }).text.replace(PATH_LIKE, "‹path›");
  return `${error.name}: ${message.length > 300 ? `${message.slice(0, 300)}…` : message}`;
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
          services.output.appendLine(`[${new Date().toISOString()}] ${id} failed: ${describeError(error, services.config(undefined).scanOptions)}`);
          void vscode.window.showErrorMessage(vscode.l10n.t("Veil: the command failed. See the Veil output for details."));
          return undefined;
        }
      }),
    );
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
    register(TEST_HOOKS_COMMAND, (): TestHooks => ({ secrets: context.secrets, vaultKey: vault.key, reviewPrompt: currentReviewPrompt }));
  }
}
