// Issue 8, no leaks: the extension works on a document full of secrets and personal data
// (every command that logs or shows a message), then everything it said is scanned with the
// engine itself: the Veil Output channel, every hover, every notification, the exported
// workspace-scan report and the diagnostics' messages. None may hold a value of the document.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { listRules, scan, type ScanOptions } from "../../src/engine";
import type { VeilApi } from "../../src/extension/main";
import { activateVeil, readClipboard, runCommand, waitFor, waitForVeilDiagnostics, workspaceUri, writeClipboard } from "./helpers";
import { closeEditorsReverting, forgetAll, openScratch, selectAll, testHooks } from "./commandTestSupport";

const CLIENT = "Zephyra Holdings";
const AWS_KEY = "AKIA" + "ZQ3V7XK2LMNP4RST";
const TERMS: ScanOptions = { terms: [{ text: CLIENT, kind: "CLIENT" }] };
const DIR = "veil-leaks";

function example(ruleId: string): string {
  const found = listRules().find((r) => r.id === ruleId)?.examples?.match[0];
  if (!found) throw new Error(`rule ${ruleId} has no match example`);
  return found;
}

const GITHUB_TOKEN = example("github-pat");
/** The document: a JavaScript file (so "move to .env" applies) full of values. */
const SOURCE = [
  `const awsAccessKey = "${AWS_KEY}";`,
  `const githubToken = "${GITHUB_TOKEN}";`,
  `const stripeKey = "${example("stripe-secret-key")}";`,
  `const session = "${example("jwt")}";`,
  `const db = "${example("connection-string")}";`,
  `// ${example("password-assignment")}`,
  `// Contact: jeanne.martin@example-client.fr, tél +33 6 12 34 56 78`,
  `// IBAN FR76 3000 6000 0112 3456 7890 189, carte 4111 1111 1111 1111`,
  `// Launch plan for ${CLIENT}, budget 48 500 €`,
  `/*`,
  example("private-key"),
  `*/`,
  ``,
].join("\n");

type MessageKind = "information" | "warning" | "error";
interface ShownMessage {
  kind: MessageKind;
  text: string;
}

/** Everything the extension said during the suite, by where it said it. */
const said = {
  hovers: [] as string[],
  messages: [] as ShownMessage[],
  reports: [] as string[],
  diagnostics: [] as string[],
};

/** The document's values: what the engine finds in it (with the client's name as a term). */
function documentValues(): string[] {
  return [...new Set(scan(SOURCE, TERMS).map((f) => SOURCE.slice(f.start, f.end)))];
}

/** Markdown as a reader sees it: escapes and URL encoding undone, so an escaped value still counts. */
function plain(markdown: string): string {
  let text = markdown.replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, "$1");
  try {
    text += "\n" + decodeURIComponent(text);
  } catch {
    // Not URL-encoded: checked as it is.
  }
  return text;
}

/**
 * What leaked in one text: a document value of 8 characters or more as a substring, or a
 * finding of the engine whose value is one of the document's (or holds one, or is a long
 * piece of one).
 */
function leaksIn(text: string, values: readonly string[]): string[] {
  const leaks: string[] = [];
  for (const value of values) if (value.length >= 8 && text.includes(value)) leaks.push(`whole value (${value.length} chars, ${value.slice(0, 3)}…)`);
  for (const finding of scan(text, TERMS)) {
    const found = text.slice(finding.start, finding.end);
    const hit = values.find((v) => v === found || found.includes(v) || (found.length >= 8 && v.includes(found)));
    if (hit) leaks.push(`${finding.kind} found by the engine: ${finding.preview}`);
  }
  return leaks;
}

