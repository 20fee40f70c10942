/**
 * Every command id Veil registers, in one table: registration, code-built menus, hovers,
 * `executeCommand` calls and tests read them from here. `test/unit/command-registry.test.ts` checks
 * that package.json contributes exactly the `CommandId` entries.
 */
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
  setWorkspaceLabel: "veil.setWorkspaceLabel",
  ignoreLine: "veil.ignoreLine",
  allowValue: "veil.allowValue",
  moveToEnv: "veil.moveToEnv",
  showOutput: "veil.showOutput",
  scanWorkspace: "veil.scanWorkspace",
  protectWorkspace: "veil.protectWorkspace",
  installCli: "veil.installCli",
  toggleScreenShare: "veil.toggleScreenShare",
} as const;

/** Registered only in `ExtensionMode.Test`, never contributed: views the integration tests read. */
export const TestCommandId = {
  testHooks: "veil.internal.testHooks",
  screenShareState: "veil.internal.screenShareState",
  screenShareRecover: "veil.internal.screenShareRecover",
  scanWorkspace: "veil.internal.scanWorkspace",
  aiGuardState: "veil.internal.aiGuardState",
} as const;

export type CommandIdValue = (typeof CommandId)[keyof typeof CommandId];
