// "Copy Error Snippet" inside a real VS Code: from a selected stack trace, from the
// diagnostic under the cursor, with the excerpt read through vscode.workspace.fs.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateVeil, openWorkspaceFile, readClipboard, runCommand, workspaceRoot, writeClipboard } from "./helpers";
import { FAKE_AWS_KEY_3, forgetAll, selectAll, closeEditorsReverting, assertActive, openScratch, type SnippetResult } from "./commandTestSupport";

const HOME = "/home/alice";

function rootPath(): string {
  const uri = workspaceRoot();
  return uri.scheme === "file" ? uri.fsPath : uri.path;
}

/** A Node stack trace as a terminal shows it: user frames in the workspace, library frames under a home folder. */
function nodeTrace(): string {
  const root = rootPath();
  return [
    `${root}/snippet/app.js:4`,
    "  return orders.items.map((item) => item.total);",
    "                      ^",
    "",
    "TypeError: Cannot read properties of undefined (reading 'map')",
    `    at parseOrders (${root}/snippet/app.js:4:23)`,
    `    at handler (${root}/snippet/app.js:8:18)`,
    `    at Layer.handle [as handle_request] (${HOME}/shop/node_modules/express/lib/router/layer.js:95:5)`,
    `    at next (${HOME}/shop/node_modules/express/lib/router/route.js:149:13)`,
    "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)",
    "",
    "Node.js v20.19.0",
    "",
  ].join("\n");
}

suite("Commands: copy error snippet", () => {
  suiteSetup(activateVeil);
  setup(forgetAll);
  teardown(closeEditorsReverting);

  test("a selected Node stack trace gives the error, the excerpt from the workspace file, and no home or workspace path", async () => {
    const editor = await openScratch(`some log line before\n${nodeTrace()}`, "log");
    selectAll(editor);
    assertActive(editor);
    const result = await runCommand<SnippetResult>("veil.copyErrorSnippet");
    assert.equal(result.origin, "selection");
    assert.equal(result.hasExcerpt, true, "the failing code is read from snippet/app.js");
    assert.ok(result.linesKept < result.linesIn, `${result.linesKept} of ${result.linesIn} lines kept`);
    const markdown = await readClipboard();
    assert.ok(markdown.includes("TypeError: Cannot read properties of undefined (reading 'map')"), markdown);
    assert.ok(markdown.includes("snippet/app.js"), "the workspace-relative path is kept");
    assert.ok(markdown.includes("const orders = JSON.parse(payload);"), "a line around the failing one comes from the file");
    assert.ok(!markdown.includes(HOME), "no home path");
    assert.ok(!markdown.includes(rootPath()), "no absolute workspace path");
    assert.ok(!markdown.includes("some log line before"), "the noise around the error is dropped");
  });

  test("a secret in the error message is replaced by a placeholder that paste with real values restores", async () => {
    const editor = await openScratch(
      [`Error: STS rejected access key ${FAKE_AWS_KEY_3}`, `    at connect (${rootPath()}/snippet/app.js:3:10)`, ""].join("\n"),
      "log",
    );
    selectAll(editor);
    assertActive(editor);
    const result = await runCommand<SnippetResult>("veil.copyErrorSnippet");
    const markdown = await readClipboard();
    assert.ok(result.replacements >= 1, `replacements: ${result.replacements} in ${markdown.replace(/AKIA\w+/g, "AKIA…")}`);
    assert.ok(!markdown.includes(FAKE_AWS_KEY_3), "the key is neutralized");
    const target = await openScratch("");
    await runCommand("veil.pasteWithRealValues");
    assert.ok(target.document.getText().includes(`access key ${FAKE_AWS_KEY_3}`), "the snippet's placeholder is in the workspace vault");
  });

  test("with no selection, the diagnostic under the cursor and the code around its line are copied", async () => {
    const collection = vscode.languages.createDiagnosticCollection("veil-test-snippet");
    try {
      const editor = await openWorkspaceFile("snippet/app.js");
      const range = new vscode.Range(3, 17, 3, 22);
      const diagnostic = new vscode.Diagnostic(range, "Property 'items' does not exist on type 'unknown'.", vscode.DiagnosticSeverity.Error);
      diagnostic.source = "ts";
      diagnostic.code = 2339;
      collection.set(editor.document.uri, [diagnostic]);
      editor.selection = new vscode.Selection(3, 19, 3, 19);
      assertActive(editor);
      const result = await runCommand<SnippetResult>("veil.copyErrorSnippet");
      assert.equal(result.origin, "diagnostic");
      assert.equal(result.hasExcerpt, true);
      const markdown = await readClipboard();
      assert.ok(markdown.includes("TS2339"), markdown);
      assert.ok(markdown.includes("Property 'items' does not exist on type 'unknown'."));
      assert.ok(markdown.includes("return orders.items.map((item) => item.total);"), "the failing line is in the excerpt");

      // The same from a quick fix or hover: `{ uri, range }` with an empty range at the problem.
      await writeClipboard("");
      const argument = JSON.parse(JSON.stringify({ uri: editor.document.uri, range: new vscode.Range(3, 19, 3, 19) })) as unknown;
      const viaArgument = await runCommand<SnippetResult>("veil.copyErrorSnippet", argument);
      assert.equal(viaArgument.origin, "diagnostic");
      assert.equal(await readClipboard(), markdown);
    } finally {
      collection.dispose();
    }
  });

  test("no error in the selection: nothing is copied", async () => {
    const editor = await openScratch("Just a note about the weather.\nNothing failed today.\n");
    selectAll(editor);
    await writeClipboard("kept");
    const result = await runCommand<SnippetResult | undefined>("veil.copyErrorSnippet");
    assert.equal(result, undefined);
    assert.equal(await readClipboard(), "kept");
  });

  test("no selection and no diagnostic under the cursor: nothing is copied", async () => {
    await openScratch("const fine = true;\n", "plaintext");
    await writeClipboard("kept too");
    const result = await runCommand<SnippetResult | undefined>("veil.copyErrorSnippet");
    assert.equal(result, undefined);
    assert.equal(await readClipboard(), "kept too");
  });
});
