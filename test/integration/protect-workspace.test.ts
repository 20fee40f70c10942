// "Veil: Protect Workspace from AI Assistants": writes the assistants' files for a workspace
// with a .env, keeps the user's lines, and the status-bar tooltip says which are guarded.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateVeil, runCommand, waitFor, workspaceUri } from "./helpers";

interface VeilApi {
  statusBar(): { text: string; tooltip: string };
}
interface GuardState {
  folders: Record<string, { guarded: string[]; listed: string[] }>;
  hookCommand: string | undefined;
}

const AWS_KEY = "AKIA" + "QWERTYUIOPASDFGH";
// Random-looking: a run like 0123…abcd… is a placeholder (rules/placeholder.ts) and stays silent.
const GITHUB_TOKEN = "ghp_" + "8fQm2Lx9Rk4Tz7Wb1Nc6Vd3Hj5Gs0Pa2Xy4R";
const CREATED = [".env", "src/settings.js", "src/late.js", ".cursorignore", ".codeiumignore", ".aiexclude", ".geminiignore", ".aiderignore", ".aiignore", ".clineignore", ".rooignore", ".claude"];
const isWeb = typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node !== "string";

async function write(path: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(workspaceUri(path), new TextEncoder().encode(text));
}
async function read(path: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(path)));
}

suite("Protect Workspace from AI Assistants", () => {
  let api: VeilApi;

  suiteSetup(async () => {
    api = (await activateVeil()).exports as VeilApi;
    await write(".env", `AWS_ACCESS_KEY_ID=${AWS_KEY}\n`);
    await write("src/settings.js", `export const token = "${GITHUB_TOKEN}";\n`);
    await write(".cursorignore", "dist/\n");
  });

  suiteTeardown(async () => {
    for (const path of CREATED) await vscode.workspace.fs.delete(workspaceUri(path), { recursive: true }).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(workspaceUri("src"), { recursive: true }).then(undefined, () => undefined);
    await runCommand("veil.internal.aiGuardState");
  });

  test("the tooltip says the assistants are not guarded before the command", async () => {
    await runCommand("veil.internal.aiGuardState");
    await waitFor(() => api.statusBar().tooltip.includes("AI assistants: not guarded"), { message: "tooltip without the guard line" });
  });

  test("writes every assistant's file for a workspace with a .env, keeps the user's lines, and the tooltip shows the guard", async () => {
    await runCommand("veil.protectWorkspace");
    const cursor = await read(".cursorignore");
    assert.ok(cursor.startsWith("dist/\n"), "the user's line stays first");
    assert.match(cursor, /# >>> veil guard/);
    assert.match(cursor, /^\.env$/m);
    assert.match(cursor, /^!\.env\.example$/m);
    assert.match(cursor, /^\/src\/settings\.js$/m);
    for (const file of [".codeiumignore", ".geminiignore", ".aiderignore", ".aiignore", ".clineignore", ".rooignore"]) assert.match(await read(file), /^\/src\/settings\.js$/m, file);
    const aiexclude = await read(".aiexclude");
    assert.ok(!/^!/m.test(aiexclude), ".aiexclude has no negation");
    assert.match(aiexclude, /^\.env$/m);
    const settings = JSON.parse(await read(".claude/settings.json")) as { permissions: { deny: string[] }; hooks?: Record<string, { hooks: { command: string }[] }[]> };
    assert.ok(settings.permissions.deny.includes("Read(./**/.env)"));
    assert.ok(settings.permissions.deny.includes("Read(./src/settings.js)"));
    const state = await runCommand<GuardState>("veil.internal.aiGuardState");
    if (isWeb) assert.equal(state.hookCommand, undefined, "no local CLI in the web worker");
    else {
      // The hook runs the CLI bundle shipped inside the extension, with VS Code's own runtime.
      assert.match(state.hookCommand ?? "", /dist\/cli\.js'? hook claude-code$/);
      assert.equal(settings.hooks?.PreToolUse?.at(-1)?.hooks[0].command, state.hookCommand);
      assert.equal(settings.hooks?.UserPromptSubmit?.at(-1)?.hooks[0].command, state.hookCommand);
    }
    for (const file of CREATED.slice(3)) {
      const text = file === ".claude" ? await read(".claude/settings.json") : await read(file);
      assert.ok(!text.includes(AWS_KEY) && !text.includes(GITHUB_TOKEN), `no value in ${file}`);
    }
    const folder = Object.values(state.folders)[0];
    assert.equal(folder.guarded.length, 9);
    assert.ok(folder.listed.includes(".env") && folder.listed.includes("src/settings.js"), folder.listed.join(", "));
    const tooltip = await waitFor(() => (api.statusBar().tooltip.includes("AI assistants guarded") ? api.statusBar().tooltip : undefined), { message: "tooltip with the guard line" });
    assert.match(tooltip, /AI assistants guarded: Claude Code, Cursor, Windsurf, Gemini Code Assist, Gemini CLI, Aider, JetBrains AI, Cline, Roo Code\. (\d+) files excluded/);
    assert.equal(Number(/(\d+) files excluded/.exec(tooltip)?.[1]), folder.listed.length);
    assert.ok(!tooltip.includes(AWS_KEY) && !tooltip.includes(GITHUB_TOKEN));
  });

  test("a second run changes nothing", async () => {
    const before = await Promise.all(CREATED.slice(3, -1).map(read));
    const settings = await read(".claude/settings.json");
    await runCommand("veil.protectWorkspace");
    assert.deepEqual(await Promise.all(CREATED.slice(3, -1).map(read)), before);
    assert.equal(await read(".claude/settings.json"), settings);
  });

  test("in a pro workspace, a secret found in a file the guard does not cover is added without asking", async function () {
    // The update rescans the whole workspace: slow on a loaded machine.
    this.timeout(90_000);
    const config = vscode.workspace.getConfiguration("veil");
    const previous = config.inspect("workspaceLabel")?.workspaceValue;
    await config.update("workspaceLabel", "pro", vscode.ConfigurationTarget.Workspace);
    try {
      await write("src/late.js", `const key = "${GITHUB_TOKEN}";\n`);
      const document = await vscode.workspace.openTextDocument(workspaceUri("src/late.js"));
      await vscode.window.showTextDocument(document);
      // The update rewrites the file: a read may land between its removal and the new copy.
      await waitFor(async () => (await read(".cursorignore").catch(() => "")).includes("/src/late.js"), { timeoutMs: 75_000, message: "src/late.js added to .cursorignore" });
      assert.ok((JSON.parse(await read(".claude/settings.json")) as { permissions: { deny: string[] } }).permissions.deny.includes("Read(./src/late.js)"));
      assert.ok(!(await read(".cursorignore")).includes(GITHUB_TOKEN));
    } finally {
      await vscode.commands.executeCommand("workbench.action.closeAllEditors");
      await config.update("workspaceLabel", previous, vscode.ConfigurationTarget.Workspace);
    }
  });

  test("veil.guard.assistants, read through the settings' schema: an unknown id is left out, the listed assistants are the ones guarded", async () => {
    const config = vscode.workspace.getConfiguration("veil");
    await config.update("guard.assistants", ["cursor", "not-an-assistant", "aider"], vscode.ConfigurationTarget.Workspace);
    try {
      const state = await runCommand<GuardState>("veil.internal.aiGuardState");
      assert.deepEqual([...Object.values(state.folders)[0].guarded].sort(), ["aider", "cursor"]);
    } finally {
      await config.update("guard.assistants", undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
