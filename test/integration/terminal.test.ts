// Copy Anonymized and Copy Error Snippet on a terminal's selection, as the terminal's context
// menu runs them: the text is read through the terminal's own "copy selection" (the stable API
// has no terminal selection), processed, and the result replaces it on the clipboard.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateVeil, readClipboard, runCommand, waitFor, workspaceRoot, writeClipboard } from "./helpers";
import { anonymize, Vault } from "../../src/engine";
import { contextFindings, readTerminalBuffer } from "../../src/extension/commands/textSource";
import { FAKE_AWS_KEY_2, closeEditorsReverting, forgetAll, openScratch, placeholdersIn, type SnippetResult } from "./commandTestSupport";

interface CopyResult {
  replaced: number;
  byKind: Record<string, number>;
  origin: string;
}
const EMAIL = "jane.doe@acme-shop.example.io";
const LAST_LINE = "Node.js v20.19.0";

function rootPath(): string {
  const uri = workspaceRoot();
  return uri.scheme === "file" ? uri.fsPath : uri.path;
}

/** What the terminal shows: a log line, then a Node error whose message holds an e-mail and a fake key. */
function terminalOutput(): string[] {
  const root = rootPath();
  return [
    `$ node snippet/app.js --notify ${EMAIL}`,
    "loading orders from the queue",
    `Error: STS rejected access key ${FAKE_AWS_KEY_2} for ${EMAIL}`,
    `    at parseOrders (${root}/snippet/app.js:4:23)`,
    `    at handler (${root}/snippet/app.js:8:18)`,
    "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)",
    "",
    LAST_LINE,
  ];
}

/** A terminal with no shell behind it that prints `lines` once opened. */
async function openPrintingTerminal(lines: readonly string[]): Promise<vscode.Terminal> {
  const write = new vscode.EventEmitter<string>();
  let opened: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (opened = resolve));
  const pty: vscode.Pseudoterminal = {
    onDidWrite: write.event,
    open: () => {
      write.fire(lines.join("\r\n") + "\r\n");
      opened();
    },
    close: () => write.dispose(),
  };
  const terminal = vscode.window.createTerminal({ name: "Veil test output", pty });
  terminal.show(false);
  await ready;
  return terminal;
}

/**
 * Selects everything in the active terminal, once what was written is rendered (the writes
 * reach the terminal asynchronously). The clipboard is emptied afterwards: what the commands
 * put there is theirs.
 */
async function selectAllInTerminal(): Promise<void> {
  await waitFor(
    async () => {
      await vscode.commands.executeCommand("workbench.action.terminal.selectAll");
      await writeClipboard("");
      await vscode.commands.executeCommand("workbench.action.terminal.copySelection");
      return (await readClipboard()).includes(LAST_LINE);
    },
    { timeoutMs: 20_000, intervalMs: 200, message: "the terminal's output to be selectable and copied" },
  );
  await writeClipboard("");
}

