import type { ExtensionServices } from "../services";
import type { VaultStore } from "../vaultStore";

/** What every command module is given: the extension's services and the workspace vault. */
export interface CommandContext {
  readonly services: ExtensionServices;
  readonly vault: VaultStore;
}

/** The fixed command ids (declared in package.json `contributes` by the core module). */
export const CommandId = {
  copyAnonymized: "veil.copyAnonymized",
  pasteWithRealValues: "veil.pasteWithRealValues",
  restoreSelection: "veil.restoreSelection",
  copyErrorSnippet: "veil.copyErrorSnippet",
  previewShared: "veil.previewShared",
  forgetPlaceholders: "veil.forgetPlaceholders",
  guardedCopy: "veil.guardedCopy",
  shareCleanCopy: "veil.shareCleanCopy",
  showFileMetadata: "veil.showFileMetadata",
} as const;

/** Writes a line to the Output channel: counts, kinds and masked previews only, never a value. */
export function log(context: CommandContext, line: string): void {
  context.services.output.appendLine(`[${new Date().toISOString()}] ${line}`);
}
