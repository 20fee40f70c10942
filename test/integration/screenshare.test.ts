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
  workbenchChanges: { section: string; key: string }[];
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
  test("while on: Problems messages and hovers show nothing of a value; breadcrumbs, sticky scroll and untitled titles off, the user's values back afterwards and after a crash", async () => {
    const global = (section: string, key: string) => vscode.workspace.getConfiguration(section).inspect(key)?.globalValue;
    // The user chose a value of their own for one of them, none for the others.
    await vscode.workspace.getConfiguration("workbench.editor.untitled").update("labelFormat", "content", vscode.ConfigurationTarget.Global);
    const editor = await openUntitled(TEXT);
    await waitForVeilDiagnostics(editor.document.uri, (d) => d.length >= 2);
    const preview = scan(TEXT).find((f) => f.kind === "email")!.preview;
    const messages = () => vscode.languages.getDiagnostics(editor.document.uri).map((d) => d.message).join("\n");
    const hoverText = async () => {
      const at = editor.document.positionAt(TEXT.indexOf(EMAIL) + 2);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", editor.document.uri, at);
      return hovers.flatMap((h) => h.contents).map((c) => (typeof c === "string" ? c : c.value)).join("\n");
    };
    assert.ok(messages().includes(preview), "off: the message carries the masked preview");
    try {
      await runCommand("veil.toggleScreenShare");
      const on = await state();
      assert.equal(global("breadcrumbs", "enabled"), false);
      assert.equal(global("editor.stickyScroll", "enabled"), false);
      assert.equal(global("workbench.editor.untitled", "labelFormat"), "name");
      assert.deepEqual(on.workbenchChanges.map((c) => `${c.section}.${c.key}`).sort(), ["breadcrumbs.enabled", "editor.stickyScroll.enabled", "workbench.editor.untitled.labelFormat"]);
      await waitFor(() => !messages().includes(preview) && messages(), { message: "Problems messages without the preview" });
      const domain = EMAIL.split("@")[1];
      assert.ok(!messages().includes(domain), messages());
      const hover = await hoverText();
      assert.ok(!hover.includes(preview) && !hover.includes(domain), hover);
      assert.match(hover, /•••/);
    } finally {
      await runCommand("veil.toggleScreenShare");
    }
    assert.equal((await state()).on, false);
    assert.equal(global("breadcrumbs", "enabled"), undefined, "breadcrumbs back to the user's (unset) value");
    assert.equal(global("editor.stickyScroll", "enabled"), undefined);
    assert.equal(global("workbench.editor.untitled", "labelFormat"), "content", "the user's own value back");
    assert.deepEqual((await state()).workbenchChanges, []);
    await waitFor(() => messages().includes(preview), { message: "previews back in the messages" });

    // A crash or reload while on: the record in globalState lets the next start put things back.
    await runCommand("veil.toggleScreenShare");
    await state(); // settles the settings writes
    assert.equal(global("breadcrumbs", "enabled"), false);
    const restored = await runCommand<number>("veil.internal.screenShareRecover");
    assert.equal(restored, 3);
    assert.equal(global("breadcrumbs", "enabled"), undefined);
    assert.equal(global("workbench.editor.untitled", "labelFormat"), "content");
    await runCommand("veil.toggleScreenShare");
    await state();
    assert.equal(global("breadcrumbs", "enabled"), undefined, "turning off after a recovery changes nothing more");
    await vscode.workspace.getConfiguration("workbench.editor.untitled").update("labelFormat", undefined, vscode.ConfigurationTarget.Global);
  });
});
