// Every Veil quick fix, applied in a real VS Code, with the resulting files checked.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { sha256Hex } from "../../src/engine";
import { activateVeil, closeAllEditors, rangeOf, readClipboard, waitFor, waitForVeilDiagnostics, workspaceUri } from "./helpers";

const AWS_KEY = "AKIAIOSFODNN7EXAMPLF";
const PHONE = "06 12 34 56 78";
const EMAIL = "claire.martin@maison-aubergine.fr";

const decoder = new TextDecoder();

async function writeFile(relativePath: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(relativePath);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

async function readFile(relativePath: string): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(workspaceUri(relativePath)));
  } catch {
    return undefined;
  }
}

async function remove(relativePath: string): Promise<void> {
  try {
    await vscode.workspace.fs.delete(workspaceUri(relativePath));
  } catch {
    // absent already
  }
}

/** Opens a workspace file with this content and waits for Veil's diagnostic on `needle`. */
async function openWithFinding(relativePath: string, text: string, needle = AWS_KEY): Promise<{ editor: vscode.TextEditor; diagnostic: vscode.Diagnostic }> {
  const uri = await writeFile(relativePath, text);
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const range = rangeOf(editor.document, needle);
  const diagnostics = await waitForVeilDiagnostics(uri, (all) => all.some((d) => d.range.isEqual(range)));
  return { editor, diagnostic: diagnostics.find((d) => d.range.isEqual(range))! };
}

