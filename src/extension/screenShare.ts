// Screen-share mode: every finding in the visible editors is drawn as an opaque bar, the
// text itself untouched (copying, saving and the language server see the real file).
import * as vscode from "vscode";
import { CommandId, TestCommandId } from "./commands/ids";
import { registerCommand, registerInternalCommand } from "./commands/register";
import { toggleScreenShare } from "./commands/toggleScreenShare";
import type { ExtensionServices } from "./services";
import type { Finding } from "../engine";
import type { ConfigStore } from "./config";
import type { DiagnosticsController } from "./diagnostics";
import type { StatusBarController } from "./statusBar";
import { setScreenShareActive } from "./screenShareState";
import { WorkbenchOverrides, type RecordedChange } from "./screenShareWorkbench";

export const TOGGLE_SCREEN_SHARE_COMMAND = CommandId.toggleScreenShare;
/** Registered only in test runs: whether masking is on and the ranges drawn masked per visible editor. */
export const SCREEN_SHARE_STATE_COMMAND = TestCommandId.screenShareState;
export const SCREEN_SHARE_CONTEXT_KEY = "veil.screenShareOn";
/** Registered only in test runs: what the next start does after a crash (a fresh object on the same globalState). */
export const SCREEN_SHARE_RECOVER_COMMAND = TestCommandId.screenShareRecover;

export interface MaskedRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface ScreenShareState {
  on: boolean;
  /** Workbench settings changed while on, as recorded for a restore. */
  workbenchChanges: RecordedChange[];
  editors: { uri: string; ranges: MaskedRange[] }[];
}

export class ScreenShareController implements vscode.Disposable {
  /** The text is made invisible with a solid bar in its place (the same width: nothing moves). */
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    color: "transparent",
    opacity: "0",
    backgroundColor: new vscode.ThemeColor("editor.foreground"),
    borderRadius: "3px",
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  /** What the user chose with the command; `undefined` = follow the label (auto mode). */
  private override: boolean | undefined;
  private readonly applied = new Map<vscode.TextEditor, vscode.Range[]>();
  private readonly listeners: vscode.Disposable[];
  private lastOn = false;
  /** The automatic decision when settings last changed; undefined before the first change. */
  private lastAuto: boolean | undefined;

  /** Workbench settings changes, one after another (a quick on-off-on must not interleave). */
  private workbench: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly config: ConfigStore,
    private readonly diagnostics: DiagnosticsController,
    private readonly statusBar: StatusBarController,
    private readonly overrides: WorkbenchOverrides,
  ) {
    this.listeners = [
      vscode.window.onDidChangeVisibleTextEditors(() => this.refresh()),
      diagnostics.onDidUpdate((uri) => {
        if (this.isOn() && vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === uri.toString())) this.refresh();
      }),
      config.onDidChange(() => {
        // A manual toggle holds until the automatic decision itself changes (label or setting).
        const auto = this.autoOn();
        if (auto !== this.lastAuto) this.override = undefined;
        this.lastAuto = auto;
        this.refresh();
      }),
    ];
    // Reading the config loads the engine: decide just after activation.
    const first = setTimeout(() => {
      this.lastAuto = this.autoOn();
      this.refresh();
      // Left over from a window that crashed or reloaded with screen-share mode on.
      if (!this.isOn() && this.overrides.recorded().length > 0) this.queueWorkbench(false);
    }, 0);
    this.listeners.push({ dispose: () => clearTimeout(first) });
  }

  /**
   * On when toggled on, or (until toggled, and again once the label or the setting changes)
   * when the label's policy masks and `veil.screenShare.autoForPro` is set.
   */
  isOn(): boolean {
    return this.override ?? this.autoOn();
  }

  private autoOn(): boolean {
    const config = this.config.get(vscode.window.activeTextEditor?.document.uri);
    return config.screenShareAutoForPro && config.policy.masking;
  }

  toggle(): boolean {
    this.override = !this.isOn();
    this.refresh();
    void vscode.window.setStatusBarMessage(
      this.override ? vscode.l10n.t("Veil: screen-share mode on, sensitive values are masked") : vscode.l10n.t("Veil: screen-share mode off"),
      3000,
    );
    return this.override;
  }

  refresh(): void {
    const on = this.isOn();
    if (on !== this.lastOn) {
      this.lastOn = on;
      void vscode.commands.executeCommand("setContext", SCREEN_SHARE_CONTEXT_KEY, on);
      setScreenShareActive(on);
      this.diagnostics.remask();
      this.queueWorkbench(on);
    }
    this.statusBar.screenShare = on;
    this.statusBar.update();
    this.applied.clear();
    for (const editor of vscode.window.visibleTextEditors) {
      if (!on) {
        editor.setDecorations(this.decoration, []);
        continue;
      }
      const findings = this.diagnostics.findingsFor(editor.document);
      const options = findings.map((finding) => this.optionsFor(editor.document, finding));
      editor.setDecorations(this.decoration, options);
      this.applied.set(editor, options.map((o) => o.range));
    }
  }

  /** Switches the workbench's own displays off (or back); settled before the next change starts. */
  private queueWorkbench(on: boolean): void {
    this.workbench = this.workbench
      .then((): Promise<unknown> => (on ? this.overrides.apply() : this.overrides.restore()))
      .catch(() => undefined);
  }

  /** Resolves once the workbench settings match the mode (tests). */
  settled(): Promise<unknown> {
    return this.workbench;
  }

  private optionsFor(document: vscode.TextDocument, finding: Finding): vscode.DecorationOptions {
    const range = new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end));
    const hover = new vscode.MarkdownString();
    // Nothing of the value, not even the preview: the screen is being shared.
    hover.appendMarkdown(`**${vscode.l10n.t("Masked by Veil (screen-share mode)")}**`);
    return { range, hoverMessage: hover };
  }

  async state(): Promise<ScreenShareState> {
    await this.settled();
    const on = this.isOn();
    return {
      on,
      workbenchChanges: this.overrides.recorded(),
      editors: vscode.window.visibleTextEditors.map((editor) => ({
        uri: editor.document.uri.toString(),
        ranges: (this.applied.get(editor) ?? []).map((r) => ({
          start: { line: r.start.line, character: r.start.character },
          end: { line: r.end.line, character: r.end.character },
        })),
      })),
    };
  }

  dispose(): void {
    for (const d of this.listeners) d.dispose();
    this.decoration.dispose();
  }
}

/** Creates the controller and its commands; everything goes to `context.subscriptions`. */
export function registerScreenShare(
  context: vscode.ExtensionContext,
  services: Pick<ExtensionServices, "output" | "config">,
  config: ConfigStore,
  diagnostics: DiagnosticsController,
  statusBar: StatusBarController,
): ScreenShareController {
  const controller = new ScreenShareController(config, diagnostics, statusBar, new WorkbenchOverrides(context.globalState));
  context.subscriptions.push(controller);
  registerCommand(context, services, TOGGLE_SCREEN_SHARE_COMMAND, () => toggleScreenShare(controller));
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    registerInternalCommand(context, services, SCREEN_SHARE_STATE_COMMAND, () => controller.state());
    registerInternalCommand(context, services, SCREEN_SHARE_RECOVER_COMMAND, async () => {
      await controller.settled();
      return new WorkbenchOverrides(context.globalState).restore();
    });
  }
  return controller;
}
