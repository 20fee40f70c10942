import * as vscode from "vscode";

/**
 * What a command acts on. Quick fixes and hovers pass `{ uri, range }`; the terminal's menu
 * and keybinding pass `{ source: "terminal" }` (or the terminal itself).
 */
export interface TargetArgument {
  uri?: vscode.Uri | string | { scheme: string; path: string; authority?: string; query?: string; fragment?: string };
  range?: vscode.Range | RangeLike | [PositionLike, PositionLike];
  source?: "terminal" | "editor";
}

interface PositionLike {
  line: number;
  character: number;
}
interface RangeLike {
  start: PositionLike;
  end: PositionLike;
}

/** The text a command works on and where it came from. */
export interface SourceText {
  text: string;
  origin: "selection" | "document" | "range" | "terminal";
  document?: vscode.TextDocument;
  /** The ranges of `document` the text was taken from, in document order. */
  ranges?: vscode.Range[];
}

export function toUri(value: TargetArgument["uri"]): vscode.Uri | undefined {
  if (!value) return undefined;
  if (value instanceof vscode.Uri) return value;
  if (typeof value === "string") return vscode.Uri.parse(value);
  if (typeof value === "object" && typeof value.scheme === "string" && typeof value.path === "string") return vscode.Uri.from(value);
  return undefined;
}

function toPosition(value: unknown): vscode.Position | undefined {
  if (value instanceof vscode.Position) return value;
  const p = value as Partial<PositionLike> | undefined;
  if (p && typeof p.line === "number" && typeof p.character === "number") return new vscode.Position(p.line, p.character);
  return undefined;
}

/** A Range, or what a Range becomes once serialized in a command link (`[start, end]` or `{ start, end }`). */
export function toRange(value: TargetArgument["range"]): vscode.Range | undefined {
  if (!value) return undefined;
  if (value instanceof vscode.Range) return value;
  const [start, end] = Array.isArray(value) ? value : [value.start, value.end];
  const s = toPosition(start);
  const e = toPosition(end);
  return s && e ? new vscode.Range(s, e) : undefined;
}

function isTerminal(value: unknown): value is vscode.Terminal {
  return typeof value === "object" && value !== null && typeof (value as vscode.Terminal).sendText === "function" && "processId" in value;
}

/** True when the command was invoked for a terminal rather than an editor. */
export function isTerminalInvocation(arg: unknown): boolean {
  if (isTerminal(arg)) return true;
  if (typeof arg === "object" && arg !== null && (arg as TargetArgument).source === "terminal") return true;
  if (typeof arg === "object" && arg !== null && (arg as TargetArgument).source === "editor") return false;
  // No editor to act on, but a terminal is open: the terminal is what the user means.
  return !vscode.window.activeTextEditor && vscode.window.activeTerminal !== undefined && !(arg as TargetArgument | undefined)?.uri;
}

/**
 * The terminal's selection, through the clipboard (the stable API has no terminal selection).
 * The clipboard's previous content is put back when the terminal has nothing selected.
 */
export async function readTerminalSelection(): Promise<string | undefined> {
  const previous = await vscode.env.clipboard.readText();
  await vscode.env.clipboard.writeText("");
  await vscode.commands.executeCommand("workbench.action.terminal.copySelection");
  const text = await vscode.env.clipboard.readText();
  if (text === "") {
    await vscode.env.clipboard.writeText(previous);
    return undefined;
  }
  return text;
}

function eolOf(document: vscode.TextDocument): string {
  return document.eol === vscode.EndOfLine.CRLF ? "\r\n" : "\n";
}

/** Non-empty selections in document order, or undefined when nothing is selected. */
export function selectedRanges(editor: vscode.TextEditor): vscode.Range[] | undefined {
  const ranges = editor.selections.filter((s) => !s.isEmpty).map((s) => new vscode.Range(s.start, s.end));
  if (ranges.length === 0) return undefined;
  return ranges.sort((a, b) => a.start.compareTo(b.start));
}

export function wholeDocumentRange(document: vscode.TextDocument): vscode.Range {
  return new vscode.Range(new vscode.Position(0, 0), document.lineAt(document.lineCount - 1).range.end);
}

/** The text of ranges of a document, joined the way VS Code copies several selections. */
export function sourceFromRanges(document: vscode.TextDocument, ranges: vscode.Range[], origin: SourceText["origin"]): SourceText {
  return { text: ranges.map((r) => document.getText(r)).join(eolOf(document)), origin, document, ranges };
}

/**
 * What to act on, in order: an explicit `{ uri, range }`, a terminal selection, the active
 * editor's selections, or its whole document when nothing is selected.
 * Returns undefined when there is nothing (no editor, empty terminal selection).
 */
export async function resolveSource(arg: unknown, options: { wholeDocumentWhenEmpty: boolean } = { wholeDocumentWhenEmpty: true }): Promise<SourceText | undefined> {
  const target = (typeof arg === "object" && arg !== null ? arg : {}) as TargetArgument;
  const uri = toUri(target.uri);
  if (uri) {
    const document = await vscode.workspace.openTextDocument(uri);
    const range = toRange(target.range);
    const ranges = [range ? document.validateRange(range) : wholeDocumentRange(document)];
    return sourceFromRanges(document, ranges, range ? "range" : "document");
  }
  if (isTerminalInvocation(arg)) {
    const text = await readTerminalSelection();
    return text === undefined ? undefined : { text, origin: "terminal" };
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const selected = selectedRanges(editor);
  if (selected) return sourceFromRanges(editor.document, selected, "selection");
  if (!options.wholeDocumentWhenEmpty) return undefined;
  return sourceFromRanges(editor.document, [wholeDocumentRange(editor.document)], "document");
}
