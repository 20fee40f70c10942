// Screen-share mode: findings in visible editors drawn masked, the text untouched, the
// status bar says so; on by itself for a masking label when veil.screenShare.autoForPro is set.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { scan } from "../../src/engine";
import { activateVeil, closeAllEditors, openUntitled, runCommand, waitFor, waitForVeilDiagnostics } from "./helpers";

interface MaskedRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface ScreenShareState {
  on: boolean;
  editors: { uri: string; ranges: MaskedRange[] }[];
}
interface VeilApi {
  statusBar(): { text: string; tooltip: string };
}

const AWS_KEY = "AKIA" + "ZXCVBNMLKJHGFDSA";
const EMAIL = "camille.roux@example-client.fr";
const TEXT = `# deploy notes\naws_access_key_id = ${AWS_KEY}\ncontact: ${EMAIL}\n`;

const state = () => runCommand<ScreenShareState>("veil.internal.screenShareState");

function rangesOf(s: ScreenShareState, document: vscode.TextDocument): string[] {
  const editor = s.editors.find((e) => e.uri === document.uri.toString());
  return (editor?.ranges ?? []).map((r) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`).sort();
}

function expectedRanges(document: vscode.TextDocument): string[] {
  return scan(document.getText())
    .map((f) => {
      const a = document.positionAt(f.start);
      const b = document.positionAt(f.end);
      return `${a.line}:${a.character}-${b.line}:${b.character}`;
    })
    .sort();
}

suite("Screen-share mode", () => {
  let api: VeilApi;

  suiteSetup(async () => {
    api = (await activateVeil()).exports as VeilApi;
    await closeAllEditors();
  });

  suiteTeardown(async () => {
    if ((await state()).on) await runCommand("veil.toggleScreenShare");
    await closeAllEditors();
  });

  test("turns on by itself in a pro workspace when veil.screenShare.autoForPro is set, even after a manual toggle", async () => {
    const config = vscode.workspace.getConfiguration("veil");
    const previousLabel = config.inspect("workspaceLabel")?.workspaceValue;
    const editor = await openUntitled(TEXT);
    await waitForVeilDiagnostics(editor.document.uri);
    // A manual toggle (on, then off) holds only until the label or the setting changes.
    await runCommand("veil.toggleScreenShare");
    await runCommand("veil.toggleScreenShare");
    assert.equal((await state()).on, false);
    try {
      await config.update("workspaceLabel", "pro", vscode.ConfigurationTarget.Workspace);
      await config.update("screenShare.autoForPro", false, vscode.ConfigurationTarget.Workspace);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal((await state()).on, false, "on without autoForPro");
      await config.update("screenShare.autoForPro", true, vscode.ConfigurationTarget.Workspace);
      const on = await waitFor(async () => {
        const s = await state();
        return s.on && rangesOf(s, editor.document).length > 0 ? s : undefined;
      }, { message: "automatic screen-share mode" });
      assert.deepEqual(rangesOf(on, editor.document), expectedRanges(editor.document));
    } finally {
      await config.update("screenShare.autoForPro", undefined, vscode.ConfigurationTarget.Workspace);
      await config.update("workspaceLabel", previousLabel, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(async () => !(await state()).on, { message: "screen-share mode off again" });
    await closeAllEditors();
  });

  test("masks every finding of the visible editor and leaves the text as it is", async () => {
    const editor = await openUntitled(TEXT);
    const document = editor.document;
    await waitForVeilDiagnostics(document.uri, (d) => d.length >= 2);
    const version = document.version;
    assert.equal((await state()).on, false);

    await runCommand("veil.toggleScreenShare");
    const on = await state();
    assert.equal(on.on, true);
    const masked = rangesOf(on, document);
    assert.ok(masked.length >= 2, `only ${masked.length} masked ranges`);
    assert.deepEqual(masked, expectedRanges(document));
    // Every value is under a mask.
    for (const value of [AWS_KEY, EMAIL]) {
      const start = document.positionAt(document.getText().indexOf(value));
      const end = document.positionAt(document.getText().indexOf(value) + value.length);
      const covering = (on.editors.find((e) => e.uri === document.uri.toString())?.ranges ?? []).some(
        (r) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character).contains(new vscode.Range(start, end)),
      );
      assert.ok(covering, `${value.slice(0, 4)}… is not masked`);
    }
    assert.equal(document.getText(), TEXT, "the text changed");
    assert.equal(document.version, version, "the document was edited");
    assert.match(api.statusBar().text, /\$\(eye-closed\)/);

    // A value typed while masking is on gets masked after the rescan.
    const added = `backup contact: ${"lea.petit"}@example-client.fr\n`;
    await editor.edit((b) => b.insert(new vscode.Position(document.lineCount - 1, 0), added));
    await waitFor(async () => rangesOf(await state(), document).length === masked.length + 1, { message: "the new e-mail masked" });
    assert.deepEqual(rangesOf(await state(), document), expectedRanges(document));

    await runCommand("veil.toggleScreenShare");
    const off = await state();
    assert.equal(off.on, false);
    assert.deepEqual(rangesOf(off, document), []);
    assert.doesNotMatch(api.statusBar().text, /eye-closed/);
  });
});