async function quickFixes(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  let actions: Array<vscode.CodeAction | vscode.Command> = [];
  // The first request after activation is sometimes cancelled by the workbench (a document
  // change event racing it): ask again, a few times.
  for (let attempt = 0; ; attempt++) {
    try {
      actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>("vscode.executeCodeActionProvider", document.uri, range, vscode.CodeActionKind.QuickFix.value);
      break;
    } catch (error) {
      if (attempt >= 3 || !(error instanceof Error) || error.name !== "Canceled") throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return actions.filter((a): a is vscode.CodeAction => "kind" in a || "edit" in a || "diagnostics" in a).filter((a) => !!a.title);
}

async function apply(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `the edit of "${action.title}" was rejected`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

function find(actions: vscode.CodeAction[], title: string): vscode.CodeAction {
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `no "${title}" among: ${actions.map((a) => a.title).join(", ")}`);
  return action;
}

suite("Quick fixes", () => {
  suiteSetup(activateVeil);
  teardown(async () => {
    await vscode.commands.executeCommand("workbench.action.files.saveAll");
    await closeAllEditors();
    for (const file of [".env", ".gitignore"]) await remove(file);
    const config = vscode.workspace.getConfiguration("veil");
    if (config.inspect("allowedHashes")?.workspaceValue !== undefined) await config.update("allowedHashes", undefined, vscode.ConfigurationTarget.Workspace);
    if (config.inspect("allowedHashes")?.globalValue !== undefined) await config.update("allowedHashes", undefined, vscode.ConfigurationTarget.Global);
  });

  test("a secret in JavaScript offers move to .env, ignore, allow and copy anonymized", async () => {
    const { editor, diagnostic } = await openWithFinding("qf/offer.js", `const awsKey = "${AWS_KEY}";\n`);
    const titles = (await quickFixes(editor.document, diagnostic.range)).map((a) => a.title);
    for (const title of ["Move to .env", "Ignore on this line", "Allow this value in this workspace", "Copy anonymized"]) assert.ok(titles.includes(title), `${title} in ${titles.join(", ")}`);
    const move = (await quickFixes(editor.document, diagnostic.range)).find((a) => a.title === "Move to .env")!;
    assert.equal(move.isPreferred, true);
  });

  test("ignore on this line writes // veil:allow aws-access-key-id in JavaScript and the diagnostic goes", async () => {
    const { editor, diagnostic } = await openWithFinding("qf/ignore.js", `const awsKey = "${AWS_KEY}";\nconst x = 1;\n`);
    await apply(find(await quickFixes(editor.document, diagnostic.range), "Ignore on this line"));
    assert.equal(editor.document.lineAt(0).text, `const awsKey = "${AWS_KEY}"; // veil:allow aws-access-key-id`);
    assert.equal(editor.document.lineAt(1).text, "const x = 1;");
    await waitForVeilDiagnostics(editor.document.uri, (all) => all.length === 0, { message: "no diagnostic after ignoring the line" });
  });

  test("ignore on this line writes # veil:allow aws-access-key-id in Python", async () => {
    const { editor, diagnostic } = await openWithFinding("qf/ignore.py", `aws_key = "${AWS_KEY}"\n`);
    await apply(find(await quickFixes(editor.document, diagnostic.range), "Ignore on this line"));
    assert.equal(editor.document.getText(), `aws_key = "${AWS_KEY}" # veil:allow aws-access-key-id\n`);
    await waitForVeilDiagnostics(editor.document.uri, (all) => all.length === 0);
  });

  test("ignore in a .env file goes on the line above as veil:allow-next-line", async () => {
    const { editor, diagnostic } = await openWithFinding("qf/sample.env", `FOO=1\nAWS_KEY=${AWS_KEY}\n`);
    const ignore = (await quickFixes(editor.document, diagnostic.range)).find((a) => a.title === "Ignore on this line");
    if (editor.document.languageId !== "dotenv" && editor.document.languageId !== "properties") {
      // Without a dotenv language the file is plain text: no comment syntax, no ignore fix.
      assert.equal(ignore, undefined);
      return;
    }
    await apply(ignore!);
    assert.equal(editor.document.getText(), `FOO=1\n# veil:allow-next-line aws-access-key-id\nAWS_KEY=${AWS_KEY}\n`);
    await waitForVeilDiagnostics(editor.document.uri, (all) => all.length === 0);
  });

  test("JSON has no comments: no ignore fix, but allow this value is offered", async () => {
    const { editor, diagnostic } = await openWithFinding("qf/keys.json", `{ "awsKey": "${AWS_KEY}" }\n`);
    const titles = (await quickFixes(editor.document, diagnostic.range)).map((a) => a.title);
    assert.ok(!titles.includes("Ignore on this line"), titles.join(", "));
    assert.ok(titles.includes("Allow this value in this workspace"));
    assert.ok(!titles.includes("Move to .env"), "JSON has no environment lookup");
  });

  test("allow this value stores only its SHA-256 in the workspace settings, and the diagnostic goes", async () => {
    const { editor, diagnostic } = await openWithFinding("qf/allow.ts", `export const awsKey = "${AWS_KEY}";\n`);
    await apply(find(await quickFixes(editor.document, diagnostic.range), "Allow this value in this workspace"));
    const inspected = vscode.workspace.getConfiguration("veil").inspect<string[]>("allowedHashes");
    const stored = vscode.workspace.isTrusted ? inspected?.workspaceValue : inspected?.globalValue;
    assert.deepEqual(stored, [sha256Hex(AWS_KEY)]);
    const settings = (await readFile(".vscode/settings.json")) ?? "";
    assert.ok(!settings.includes(AWS_KEY), "the value itself must never be written to settings");
    await waitForVeilDiagnostics(editor.document.uri, (all) => all.length === 0, { message: "the allowed value is no longer reported" });
  });

  test("move to .env in JavaScript: process.env, .env created, .gitignore created", async () => {
    const { editor, diagnostic } = await openWithFinding("qf/move.js", `const awsAccessKey = "${AWS_KEY}";\nmodule.exports = { awsAccessKey };\n`);
    await apply(find(await quickFixes(editor.document, diagnostic.range), "Move to .env"));
    assert.equal(editor.document.lineAt(0).text, "const awsAccessKey = process.env.AWS_ACCESS_KEY;");
    assert.equal(await readFile(".env"), `AWS_ACCESS_KEY=${AWS_KEY}\n`);
    assert.equal(await readFile(".gitignore"), ".env\n");
    await waitForVeilDiagnostics(editor.document.uri, (all) => all.length === 0);
  });

  test("move to .env in Python: os.environ, import os added after the docstring, name kept unique", async () => {
    await writeFile(".env", "AWS_KEY=something-else\n");
    await writeFile(".gitignore", "node_modules/\n.env\n");
    const { editor, diagnostic } = await openWithFinding("qf/move.py", `"""Settings."""\nimport sys\n\naws_key = '${AWS_KEY}'\n`);
    await apply(find(await quickFixes(editor.document, diagnostic.range), "Move to .env"));
    assert.equal(editor.document.getText(), `"""Settings."""\nimport os\nimport sys\n\naws_key = os.environ["AWS_KEY_2"]\n`);
    assert.equal(await readFile(".env"), `AWS_KEY=something-else\nAWS_KEY_2=${AWS_KEY}\n`);
    assert.equal(await readFile(".gitignore"), "node_modules/\n.env\n", ".gitignore already covered .env");
  });

  test("move to .env in a shell script: \"$NAME\", .env appended, .env added to an existing .gitignore", async () => {
    await writeFile(".env", "OTHER=1");
    await writeFile(".gitignore", "dist/\n");
    const { editor, diagnostic } = await openWithFinding("qf/deploy.sh", `#!/bin/sh\nexport AWS_ACCESS_KEY_ID=${AWS_KEY}\naws s3 ls\n`);
    await apply(find(await quickFixes(editor.document, diagnostic.range), "Move to .env"));
    assert.equal(editor.document.lineAt(1).text, 'export AWS_ACCESS_KEY_ID="$AWS_ACCESS_KEY_ID"');
    assert.equal(await readFile(".env"), `OTHER=1\nAWS_ACCESS_KEY_ID=${AWS_KEY}\n`);
    assert.equal(await readFile(".gitignore"), "dist/\n.env\n");
  });

  test("copy anonymized from the quick fix puts a placeholder, not the value, on the clipboard", async () => {
    const { editor, diagnostic } = await openWithFinding("qf/copy.js", `const awsKey = "${AWS_KEY}";\n`);
    await vscode.env.clipboard.writeText("before");
    await apply(find(await quickFixes(editor.document, diagnostic.range), "Copy anonymized"));
    const copied = await waitFor(async () => {
      const text = await readClipboard();
      return text !== "before" && text;
    }, { message: "the clipboard to change" });
    assert.ok(!copied.includes(AWS_KEY));
    assert.match(copied, /^\[[A-Z_]+_\d+\]$/);
  });
  test("in a brief, allow this value comes first; ignoring the phone leaves the e-mail of the line reported and anonymized; the file stays unsaved", async () => {
    const line = `Claire Martin, ${PHONE}, ${EMAIL}`;
    const { editor, diagnostic } = await openWithFinding("qf/brief.md", `# Brief\n\n${line}\n`, PHONE);
    const actions = await waitFor(async () => {
      const found = await quickFixes(editor.document, diagnostic.range);
      return found.length > 0 && found;
    }, { message: "quick fixes on the phone number" });
    assert.equal(actions[0].title, "Allow this value in this workspace", actions.map((a) => a.title).join(", "));
    assert.equal(actions[0].isPreferred, true);
    // Through the workbench's own code-action path (the one the light bulb takes), by kind.
    const onDisk = await readFile("qf/brief.md");
    editor.selection = new vscode.Selection(diagnostic.range.start, diagnostic.range.end);
    await vscode.commands.executeCommand("workbench.action.focusActiveEditorGroup");
    await vscode.commands.executeCommand("editor.action.codeAction", { kind: "quickfix.veil.ignoreLine", apply: "first" });
    await waitFor(() => editor.document.lineAt(2).text.includes("veil:allow"), { message: "the directive to be written" });
    assert.equal(editor.document.lineAt(2).text, `${line} <!-- veil:allow pii-phone -->`);
    assert.equal(editor.document.isDirty, true, "a quick fix leaves the document unsaved, like any edit");
    assert.equal(await readFile("qf/brief.md"), onDisk, "nothing written to disk");
    const diagnostics = await waitForVeilDiagnostics(editor.document.uri, (all) => all.length === 1, { message: "only the e-mail left" });
    assert.ok(diagnostics[0].range.isEqual(rangeOf(editor.document, EMAIL)));
    // Copy Anonymized of the whole line: the e-mail goes out as a placeholder.
    editor.selection = new vscode.Selection(2, 0, 2, editor.document.lineAt(2).text.length);
    await vscode.env.clipboard.writeText("before");
    await vscode.commands.executeCommand("veil.copyAnonymized");
    const copied = await waitFor(async () => {
      const text = await readClipboard();
      return text !== "before" && text;
    }, { message: "the clipboard to change" });
    assert.ok(!copied.includes(EMAIL), "the e-mail must not go out in clear");
    assert.match(copied, /\[EMAIL_1\]/);
    await vscode.commands.executeCommand("workbench.action.files.revert");
  });

  test("ignoring a second value of the line adds its id to the same directive", async () => {
    const { editor, diagnostic } = await openWithFinding("qf/two.md", `${PHONE} ${EMAIL} <!-- veil:allow pii-phone -->\n`, EMAIL);
    await apply(find(await quickFixes(editor.document, diagnostic.range), "Ignore on this line"));
    assert.equal(editor.document.lineAt(0).text, `${PHONE} ${EMAIL} <!-- veil:allow pii-phone pii-email -->`);
    await waitForVeilDiagnostics(editor.document.uri, (all) => all.length === 0);
  });
});
