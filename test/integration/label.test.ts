// The workspace label: the command (with and without the picker), the setting it writes,
// the status bar and the context keys that depend on it.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateVeil, closeAllEditors, waitFor, waitForVeilDiagnostics, workspaceUri } from "./helpers";
import { currentRunOptions } from "./runner";

const EXTENSIONS: Record<string, string> = { javascript: "js", markdown: "md", plaintext: "txt", python: "py" };
let fileCounter = 0;

/**
 * Opens a new workspace file with this content. (Untitled documents reuse their names after a
 * close, and a test could then be handed the previous one.)
 */
async function openFresh(content: string, language: string): Promise<vscode.TextEditor> {
  const uri = workspaceUri(`it-label/${Date.now()}-${++fileCounter}.${EXTENSIONS[language] ?? "txt"}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

const AWS_KEY = "AKIAIOSFODNN7EXAMPLF";

interface VeilApi {
  activationMs: number;
  codeLoadingMs: number;
  statusBar(): { text: string; tooltip: string; backgroundColor: string | undefined };
  contextKeys(): Record<string, unknown>;
  labelPickItems(current: string | undefined): Array<{ label: string; description?: string; detail?: string; value: string }>;
}

let api: VeilApi;

function workspaceLabelSetting(): unknown {
  return vscode.workspace.getConfiguration("veil").inspect("workspaceLabel")?.workspaceValue;
}

async function reset(): Promise<void> {
  const config = vscode.workspace.getConfiguration("veil");
  for (const key of ["workspaceLabel", "copyGuard.enabled"]) {
    if (config.inspect(key)?.workspaceValue !== undefined) await config.update(key, undefined, vscode.ConfigurationTarget.Workspace);
  }
  if (config.inspect("workspaceLabel")?.globalValue !== undefined) await config.update("workspaceLabel", undefined, vscode.ConfigurationTarget.Global);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

suite("Workspace label", () => {
  suiteSetup(async () => {
    api = (await activateVeil()).exports as VeilApi;
    await reset();
  });
  teardown(async () => {
    await vscode.commands.executeCommand("workbench.action.files.saveAll");
    await closeAllEditors();
    await reset();
  });

  test("activation timings are reported (shown in the title, not asserted)", function () {
    assert.ok(Number.isFinite(api.activationMs) && api.activationMs >= 0);
    assert.ok(Number.isFinite(api.codeLoadingMs) && api.codeLoadingMs >= 0);
    // The spec reporter prints the title when the test ends.
    this.test!.title += `: activate() ${api.activationMs} ms, evaluating the bundle ${api.codeLoadingMs} ms`;
  });

  test("setting the label by argument writes the workspace setting and updates status bar and context keys", async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    const result = await vscode.commands.executeCommand("veil.setWorkspaceLabel", "pro");
    assert.equal(result, "pro");
    assert.equal(workspaceLabelSetting(), "pro");
    await waitFor(() => api.statusBar().text === "$(shield) Pro", { message: "status bar shows Pro" });
    assert.equal(api.statusBar().backgroundColor, "statusBarItem.warningBackground");
    assert.match(api.statusBar().tooltip, /Pro/);
    assert.match(api.statusBar().tooltip, /copy guard: on/);
    assert.deepEqual(api.contextKeys(), { "veil.workspaceLabel": "pro", "veil.copyGuardActive": true });
  });

  test("the pro tooltip says what is in effect: masking on screen off while values are visible, on with screen-share mode", async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    await vscode.commands.executeCommand("veil.setWorkspaceLabel", "pro");
    await waitFor(() => api.statusBar().text.startsWith("$(shield) Pro"), { message: "status bar shows Pro" });
    let tooltip = api.statusBar().tooltip;
    assert.match(tooltip, /masking on screen: off/);
    assert.match(tooltip, /Values are visible on screen/);
    assert.doesNotMatch(tooltip, /masking: on|values are masked|masking on screen: on/i);
    await vscode.commands.executeCommand("veil.toggleScreenShare");
    try {
      tooltip = await waitFor(() => /masking on screen: on/.test(api.statusBar().tooltip) && api.statusBar().tooltip, { message: "the tooltip to say masking is on" });
      assert.doesNotMatch(tooltip, /Values are visible on screen/);
    } finally {
      await vscode.commands.executeCommand("veil.toggleScreenShare");
    }
    await waitFor(() => /masking on screen: off/.test(api.statusBar().tooltip), { message: "masking off again" });
  });

  test("sandbox has no warning background and no copy guard", async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    await vscode.commands.executeCommand("veil.setWorkspaceLabel", "sandbox");
    await waitFor(() => api.statusBar().text === "$(shield) Sandbox", { message: "status bar shows Sandbox" });
    assert.equal(api.statusBar().backgroundColor, undefined);
    assert.equal(api.contextKeys()["veil.copyGuardActive"], false);
    assert.equal(api.contextKeys()["veil.workspaceLabel"], "sandbox");
  });

  test("veil.copyGuard.enabled = false turns the copy guard off even in pro", async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    await vscode.commands.executeCommand("veil.setWorkspaceLabel", "pro");
    await waitFor(() => api.contextKeys()["veil.copyGuardActive"] === true, { message: "copy guard on" });
    await vscode.workspace.getConfiguration("veil").update("copyGuard.enabled", false, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => api.contextKeys()["veil.copyGuardActive"] === false, { message: "copy guard off" });
  });

  test("the status bar counts the findings of the active file", async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    await vscode.commands.executeCommand("veil.setWorkspaceLabel", "public");
    const editor = await openFresh(`a = "${AWS_KEY}"\nb = "claire.martin@orange.fr"\n`, "python");
    await waitForVeilDiagnostics(editor.document.uri, (d) => d.length === 2);
    await waitFor(() => api.statusBar().text === "$(shield) Public · 2", { message: `"Public · 2", got "${api.statusBar().text}"` });
    assert.match(api.statusBar().tooltip, /2 findings in this file/);
    const clean = await openFresh("nothing here\n", "plaintext");
    assert.ok(clean);
    await waitFor(() => api.statusBar().text === "$(shield) Public", { message: "no count on a clean file" });
  });

  test("an unlabeled workspace with findings gets the warning background; without findings it does not", async () => {
    await vscode.commands.executeCommand("veil.setWorkspaceLabel", "none");
    assert.equal(workspaceLabelSetting(), undefined);
    await openFresh("nothing here\n", "plaintext");
    await waitFor(() => api.statusBar().text === "$(shield) Veil", { message: "status bar shows Veil" });
    assert.equal(api.statusBar().backgroundColor, undefined);
    assert.equal(api.contextKeys()["veil.workspaceLabel"], "none");
    const editor = await openFresh(`key = "${AWS_KEY}"\n`, "python");
    await waitForVeilDiagnostics(editor.document.uri);
    await waitFor(() => api.statusBar().text === "$(shield) Veil · 1", { message: "Veil · 1" });
    assert.equal(api.statusBar().backgroundColor, "statusBarItem.warningBackground");
  });

  test("the picker lists the three labels and 'No label', current one first and marked, each explained", () => {
    const items = api.labelPickItems("sandbox");
    assert.deepEqual(
      items.map((i) => i.value),
      ["sandbox", "public", "pro", "none"],
    );
    assert.equal(items[0].description, "current");
    assert.ok(items.slice(1).every((i) => i.description === undefined));
    assert.ok(items.every((i) => typeof i.detail === "string" && i.detail.length > 10));
    assert.deepEqual(
      api.labelPickItems(undefined).map((i) => i.value),
      ["none", "public", "sandbox", "pro"],
    );
  });

  test("the QuickPick flow: pick the next item and the setting is written to the workspace", async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    await vscode.commands.executeCommand("veil.setWorkspaceLabel", "sandbox");
    // Items: sandbox (current), public, pro, none. Move down once and accept: public.
    const picked = vscode.commands.executeCommand("veil.setWorkspaceLabel");
    await sleep(800);
    await vscode.commands.executeCommand("workbench.action.quickOpenSelectNext");
    await sleep(200);
    await vscode.commands.executeCommand("workbench.action.acceptSelectedQuickOpenItem");
    assert.equal(await picked, "public");
    assert.equal(workspaceLabelSetting(), "public");
    await waitFor(() => api.statusBar().text.startsWith("$(shield) Public"), { message: "status bar shows Public" });
  });

  test("dismissing the picker changes nothing", async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    await vscode.commands.executeCommand("veil.setWorkspaceLabel", "pro");
    const picked = vscode.commands.executeCommand("veil.setWorkspaceLabel");
    await sleep(800);
    await vscode.commands.executeCommand("workbench.action.closeQuickOpen");
    assert.equal(await picked, undefined);
    assert.equal(workspaceLabelSetting(), "pro");
  });

  test("in Restricted Mode the workspace's own label is ignored; the user's label applies", async function () {
    if (currentRunOptions().trust !== "untrusted" || vscode.workspace.isTrusted) this.skip();
    assert.equal(await vscode.commands.executeCommand("veil.setWorkspaceLabel", "sandbox"), "sandbox");
    await sleep(300);
    assert.equal(api.contextKeys()["veil.workspaceLabel"], "none");
    await vscode.workspace.getConfiguration("veil").update("workspaceLabel", "pro", vscode.ConfigurationTarget.Global);
    await waitFor(() => api.contextKeys()["veil.workspaceLabel"] === "pro", { message: "the user's label applies" });
  });
});
