import * as vscode from "vscode";
import { engine } from "../engine";
import { log, type CommandContext } from "./context";
import { isVeilCopy } from "./veilClipboard";

/** The kind of Veil's paste edit: plain text with the real values put back. */
export const RESTORE_PASTE_KIND = vscode.DocumentDropOrPasteEditKind.Text.append("veil", "realValues");

/** Cheap test before the vault is read: a `[` followed by a letter somewhere. */
const MAYBE_PLACEHOLDER = /\\?\[[A-Za-z]/;

/**
 * A paste into an editor of this workspace puts the real values back by itself: the copy
 * guard (and Copy Anonymized) put placeholders on the clipboard, so a paste into a browser
 * chat gets placeholders while copying inside VS Code keeps working. When the text is
 * exactly what Veil put on the clipboard, it is the user's own text and every value comes
 * back. Any other text is an answer: secrets and values that would leave through it (a URL,
 * a sending command, an encoding) stay placeholders, and a message points to Paste with
 * Real Values to review them. The paste widget offers the plain text instead.
 */
export class RestoringPasteProvider implements vscode.DocumentPasteEditProvider {
  constructor(private readonly context: CommandContext) {}

  async provideDocumentPasteEdits(
    _document: vscode.TextDocument,
    _ranges: readonly vscode.Range[],
    dataTransfer: vscode.DataTransfer,
    _context: vscode.DocumentPasteEditContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.DocumentPasteEdit[] | undefined> {
    const item = dataTransfer.get("text/plain");
    if (!item) return undefined;
    const text = await item.asString();
    if (token.isCancellationRequested || !MAYBE_PLACEHOLDER.test(text) || engine().findPlaceholderTokens(text).length === 0) return undefined;
    const vault = await this.context.vault.load();
    if (token.isCancellationRequested) return undefined;
    const own = isVeilCopy(text);
    const result = engine().restoreAnswer(text, vault, own ? { secrets: true } : { leaveRisky: true });
    if (result.restored === 0) return undefined;
    const held = result.withheld.length + result.risky.filter((p) => !p.restored).length;
    log(this.context, `paste: ${result.restored} real value(s) put back${own ? " (Veil's own copy)" : `, ${held} left as placeholders`}`);
    if (held > 0) {
      void vscode.window.showInformationMessage(
        held === 1
          ? vscode.l10n.t("Veil put {0} real values back and left 1 as a placeholder (a secret, or a value that would leave through a URL or a command). Run “Paste with Real Values” to review it.", result.restored)
          : vscode.l10n.t("Veil put {0} real values back and left {1} as placeholders (secrets, or values that would leave through a URL or a command). Run “Paste with Real Values” to review them.", result.restored, held),
      );
    }
    const edit = new vscode.DocumentPasteEdit(result.text, vscode.l10n.t("Paste with real values (Veil)"), RESTORE_PASTE_KIND);
    return [edit];
  }
}

export function registerRestoringPaste(context: CommandContext): vscode.Disposable {
  return vscode.languages.registerDocumentPasteEditProvider("*", new RestoringPasteProvider(context), {
    providedPasteEditKinds: [RESTORE_PASTE_KIND],
    pasteMimeTypes: ["text/plain"],
  });
}
