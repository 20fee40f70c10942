import * as vscode from "vscode";
import type { Finding, ScanOptions } from "../../engine";
import { engine } from "../engine";

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
  /** Where each range's text starts in `text` (default: the ranges joined by the document's line break). */
  offsets?: number[];
  /** For a terminal selection: what the terminal still held around it, when it could be read. */
  surrounding?: string;
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
 * The clipboard's previous content is put back afterwards: the selection never stays there
 * in clear (the caller writes what it copies).
 */
export async function readTerminalSelection(): Promise<string | undefined> {
  const previous = await vscode.env.clipboard.readText();
  await vscode.env.clipboard.writeText("");
  await vscode.commands.executeCommand("workbench.action.terminal.copySelection");
  const text = await vscode.env.clipboard.readText();
  await vscode.env.clipboard.writeText(previous);
  return text === "" ? undefined : text;
}

/**
 * What the active terminal still holds (its scrollback), read the only way VS Code 1.100's
 * stable API allows: select all, copy, clear the selection (the user's selection is lost, as
 * after a copy in many terminals). The clipboard is put back. Undefined when nothing is read.
 */
export async function readTerminalBuffer(): Promise<string | undefined> {
  const previous = await vscode.env.clipboard.readText();
  try {
    await vscode.env.clipboard.writeText("");
    await vscode.commands.executeCommand("workbench.action.terminal.selectAll");
    await vscode.commands.executeCommand("workbench.action.terminal.copySelection");
    const text = await vscode.env.clipboard.readText();
    return text === "" ? undefined : text;
  } catch {
    return undefined;
  } finally {
    await vscode.commands.executeCommand("workbench.action.terminal.clearSelection").then(undefined, () => undefined);
    await vscode.env.clipboard.writeText(previous);
  }
}

/** The terminal's selection with what surrounds it, as a source. */
export async function terminalSource(): Promise<SourceText | undefined> {
  const text = await readTerminalSelection();
  if (text === undefined) return undefined;
  const surrounding = await readTerminalBuffer();
  return { text, origin: "terminal", surrounding: surrounding !== undefined && surrounding.includes(text) ? surrounding : undefined };
}

/** Occurrences of the selection looked at in the terminal's text: a repeated line is seen in each of its contexts. */
const MAX_TERMINAL_OCCURRENCES = 64;

/**
 * The findings of the text around a source (the document's, as the diagnostics show them;
 * the terminal's scrollback) that overlap it, cut to it, in the source text's offsets: a
 * selection that cuts a key, a token or leaves out a value's key name still hides them.
 */
export function contextFindings(source: SourceText, documentFindings: (document: vscode.TextDocument) => readonly Finding[], scanOptions: ScanOptions): Finding[] {
  const { findingsCutToRange, scan, unionFindings } = engine();
  if (source.document && source.ranges) {
    const document = source.document;
    const all = documentFindings(document);
    if (all.length === 0) return [];
    const eolLength = document.eol === vscode.EndOfLine.CRLF ? 2 : 1;
    const out: Finding[] = [];
    let offset = 0;
    source.ranges.forEach((range, i) => {
      const start = document.offsetAt(range.start);
      const end = document.offsetAt(range.end);
      const at = source.offsets?.[i] ?? offset;
      out.push(...findingsCutToRange(all, start, end, at));
      offset = at + (end - start) + eolLength;
    });
    return out;
  }
  if (source.surrounding !== undefined && source.text !== "") {
    const all = scan(source.surrounding, scanOptions);
    let found: Finding[] = [];
    let at = source.surrounding.indexOf(source.text);
    for (let n = 0; at !== -1 && n < MAX_TERMINAL_OCCURRENCES; n++) {
      found = unionFindings(found, findingsCutToRange(all, at, at + source.text.length));
      at = source.surrounding.indexOf(source.text, at + 1);
    }
    return found;
  }
  return [];
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
  if (isTerminalInvocation(arg)) return terminalSource();
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const selected = selectedRanges(editor);
  if (selected) return sourceFromRanges(editor.document, selected, "selection");
  if (!options.wholeDocumentWhenEmpty) return undefined;
  return sourceFromRanges(editor.document, [wholeDocumentRange(editor.document)], "document");
}
