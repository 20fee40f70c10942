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

  test("the label dropdown labels every choice, the no-label one included (no raw null)", () => {
    const property = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.configuration.properties as Record<string, Property>)["veil.workspaceLabel"];
    assert.ok(property.enum && property.enumItemLabels, "enum with item labels");
    assert.equal(property.enumItemLabels.length, property.enum.length);
    const none = property.enumItemLabels[property.enum.indexOf(null)];
    assert.ok(none && none !== "null", `the null choice is shown as "${none}"`);
  });
});
