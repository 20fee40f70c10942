import * as vscode from "vscode";
import { CommandId } from "./commands/ids";
import type { Finding } from "../engine";
import { documentationUri } from "./diagnostics";
import { shownPreview } from "./screenShareState";

/** The only commands a Veil hover may run from its links. */
export const HOVER_COMMANDS = [CommandId.copyAnonymized, CommandId.ignoreLine, CommandId.allowValue] as const;

/** A JSON-friendly `{ uri, range }` argument that survives a command link. */
export function targetArgument(document: vscode.TextDocument, range: vscode.Range): { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } } {
  return {
    uri: document.uri.toString(),
    range: { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } },
  };
}

function commandLink(label: string, command: string, argument: unknown): string {
  return `[${label}](command:${command}?${encodeURIComponent(JSON.stringify([argument]))})`;
}

export function categoryName(finding: Finding): string {
  switch (finding.category) {
    case "secret":
      return vscode.l10n.t("Secret");
    case "pii":
      // An amount is business data, as its message says, not personal data.
      return finding.kind === "money" ? vscode.l10n.t("Business data") : vscode.l10n.t("Personal data");
    case "term":
      return vscode.l10n.t("Confidential term");
  }
}

/** Kinds with a name of their own in the UI's language; others show their id (`github-token`). */
export function kindName(kind: string): string {
  switch (kind) {
    case "private-link":
      return vscode.l10n.t("private link");
    case "promo-code":
      return vscode.l10n.t("promo code");
    case "date":
      return vscode.l10n.t("date");
    case "password":
      return vscode.l10n.t("password");
    case "signed-url":
      return vscode.l10n.t("signed URL");
    default:
      return kind;
  }
}

/** Escapes Markdown so a kind or message cannot inject links or formatting. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, "\\$&");
}

/** The hover's Markdown for one finding: what, which rule, masked preview, what to do, actions. */
export function hoverMarkdown(document: vscode.TextDocument, finding: Finding, range: vscode.Range, canIgnoreLine: boolean): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
  md.supportHtml = false;
  md.appendMarkdown(`**$(shield) Veil — ${escapeMarkdown(categoryName(finding))}: ${escapeMarkdown(kindName(finding.kind))}**\n\n`);
  // The diagnostic's own hover shows the message just above: not repeated here.
  md.appendMarkdown(`${escapeMarkdown(vscode.l10n.t("Value"))}: \`${shownPreview(finding.preview).replace(/`/g, "'")}\` · ${escapeMarkdown(vscode.l10n.t("Rule"))}: [\`${finding.ruleId}\`](${documentationUri(finding.category).toString()})\n\n`);
  const argument = targetArgument(document, range);
  const links = [commandLink(vscode.l10n.t("Copy anonymized"), CommandId.copyAnonymized, argument)];
  const allow = commandLink(vscode.l10n.t("Allow this value"), CommandId.allowValue, argument);
  // In a brief or notes a marker is shared along with the text: the allowlist comes first there.
  const prose = document.languageId === "markdown" || document.languageId === "plaintext";
  if (prose) links.push(allow);
  if (canIgnoreLine) links.push(commandLink(vscode.l10n.t("Ignore on this line"), CommandId.ignoreLine, argument));
  if (!prose) links.push(allow);
  md.appendMarkdown(links.join(" · "));
  return md;
}

export class FindingHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly findingsFor: (document: vscode.TextDocument) => readonly Finding[] | undefined,
    private readonly canIgnoreLine: (languageId: string) => boolean,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const findings = this.findingsFor(document);
    if (!findings || findings.length === 0) return undefined;
    const offset = document.offsetAt(position);
    // Findings are sorted and disjoint: binary search for the one under the cursor.
    let lo = 0;
    let hi = findings.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const f = findings[mid];
      if (offset < f.start) hi = mid - 1;
      else if (offset > f.end) lo = mid + 1;
      else {
        const range = new vscode.Range(document.positionAt(f.start), document.positionAt(f.end));
        return new vscode.Hover(hoverMarkdown(document, f, range, this.canIgnoreLine(document.languageId)), range);
      }
    }
    return undefined;
  }
}
