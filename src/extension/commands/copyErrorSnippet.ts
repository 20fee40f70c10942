import * as vscode from "vscode";
import type { ErrorSnippet, Finding, ScanOptions, Vault } from "../../engine";
import { engine } from "../engine";
import { log, type CommandContext } from "./context";
import { contextFindings, isTerminalInvocation, readTerminalSelection, selectedRanges, sourceFromRanges, toRange, toUri, type SourceText, type TargetArgument } from "./textSource";
import { rememberVeilCopy } from "./veilClipboard";

/** Files bigger than this are not read for an excerpt (a minified bundle says nothing useful). */
const MAX_EXCERPT_FILE_BYTES = 2 * 1024 * 1024;

export interface CopyErrorSnippetResult {
  origin: "selection" | "terminal" | "diagnostic";
  linesIn: number;
  linesKept: number;
  replacements: number;
  hasExcerpt: boolean;
}

function folderRoot(folder: vscode.WorkspaceFolder): string {
  return folder.uri.scheme === "file" ? folder.uri.fsPath : folder.uri.path;
}

function isAbsolute(path: string): boolean {
  return path.startsWith("/") || /^[A-Za-z]:[\\/]/.test(path);
}

/** Reads a workspace file for the excerpt: a path relative to the first folder (then the others). */
export async function readWorkspaceFile(relativePath: string): Promise<string | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0 || isAbsolute(relativePath) || relativePath.split(/[\\/]/).includes("..")) return undefined;
  const segments = relativePath.split(/[\\/]/).filter((s) => s !== "" && s !== ".");
  for (const folder of folders) {
    const uri = vscode.Uri.joinPath(folder.uri, ...segments);
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type & vscode.FileType.Directory || stat.size > MAX_EXCERPT_FILE_BYTES) continue;
      return new TextDecoder("utf-8").decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      // Not in this folder: try the next one.
    }
  }
  return undefined;
}

function environment(name: string): string | undefined {
  // The web worker has no `process`.
  return typeof process !== "undefined" && process.env ? process.env[name] : undefined;
}

const SEVERITY_WORD: Record<vscode.DiagnosticSeverity, string> = {
  [vscode.DiagnosticSeverity.Error]: "error",
  [vscode.DiagnosticSeverity.Warning]: "warning",
  [vscode.DiagnosticSeverity.Information]: "info",
  [vscode.DiagnosticSeverity.Hint]: "hint",
};

/**
 * The diagnostic under the cursor, written the way a compiler prints it (`file:line:col:
 * error: message`), so that the snippet engine finds the location and adds the excerpt.
 */
/** The path a diagnostic's line names: workspace-relative, or a made-up name with an extension for untitled files. */
function diagnosticPath(document: vscode.TextDocument): string {
  if (document.isUntitled) {
    const name = document.uri.path.split("/").pop() || "untitled";
    return /\.\w+$/.test(name) ? name : `${name}.txt`;
  }
  return vscode.workspace.asRelativePath(document.uri, false);
}

function diagnosticText(document: vscode.TextDocument, position: vscode.Position): string | undefined {
  const diagnostics = vscode.languages
    .getDiagnostics(document.uri)
    .filter((d) => d.range.contains(position) || d.range.start.line === position.line)
    .sort((a, b) => a.severity - b.severity);
  const diagnostic = diagnostics[0];
  if (!diagnostic) return undefined;
  const path = diagnosticPath(document);
  const { line, character } = diagnostic.range.start;
  const code = typeof diagnostic.code === "object" ? diagnostic.code.value : diagnostic.code;
  const severity = SEVERITY_WORD[diagnostic.severity];
  const message = diagnostic.message.replace(/\r?\n/g, "\n  ");
  if (diagnostic.source === "ts" && code !== undefined) return `${path}(${line + 1},${character + 1}): ${severity} TS${code}: ${message}`;
  const tag = [diagnostic.source, code].filter((x) => x !== undefined && x !== "").join(" ");
  return `${path}:${line + 1}:${character + 1}: ${severity}: ${message}${tag ? ` [${tag}]` : ""}`;
}

/** Where each range's text starts when the ranges are joined by a separator of `separatorLength`. */
function offsetsJoinedBy(document: vscode.TextDocument, ranges: readonly vscode.Range[], separatorLength: number): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (const range of ranges) {
    offsets.push(at);
    at += document.offsetAt(range.end) - document.offsetAt(range.start) + separatorLength;
  }
  return offsets;
}

/** The document's findings the selection cuts and its own scan does not find whole. */
function cutFindings(context: CommandContext, selection: SourceText, scanOptions: ScanOptions): Finding[] {
  const all = contextFindings(selection, (d) => context.services.findingsFor(d), scanOptions);
  if (all.length === 0) return [];
  const own = engine().scan(selection.text, scanOptions);
  return all.filter((f) => !own.some((o) => o.start <= f.start && o.end >= f.end));
}

/** Replaces findings (sorted, disjoint) by their placeholders from the vault. */
function replaceFindings(text: string, findings: readonly Finding[], vault: Vault): string {
  const parts: string[] = [];
  let last = 0;
  for (const f of findings) {
    if (f.start < last || !/[\p{L}\p{N}]/u.test(text.slice(f.start, f.end))) continue;
    parts.push(text.slice(last, f.start), vault.placeholderFor(text.slice(f.start, f.end), f.kind, Date.now(), false, f.category));
    last = f.end;
  }
  parts.push(text.slice(last));
  return parts.join("");
}

