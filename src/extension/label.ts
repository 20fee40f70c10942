import * as vscode from "vscode";
import type { LabelPolicy, PolicySeverity } from "../engine";
import { engine } from "./engine";
import type { ConfigStore } from "./config";
import type { VeilConfig, WorkspaceLabel } from "./services";


export function labelName(label: WorkspaceLabel | undefined): string {
  switch (label) {
    case "public":
      return vscode.l10n.t("Public");
    case "sandbox":
      return vscode.l10n.t("Sandbox");
    case "pro":
      return vscode.l10n.t("Pro");
    default:
      return vscode.l10n.t("No label");
  }
}

export function labelDescription(label: WorkspaceLabel | undefined): string {
  switch (label) {
    case "public":
      return vscode.l10n.t("Open-source or published work: secrets are errors, personal data warnings.");
    case "sandbox":
      return vscode.l10n.t("Experiments and fake data: everything is shown, quietly.");
    case "pro":
      return vscode.l10n.t("Client work under NDA: secrets and personal data are errors, copying asks first; Screen-Share Mode masks values on screen when it is on.");
    default:
      return vscode.l10n.t("Veil does not know how strict to be yet: secrets are warnings.");
  }
}

function severityName(severity: PolicySeverity): string {
  switch (severity) {
    case "error":
      return vscode.l10n.t("error");
    case "warning":
      return vscode.l10n.t("warning");
    case "information":
      return vscode.l10n.t("information");
    case "hint":
      return vscode.l10n.t("hint");
    case "off":
      return vscode.l10n.t("off");
  }
}

/**
 * "secrets: error · personal data: warning · terms: information · copy guard: off ·
 * masking on screen: off": what is in effect now, not what the label could do.
 */
export function describePolicy(policy: LabelPolicy, copyGuard: boolean, maskingOn: boolean): string {
  return [
    vscode.l10n.t("secrets: {0}", severityName(policy.severity.secret)),
    vscode.l10n.t("personal data: {0}", severityName(policy.severity.pii)),
    vscode.l10n.t("terms: {0}", severityName(policy.severity.term)),
    copyGuard ? vscode.l10n.t("copy guard: on") : vscode.l10n.t("copy guard: off"),
    maskingOn ? vscode.l10n.t("masking on screen: on") : vscode.l10n.t("masking on screen: off"),
    policy.dates ? vscode.l10n.t("dates: on") : vscode.l10n.t("dates: off"),
  ].join(" · ");
}

export interface LabelPickItem extends vscode.QuickPickItem {
  value: WorkspaceLabel | "none";
}

/** The picker's items; the current label is marked and listed first. */
export function labelPickItems(current: WorkspaceLabel | undefined): LabelPickItem[] {
  const icon: Record<WorkspaceLabel, string> = { public: "$(globe)", sandbox: "$(beaker)", pro: "$(briefcase)" };
  const items: LabelPickItem[] = engine().WORKSPACE_LABELS.map((label) => ({
    value: label,
    label: `${icon[label]} ${labelName(label)}`,
    description: label === current ? vscode.l10n.t("current") : undefined,
    detail: labelDescription(label),
    picked: label === current,
  }));
  items.push({ value: "none", label: `$(circle-slash) ${labelName(undefined)}`, description: current === undefined ? vscode.l10n.t("current") : undefined, detail: vscode.l10n.t("Remove the label from this workspace.") });
  const index = items.findIndex((i) => i.picked || (current === undefined && i.value === "none"));
  if (index > 0) items.unshift(...items.splice(index, 1));
  return items;
}

/** Keeps the `veil.workspaceLabel` and `veil.copyGuardActive` context keys in step with settings. */
export class ContextKeys implements vscode.Disposable {
  readonly values: Record<string, unknown> = {};
  private readonly listeners: vscode.Disposable[];

  constructor(private readonly config: ConfigStore) {
    this.listeners = [config.onDidChange(() => this.update()), vscode.window.onDidChangeActiveTextEditor(() => this.update())];
    // Reading the policy loads the engine: not during activation.
    const first = setTimeout(() => this.update(), 0);
    this.listeners.push({ dispose: () => clearTimeout(first) });
  }

  private set(key: string, value: unknown): void {
    if (this.values[key] === value) return;
    this.values[key] = value;
    void vscode.commands.executeCommand("setContext", key, value);
  }

  update(): void {
    const config: VeilConfig = this.config.get(vscode.window.activeTextEditor?.document.uri);
    this.set("veil.workspaceLabel", config.label ?? "none");
    this.set("veil.copyGuardActive", config.copyGuard);
  }

  dispose(): void {
    for (const d of this.listeners) d.dispose();
  }
}