suite("Terminal selection: copy anonymized and copy error snippet", function () {
  this.timeout(60_000);
  let terminal: vscode.Terminal;

  suiteSetup(async () => {
    await activateVeil();
    terminal = await openPrintingTerminal(terminalOutput());
  });
  suiteTeardown(async () => {
    terminal?.dispose();
    await closeEditorsReverting();
  });
  setup(async () => {
    await forgetAll();
    terminal.show(false);
  });

  test("copy anonymized from the terminal's menu (the terminal as argument) copies its selection, not the open editor", async () => {
    // An editor is open as well: the command must still take the terminal's text.
    await openScratch("editor text that must not be copied\n");
    terminal.show(false);
    await selectAllInTerminal();
    const result = await runCommand<CopyResult>("veil.copyAnonymized", terminal);
    assert.equal(result?.origin, "terminal");
    const copied = await readClipboard();
    const shown = copied.replace(/AKIA\w+/g, "AKIA…");
    assert.ok(!copied.includes(EMAIL), `no e-mail in ${shown}`);
    assert.ok(!copied.includes(FAKE_AWS_KEY_2), "the key must not reach the clipboard");
    assert.ok(!copied.includes("editor text"), "the editor's text is not what was copied");
    assert.ok(copied.includes("loading orders from the queue") && copied.includes(LAST_LINE), `the rest of the terminal's text is kept: ${shown}`);
    assert.ok(result.byKind && Object.keys(result.byKind).length >= 2, `an e-mail and a key replaced: ${JSON.stringify(result.byKind)}`);
    const placeholders = placeholdersIn(copied);
    assert.equal(new Set(placeholders).size, 2, `the e-mail (twice) and the key give two placeholders: ${placeholders.join(" ")}`);

    // The answer pasted back gets the real values from the workspace vault.
    const target = await openScratch("");
    await writeClipboard(copied);
    await runCommand("veil.pasteWithRealValues");
    const restored = target.document.getText();
    assert.ok(restored.includes(`access key ${FAKE_AWS_KEY_2} for ${EMAIL}`), "paste with real values restores both");
  });

  test("copy error snippet with { source: 'terminal' } keeps the error and its frames, neutralized, with the failing code", async () => {
    await selectAllInTerminal();
    const result = await runCommand<SnippetResult>("veil.copyErrorSnippet", { source: "terminal" });
    assert.equal(result?.origin, "terminal");
    const markdown = await readClipboard();
    const shown = markdown.replace(/AKIA\w+/g, "AKIA…");
    assert.ok(/Error: STS rejected access key \[[A-Z_]+_\d+\] for \[EMAIL_\d+\]/.test(markdown), `headline with placeholders: ${shown}`);
    assert.ok(markdown.includes("snippet/app.js"), "the workspace-relative path is kept");
    assert.ok(!markdown.includes(rootPath()), "no absolute workspace path");
    assert.equal(result.hasExcerpt, true, "the failing code is read from snippet/app.js");
    assert.ok(markdown.includes("const orders = JSON.parse(payload);"), "a line around the failing one comes from the file");
    assert.ok(!markdown.includes("loading orders from the queue"), "the log line before the error is dropped");
    assert.ok(result.replacements >= 2, `replacements: ${result.replacements}`);
  });

  test("the copy guard's Ctrl/Cmd+C in the terminal ({ source: 'terminal' }) copies the selection anonymized at once", async () => {
    await selectAllInTerminal();
    const result = await runCommand<{ action: string; findings: number }>("veil.guardedCopy", { source: "terminal" });
    assert.equal(result.action, "anonymized");
    assert.ok(result.findings >= 2, `${result.findings} findings`);
    const copied = await readClipboard();
    assert.ok(!copied.includes(EMAIL) && !copied.includes(FAKE_AWS_KEY_2), "no value on the clipboard");
    assert.ok(copied.includes(LAST_LINE), "the rest of the terminal's text is kept");
  });

  test("what the terminal still holds is read, and a value the selection cuts is replaced from it", async () => {
    await selectAllInTerminal();
    await writeClipboard("kept");
    const buffer = await readTerminalBuffer();
    assert.ok(buffer?.includes(LAST_LINE) && buffer.includes(FAKE_AWS_KEY_2), "the terminal's text is read");
    assert.equal(await readClipboard(), "kept", "the clipboard is put back");
    // A selection that starts in the middle of the key: on its own, nothing to find.
    const selection = `${FAKE_AWS_KEY_2.slice(6)} for`;
    const findings = contextFindings({ text: selection, origin: "terminal", surrounding: buffer }, () => [], {});
    const copied = anonymize(selection, new Vault(), { findings }).text;
    assert.ok(!copied.includes(FAKE_AWS_KEY_2.slice(6, 12)), "no part of the key is left");
    assert.match(copied, /^\[[A-Z_]+_\d+\] for$/);
  });

  test("nothing selected in the terminal: nothing is copied and the clipboard is left as it was", async () => {
    await selectAllInTerminal();
    await vscode.commands.executeCommand("workbench.action.terminal.clearSelection");
    await writeClipboard("kept");
    assert.equal(await runCommand<CopyResult | undefined>("veil.copyAnonymized", terminal), undefined);
    assert.equal(await runCommand<SnippetResult | undefined>("veil.copyErrorSnippet", { source: "terminal" }), undefined);
    assert.equal(await readClipboard(), "kept");
  });
});
