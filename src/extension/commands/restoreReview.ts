import * as vscode from "vscode";
import type { AnswerRestoreResult, Placement, PlacementRisk } from "../../engine";
import type { PreviewContentProvider } from "./previewShared";

/**
 * The review before values are put into an assistant's answer: a preview of the answer with
 * the places a value would leave through highlighted and the withheld secrets marked, then
 * questions that wait for an answer (they never expire, the safe choice is the first).
 * `{ review }` answers them in advance (automation, tests).
 */
export interface ReviewPreset {
  /** Values in risky places: restore them, leave them as placeholders, or paste nothing. */
  risky?: "restore" | "leave" | "cancel";
  /** Secrets to restore: none (default), all, or these placeholders. */
  secrets?: "none" | "all" | string[];
}

export interface ReviewDecision {
  secrets: ReadonlySet<string>;
  leaveRisky: boolean;
}

/** The question being asked, for the integration tests (read through the test hooks). */
let pendingPrompt: string | undefined;
export function currentReviewPrompt(): string | undefined {
  return pendingPrompt;
}

let decorations: { risk: vscode.TextEditorDecorationType; secret: vscode.TextEditorDecorationType } | undefined;

/** Created on first review, not at activation. */
function decorationTypes(): { risk: vscode.TextEditorDecorationType; secret: vscode.TextEditorDecorationType } {
  return (decorations ??= { risk: riskDecorationType(), secret: secretDecorationType() });
}

const riskDecorationType = () => vscode.window.createTextEditorDecorationType({
  backgroundColor: new vscode.ThemeColor("inputValidation.errorBackground"),
  border: "1px solid",
  borderColor: new vscode.ThemeColor("inputValidation.errorBorder"),
  overviewRulerColor: new vscode.ThemeColor("editorError.foreground"),
  overviewRulerLane: vscode.OverviewRulerLane.Right,
});
const secretDecorationType = () => vscode.window.createTextEditorDecorationType({
  backgroundColor: new vscode.ThemeColor("inputValidation.warningBackground"),
  border: "1px dashed",
  borderColor: new vscode.ThemeColor("inputValidation.warningBorder"),
  overviewRulerColor: new vscode.ThemeColor("editorWarning.foreground"),
  overviewRulerLane: vscode.OverviewRulerLane.Right,
});

function riskWords(risk: PlacementRisk): string {
  if (risk === "url") return vscode.l10n.t("inside a URL");
  if (risk === "command") return vscode.l10n.t("inside a command or call that sends data");
  return vscode.l10n.t("inside an encoding (base64, URL encoding)");
}

function placeholderKindOf(placeholder: string): string {
  return placeholder.slice(1, placeholder.lastIndexOf("_"));
}

/** "EMAIL × 2: [EMAIL_1] [EMAIL_2]" lines, placeholders only. */
function byKind(placements: readonly Placement[]): string[] {
  const groups = new Map<string, Set<string>>();
  for (const p of placements) {
    const kind = placeholderKindOf(p.placeholder);
    const set = groups.get(kind) ?? new Set<string>();
    set.add(p.placeholder);
    groups.set(kind, set);
  }
  return [...groups].map(([kind, set]) => `  ${kind} × ${set.size}: ${[...set].slice(0, 8).join(" ")}${set.size > 8 ? " …" : ""}`);
}

/** The preview's header: what will be filled, what stays, where values would leave. */
function reviewHeader(result: AnswerRestoreResult): string {
  const lines = [vscode.l10n.t("Veil — review before pasting the real values (nothing was pasted yet)")];
  const filled = result.placements.filter((p) => p.category !== "secret");
  const secrets = result.placements.filter((p) => p.category === "secret");
  if (filled.length > 0) lines.push(vscode.l10n.t("Values to fill, by kind:"), ...byKind(filled));
  if (secrets.length > 0) {
    lines.push(vscode.l10n.t("Secrets, left as placeholders unless you confirm each one (load credentials from the environment instead):"), ...byKind(secrets));
  }
  if (result.unknown.length > 0) lines.push(vscode.l10n.t("Not in this workspace's vault, left as they are: {0}", result.unknown.slice(0, 10).join(" ") + (result.unknown.length > 10 ? " …" : "")));
  const risky = result.placements.filter((p) => p.risk);
  if (risky.length > 0) {
    lines.push(vscode.l10n.t("Places where a value would leave through the answer (highlighted below):"));
    for (const p of risky.slice(0, 20)) lines.push(`  ${vscode.l10n.t("line {0}, column {1}", p.line, p.column)}: ${p.placeholder} ${riskWords(p.risk as PlacementRisk)}`);
  }
  lines.push("─".repeat(60), "");
  return lines.join("\n");
}

interface Choice<T> extends vscode.QuickPickItem {
  value: T;
}

/** A question that stays until answered; Escape counts as the first (safe) choice's opposite: undefined. */
async function ask<T>(title: string, choices: Choice<T>[]): Promise<T | undefined> {
  pendingPrompt = title;
  try {
    const picked = await vscode.window.showQuickPick(choices, { title, placeHolder: title, ignoreFocusOut: true, matchOnDescription: false });
    return picked?.value;
  } finally {
    pendingPrompt = undefined;
  }
}

