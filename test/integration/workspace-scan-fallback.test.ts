// Scan Workspace when a worker thread fails (Node host): the files it had are scanned on the
// extension host's thread, the result is that of a scan with no worker at all, and the Output
// channel says once that a worker failed, without a value.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { scan } from "../../src/engine";
import { activateVeil, closeAllEditors, nodeModule, workspaceUri } from "./helpers";

const SCAN = "veil.internal.scanWorkspace";
const TREE = "veil-scan-fallback";

interface ScanResult {
  filesFound: number;
  filesScanned: number;
  skipped: { excluded: number; binary: number; tooLarge: number; unreadable: number };
  files: { path: string; findings: { category: string; kind: string }[] }[];
  cancelled: boolean;
  shown: number;
  workers: number;
}

// Obviously fake test data, built from pieces.
const AWS_KEY = "AKIA" + "ZXCVBNMASDFGHJKL";
const GITHUB_TOKEN = "ghp_" + "Qw7".repeat(12);
const email = (i: number) => `client${i}@example-client.fr`;

/** Enough files for the pool (300 or more), with findings, clean files and binary ones throughout. */
function fileBody(i: number): string | Uint8Array {
  if (i % 45 === 0) return new TextEncoder().encode(`\u0000\u0001PNG${AWS_KEY}`);
  if (i % 30 === 0) return `AWS_ACCESS_KEY_ID=${AWS_KEY}\nGITHUB_TOKEN=${GITHUB_TOKEN}\n`;
  if (i % 7 === 0) return `Contact : ${email(i)}\nTéléphone : 06 12 34 56 ${String(i % 100).padStart(2, "0")}\n`;
  return `line ${i}\nnothing to see here, café crème\n`;
}

const WORKER_FAILURE = /scan worker \d+ of \d+ (failed|stopped|could not start)/;

suite("Workspace scan worker fallback", function () {
  this.timeout(300_000);
  let outputLines: () => readonly string[];
  let baseline: ScanResult;

  suiteSetup(async function () {
    if (!nodeModule("worker_threads")) {
      // The web-worker host has no worker threads: Scan Workspace always runs in its thread there.
      this.skip();
    }
    outputLines = ((await activateVeil()).exports as { outputLines(): readonly string[] }).outputLines;
    await closeAllEditors();
    const writes: Thenable<void>[] = [];
    for (let i = 0; i < 600; i++) {
      const body = fileBody(i);
      writes.push(vscode.workspace.fs.writeFile(workspaceUri(`${TREE}/d${i % 12}/f${i}.txt`), typeof body === "string" ? new TextEncoder().encode(body) : body));
      if (writes.length >= 100) await Promise.all(writes.splice(0));
    }
    await Promise.all(writes);
    baseline = (await vscode.commands.executeCommand(SCAN, { inThread: true })) as ScanResult;
    assert.equal(baseline.workers, 0);
    assert.ok(baseline.files.filter((f) => f.path.startsWith(`${TREE}/`)).length >= 90, "the tree has findings");
  });

  suiteTeardown(async () => {
    await vscode.workspace.fs.delete(workspaceUri(TREE), { recursive: true }).then(undefined, () => undefined);
  });

  const comparable = (r: ScanResult) => ({ files: r.files, skipped: r.skipped, scanned: r.filesScanned, found: r.filesFound, shown: r.shown, cancelled: r.cancelled });

  test("with every worker well: the same result, and no worker failure in the log", async () => {
    const logged = outputLines().length;
    const pooled = (await vscode.commands.executeCommand(SCAN)) as ScanResult;
    assert.ok(pooled.workers > 0, "the Node host scans in worker threads");
    assert.deepEqual(comparable(pooled), comparable(baseline));
    assert.deepEqual(outputLines().slice(logged).filter((l) => WORKER_FAILURE.test(l)), []);
  });

  for (const failure of ["throw", "exit", "start"] as const) {
    test(`a worker that ${failure === "start" ? "cannot start" : failure === "throw" ? "throws" : "exits"}: its files are scanned here, the findings are those of {inThread: true}, one line in the log`, async () => {
      const logged = outputLines().length;
      const result = (await vscode.commands.executeCommand(SCAN, { failWorker: failure })) as ScanResult;
      assert.ok(result.workers > 0, "the scan used the pool");
      assert.deepEqual(comparable(result), comparable(baseline));
      const lines = outputLines().slice(logged);
      const failures = lines.filter((l) => WORKER_FAILURE.test(l));
      assert.equal(failures.length, 1, `one line about the failed worker, got:\n${failures.join("\n")}`);
      assert.match(failures[0], failure === "start" ? /could not start/ : failure === "throw" ? /failed \(Error\)/ : /stopped \(exit code 1\)/);
      assert.match(failures[0], /its files are scanned on this thread/);
      for (const value of [AWS_KEY, GITHUB_TOKEN, "example-client.fr", TREE]) assert.ok(!failures[0].includes(value), `the line holds ${value.slice(0, 4)}…`);
      assert.deepEqual(scan(failures[0]).filter((f) => f.category !== "term").map((f) => f.kind), []);
    });
  }
});
