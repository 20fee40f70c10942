// The demo's own client brief, copied anonymized in the `pro` label through the real
// clipboard: no person's name and no postal address may reach the assistant.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateVeil, EXTENSION_ID, readClipboard, runCommand } from "./helpers";
import { closeEditorsReverting, forgetAll, openScratch } from "./commandTestSupport";

interface CopyResult {
  replaced: number;
  byKind: Record<string, number>;
  origin: string;
}

/** What the brief holds that a client would call confidential: the people and the address. */
const NAMES = ["Camille", "Devaux", "Karim", "Benali", "Sophie", "Marchetti"];
const ADDRESS_PARTS = ["12 rue des Potagers", "Potagers", "69002"];

async function setLabel(label: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration("veil").update("workspaceLabel", label, vscode.ConfigurationTarget.Workspace);
}

suite("Demo brief: names and addresses do not survive Copy Anonymized", () => {
  suiteSetup(async function () {
    this.timeout(120_000);
    await activateVeil();
    await forgetAll();
  });
  teardown(async () => {
    await closeEditorsReverting();
    await setLabel(undefined);
  });

  test("brief-client.md copied anonymized in pro holds no person's name and no address", async function () {
    this.timeout(90_000);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, "the extension under test");
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, "examples", "demo-workspace", "brief-client.md"));
    const brief = new TextDecoder().decode(bytes);
    for (const value of [...NAMES, ...ADDRESS_PARTS]) assert.ok(brief.includes(value), `the demo brief should mention ${value.slice(0, 3)}…`);

    await setLabel("pro");
    await openScratch(brief);
    const result = await runCommand<CopyResult>("veil.copyAnonymized");
    assert.equal(result.origin, "document");
    const copied = await readClipboard();
    const leaked = [...NAMES, ...ADDRESS_PARTS].filter((value) => copied.includes(value));
    assert.deepEqual(leaked.map((v) => `${v.slice(0, 3)}…`), [], "names or address parts reached the clipboard");
    assert.ok((result.byKind.PERSON ?? 0) >= 3, `three people at least: ${JSON.stringify(result.byKind)}`);
    assert.equal(result.byKind.ADDRESS, 1, JSON.stringify(result.byKind));
    // Sophie, alone at the end, is Sophie Marchetti of the contacts table: the same placeholder.
    const sophie = /\| Comptabilité \| (\[PERSON_\d+\]) \|/.exec(copied)?.[1];
    assert.ok(sophie, "the accountant's row holds a placeholder");
    assert.ok(copied.includes(`tableau de bord pour ${sophie}`), "the bare first name gets the full name's placeholder");
  });
});