/** The line of the answer around a placement, placeholders only, shortened around it. */
function landingLine(answer: string, p: Placement): string {
  const from = answer.lastIndexOf("\n", p.start - 1) + 1;
  let to = answer.indexOf("\n", p.end);
  if (to === -1) to = answer.length;
  const a = Math.max(from, p.start - 50);
  const b = Math.min(to, p.end + 50);
  return `${a > from ? "…" : ""}${answer.slice(a, b).replace(/\r$/, "").trim()}${b < to ? "…" : ""}`;
}

/**
 * Whether a review is needed: secrets held back or values in risky places. Unknown
 * placeholders alone are reported after the paste, as before.
 */
export function needsReview(result: AnswerRestoreResult): boolean {
  return result.withheld.length > 0 || result.placements.some((p) => p.risk && p.category !== "secret");
}

/**
 * Shows the preview and asks; returns the decision, or undefined when the user cancels.
 * `first` is the answer restored with the defaults (secrets withheld, risky places restored).
 */
export async function reviewRestore(answer: string, first: AnswerRestoreResult, preview: PreviewContentProvider, preset?: ReviewPreset): Promise<ReviewDecision | undefined> {
  const header = reviewHeader(first);
  const uri = preview.add(vscode.l10n.t("Review before pasting"), header + answer);
  const document = await vscode.workspace.openTextDocument(uri);
  const shown = await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside, preserveFocus: false });
  const toRange = (p: Placement) => new vscode.Range(document.positionAt(header.length + p.start), document.positionAt(header.length + p.end));
  shown.setDecorations(
    decorationTypes().risk,
    first.placements.filter((p) => p.risk).map((p) => ({ range: toRange(p), hoverMessage: riskWords(p.risk as PlacementRisk) })),
  );
  shown.setDecorations(
    decorationTypes().secret,
    first.placements.filter((p) => p.category === "secret" && !p.risk).map((p) => ({ range: toRange(p), hoverMessage: vscode.l10n.t("A secret: left as a placeholder unless you confirm it") })),
  );
  const riskyValues = first.placements.filter((p) => p.risk && p.category !== "secret");
  let leaveRisky = false;
  if (riskyValues.length > 0) {
    const risky =
      preset?.risky ??
      (await ask((riskyValues.length === 1 ? vscode.l10n.t("1 value would land where it leaves through the answer (highlighted). Paste how?") : vscode.l10n.t("{0} values would land where they leave through the answer (highlighted). Paste how?", riskyValues.length)), [
        { label: vscode.l10n.t("Paste with those left as placeholders"), value: "leave" as const },
        { label: vscode.l10n.t("Paste with every value restored"), description: vscode.l10n.t("the highlighted places get the real values"), value: "restore" as const },
        { label: vscode.l10n.t("Cancel: paste nothing"), value: "cancel" as const },
      ]));
    if (risky === undefined || risky === "cancel") return undefined;
    leaveRisky = risky === "leave";
  }
  const secrets = new Set<string>();
  if (first.withheld.length > 0) {
    if (preset?.secrets !== undefined) {
      for (const p of preset.secrets === "all" ? first.withheld : preset.secrets === "none" ? [] : preset.secrets) secrets.add(p);
    } else {
      for (const placeholder of first.withheld) {
        const places = first.placements.filter((p) => p.placeholder === placeholder);
        const at = places[0];
        shown.revealRange(toRange(at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        shown.selection = new vscode.Selection(toRange(at).start, toRange(at).end);
        const where = places
          .slice(0, 3)
          .map((p) => `${vscode.l10n.t("line {0}, column {1}", p.line, p.column)}${p.risk ? ` ${riskWords(p.risk)}` : ""}`)
          .join("; ");
        const answerChoice = await ask(vscode.l10n.t("Restore the secret {0} ({1})? It would land at {2}", placeholder, at.kind, where + (places.length > 3 ? " …" : "")), [
          { label: vscode.l10n.t("Leave it as a placeholder"), description: vscode.l10n.t("load the credential from the environment instead"), value: false },
          { label: vscode.l10n.t("Restore this secret here"), description: landingLine(answer, at), value: true },
        ]);
        if (answerChoice === undefined) return undefined;
        if (answerChoice) secrets.add(placeholder);
      }
    }
  }
  return { secrets, leaveRisky };
}

/** Closes the review previews still open, and gives the focus back to the editor pasted into. */
export async function closeReview(target: vscode.TextEditor): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === "veil-preview" && t.input.uri.path.startsWith(`/${vscode.l10n.t("Review before pasting")}`));
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs).then(undefined, () => false);
  await vscode.window.showTextDocument(target.document, { viewColumn: target.viewColumn, preserveFocus: false }).then(undefined, () => undefined);
}

/** Placeholders filled by kind, for the message after a paste: "EMAIL × 2, BRAND × 1". */
export function filledSummary(result: AnswerRestoreResult): string {
  const counts = new Map<string, number>();
  for (const p of result.placements) if (p.restored) counts.set(placeholderKindOf(p.placeholder), (counts.get(placeholderKindOf(p.placeholder)) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${k} × ${n}`).join(", ");
}
