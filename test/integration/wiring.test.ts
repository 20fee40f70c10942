// Proves the wiring: Veil loads in a real VS Code, registers what it declares, and turns
// an engine finding into a diagnostic at the right place.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateVeil, closeAllEditors, describeRange, EXTENSION_ID, openUntitled, openWorkspaceFile, rangeOf, veilDiagnostics, waitForVeilDiagnostics } from "./helpers";
import { currentRunOptions } from "./runner";

const PLANTED_AWS_KEY = "AKIAIOSFODNN7EXAMPLF";

suite("Wiring", () => {
  teardown(closeAllEditors);

  test("Veil is loaded as veil.veil and activates", async () => {
    const extension = await activateVeil();
    assert.equal(extension.id, EXTENSION_ID);
    assert.equal((extension.packageJSON as { publisher?: string }).publisher, "veil");
    assert.equal(extension.isActive, true);
  });

  test("every command package.json contributes is registered", async () => {
    const extension = await activateVeil();
    const contributed = ((extension.packageJSON as { contributes?: { commands?: { command: string }[] } }).contributes?.commands ?? []).map((c) => c.command);
    assert.ok(contributed.length > 0, "package.json contributes no command");
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(", ")}`);
  });

  test("a planted AWS key in a workspace file gets a Veil diagnostic at its range", async () => {
    await activateVeil();
    const editor = await openWorkspaceFile("config/aws.env");
    const expected = rangeOf(editor.document, PLANTED_AWS_KEY);
    const diagnostics = await waitForVeilDiagnostics(editor.document.uri, (found) => found.some((d) => d.range.intersection(expected)));
    const onKey = diagnostics.filter((d) => d.range.intersection(expected));
    assert.equal(onKey.length, 1, `one diagnostic on the key, got ${onKey.map((d) => describeRange(d.range)).join(", ")}`);
    assert.equal(describeRange(onKey[0].range), describeRange(expected));
    assert.ok(!onKey[0].message.includes(PLANTED_AWS_KEY), "the message must not repeat the whole key");
  });

  test("a planted AWS key in an untitled document gets a diagnostic, and a clean one none", async () => {
    await activateVeil();
    // Accents and an emoji before the key must not shift the range (UTF-16 offsets).
    const text = "// région é ✓ 😀\nconst key = \"" + PLANTED_AWS_KEY + "\";\n";
    const editor = await openUntitled(text, "plaintext");
    const expected = rangeOf(editor.document, PLANTED_AWS_KEY);
    const diagnostics = await waitForVeilDiagnostics(editor.document.uri, (found) => found.some((d) => d.range.isEqual(expected)));
    assert.ok(diagnostics.length >= 1);

    const clean = await openUntitled("export const answer = 42;\n", "plaintext");
    // Give Veil the time it took on the first document, then check it stayed quiet.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(veilDiagnostics(clean.document.uri), []);
  });

  test("closeAllEditors closes modified documents without leaving a save prompt", async () => {
    const editor = await openUntitled("draft\n");
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), "more "));
    assert.equal(editor.document.isDirty, true);
    await closeAllEditors();
    assert.equal(vscode.window.tabGroups.all.flatMap((group) => group.tabs).length, 0);
  });

  test("workspace trust is what the harness asked for", function () {
    const { trust } = currentRunOptions();
    if (!trust) this.skip();
    assert.equal(vscode.workspace.isTrusted, trust === "trusted");
  });
});
