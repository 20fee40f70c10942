// "Veil: Install Command-Line Tool…" (Node extension host only: the web build has no local
// process to run): the launcher it writes into a scratch directory runs the CLI bundle shipped
// in the extension — `veil --version`, and a `veil scan` that finds a secret exits 1.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateVeil, runCommand, workspaceUri } from "./helpers";

const AWS_KEY = "AKIA" + "MNBVCXZLKJHGFDSQ";

interface ChildProcess {
  spawnSync(command: string, args: string[], options: { encoding: "utf8"; cwd?: string; env?: Record<string, string | undefined> }): { status: number | null; stdout: string; stderr: string };
}

/** Node's child_process through a variable name: the web test bundle must not try to include it. */
function childProcess(): ChildProcess | undefined {
  if (typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node !== "string" || typeof require !== "function") return undefined;
  const load = require;
  const name = ["child", "process"].join("_");
  return load(name) as ChildProcess;
}

suite("Install Command-Line Tool", () => {
  const scratch = workspaceUri(".veil-test/cli-bin");

  suiteSetup(async () => {
    await activateVeil();
  });

  suiteTeardown(async () => {
    await vscode.workspace.fs.delete(scratch, { recursive: true }).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(workspaceUri(".veil-test/cli-secret.env"), { recursive: true }).then(undefined, () => undefined);
  });

  test("installs a veil launcher into a scratch directory that runs the shipped CLI bundle", async function () {
    const cp = childProcess();
    if (!cp) return this.skip();
    const installed = await runCommand<string | undefined>("veil.installCli", { directory: scratch.fsPath });
    assert.ok(installed, "the command returned the launcher's path");
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(installed)));
    assert.match(text, /installed by the Veil VS Code extension/);
    assert.match(text, /dist\/cli\.js/);

    const version = cp.spawnSync(installed, ["--version"], { encoding: "utf8" });
    assert.equal(version.status, 0, version.stderr);
    assert.match(version.stdout, /^veil \d+\.\d+\.\d+\n.*commands: .*guard/);

    await vscode.workspace.fs.writeFile(workspaceUri(".veil-test/cli-secret.env"), new TextEncoder().encode(`AWS_ACCESS_KEY_ID=${AWS_KEY}\n`));
    const scan = cp.spawnSync(installed, ["scan", workspaceUri(".veil-test/cli-secret.env").fsPath], { encoding: "utf8" });
    assert.equal(scan.status, 1, scan.stderr);
    assert.match(scan.stdout, /aws-access-key-id/);
    assert.ok(!scan.stdout.includes(AWS_KEY));

    // A second install replaces Veil's own launcher; a foreign `veil` is never overwritten.
    assert.equal(await runCommand<string | undefined>("veil.installCli", { directory: scratch.fsPath }), installed);
    await vscode.workspace.fs.writeFile(vscode.Uri.file(installed), new TextEncoder().encode("#!/bin/sh\necho someone else's veil\n"));
    assert.equal(await runCommand<string | undefined>("veil.installCli", { directory: scratch.fsPath }), undefined);
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(installed))), /someone else's veil/);
  });
});
