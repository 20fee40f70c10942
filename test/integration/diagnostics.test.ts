// Diagnostics in a real VS Code: ranges, edits, excludes, settings and the label's severities.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateVeil, closeAllEditors, describeRange, openUntitled, rangeOf, veilDiagnostics, waitFor, waitForVeilDiagnostics, workspaceUri } from "./helpers";

const EXTENSIONS: Record<string, string> = { javascript: "js", markdown: "md", plaintext: "txt", python: "py" };
let fileCounter = 0;

/**
 * Opens a new workspace file with this content. (Untitled documents reuse their names after a
 * close, and a test could then be handed the previous one.)
 */
async function openFresh(content: string, language: string): Promise<vscode.TextEditor> {
  const uri = workspaceUri(`it-diagnostics/${Date.now()}-${++fileCounter}.${EXTENSIONS[language] ?? "txt"}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

const AWS_KEY = "AKIAIOSFODNN7EXAMPLF";
const EMAIL = "claire.martin@orange.fr";
const IBAN = "FR7630006000011234567890189";

const TOUCHED = ["workspaceLabel", "terms", "exclude", "policies", "disabledRules", "categories"];

async function setVeil(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration("veil").update(key, value, vscode.ConfigurationTarget.Workspace);
}

async function resetVeil(): Promise<void> {
  for (const key of TOUCHED) {
    if (vscode.workspace.getConfiguration("veil").inspect(key)?.workspaceValue !== undefined) await setVeil(key, undefined);
  }
}

async function writeFile(relativePath: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(relativePath);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The one diagnostic exactly on `needle`, waiting for it to appear. */
async function diagnosticOn(document: vscode.TextDocument, needle: string, accept: (d: vscode.Diagnostic) => boolean = () => true): Promise<vscode.Diagnostic> {
  const expected = rangeOf(document, needle);
  const found = await waitForVeilDiagnostics(document.uri, (all) => all.some((d) => d.range.isEqual(expected) && accept(d)), { message: `a diagnostic at ${describeRange(expected)}` });
  return found.find((d) => d.range.isEqual(expected) && accept(d))!;
}

suite("Diagnostics", () => {
  suiteSetup(activateVeil);
  teardown(async () => {
    await vscode.commands.executeCommand("workbench.action.files.saveAll");
    await closeAllEditors();
    await resetVeil();
  });

  test("a secret gets an exact range, rule id, documentation link and a message without the value", async () => {
    const editor = await openFresh(`// config\nconst awsKey = "${AWS_KEY}";\n`, "javascript");
    const d = await diagnosticOn(editor.document, AWS_KEY);
    assert.equal(d.source, "Veil");
    const code = d.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, "aws-access-key-id");
    assert.match(code.target.toString(), /#secrets$/);
    assert.ok(!d.message.includes(AWS_KEY), "the message must not contain the key");
    assert.match(d.message, /AWS/);
  });

  test("an e-mail address gets a diagnostic at its range", async () => {
    const editor = await openFresh(`Contact: ${EMAIL} (billing)\n`, "plaintext");
    const d = await diagnosticOn(editor.document, EMAIL);
    assert.ok(!d.message.includes(EMAIL));
    assert.match(String((d.code as { target: vscode.Uri }).target), /#personal-data$/);
  });

  test("an IBAN gets a diagnostic at its range", async () => {
    const editor = await openFresh(`Virement sur ${IBAN} avant le 5.\n`, "plaintext");
    const d = await diagnosticOn(editor.document, IBAN);
    assert.ok(!d.message.includes(IBAN));
  });

  test("a term listed in veil.terms is found, accents and case ignored", async () => {
    await setVeil("terms", [{ text: "Société Orion", kind: "CLIENT" }, "Nebula"]);
    const editor = await openFresh("Brief pour SOCIETE ORION, projet nebula.\n", "plaintext");
    await diagnosticOn(editor.document, "SOCIETE ORION");
    const nebula = await diagnosticOn(editor.document, "nebula");
    assert.match(String((nebula.code as { target: vscode.Uri }).target), /#your-own-terms$/);
  });

  test("the diagnostic disappears when the line gets veil:allow, and comes back when it is removed", async () => {
    const editor = await openFresh(`const awsKey = "${AWS_KEY}";\n`, "javascript");
    await diagnosticOn(editor.document, AWS_KEY);
    const end = editor.document.lineAt(0).range.end;
    await editor.edit((b) => b.insert(end, " // veil:allow"));
    await waitForVeilDiagnostics(editor.document.uri, (all) => all.length === 0, { message: "no diagnostic after veil:allow" });
    await vscode.commands.executeCommand("undo");
    await diagnosticOn(editor.document, AWS_KEY);
  });

  test("the diagnostic disappears when the value is replaced", async () => {
    const editor = await openFresh(`const awsKey = "${AWS_KEY}";\nconst other = 1;\n`, "javascript");
    await diagnosticOn(editor.document, AWS_KEY);
    const range = rangeOf(editor.document, `"${AWS_KEY}"`);
    await editor.edit((b) => b.replace(range, "process.env.AWS_KEY"));
    await waitForVeilDiagnostics(editor.document.uri, (all) => all.length === 0, { message: "no diagnostic once the key is gone" });
  });

  test("a diagnostic follows its value when lines are inserted above", async () => {
    const editor = await openFresh(`a\nconst awsKey = "${AWS_KEY}";\n`, "javascript");
    await diagnosticOn(editor.document, AWS_KEY);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), "one\ntwo\nthree\n"));
    const d = await diagnosticOn(editor.document, AWS_KEY);
    assert.equal(d.range.start.line, 4);
  });

  test("files matching veil.exclude get no diagnostics; others still do", async () => {
    await setVeil("exclude", ["**/excluded/**"]);
    const skipped = await writeFile("excluded/keys.js", `const awsKey = "${AWS_KEY}";\n`);
    const checked = await writeFile("included/keys.js", `const awsKey = "${AWS_KEY}";\n`);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(checked));
    const shown = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(skipped));
    await waitForVeilDiagnostics(checked);
    if (!vscode.workspace.isTrusted) {
      // Restricted Mode: the workspace's own excludes are ignored, so a cloned repository cannot hide its files.
      await waitForVeilDiagnostics(shown.document.uri);
      return;
    }
    await sleep(500);
    assert.deepEqual(veilDiagnostics(shown.document.uri), []);
    // Removing the exclude brings the diagnostics of the open file back.
    await setVeil("exclude", undefined);
    await waitForVeilDiagnostics(skipped);
  });

  test("severities follow the workspace label and change with it", async function () {
    if (!vscode.workspace.isTrusted) this.skip(); // the workspace's label is ignored in Restricted Mode (see label tests)
    const editor = await openFresh(`const awsKey = "${AWS_KEY}";\nmail = "${EMAIL}"\n`, "javascript");
    const { Error, Warning, Information } = vscode.DiagnosticSeverity;
    // Each step differs from the one before, so a label that was not applied fails the wait.
    await setVeil("workspaceLabel", "pro");
    await diagnosticOn(editor.document, AWS_KEY, (d) => d.severity === Error);
    await diagnosticOn(editor.document, EMAIL, (d) => d.severity === Error);
    await setVeil("workspaceLabel", "sandbox");
    await diagnosticOn(editor.document, AWS_KEY, (d) => d.severity === Warning);
    await diagnosticOn(editor.document, EMAIL, (d) => d.severity === Information);
    await setVeil("workspaceLabel", "public");
    await diagnosticOn(editor.document, AWS_KEY, (d) => d.severity === Error);
    await diagnosticOn(editor.document, EMAIL, (d) => d.severity === Warning);
  });

  test("veil.policies overrides a label's severity, down to no diagnostic", async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    const editor = await openFresh(`const awsKey = "${AWS_KEY}";\nmail = "${EMAIL}"\n`, "javascript");
    await setVeil("workspaceLabel", "pro");
    await diagnosticOn(editor.document, AWS_KEY, (d) => d.severity === vscode.DiagnosticSeverity.Error);
    await setVeil("policies", { pro: { secrets: "off", personalData: "hint" } });
    const all = await waitForVeilDiagnostics(editor.document.uri, (ds) => ds.length === 1 && ds[0].severity === vscode.DiagnosticSeverity.Hint, { message: "only the e-mail, as a hint" });
    assert.ok(all[0].range.isEqual(rangeOf(editor.document, EMAIL)));
  });

  test("veil.disabledRules and veil.categories switch findings off", async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    const editor = await openFresh(`const awsKey = "${AWS_KEY}";\nmail = "${EMAIL}"\n`, "javascript");
    await waitForVeilDiagnostics(editor.document.uri, (ds) => ds.length === 2);
    await setVeil("disabledRules", ["aws-access-key-id"]);
    await waitForVeilDiagnostics(editor.document.uri, (ds) => ds.length === 1 && ds[0].range.isEqual(rangeOf(editor.document, EMAIL)));
    await setVeil("categories", { secrets: true, personalData: false, terms: true, money: true });
    await waitForVeilDiagnostics(editor.document.uri, (ds) => ds.length === 0, { message: "nothing left" });
  });

  test("closing an untitled document clears its diagnostics", async () => {
    const editor = await openUntitled(`const awsKey = "${AWS_KEY}";\n`, "javascript");
    const uri = editor.document.uri;
    await diagnosticOn(editor.document, AWS_KEY);
    await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
    await waitFor(() => veilDiagnostics(uri).length === 0 && vscode.languages.getDiagnostics(uri).length === 0, { message: "diagnostics cleared on close" });
  });

  test("the hover names the finding, masks the value and offers the three actions", async () => {
    const editor = await openFresh(`aws_key = "${AWS_KEY}"\n`, "python");
    const range = rangeOf(editor.document, AWS_KEY);
    await diagnosticOn(editor.document, AWS_KEY);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", editor.document.uri, range.start.translate(0, 3));
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === "string" ? c : c.value))
      .join("\n");
    assert.match(text, /aws-access-key-id/);
    assert.match(text, /AKIA…MPLF/);
    // The diagnostic's hover shows the message; Veil's own does not say it a second time.
    const message = vscode.languages.getDiagnostics(editor.document.uri)[0].message;
    assert.equal(text.split(message.slice(0, 20)).length - 1, 0, text);
    assert.ok(!text.includes(AWS_KEY), "the hover must not show the whole key");
    for (const command of ["veil.copyAnonymized", "veil.ignoreLine", "veil.allowValue"]) assert.ok(text.includes(`command:${command}?`), command);
  });

  test("an amount is titled business data in the hover, as its message describes it", async () => {
    const editor = await openFresh("Budget : 18 500,00 € HT\n", "markdown");
    const diagnostics = await waitForVeilDiagnostics(editor.document.uri, (all) => all.length > 0);
    assert.match(diagnostics[0].message, /business data/);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", editor.document.uri, diagnostics[0].range.start.translate(0, 1));
    const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === "string" ? c : c.value)).join("\n");
    assert.match(text, /Business data: money/);
    assert.doesNotMatch(text, /Personal data/);
  });

  test("a large document is rescanned incrementally and stays exact", async function () {
    this.timeout(120_000); // opening a 25,000-line document is slow on a loaded machine
    const lines: string[] = [];
    for (let i = 0; i < 25_000; i++) lines.push(i === 20_000 ? `const awsKey = "${AWS_KEY}";` : `const line${i} = ${i};`);
    const editor = await openFresh(lines.join("\n") + "\n", "javascript");
    const first = await diagnosticOn(editor.document, AWS_KEY);
    assert.equal(first.range.start.line, 20_000);
    // Insert two lines at the top: the far finding shifts without being rescanned.
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), "// header\n// more\n"));
    await waitForVeilDiagnostics(editor.document.uri, (ds) => ds.length === 1 && ds[0].range.start.line === 20_002, { message: "the key two lines lower" });
    // A key typed near the top is found; the far one is kept.
    await editor.edit((b) => b.insert(new vscode.Position(10, 0), `const second = "${AWS_KEY.replace("F", "G")}";\n`));
    const both = await waitForVeilDiagnostics(editor.document.uri, (ds) => ds.length === 2, { message: "two keys" });
    assert.deepEqual(
      both.map((d) => d.range.start.line).sort((a, b) => a - b),
      [10, 20_003],
    );
    const text = editor.document.getText();
    for (const d of both) assert.match(editor.document.getText(d.range), /^AKIA/);
    // And the kept findings are exactly what a full scan of the text would give.
    const api = (await activateVeil()).exports as { findingsFor(document: vscode.TextDocument): ReadonlyArray<{ start: number; end: number }> };
    const offsets = api.findingsFor(editor.document).map((f) => text.slice(f.start, f.end));
    assert.deepEqual(offsets, [AWS_KEY.replace("F", "G"), AWS_KEY]);
  });
});
