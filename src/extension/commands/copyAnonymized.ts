import * as vscode from "vscode";
import { engine } from "../engine";
import { log, type CommandContext } from "./context";
import { contextFindings, resolveSource, type SourceText } from "./textSource";
import { rememberVeilCopy } from "./veilClipboard";

/** What the command returns to a caller (tests, other commands): counts only, never values. */
export interface CopyAnonymizedResult {
  replaced: number;
  byKind: Record<string, number>;
  origin: SourceText["origin"];
}

/** Anonymizes a text with the workspace vault (saved at once) and puts it on the clipboard. */
export async function copySourceAnonymized(context: CommandContext, source: SourceText, options: { quiet?: boolean } = {}): Promise<CopyAnonymizedResult> {
  const config = context.services.config(source.document?.uri);
  const findings = contextFindings(source, (d) => context.services.findingsFor(d), config.scanOptions);
  const result = await context.vault.update((vault) => engine().anonymize(source.text, vault, { scan: config.scanOptions, findings }));
  await vscode.env.clipboard.writeText(result.text);
  rememberVeilCopy(result.text);
  const total = result.report.total;
  const message =
    total === 0
      ? vscode.l10n.t("Nothing sensitive found — copied as is")
      : vscode.l10n.t("Copied anonymized. {0}", engine().describeReport(result.report));
  if (!options.quiet) void vscode.window.showInformationMessage(message);
  log(context, `copy anonymized (${source.origin}): ${total} replaced ${JSON.stringify(result.report.byKind)}`);
  return { replaced: total, byKind: { ...result.report.byKind }, origin: source.origin };
}

/**
 * `veil.copyAnonymized`: the selection(s), the whole document when nothing is selected, a
 * `{ uri, range }` from a quick fix or hover, or the terminal's selection.
 */
export async function copyAnonymized(context: CommandContext, arg?: unknown): Promise<CopyAnonymizedResult | undefined> {
  const source = await resolveSource(arg);
  if (!source) {
    void vscode.window.showWarningMessage(vscode.l10n.t("Nothing to copy: open a file or select text in an editor or a terminal."));
    return undefined;
  }
  return copySourceAnonymized(context, source);
}
