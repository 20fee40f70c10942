// Issue 13's kinds in the real editor: private links, passwords in prose, promo codes, phones
// in a table column and dates (on in `pro` only) reach diagnostics, hovers (service named,
// tenant never shown), Copy Anonymized through the real clipboard and Paste with real values.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateVeil, readClipboard, rangeOf, runCommand, waitFor, waitForVeilDiagnostics } from "./helpers";
import { assertActive, closeEditorsReverting, forgetAll, openScratch, selectAll } from "./commandTestSupport";

const LINK = "https://maisonaubergine.sharepoint.com/:x:/s/Ventes/EaB3cD4eF5gH6iJ7kL8mN9oP0qR1sT2uV3wX4yZ5aB6cD?e=Hk29Lm";
const PASSWORD = "Potager#75";
const PROMO = "COLIBRI15";
const DATE = "2 mars 2026";
const PHONE = "0612487390";
const BRIEF = `Brief\n\nLe tableau des ventes : ${LINK}\nLe mot de passe du back-office est ${PASSWORD}.\nCode promo de lancement : ${PROMO}\nLancement le ${DATE}, sous embargo.\n\n| Nom | Téléphone |\n|---|---|\n| Camille | ${PHONE} |\n`;
const VALUES = [LINK, PASSWORD, PROMO, DATE, PHONE];

interface CopyResult {
  replaced: number;
  byKind: Record<string, number>;
}

async function setVeil(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration("veil").update(key, value, vscode.ConfigurationTarget.Workspace);
}

const ruleIds = (ds: readonly vscode.Diagnostic[]) => ds.map((d) => (typeof d.code === "object" ? String(d.code.value) : String(d.code)));

suite("Issue 13 kinds: links, prose passwords, promo codes, column phones, dates", () => {
  let previousLabel: unknown;
  suiteSetup(async function () {
    this.timeout(120_000);
    await activateVeil();
    previousLabel = vscode.workspace.getConfiguration("veil").inspect("workspaceLabel")?.workspaceValue;
  });
  setup(forgetAll);
  teardown(closeEditorsReverting);
  suiteTeardown(async () => {
    await setVeil("workspaceLabel", previousLabel);
    await setVeil("categories", undefined);
  });

  test("pro: every kind is a diagnostic, the hover names the service not the tenant, copy anonymized leaves none and paste restores", async function () {
    if (!vscode.workspace.isTrusted) this.skip(); // the workspace label is ignored in Restricted Mode
    this.timeout(60_000);
    await setVeil("workspaceLabel", "pro");
    const editor = await openScratch(BRIEF);
    const diagnostics = await waitForVeilDiagnostics(editor.document.uri, (ds) => ruleIds(ds).includes("pii-date") && ds.length >= 5, { message: "the five kinds, dates included (pro)" });
    const ids = ruleIds(diagnostics);
    for (const id of ["link-sharepoint", "prose-password-fr", "promo-code", "pii-phone", "pii-date"]) assert.ok(ids.includes(id), `${id} missing in ${ids.join(", ")}`);
    for (const d of diagnostics) for (const v of VALUES) assert.ok(!d.message.includes(v), `a diagnostic shows ${v.slice(0, 4)}…`);

    const range = rangeOf(editor.document, LINK);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", editor.document.uri, range.start.translate(0, 10));
    const hoverText = hovers.flatMap((h) => h.contents.map((c) => (typeof c === "string" ? c : c.value))).join("\n");
    assert.match(hoverText, /sharepoint\\?\.com/);
    assert.ok(!/aubergine/i.test(hoverText), "the hover must not show the client's tenant");

    selectAll(editor);
    assertActive(editor);
    const result = await runCommand<CopyResult>("veil.copyAnonymized");
    assert.ok(result.replaced >= 5, `replaced ${result.replaced}`);
    const copied = await readClipboard();
    for (const v of VALUES) assert.ok(!copied.includes(v), `${v.slice(0, 4)}… reached the clipboard`);
    for (const p of ["PRIVATE_LINK", "PASSWORD", "PROMO_CODE", "DATE", "PHONE"]) assert.match(copied, new RegExp(`\\[${p}_\\d+\\]`));

    const target = await openScratch("");
    await runCommand("veil.pasteWithRealValues");
    assert.equal(target.document.getText(), BRIEF);
  });

  test("outside pro dates stay silent unless veil.categories.dates turns them on", async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    this.timeout(60_000);
    await setVeil("workspaceLabel", "public");
    const editor = await openScratch(BRIEF);
    await waitForVeilDiagnostics(editor.document.uri, (ds) => ds.length >= 4 && !ruleIds(ds).includes("pii-date"), { message: "no date in public" });
    await setVeil("categories", { dates: true });
    await waitForVeilDiagnostics(editor.document.uri, (ds) => ruleIds(ds).includes("pii-date"), { message: "dates on through veil.categories" });
    await setVeil("categories", undefined);
    await waitFor(async () => {
      await runCommand("veil.copyAnonymized");
      return (await readClipboard()).includes(DATE);
    }, { message: "the date kept in the copy once dates are off again", timeoutMs: 15_000 });
  });

  test("screen-share mode masks each new kind (pro)", async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    this.timeout(60_000);
    await setVeil("workspaceLabel", "pro");
    const editor = await openScratch(BRIEF);
    await waitForVeilDiagnostics(editor.document.uri, (ds) => ruleIds(ds).includes("pii-date"));
    const key = (r: vscode.Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
    const wanted = VALUES.map((v) => key(rangeOf(editor.document, v)));
    await runCommand("veil.toggleScreenShare");
    try {
      await waitFor(async () => {
        const state = await runCommand<{ on: boolean; editors: { uri: string; ranges: { start: { line: number; character: number }; end: { line: number; character: number } }[] }[] }>("veil.internal.screenShareState");
        const mine = state.editors.find((e) => e.uri === editor.document.uri.toString());
        const masked = new Set((mine?.ranges ?? []).map((r) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`));
        return state.on && wanted.every((w) => masked.has(w));
      }, { message: "link, password, promo code, phone and date masked" });
    } finally {
      await runCommand("veil.toggleScreenShare");
    }
  });
});
