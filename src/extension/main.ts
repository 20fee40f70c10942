// First import: starts the clock before the rest of the bundle is evaluated.
import { moduleLoadStartedAt } from "./loadClock";
import * as vscode from "vscode";
import type { Finding } from "../engine";
import { engine } from "./engine";
import { VeilCodeActionProvider } from "./codeActions";
import { allowValue } from "./commands/allowValue";
import { ignoreLine } from "./commands/ignoreLine";
import { moveToEnv } from "./commands/moveToEnv";
import { registerCommands } from "./commands";
import { CommandId } from "./commands/ids";
import { registerCommand } from "./commands/register";
import { registerProtectWorkspace } from "./commands/protectWorkspace";
import { ConfigStore } from "./config";
import { DiagnosticsController, type SlicingStats } from "./diagnostics";
import { FindingHoverProvider } from "./hover";
import { ContextKeys, labelPickItems } from "./label";
import { setWorkspaceLabel } from "./commands/setWorkspaceLabel";
import { showOutput } from "./commands/showOutput";
import type { ExtensionServices } from "./services";
import { registerScreenShare } from "./screenShare";
import { StatusBarController } from "./statusBar";
import { teeOutputChannel } from "./outputTee";
import { showWalkthroughOnFirstStart } from "./welcome";

/**
 * What `activate` returns: read-only views for the integration tests (the status bar and
 * context keys cannot be read through VS Code's API). Nothing here exposes a value.
 */
export interface VeilApi {
  /** Time spent in `activate()`. */
  readonly activationMs: number;
  /** Time spent evaluating the bundle's modules, from the first one to main.ts (parsing not included). */
  readonly codeLoadingMs: number;
  statusBar(): { text: string; tooltip: string; backgroundColor: string | undefined };
  contextKeys(): Readonly<Record<string, unknown>>;
  findingsFor(document: vscode.TextDocument): readonly Finding[];
  labelPickItems: typeof labelPickItems;
  /** Sliced scans of large documents: longest slice, counts (`reset` starts the figures again). */
  slicing(reset?: boolean): SlicingStats;
  /** Per-document state the diagnostics keep (drops when documents close). */
  trackedDocuments(): { states: number; scans: number; timers: number };
  /** `process.memoryUsage().heapUsed` of the extension host; undefined in the web worker. */
  heapUsed(): number | undefined;
  /** What was written to the Veil Output channel (the last lines), for the leak tests. */
  outputLines(): readonly string[];
}

// main.ts is evaluated last, after every module it imports.
const bundleEvaluatedAt = Date.now();

export function activate(context: vscode.ExtensionContext): VeilApi {
  const started = Date.now();
  const codeLoadingMs = bundleEvaluatedAt - moduleLoadStartedAt;
  const { output, lines: outputLines } = teeOutputChannel(vscode.window.createOutputChannel("Veil"));
  const config = new ConfigStore();
  const diagnostics = new DiagnosticsController(config, output);
  const log = (line: string) => output.appendLine(`[${new Date().toISOString()}] ${line}`);
  const services: ExtensionServices = {
    context,
    output,
    config: (scope) => config.get(scope),
    findingsFor: (document) => diagnostics.findingsFor(document),
    publishFindings: (uri, findings, lineStarts) => diagnostics.publishFindings(uri, findings, lineStarts),
  };
  context.subscriptions.push(output, config, diagnostics);

  registerCommands(context, services);
  registerCommand(context, services, CommandId.setWorkspaceLabel, (arg?: unknown) => setWorkspaceLabel(config, arg));
  registerCommand(context, services, CommandId.ignoreLine, (arg?: unknown) => ignoreLine(arg, services.findingsFor));
  registerCommand(context, services, CommandId.allowValue, (arg?: unknown) => allowValue(arg, log));
  registerCommand(context, services, CommandId.moveToEnv, (arg?: unknown) => moveToEnv(arg, services.findingsFor, log));
  registerCommand(context, services, CommandId.showOutput, () => showOutput(services));

  // Hovers only where diagnostics are shown, and only for categories the label does not switch off.
  const shownFindings = (document: vscode.TextDocument) => {
    if (!diagnostics.collection.has(document.uri)) return undefined;
    const policy = config.get(document.uri).policy;
    return diagnostics.findingsFor(document).filter((f) => engine().severityUnder(policy, f) !== "off");
  };
  context.subscriptions.push(
    vscode.languages.registerHoverProvider("*", new FindingHoverProvider(shownFindings, (languageId) => engine().commentSyntaxFor(languageId) !== undefined)),
    vscode.languages.registerCodeActionsProvider("*", new VeilCodeActionProvider(services.findingsFor), VeilCodeActionProvider.metadata),
  );

  const contextKeys = new ContextKeys(config);
  const statusBar = new StatusBarController(config, diagnostics);
  context.subscriptions.push(contextKeys, statusBar);
  registerScreenShare(context, services, config, diagnostics, statusBar);
  registerProtectWorkspace(context, services, statusBar);
  // Node only (it writes an executable file); esbuild drops this branch from the web bundle.
  if (process.env.VEIL_WEB !== "1") {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require("./commands/installCli") as typeof import("./commands/installCli")).registerInstallCli(context, services);
  } else {
    registerCommand(context, services, CommandId.installCli, () =>
      vscode.window.showInformationMessage(vscode.l10n.t("VS Code in the browser cannot install commands on this computer: install the veil command-line tool from desktop VS Code or with npm (veil-privacy).")),
    );
  }

  // Only subscribes and schedules: the first scan (and the rules' compilation) runs after activation.
  diagnostics.start();
  showWalkthroughOnFirstStart(context);
  const activationMs = Date.now() - started;
  log(`activated in ${activationMs} ms (evaluating the code before that: ${codeLoadingMs} ms)`);

  return {
    activationMs,
    codeLoadingMs,
    statusBar: () => ({ text: statusBar.text, tooltip: statusBar.tooltip, backgroundColor: statusBar.backgroundColor }),
    contextKeys: () => ({ ...contextKeys.values }),
    findingsFor: services.findingsFor,
    labelPickItems,
    slicing: (reset) => diagnostics.slicingStats(reset),
    trackedDocuments: () => diagnostics.trackedDocuments,
    heapUsed: () => (globalThis as { process?: { memoryUsage?: () => { heapUsed: number } } }).process?.memoryUsage?.().heapUsed,
    outputLines,
  };
}

export function deactivate(): void {}
