import * as vscode from "vscode";
import type { ConfigStore } from "./config";
import type { DiagnosticsController } from "./diagnostics";
import { CommandId } from "./commands/ids";
import { describePolicy, labelDescription, labelName } from "./label";

/**
 * `$(shield) Pro · 3`: the workspace label and the number of Veil diagnostics in the active
 * file. Warning background for `pro`, and for an unlabeled workspace with findings.
 */
export class StatusBarController implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("veil.status", vscode.StatusBarAlignment.Right, 100);
  private readonly listeners: vscode.Disposable[];
  /** Screen-share mode is on: `$(eye-closed)` after the label (set by ScreenShareController). */
  screenShare = false;
  /** Which AI assistants are guarded and how many files are excluded (set by AiGuardController). */
  aiGuard: string | undefined;

  constructor(
    private readonly config: ConfigStore,
    private readonly diagnostics: DiagnosticsController,
  ) {
    this.item.name = "Veil";
    this.item.command = CommandId.setWorkspaceLabel;
    this.listeners = [
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      diagnostics.onDidUpdate((uri) => {
        if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.update();
      }),
      config.onDidChange(() => this.update()),
    ];
    // Reading the policy loads the engine: show the item now, fill it in just after activation.
    this.item.text = "$(shield) Veil";
    this.item.show();
    const first = setTimeout(() => this.update(), 0);
    this.listeners.push({ dispose: () => clearTimeout(first) });
  }

  get text(): string {
    return this.item.text;
  }

  get tooltip(): string {
    const tooltip = this.item.tooltip;
    return typeof tooltip === "string" ? tooltip : (tooltip?.value ?? "");
  }

  get backgroundColor(): string | undefined {
    return this.item.backgroundColor?.id;
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const config = this.config.get(document?.uri);
    const count = document ? this.diagnostics.collection.get(document.uri)?.length ?? 0 : 0;
    const name = config.label ? labelName(config.label) : "Veil";
    this.item.text = count > 0 ? `$(shield) ${name} · ${count}` : `$(shield) ${name}`;
    if (this.screenShare) this.item.text += " $(eye-closed)";
    const warn = config.label === "pro" || (config.label === undefined && count > 0);
    this.item.backgroundColor = warn ? new vscode.ThemeColor("statusBarItem.warningBackground") : undefined;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**${vscode.l10n.t("Veil — workspace label: {0}", labelName(config.label))}**\n\n`);
    tooltip.appendMarkdown(`${labelDescription(config.label)}\n\n`);
    tooltip.appendMarkdown(`${describePolicy(config.policy, config.copyGuard, this.screenShare)}\n\n`);
    if (!this.screenShare && config.policy.masking) {
      tooltip.appendMarkdown(`${vscode.l10n.t("Values are visible on screen: run \"Veil: Toggle Screen-Share Mode\" to mask them, or set veil.screenShare.autoForPro.")}\n\n`);
    }
    if (document) {
      tooltip.appendMarkdown(
        `${count === 1 ? vscode.l10n.t("1 finding in this file.") : vscode.l10n.t("{0} findings in this file.", count)}\n\n`,
      );
    }
    if (this.screenShare) tooltip.appendMarkdown(`$(eye-closed) ${vscode.l10n.t("Screen-share mode: sensitive values are masked on screen.")}\n\n`);
    if (config.ignoredRegexTerms > 0) {
      const ignored =
        config.ignoredRegexTerms === 1
          ? vscode.l10n.t("Restricted Mode: 1 regex term from this workspace's settings is ignored until you trust the workspace (literal terms apply).")
          : vscode.l10n.t("Restricted Mode: {0} regex terms from this workspace's settings are ignored until you trust the workspace (literal terms apply).", config.ignoredRegexTerms);
      tooltip.appendMarkdown(`$(workspace-untrusted) ${ignored}\n\n`);
    }
    if (this.aiGuard) tooltip.appendMarkdown(`$(lock) ${this.aiGuard}\n\n`);
    tooltip.appendMarkdown(vscode.l10n.t("Click to change the label."));
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: vscode.l10n.t("Veil: {0}, {1} findings", labelName(config.label), count) };
  }

  dispose(): void {
    for (const d of this.listeners) d.dispose();
    this.item.dispose();
  }
}
