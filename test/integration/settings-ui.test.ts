// The settings a first-time user sets in the Settings UI: terms as one list of strings per
// kind (no JSON needed), and a label choice without a raw `null`.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateVeil, closeAllEditors, EXTENSION_ID, openUntitled, waitForVeilDiagnostics } from "./helpers";

interface Property {
  type?: string | string[];
  enum?: unknown[];
  enumItemLabels?: string[];
  items?: { type?: string };
}

interface VeilApi {
  outputLines(): readonly string[];
}

suite("Settings UI", () => {
  suiteSetup(activateVeil);
  teardown(closeAllEditors);

  test("terms per kind are lists of strings, and each list names its placeholder kind", async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    const properties = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.configuration.properties as Record<string, Property>;
    const lists = { clients: "CLIENT", brands: "BRAND", products: "PRODUCT", codenames: "CODENAME", people: "PERSON" };
    for (const key of Object.keys(lists)) {
      const property = properties[`veil.${key}`];
      assert.equal(property?.type, "array", key);
      assert.equal(property.items?.type, "string", `${key}: a list of strings, which the Settings UI edits without JSON`);
    }
    const config = vscode.workspace.getConfiguration("veil");
    try {
      await config.update("clients", ["Orchidée Conseil"], vscode.ConfigurationTarget.Workspace);
      await config.update("codenames", ["Héron"], vscode.ConfigurationTarget.Workspace);
      const editor = await openUntitled("Brief pour Orchidee Conseil, projet HERON.\n");
      const diagnostics = await waitForVeilDiagnostics(editor.document.uri, (all) => all.length >= 2, { message: "both terms reported" });
      const codes = diagnostics.map((d) => (typeof d.code === "object" ? d.code.value : d.code));
      assert.deepEqual(codes, ["term", "term"]);
      assert.match(diagnostics[0].message, /client/i);
      assert.match(diagnostics[1].message, /codename/i);
      await vscode.env.clipboard.writeText("");
      editor.selection = new vscode.Selection(0, 0, 1, 0);
      await vscode.commands.executeCommand("veil.copyAnonymized");
      const copied = await vscode.env.clipboard.readText();
      assert.match(copied, /\[CLIENT_1\]/);
      assert.match(copied, /\[CODENAME_1\]/);
    } finally {
      await config.update("clients", undefined, vscode.ConfigurationTarget.Workspace);
      await config.update("codenames", undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test("malformed settings: the bad entries are left out and logged by key without their values, the rest applies", async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    const api = (await activateVeil()).exports as VeilApi;
    const config = vscode.workspace.getConfiguration("veil");
    const bad: Record<string, unknown> = {
      clients: ["Orchidée Conseil", 3, " "],
      terms: [{ text: "Zephyrin", kind: "two words" }],
      categories: { personalData: "no", colour: true },
      debounceMs: -5,
    };
    try {
      for (const [key, value] of Object.entries(bad)) await config.update(key, value, vscode.ConfigurationTarget.Workspace);
      const editor = await openUntitled("Brief pour Orchidee Conseil, projet Zephyrin, contact jeanne.martin@example.org\n");
      const diagnostics = await waitForVeilDiagnostics(editor.document.uri, (all) => all.length >= 3, { message: "the two terms and the e-mail" });
      const codes = diagnostics.map((d) => (typeof d.code === "object" ? d.code.value : d.code));
      assert.deepEqual(codes.slice(0, 2), ["term", "term"], "the good client and the term with a bad kind (kind TERM) are found");
      assert.equal(diagnostics.length, 3, "personal data stays on: its flag was not true or false");
      const logged = api.outputLines().filter((l) => l.includes("settings: "));
      for (const expected of [
        /settings: veil\.clients\[1\] must be a non-empty string, got a number$/,
        /settings: veil\.clients\[2\] must be a non-empty string, got a string \(1 character\)$/,
        /settings: veil\.terms\[0\]\.kind must be a word like "CLIENT"/,
        /settings: veil\.categories\.personalData must be true or false, got a string \(2 characters\)$/,
        /settings: unknown field "colour" in veil\.categories/,
        /settings: veil\.debounceMs must be a number from 0 to 5000, got number -5: 0 is used$/,
      ]) {
        assert.ok(logged.some((l) => expected.test(l)), `${expected} in ${JSON.stringify(logged)}`);
      }
      for (const line of logged) assert.ok(!/Orchid|Zephyrin|two words/.test(line), `no value in the log: ${line}`);
    } finally {
      for (const key of Object.keys(bad)) await config.update(key, undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test("the label dropdown labels every choice, the no-label one included (no raw null)", () => {
    const property = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.configuration.properties as Record<string, Property>)["veil.workspaceLabel"];
    assert.ok(property.enum && property.enumItemLabels, "enum with item labels");
    assert.equal(property.enumItemLabels.length, property.enum.length);
    const none = property.enumItemLabels[property.enum.indexOf(null)];
    assert.ok(none && none !== "null", `the null choice is shown as "${none}"`);
  });
});