function countLines(text: string): number {
  return text === "" ? 0 : text.replace(/\r?\n$/, "").split(/\r?\n/).length;
}

/**
 * `veil.copyErrorSnippet`: from a selection (editor or terminal) or the diagnostic under the
 * cursor, the error, its frames that matter and a few lines of the failing code, neutralized,
 * as Markdown on the clipboard.
 */
export async function copyErrorSnippet(context: CommandContext, arg?: unknown): Promise<CopyErrorSnippetResult | undefined> {
  let text: string | undefined;
  let origin: CopyErrorSnippetResult["origin"] = "selection";
  let scope: vscode.Uri | undefined;
  let document: vscode.TextDocument | undefined;
  /** The selected ranges, for the findings of the whole document that the selection cuts. */
  let selection: SourceText | undefined;
  const target = (typeof arg === "object" && arg !== null ? arg : {}) as TargetArgument;
  const editor = vscode.window.activeTextEditor;
  const uri = toUri(target.uri);
  if (uri) {
    // From a quick fix or hover: `{ uri, range }`; an empty range means "the diagnostic there".
    document = await vscode.workspace.openTextDocument(uri);
    scope = uri;
    const range = toRange(target.range);
    if (range && !range.isEmpty) {
      selection = sourceFromRanges(document, [document.validateRange(range)], "range");
      text = selection.text;
    } else {
      text = diagnosticText(document, range?.start ?? new vscode.Position(0, 0));
      origin = "diagnostic";
    }
  } else if (isTerminalInvocation(arg)) {
    text = await readTerminalSelection();
    origin = "terminal";
    if (text === undefined) {
      void vscode.window.showWarningMessage(vscode.l10n.t("Select the error output in the terminal first."));
      return undefined;
    }
  } else if (editor) {
    document = editor.document;
    scope = document.uri;
    const ranges = selectedRanges(editor);
    if (ranges) {
      selection = { ...sourceFromRanges(document, ranges, "selection"), text: ranges.map((r) => editor.document.getText(r)).join("\n") };
      selection.offsets = offsetsJoinedBy(document, ranges, 1);
      text = selection.text;
    } else {
      text = diagnosticText(document, editor.selection.active);
      origin = "diagnostic";
    }
  }
  if (text === undefined || text.trim() === "") {
    void vscode.window.showErrorMessage(
      vscode.l10n.t("No error found: select an error message or stack trace (in an editor or a terminal), or put the cursor on a problem."),
    );
    return undefined;
  }
  const config = context.services.config(scope);
  const cut = selection ? cutFindings(context, selection, config.scanOptions) : [];
  // For a diagnostic, the excerpt comes from the editor's text (it may be unsaved or untitled).
  const current = origin === "diagnostic" && document ? { path: diagnosticPath(document), text: document.getText() } : undefined;
  const readFile = (relativePath: string) => (current && relativePath === current.path ? current.text : readWorkspaceFile(relativePath));
  const folders = vscode.workspace.workspaceFolders ?? [];
  const selected = text;
  let source = text;
  const snippet: ErrorSnippet | undefined = await context.vault.update((vault) => {
    // What the selection cuts (a token half selected, a value whose key name is outside it)
    // becomes its placeholder before the snippet engine sees the text.
    if (cut.length > 0) source = replaceFindings(selected, cut, vault);
    return engine().extractErrorSnippet(source, {
      contextLines: config.snippetContextLines,
      workspaceRoots: folders.map(folderRoot),
      homeDir: environment("HOME") ?? environment("USERPROFILE"),
      userName: environment("USER") ?? environment("USERNAME"),
      readFile,
      vault,
      scan: config.scanOptions,
    });
  });
  if (!snippet) {
    void vscode.window.showErrorMessage(
      origin === "terminal"
        ? vscode.l10n.t("No error or stack trace recognized in the terminal selection. Nothing was copied.")
        : vscode.l10n.t("No error or stack trace recognized in the selection. Nothing was copied."),
    );
    log(context, `copy error snippet (${origin}): no error recognized in ${countLines(selected)} line(s)`);
    return undefined;
  }
  await vscode.env.clipboard.writeText(snippet.markdown);
  rememberVeilCopy(snippet.markdown);
  const result: CopyErrorSnippetResult = {
    origin,
    linesIn: countLines(source),
    linesKept: countLines(snippet.errorText),
    replacements: snippet.replacements,
    hasExcerpt: snippet.excerpt !== undefined,
  };
  void vscode.window.showInformationMessage(
    vscode.l10n.t(
      "Error snippet copied: {0}, {1}{2}.",
      result.linesIn === 1 ? vscode.l10n.t("{0} of 1 line kept", result.linesKept) : vscode.l10n.t("{0} of {1} lines kept", result.linesKept, result.linesIn),
      result.replacements === 1 ? vscode.l10n.t("1 value neutralized") : vscode.l10n.t("{0} values neutralized", result.replacements),
      result.hasExcerpt ? vscode.l10n.t(", with the failing code") : "",
    ),
  );
  log(context, `copy error snippet (${origin}): ${result.linesKept}/${result.linesIn} lines kept, ${result.replacements} neutralized, excerpt ${result.hasExcerpt}`);
  return result;
}
