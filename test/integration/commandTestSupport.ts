// What the command, vault and snippet tests share: the extension's test hooks, a fresh
// VaultStore over the extension's own SecretStorage, and fake values built to be obvious.
import * as vscode from "vscode";
import type { Vault } from "../../src/engine";
import type { TestHooks } from "../../src/extension/commands";
import { VaultStore } from "../../src/extension/vaultStore";
import { activateVeil, runCommand } from "./helpers";

/** Fake AWS access key ids (AKIA + 16 of A-Z2-7); none is a real key. */
/** What `veil.copyErrorSnippet` returns to its caller (the tests read it). */
export interface SnippetResult {
  origin: "selection" | "terminal" | "diagnostic";
  linesIn: number;
  linesKept: number;
  replacements: number;
  hasExcerpt: boolean;
}

export const FAKE_AWS_KEY_1 = "AKIAIOSFODNN7EXAMPLF";
export const FAKE_AWS_KEY_2 = "AKIAZXCVBNMQWERTYUIP";
export const FAKE_AWS_KEY_3 = "AKIA2345QWERTYUIOPAS";

export async function testHooks(): Promise<TestHooks> {
  await activateVeil();
  const hooks = await runCommand<TestHooks | undefined>("veil.internal.testHooks");
  if (!hooks) throw new Error("veil.internal.testHooks returned nothing: is the extension running in test mode?");
  return hooks;
}

/** A new VaultStore over the extension's SecretStorage: what a reloaded window would see. */
export async function freshVaultStore(options: { ttlDays?: number; onCorrupt?: (detail: string) => void } = {}): Promise<VaultStore> {
  const hooks = await testHooks();
  return new VaultStore(hooks.secrets, hooks.vaultKey, { ttlDays: () => options.ttlDays ?? 30, onCorrupt: options.onCorrupt });
}

export async function readVault(): Promise<Vault> {
  const store = await freshVaultStore();
  try {
    return await store.load();
  } finally {
    store.dispose();
  }
}

/** Empties the workspace vault through the command, without the confirmation. */
export async function forgetAll(): Promise<void> {
  await runCommand("veil.forgetPlaceholders", { confirm: false });
}

/** The placeholders (`[KIND_N]`) in a text, in order. */
export function placeholdersIn(text: string): string[] {
  return text.match(/\[[A-Z][A-Z0-9_]*_\d+\]/g) ?? [];
}

/** Selects the whole content of an editor. */
export function selectAll(editor: vscode.TextEditor): void {
  const document = editor.document;
  editor.selection = new vscode.Selection(new vscode.Position(0, 0), document.lineAt(document.lineCount - 1).range.end);
}

let scratchCounter = 0;

/**
 * Opens a new untitled document under a name never used before, with this content. The
 * harness's `openUntitled` lets VS Code pick "Untitled-N", a name reused once a document is
 * closed; when the extension host has not yet dropped the closed one, it hands back the old
 * document with its old text.
 */
export async function openScratch(content: string, language = "plaintext"): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.from({ scheme: "untitled", path: `veil-scratch-${Date.now().toString(36)}-${++scratchCounter}.txt` });
  let document = await vscode.workspace.openTextDocument(uri);
  if (language !== "plaintext") document = await vscode.languages.setTextDocumentLanguage(document, language);
  const editor = await vscode.window.showTextDocument(document);
  if (content !== "") {
    const inserted = await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), content));
    if (!inserted || document.getText() !== content) throw new Error(`could not fill ${uri.toString()}`);
  }
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  return editor;
}

/**
 * Closes every editor without the "Save changes?" question that dirty untitled documents
 * raise, so the next test's command never acts on a leftover editor.
 */
export async function closeEditorsReverting(): Promise<void> {
  for (let i = 0; i < 50 && vscode.window.visibleTextEditors.length > 0; i++) {
    const before = vscode.window.visibleTextEditors.length;
    await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
    if (vscode.window.visibleTextEditors.length === before && !vscode.window.activeTextEditor) break;
  }
  await vscode.commands.executeCommand("workbench.action.closeAllEditors");
}

/** Fails clearly when the command would not act on the editor the test just opened. */
export function assertActive(editor: vscode.TextEditor): void {
  const active = vscode.window.activeTextEditor;
  if (active?.document.uri.toString() !== editor.document.uri.toString()) {
    throw new Error(`the active editor is ${active?.document.uri.toString() ?? "none"}, not ${editor.document.uri.toString()}`);
  }
}
