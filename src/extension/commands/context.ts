import type { ExtensionServices } from "../services";
import type { VaultStore } from "../vaultStore";

/** What every command module is given: the extension's services and the workspace vault. */
export interface CommandContext {
  readonly services: ExtensionServices;
  readonly vault: VaultStore;
}

export { CommandId } from "./ids";

/** Writes a line to the Output channel: counts, kinds and masked previews only, never a value. */
export function log(context: CommandContext, line: string): void {
  context.services.output.appendLine(`[${new Date().toISOString()}] ${line}`);
}
