// Copy anonymized, paste with real values, restore, preview and the copy guard, inside a
// real VS Code with the real clipboard.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateVeil, rangeOf, readClipboard, runCommand, waitFor, writeClipboard } from "./helpers";
import { FAKE_AWS_KEY_1, FAKE_AWS_KEY_2, forgetAll, placeholdersIn, readVault, selectAll, closeEditorsReverting, assertActive, openScratch } from "./commandTestSupport";

interface CopyResult {
  replaced: number;
  byKind: Record<string, number>;
  origin: string;
}
interface RestoreOutcome {
  restored: number;
  unknown: string[];
}
interface GuardResult {
  action: "copied" | "anonymized";
  findings: number;
}

suite("Commands: copy anonymized, paste and restore", () => {
  suiteSetup(async function () {
    // The first copy compiles the rules and loads the vault: on a busy machine that alone can
    // take most of a test's time budget, so do it once here with a longer one.
    this.timeout(120_000);
    await activateVeil();
    await openScratch("warm-up, nothing sensitive here\n");
    await runCommand("veil.copyAnonymized");
    await closeEditorsReverting();
  });
  setup(forgetAll);
  teardown(closeEditorsReverting);

  // Plain text documents throughout: a JavaScript one starts the TypeScript server, which on a
  // busy machine competes with the test for minutes and tells nothing about Veil.
  test("copy anonymized then paste with real values round-trips through the clipboard", async () => {
    const original = `const config = {\n  accessKeyId: "${FAKE_AWS_KEY_1}",\n  region: "eu-west-3",\n};\n`;
    const source = await openScratch(original, "plaintext");
    selectAll(source);
    assertActive(source);
    const result = await runCommand<CopyResult>("veil.copyAnonymized");
    assert.equal(result.replaced, 1, `replaced ${result.replaced} in ${result.origin}: ${(await readClipboard()).replace(/AKIA\w+/g, "AKIA…")}`);
    assert.equal(result.origin, "selection");
    const copied = await readClipboard();
    assert.ok(!copied.includes(FAKE_AWS_KEY_1), "the key must not reach the clipboard");
    assert.equal(placeholdersIn(copied).length, 1, `one placeholder expected in ${copied}`);
    assert.ok(copied.includes('region: "eu-west-3"'), "the rest of the text is kept");

    const target = await openScratch("", "plaintext");
    const pasted = await runCommand<RestoreOutcome>("veil.pasteWithRealValues");
    assert.deepEqual(pasted, { restored: 1, unknown: [] });
    assert.equal(target.document.getText(), original);
  });

  test("with nothing selected the whole document is copied; the same value gets the same placeholder twice", async () => {
    await openScratch(`first: ${FAKE_AWS_KEY_1}\nsecond: ${FAKE_AWS_KEY_2}\n`);
    const first = await runCommand<CopyResult>("veil.copyAnonymized");
    assert.equal(first.origin, "document");
    assert.equal(first.replaced, 2);
    const firstText = await readClipboard();
    const [p1, p2] = placeholdersIn(firstText);
    assert.ok(p1 && p2 && p1 !== p2, `two different placeholders expected in ${firstText}`);

    await openScratch(`again: ${FAKE_AWS_KEY_2} and ${FAKE_AWS_KEY_1}\n`);
    await runCommand<CopyResult>("veil.copyAnonymized");
    assert.equal(await readClipboard(), `again: ${p2} and ${p1}\n`);
  });

  test("terms listed in veil.terms and e-mails keep their placeholder from one copy to the next", async () => {
    const settings = vscode.workspace.getConfiguration("veil");
    await settings.update("terms", ["Zorglub Industries", { text: "Projet Hibou", kind: "CODENAME" }], vscode.ConfigurationTarget.Workspace);
    try {
      await openScratch("Write to jeanne.martin@example.org at Zorglub Industries about Projet Hibou.\n");
      // The setting reaches the extension through a configuration event: wait until the copy sees it.
      await waitFor(async () => (await runCommand<CopyResult>("veil.copyAnonymized")).replaced === 3, { message: "veil.terms to apply", timeoutMs: 15_000 });
      const first = await readClipboard();
      assert.ok(!/jeanne|Zorglub|Hibou/.test(first), first);
      const [email, term, codename] = placeholdersIn(first);
      assert.match(email, /^\[EMAIL_\d+\]$/);
      assert.match(codename, /^\[CODENAME_\d+\]$/);

      await openScratch("Projet Hibou: Zorglub Industries answered jeanne.martin@example.org\n");
      const second = await runCommand<CopyResult>("veil.copyAnonymized");
      assert.equal(second.replaced, 3);
      assert.equal(await readClipboard(), `${codename}: ${term} answered ${email}\n`);
    } finally {
      await settings.update("terms", undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test("a client's name in every form gets one placeholder through the clipboard; its e-mail domain stays out of hovers; paste restores", async () => {
    const settings = vscode.workspace.getConfiguration("veil");
    await settings.update("terms", [{ text: "Maison Aubergine", kind: "CLIENT" }], vscode.ConfigurationTarget.Workspace);
    try {
      const editor = await openScratch(
        "Brief Maison Aubergine: see https://www.maison-aubergine.fr and /srv/maison_aubergine/app; MAISON_AUBERGINE_KEY; MaisonAubergine; write to camille@maison-aubergine.fr. Not aubergine farcie.\n",
      );
      await waitFor(async () => (await runCommand<CopyResult>("veil.copyAnonymized")).replaced === 6, { message: "veil.terms to apply", timeoutMs: 15_000 });
      const copied = await readClipboard();
      assert.ok(!/maison|aubergine[^ ]/i.test(copied.replace("aubergine farcie", "")), copied);
      assert.match(copied, /^Brief \[CLIENT_1\]: see https:\/\/www\.\[CLIENT_1\]\.fr and \/srv\/\[CLIENT_1\]\/app; \[CLIENT_1\]_KEY; \[CLIENT_1\]; write to \[EMAIL_\d+\]\. Not aubergine farcie\.\n$/);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", editor.document.uri, rangeOf(editor.document, "camille@").start);
      const hoverText = hovers.flatMap((h) => h.contents.map((c) => (typeof c === "string" ? c : c.value))).join("\n");
      assert.ok(hoverText.includes("•••"), hoverText);
      assert.ok(!/aubergine/i.test(hoverText), hoverText);
      await writeClipboard("Le site de [CLIENT_1] est prêt.");
      const target = await openScratch("");
      const pasted = await runCommand<RestoreOutcome>("veil.pasteWithRealValues");
      assert.equal(pasted.restored, 1);
      assert.equal(target.document.getText(), "Le site de Maison Aubergine est prêt.");
    } finally {
      await settings.update("terms", undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test("nothing sensitive: the text is copied as is and the vault stays empty", async () => {
    const text = "export function add(a: number, b: number) {\n  return a + b;\n}\n";
    await openScratch(text, "plaintext");
    const result = await runCommand<CopyResult>("veil.copyAnonymized");
    assert.equal(result.replaced, 0);
    assert.equal(await readClipboard(), text);
    assert.equal((await readVault()).size, 0);
  });

  test("a { uri, range } argument (as a hover link serializes it) copies only that range", async () => {
    const editor = await openScratch(`keep out: ${FAKE_AWS_KEY_2}\nthis line: ${FAKE_AWS_KEY_1} end\n`);
    const range = rangeOf(editor.document, `this line: ${FAKE_AWS_KEY_1}`);
    // Command links carry JSON: a Uri as components and a Range as [start, end].
    const argument = JSON.parse(JSON.stringify({ uri: editor.document.uri, range })) as unknown;
    const result = await runCommand<CopyResult>("veil.copyAnonymized", argument);
    assert.equal(result.origin, "range");
    assert.equal(result.replaced, 1);
    const copied = await readClipboard();
    assert.match(copied, /^this line: \[[A-Z_]+_\d+\]$/);
  });

  test("restore in selection puts known values back in place and lists unknown placeholders", async () => {
    await openScratch(`key ${FAKE_AWS_KEY_1}\n`);
    await runCommand("veil.copyAnonymized");
    const [placeholder] = placeholdersIn(await readClipboard());
    assert.ok(placeholder);
    // A number this vault never issued for the kind it knows.
    const unknown = placeholder.replace(/_\d+\]$/, "_99]");
    const editor = await openScratch(`answer: use ${placeholder}, not ${unknown}.\nsecond line ${placeholder}\n`);
    editor.selection = new vscode.Selection(new vscode.Position(0, 0), editor.document.lineAt(0).range.end);
    // An answer, not Veil's own copy: the key is a secret, restored on purpose (the review's answer given in advance).
    const outcome = await runCommand<RestoreOutcome>("veil.restoreSelection", { review: { secrets: "all" } });
    assert.equal(outcome.restored, 1);
    assert.deepEqual(outcome.unknown, [unknown]);
    assert.equal(editor.document.getText(), `answer: use ${FAKE_AWS_KEY_1}, not ${unknown}.\nsecond line ${placeholder}\n`, "only the selection changes");
  });

  test("restore with no selection works on the whole document", async () => {
    await openScratch(`a ${FAKE_AWS_KEY_1} b ${FAKE_AWS_KEY_2}`);
    await runCommand("veil.copyAnonymized");
    const anonymized = await readClipboard();
    const editor = await openScratch(`From the assistant:\n${anonymized}\n`);
    const outcome = await runCommand<RestoreOutcome>("veil.restoreSelection", { review: { secrets: "all" } });
    assert.equal(outcome.restored, 2);
    assert.deepEqual(outcome.unknown, []);
    assert.equal(editor.document.getText(), `From the assistant:\na ${FAKE_AWS_KEY_1} b ${FAKE_AWS_KEY_2}\n`);
  });

  test("paste with real values at several cursors replaces each selection", async () => {
    await openScratch(`token=${FAKE_AWS_KEY_2}`);
    await runCommand("veil.copyAnonymized");
    const editor = await openScratch("A:\nB:\n");
    editor.selections = [new vscode.Selection(0, 2, 0, 2), new vscode.Selection(1, 2, 1, 2)];
    const outcome = await runCommand<RestoreOutcome>("veil.pasteWithRealValues");
    // Counted once per placeholder in the clipboard text, whatever the number of cursors.
    assert.deepEqual(outcome, { restored: 1, unknown: [] });
    assert.equal(editor.document.getText(), `A:token=${FAKE_AWS_KEY_2}\nB:token=${FAKE_AWS_KEY_2}\n`);
  });
});

suite("Commands: preview and copy guard", () => {
  suiteSetup(activateVeil);
  setup(forgetAll);
  teardown(closeEditorsReverting);

  test("preview shows the anonymized text in a provider document, the kinds listed, no real value, nothing saved", async () => {
    const source = await openScratch(`aws_access_key_id = ${FAKE_AWS_KEY_1}\nregion = eu-west-3\n`, "properties");
    const before = await readClipboard();
    const result = await runCommand<{ uri: vscode.Uri; replaced: number }>("veil.previewShared");
    assert.equal(result.replaced, 1);
    const preview = vscode.window.activeTextEditor;
    assert.ok(preview, "the preview opens in an editor");
    assert.equal(preview.document.uri.scheme, "veil-preview");
    assert.notEqual(preview.document.uri.toString(), source.document.uri.toString());
    const content = preview.document.getText();
    assert.ok(!content.includes(FAKE_AWS_KEY_1), "the preview must not show the key");
    const [placeholder] = placeholdersIn(content);
    assert.ok(placeholder, "the preview shows a placeholder");
    assert.ok(content.includes(`aws_access_key_id = ${placeholder}\nregion = eu-west-3\n`), "the anonymized text is shown");
    assert.match(content, /1 value replaced/);
    assert.equal(await readClipboard(), before, "a preview copies nothing");
    assert.equal((await readVault()).size, 0, "a preview saves nothing to the vault");
    // A content provider's document: the editor shows it read-only, and it cannot be saved to a file.
    assert.equal(preview.document.isUntitled, false);
  });

  test("guarded copy of a selection without findings copies it as is", async () => {
    const editor = await openScratch("const greeting = 'hello';\nconst other = 2;\n", "plaintext");
    editor.selection = new vscode.Selection(0, 0, 0, 25);
    await writeClipboard("before");
    const result = await runCommand<GuardResult>("veil.guardedCopy");
    assert.deepEqual(result, { action: "copied", findings: 0 });
    assert.equal(await readClipboard(), "const greeting = 'hello';");
  });

  test("guarded copy of a selection with a secret: anonymized at once, or copied as is on request", async () => {
    const text = `key: ${FAKE_AWS_KEY_1}`;
    const editor = await openScratch(`${text}\n`);
    editor.selection = new vscode.Selection(0, 0, 0, text.length);

    const anonymized = await runCommand<GuardResult>("veil.guardedCopy");
    assert.deepEqual(anonymized, { action: "anonymized", findings: 1 });
    const copied = await readClipboard();
    assert.ok(!copied.includes(FAKE_AWS_KEY_1));
    // Numbers keep growing across purges (never reissued), so any number will do.
    assert.match(copied, /^key: \[AWS_ACCESS_KEY_\d+\]$/);

    const anyway = await runCommand<GuardResult>("veil.guardedCopy", { onFindings: "copy" });
    assert.deepEqual(anyway, { action: "copied", findings: 1 });
    assert.equal(await readClipboard(), text);
  });

  test("guarded copy with an empty selection guards the cursor line, as Ctrl+C copies it", async () => {
    const editor = await openScratch(`clean line\nsecret ${FAKE_AWS_KEY_2}\n`);
    editor.selection = new vscode.Selection(1, 3, 1, 3);
    const result = await runCommand<GuardResult>("veil.guardedCopy", { onFindings: "anonymize" });
    assert.deepEqual(result, { action: "anonymized", findings: 1 });
    const copied = await readClipboard();
    assert.match(copied, /^secret \[[A-Z_]+_\d+\]\n$/);
  });
});
