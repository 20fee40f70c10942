import * as vscode from "vscode";
import type { AnonymizeResult } from "../../engine";
import { engine } from "../engine";
import { log, type CommandContext } from "./context";
import { contextFindings, resolveSource } from "./textSource";

export const PREVIEW_SCHEME = "veil-preview";
const MAX_LISTED_PER_KIND = 8;

/**
 * Read-only documents showing what a copy would share. Contents live in memory only, and are
 * dropped when their document is closed.
 */
export class PreviewContentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly closeListener: vscode.Disposable;
  private counter = 0;

  constructor() {
    this.closeListener = vscode.workspace.onDidCloseTextDocument((document) => {
      if (document.uri.scheme === PREVIEW_SCHEME) this.contents.delete(document.uri.toString());
    });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? vscode.l10n.t("This preview is no longer available: run “Preview What Would Be Shared” again.");
  }

  /** A new preview document URI holding `content`; the name says what it previews. */
  add(name: string, content: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${name}`, query: String(++this.counter) });
    this.contents.set(uri.toString(), content);
    this.changeEmitter.fire(uri);
    return uri;
  }

  dispose(): void {
    this.closeListener.dispose();
    this.changeEmitter.dispose();
    this.contents.clear();
  }
}

/** The header above the previewed text: the replacements by kind, placeholders only. */
export function previewHeader(result: AnonymizeResult): string {
  const lines = [vscode.l10n.t("Veil preview — what “Copy Anonymized” would share (nothing was copied)")];
  if (result.report.total === 0) {
    lines.push(vscode.l10n.t("Nothing sensitive found: the text would be copied as is."));
  } else {
    lines.push(engine().describeReport(result.report));
    // Grouped by placeholder kind (`EMAIL`), as the report counts them; placeholders only.
    const byKind = new Map<string, { count: number; placeholders: string[] }>();
    for (const replacement of result.replacements) {
      const kind = replacement.placeholder.slice(1, replacement.placeholder.lastIndexOf("_"));
      const group = byKind.get(kind) ?? { count: 0, placeholders: [] };
      group.count++;
      if (!group.placeholders.includes(replacement.placeholder)) group.placeholders.push(replacement.placeholder);
      byKind.set(kind, group);
    }
    for (const [kind, { count, placeholders }] of byKind) {
      const shown = placeholders.slice(0, MAX_LISTED_PER_KIND).join(" ") + (placeholders.length > MAX_LISTED_PER_KIND ? " …" : "");
      lines.push(`  ${kind} × ${count}: ${shown}`);
    }
  }
  lines.push("─".repeat(60), "");
  return lines.join("\n");
}

export interface PreviewResult {
  uri: vscode.Uri;
  replaced: number;
}

/** `veil.previewShared`: the anonymized selection or file in a read-only editor beside it. */
export async function previewShared(context: CommandContext, provider: PreviewContentProvider, arg?: unknown): Promise<PreviewResult | undefined> {
  const source = await resolveSource(arg);
  if (!source) {
    void vscode.window.showWarningMessage(vscode.l10n.t("Nothing to preview: open a file or select text in an editor or a terminal."));
    return undefined;
  }
  const config = context.services.config(source.document?.uri);
  // A copy of the vault: the preview shows the placeholders a copy would give, but saves none.
  const vault = await context.vault.load();
  const findings = contextFindings(source, (d) => context.services.findingsFor(d), config.scanOptions);
  const result = engine().anonymize(source.text, vault, { scan: config.scanOptions, findings });
  const baseName = source.document ? source.document.uri.path.split("/").pop() || "untitled" : vscode.l10n.t("terminal");
  const uri = provider.add(vscode.l10n.t("Shared preview - {0}", baseName), previewHeader(result) + result.text);
  let document = await vscode.workspace.openTextDocument(uri);
  if (source.document && source.document.languageId !== "plaintext") {
    document = await vscode.languages.setTextDocumentLanguage(document, source.document.languageId).then(
      (changed) => changed,
      () => document,
    );
  }
  await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside, preserveFocus: false });
  log(context, `preview shared (${source.origin}): ${result.report.total} would be replaced ${JSON.stringify(result.report.byKind)}`);
  return { uri, replaced: result.report.total };
}