suite("No leaks", function () {
  this.timeout(120_000);
  let api: VeilApi;
  let document: vscode.TextDocument;
  const original: Partial<Record<MessageKind, unknown>> = {};
  /** The answer the next message with these buttons gets (by button label); undefined dismisses it. */
  let answer: (text: string, items: string[]) => string | undefined = () => undefined;
  const savedSettings: Record<string, unknown> = {};
  let savedGitignore: Uint8Array | undefined;

  suiteSetup(async () => {
    api = (await activateVeil()).exports as VeilApi;
    assert.equal(typeof api.outputLines, "function", "activate() exposes the Output channel's lines");
    // Record every notification; the extension and the tests share this API object.
    const window = vscode.window as unknown as Record<string, (...args: unknown[]) => Thenable<unknown>>;
    for (const kind of ["information", "warning", "error"] as const) {
      const name = `show${kind[0].toUpperCase()}${kind.slice(1)}Message`;
      original[kind] = window[name];
      window[name] = (text: unknown, ...rest: unknown[]) => {
        const items = rest.filter((r): r is string => typeof r === "string");
        said.messages.push({ kind, text: String(text) });
        return Promise.resolve(answer(String(text), items));
      };
    }
    await forgetAll();
    const config = vscode.workspace.getConfiguration("veil");
    for (const key of ["terms", "allowedPatterns", "allowedHashes"]) savedSettings[key] = config.inspect(key)?.workspaceValue;
    // The client's name as a term, and two broken patterns that hold a value: their warnings must not quote them.
    await config.update("terms", [{ text: CLIENT, kind: "CLIENT" }, { text: `(${CLIENT}`, kind: "CLIENT", regex: true }], vscode.ConfigurationTarget.Workspace);
    await config.update("allowedPatterns", [`${AWS_KEY}(`], vscode.ConfigurationTarget.Workspace);
    savedGitignore = await vscode.workspace.fs.readFile(workspaceUri(".gitignore")).then(
      (bytes) => bytes,
      () => undefined,
    );
    await vscode.workspace.fs.writeFile(workspaceUri(`${DIR}/app.js`), new TextEncoder().encode(SOURCE));
    document = await vscode.workspace.openTextDocument(workspaceUri(`${DIR}/app.js`));
    await vscode.window.showTextDocument(document);
    await waitFor(() => api.findingsFor(document).some((f) => f.kind === "CLIENT"), { message: "the client's name found as a term" });
    await waitForVeilDiagnostics(document.uri, (d) => d.length >= 10);
  });

  suiteTeardown(async () => {
    const window = vscode.window as unknown as Record<string, unknown>;
    for (const kind of ["information", "warning", "error"] as const) if (original[kind]) window[`show${kind[0].toUpperCase()}${kind.slice(1)}Message`] = original[kind];
    const config = vscode.workspace.getConfiguration("veil");
    for (const [key, value] of Object.entries(savedSettings)) await config.update(key, value, vscode.ConfigurationTarget.Workspace);
    await closeEditorsReverting();
    await vscode.workspace.fs.delete(workspaceUri(DIR), { recursive: true }).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(workspaceUri(".env")).then(undefined, () => undefined);
    if (savedGitignore) await vscode.workspace.fs.writeFile(workspaceUri(".gitignore"), savedGitignore);
    else await vscode.workspace.fs.delete(workspaceUri(".gitignore")).then(undefined, () => undefined);
    await forgetAll();
  });

  test("the document is full of values the engine finds", () => {
    const kinds = new Set(scan(SOURCE, TERMS).map((f) => f.kind));
    for (const kind of ["aws-access-key-id", "private-key", "email", "phone", "iban", "credit-card", "CLIENT"]) assert.ok(kinds.has(kind), `the document holds a ${kind}`);
    assert.ok(documentValues().length >= 12, `${documentValues().length} values`);
  });

  test("hovers at every finding", async () => {
    const findings = api.findingsFor(document);
    assert.ok(findings.length >= 10, `${findings.length} findings`);
    let hovered = 0;
    for (const finding of findings) {
      const position = document.positionAt(finding.start + Math.min(1, finding.end - finding.start - 1));
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", document.uri, position);
      const ours = hovers.flatMap((h) => h.contents.map((c) => (typeof c === "string" ? c : c.value))).filter((md) => md.includes("Veil"));
      if (ours.length > 0) hovered++;
      said.hovers.push(...ours);
    }
    assert.equal(hovered, findings.length, "a Veil hover at every finding");
  });

  test("copy anonymized, copy guard, preview, paste and restore with real values", async () => {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document) ?? (await vscode.window.showTextDocument(document));
    selectAll(editor);
    const copied = await runCommand<{ replaced: number }>("veil.copyAnonymized");
    assert.ok(copied.replaced >= 10, `${copied.replaced} replaced`);
    const anonymized = await readClipboard();
    await runCommand("veil.guardedCopy");
    await runCommand("veil.previewShared");
    await writeClipboard(anonymized);
    const target = await openScratch("");
    const pasted = await runCommand<{ restored: number }>("veil.pasteWithRealValues");
    assert.ok(pasted.restored >= 10, `${pasted.restored} restored`);
    assert.equal(target.document.getText(), SOURCE, "paste puts the real values back");
    const again = await openScratch(anonymized);
    selectAll(again);
    await runCommand("veil.restoreSelection");
    assert.equal(again.document.getText(), SOURCE);
    await runCommand("veil.copyErrorSnippet", {
      uri: (await openScratch(`Error: login failed for jeanne.martin@example-client.fr with ${AWS_KEY}\n    at login (/home/jeanne/${CLIENT}/src/auth.js:3:9)\n`)).document.uri.toString(),
    });
    await closeEditorsReverting();
  });

  test("allow this value and move to .env", async () => {
    await vscode.window.showTextDocument(document);
    const findings = api.findingsFor(document);
    const email = findings.find((f) => f.kind === "email");
    assert.ok(email, "an e-mail finding");
    const range = (f: { start: number; end: number }) => {
      const r = new vscode.Range(document.positionAt(f.start), document.positionAt(f.end));
      return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
    };
    const hash = await runCommand<string | undefined>("veil.allowValue", { uri: document.uri.toString(), range: range(email) });
    assert.match(hash ?? "", /^[0-9a-f]{64}$/);
    const start = document.getText().indexOf(GITHUB_TOKEN);
    const moved = await runCommand<{ name: string } | undefined>("veil.moveToEnv", { uri: document.uri.toString(), range: range({ start, end: start + GITHUB_TOKEN.length }) });
    assert.ok(moved?.name, "the token was moved to .env");
    assert.ok(!document.getText().includes(GITHUB_TOKEN));
    await vscode.commands.executeCommand("workbench.action.files.revert");
  });

  test("move to .env failing (a .env that is a folder) is shown, logged scrubbed, and leaves the source as it was", async () => {
    await vscode.window.showTextDocument(document);
    const env = workspaceUri(".env");
    const aside = workspaceUri(".env.veil-test-aside");
    await vscode.workspace.fs.rename(env, aside, { overwrite: true }).then(undefined, () => undefined);
    await vscode.workspace.fs.createDirectory(env);
    try {
      const before = said.messages.length;
      const logged = api.outputLines().length;
      const start = document.getText().indexOf(AWS_KEY);
      const r = new vscode.Range(document.positionAt(start), document.positionAt(start + AWS_KEY.length));
      const range = { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
      assert.equal(await runCommand("veil.moveToEnv", { uri: document.uri.toString(), range }), undefined);
      const shown = said.messages.slice(before);
      assert.ok(shown.some((m) => m.kind === "error"), "the failure is shown");
      const failure = api.outputLines().slice(logged).find((l) => l.includes("veil.moveToEnv failed"));
      assert.ok(failure, "the failure is logged");
      // Neither the notification nor the log names the workspace's folders or the file.
      const root = vscode.workspace.workspaceFolders![0].uri;
      for (const text of [failure, ...shown.map((m) => m.text)]) {
        for (const part of [root.path, root.fsPath, `${DIR}/app.js`, AWS_KEY.slice(0, 8)]) assert.ok(!text.includes(part), `a path or value in: ${text.slice(0, 60)}…`);
      }
      assert.ok(document.getText().includes(AWS_KEY), "the source is left as it was");
    } finally {
      await vscode.workspace.fs.delete(env, { recursive: true });
      await vscode.workspace.fs.rename(aside, env, { overwrite: true }).then(undefined, () => undefined);
    }
  });

  test("workspace scan and its exported Markdown report", async () => {
    answer = (_text, items) => items.find((i) => /Export/i.test(i));
    try {
      await runCommand("veil.scanWorkspace");
    } finally {
      answer = () => undefined;
    }
    const report = await waitFor(() => vscode.window.activeTextEditor?.document.languageId === "markdown" && vscode.window.activeTextEditor.document.getText(), { message: "the exported report" });
    assert.match(report, new RegExp(`${DIR}/app\\.js`));
    said.reports.push(report);
    // The same report through the test entry, which returns it as text.
    said.reports.push((await runCommand<{ report: string }>("veil.internal.scanWorkspace")).report);
    await closeEditorsReverting();
  });

  test("screen-share mode on and off", async () => {
    await vscode.window.showTextDocument(document);
    await runCommand("veil.toggleScreenShare");
    await runCommand("veil.toggleScreenShare");
  });

  test("a corrupted stored vault holding values is reported and reset", async () => {
    const hooks = await testHooks();
    const entry = (placeholder: string, value: string) => `{"placeholder":"${placeholder}","kind":"x","value":"${value}","createdAt":1}`;
    await hooks.secrets.store(hooks.vaultKey, `{"version":1,"entries":[${entry("[AWS_ACCESS_KEY_1]", AWS_KEY)},${entry("[EMAIL_1]", "jeanne.martin@example-client.fr")} x]}`);
    const before = said.messages.length;
    await openScratch(`aws ${AWS_KEY}`);
    const result = await runCommand<{ replaced: number }>("veil.copyAnonymized");
    assert.equal(result.replaced, 1);
    assert.ok(said.messages.slice(before).some((m) => m.kind === "warning" && /vault/i.test(m.text)), "the reset is reported");
    assert.ok(api.outputLines().some((l) => /vault: .*reset/.test(l)), "the reset is logged");
    await closeEditorsReverting();
  });

  test("a command that fails on a path holding values", async () => {
    const before = said.messages.length;
    await runCommand("veil.copyAnonymized", { uri: `file:///nonexistent-veil/${AWS_KEY}/jeanne.martin@example-client.fr/${CLIENT}.txt` });
    assert.ok(said.messages.slice(before).some((m) => m.kind === "error"), "the failure is shown");
    assert.ok(api.outputLines().some((l) => l.includes("veil.copyAnonymized failed")), "the failure is logged");
  });

  test("nothing the extension said holds a value of the document", async () => {
    for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
      for (const d of diagnostics) if (d.source === "Veil") said.diagnostics.push(`${uri.path}: ${d.message}`);
    }
    const output = api.outputLines();
    // Each source was really exercised: a check over nothing proves nothing.
    assert.ok(output.some((l) => l.includes("copy anonymized")) && output.some((l) => l.includes("allowed a value")) && output.some((l) => l.includes("moved a")), "the log holds the commands' lines");
    assert.ok(output.some((l) => l.startsWith("[") && l.includes("settings: ")), "the broken patterns were logged");
    assert.ok(said.hovers.length >= 10 && said.reports.length === 2 && said.diagnostics.length >= 10, "hovers, reports, diagnostics");
    for (const kind of ["information", "warning", "error"] as const) assert.ok(said.messages.some((m) => m.kind === kind), `a ${kind} message was shown`);

    const values = documentValues();
    const sources: [string, string[]][] = [
      ["Output channel", [...output]],
      ["hover", said.hovers.map(plain)],
      ["message", said.messages.map((m) => `${m.kind}: ${m.text}`)],
      ["workspace-scan report", said.reports.map(plain)],
      ["diagnostic", said.diagnostics],
    ];
    const leaks: string[] = [];
    for (const [where, texts] of sources) {
      // The failure names the text by its number, never quotes it: it would print the value.
      texts.forEach((text, i) => leaks.push(...leaksIn(text, values).map((leak) => `${where} #${i + 1} of ${texts.length}: ${leak}`)));
      // Also all at once: a value cut across two log lines is caught here.
      for (const leak of leaksIn(texts.join(""), values)) leaks.push(`${where} (joined): ${leak}`);
    }
    assert.deepEqual([...new Set(leaks)], []);
  });
});
