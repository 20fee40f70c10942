import type * as vscode from "vscode";
import type { Finding, LabelPolicy, ScanOptions } from "../engine";
import type { PathGlobs } from "../workspace/globs";
import type { AssistantId } from "../workspace/guard";

/** The three workspace labels; `undefined` = the workspace has none yet. */
export type WorkspaceLabel = "public" | "sandbox" | "pro";

/** Settings read once into one typed object, re-read on `onDidChangeConfiguration`. */
export interface VeilConfig {
  label: WorkspaceLabel | undefined;
  /** Terms, allowlists, disabled rules and categories as the engine wants them. */
  scanOptions: ScanOptions;
  /** `veil.exclude`, matched as `veil scan` matches its `exclude`. */
  exclude: PathGlobs;
  debounceMs: number;
  maxFileSizeBytes: number;
  snippetContextLines: number;
  vaultTtlDays: number;
  /** `veil.workspaceScan.respectGitignore`: Scan Workspace skips what the folder's .gitignore files ignore. */
  respectGitignore: boolean;
  /** In `pro` (or per `veil.policies`), copying a selection with findings offers "Copy anonymized instead". */
  copyGuard: boolean;
  /** What the label implies (severities, copy guard, masking), `veil.policies` merged in. */
  policy: LabelPolicy;
  /** `veil.screenShare.autoForPro` (used by the screen-share issue). */
  screenShareAutoForPro: boolean;
  /** `veil.guard.assistants`, checked by the settings' schema (an unknown id is a problem, the others stay). */
  guardAssistants: readonly AssistantId[];
  /** Regex terms of the workspace's settings left out because the workspace is not trusted. */
  ignoredRegexTerms: number;
  /** Settings that were ignored because they are malformed, for a one-time notice. */
  problems: readonly string[];
}

/** What the command modules need from the rest of the extension. */
export interface ExtensionServices {
  readonly context: vscode.ExtensionContext;
  readonly output: vscode.OutputChannel;
  /** Current settings for a resource (or the workspace). */
  config(scope?: vscode.Uri): VeilConfig;
  /** Latest findings for an open document (scans it now if it was never scanned). */
  findingsFor(document: vscode.TextDocument): readonly Finding[];
  /** Shows a closed file's findings in the Problems panel (workspace scan); returns how many are shown. */
  publishFindings?(uri: vscode.Uri, findings: readonly Finding[], lineStarts: readonly number[]): number;
}
