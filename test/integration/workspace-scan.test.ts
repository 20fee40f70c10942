// "Veil: Scan Workspace": files found, skipped and scanned without being opened, findings in
// the Problems panel, a report without values, a 5,000-file tree, cancellation.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { scan } from "../../src/engine";
import { activateVeil, closeAllEditors, veilDiagnostics, waitFor, workspaceUri, nodeModule } from "./helpers";
import { EventLoopMonitor } from "./eventLoopMonitor";
import { LINE_PREFIX } from "./runner";

const SCAN = "veil.internal.scanWorkspace";
const RESPECT_GITIGNORE = "veil.workspaceScan.respectGitignore";

interface ScanResult {
  filesFound: number;
  filesScanned: number;
  skipped: { excluded: number; binary: number; tooLarge: number; unreadable: number };
  files: { path: string; findings: { category: string; kind: string }[] }[];
  cancelled: boolean;
  elapsedMs: number;
  shown: number;
  phases: { findMs: number; filterMs: number; readMs: number; scanMs: number; publishMs: number };
  workers: number;
  report: string;
  summary: string;
}

// Obviously fake test data, built from pieces.
const AWS_KEY = "AKIA" + "QWERTYUIOPASDFGH";
const GITHUB_TOKEN = "ghp_" + "Zx9".repeat(12);
const EMAILS = ["jeanne.martin@example-client.fr", "paul.durand@example-client.fr"];

const FILES: Record<string, string> = {
  "veil-scan/keys.env": `# fake keys\nAWS_ACCESS_KEY_ID=${AWS_KEY}\n\nGITHUB_TOKEN=${GITHUB_TOKEN}\n`,
  "veil-scan/people.txt": `Contacts:\n- Jeanne: ${EMAILS[0]}\n- Paul: ${EMAILS[1]}\n`,
  "veil-scan/quiet.ts": "export const answer = 42;\n",
  "veil-scan/ignored-by-veilignore/keys.env": `AWS_ACCESS_KEY_ID=${AWS_KEY}\n`,
  "veil-scan/excluded-by-setting/keys.env": `AWS_ACCESS_KEY_ID=${AWS_KEY}\n`,
  "veil-scan/hidden-by-files-exclude/keys.env": `AWS_ACCESS_KEY_ID=${AWS_KEY}\n`,
  "veil-scan/large.txt": `${EMAILS[0]}\n${"x".repeat(80)}\n`.repeat(1000),
};

const encode = (text: string) => new TextEncoder().encode(text);

async function write(relative: string, content: string | Uint8Array): Promise<void> {
  await vscode.workspace.fs.writeFile(workspaceUri(relative), typeof content === "string" ? encode(content) : content);
}

function scanWorkspace(options: { token?: vscode.CancellationToken; onProgress?: (done: number, total: number) => void } = {}): Thenable<ScanResult> {
  return vscode.commands.executeCommand<ScanResult>(SCAN, options);
}

function under(result: ScanResult, prefix: string) {
  return result.files.filter((f) => f.path.startsWith(prefix));
}

suite("Workspace scan", function () {
  this.timeout(180_000);
  let first: ScanResult;

  suiteSetup(async () => {
    await activateVeil();
    await closeAllEditors();
    for (const [path, content] of Object.entries(FILES)) await write(path, content);
    // A binary file: a NUL byte early, a key after it.
    const binary = encode(`\u0000\u0001PNG${AWS_KEY}`);
    await write("veil-scan/image.bin", binary);
    await write(".veilignore", "# test\n/veil-scan/ignored-by-veilignore/\n");
    const config = vscode.workspace.getConfiguration();
    await config.update("veil.exclude", ["**/excluded-by-setting/**"], vscode.ConfigurationTarget.Workspace);
    await config.update("files.exclude", { "**/hidden-by-files-exclude": true }, vscode.ConfigurationTarget.Workspace);
    await config.update("veil.maxFileSizeKB", 64, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => vscode.workspace.getConfiguration("veil").get<number>("maxFileSizeKB") === 64, { message: "settings applied" });
  });

  suiteTeardown(async () => {
    const config = vscode.workspace.getConfiguration();
    for (const key of ["veil.exclude", "files.exclude", "veil.maxFileSizeKB"]) await config.update(key, undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(workspaceUri(".veilignore")).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(workspaceUri("veil-scan"), { recursive: true }).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(workspaceUri("veil-scan-big"), { recursive: true }).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(workspaceUri("veil-scan-git"), { recursive: true }).then(undefined, () => undefined);
    await vscode.workspace.getConfiguration().update(RESPECT_GITIGNORE, undefined, vscode.ConfigurationTarget.Workspace);
  });

  test("finds what the engine finds in each file, and skips excluded, binary and large files", async () => {
    first = await scanWorkspace();
    assert.equal(first.cancelled, false);
    const found = new Map(under(first, "veil-scan/").map((f) => [f.path, f.findings]));
    assert.deepEqual([...found.keys()].sort(), ["veil-scan/keys.env", "veil-scan/people.txt"]);
    for (const path of found.keys()) {
      const expected = scan(FILES[path]).map((f) => `${f.category}:${f.kind}`);
      assert.deepEqual(found.get(path)!.map((f) => `${f.category}:${f.kind}`), expected, path);
    }
    assert.ok(found.get("veil-scan/keys.env")!.filter((f) => f.category === "secret").length >= 2, "both keys are secrets");
    assert.equal(found.get("veil-scan/people.txt")!.filter((f) => f.kind === "email").length, 2);
    assert.ok(first.skipped.binary >= 1, "image.bin skipped as binary");
    assert.ok(first.skipped.tooLarge >= 1, "large.txt skipped as too large");
    assert.ok(first.skipped.excluded >= 2, "veil.exclude and .veilignore");
    // files.exclude: findFiles never returns the file.
    assert.ok(!first.files.some((f) => f.path.includes("hidden-by-files-exclude")));
    assert.match(first.summary, /^\d+ findings in \d+ files: /);
  });

  test("shows the findings in the Problems panel without opening the files", async () => {
    const uri = workspaceUri("veil-scan/keys.env");
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), "keys.env was opened");
    const diagnostics = veilDiagnostics(uri);
    const text = FILES["veil-scan/keys.env"];
    const findings = scan(text);
    assert.equal(diagnostics.length, findings.length);
    const lines = text.split("\n");
    const starts = diagnostics.map((d) => lines.slice(0, d.range.start.line).reduce((n, l) => n + l.length + 1, 0) + d.range.start.character).sort((a, b) => a - b);
    assert.deepEqual(starts, findings.map((f) => f.start));
    assert.equal(veilDiagnostics(workspaceUri("veil-scan/ignored-by-veilignore/keys.env")).length, 0);
    assert.equal(veilDiagnostics(workspaceUri("veil-scan/image.bin")).length, 0);
  });

  test("does not flag Veil's own configuration for the terms it lists (a secret there still is)", async () => {
    const config = vscode.workspace.getConfiguration("veil");
    const previous = config.inspect("terms")?.workspaceValue;
    await config.update("terms", [{ text: "Orchidée Conseil", kind: "CLIENT" }], vscode.ConfigurationTarget.Workspace);
    try {
      await write("veil-scan/own/notes.txt", "Brief for Orchidée Conseil\n");
      await write("veil-scan/own/sub/.vscode/settings.json", `{\n  "veil.terms": ["Orchidée Conseil"],\n  "other.token": "${GITHUB_TOKEN}"\n}\n`);
      const result = await vscode.commands.executeCommand<ScanResult>(SCAN);
      const kindsIn = (path: string) => result.files.find((f) => f.path === path)?.findings.map((f) => f.category) ?? [];
      assert.deepEqual(kindsIn("veil-scan/own/notes.txt"), ["term"], "the term is found elsewhere");
      assert.deepEqual(kindsIn(".vscode/settings.json"), [], "the workspace's settings list the term on purpose");
      assert.deepEqual(kindsIn("veil-scan/own/sub/.vscode/settings.json"), ["secret"], "only the secret of the nested settings");
      assert.ok(!veilDiagnostics(workspaceUri(".vscode/settings.json")).length, "no diagnostic on the settings");
      // Opened in the editor, the settings file shows no term either.
      const document = await vscode.workspace.openTextDocument(workspaceUri(".vscode/settings.json"));
      await vscode.window.showTextDocument(document);
      await new Promise((r) => setTimeout(r, 500));
      assert.deepEqual(veilDiagnostics(document.uri).map((d) => d.message).filter((m) => /term/i.test(m)), []);
    } finally {
      await closeAllEditors();
      await config.update("terms", previous, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(workspaceUri("veil-scan/own"), { recursive: true }).then(undefined, () => undefined);
    }
  });

  test("writes a report with files, kinds and counts, never a value", () => {
    const report = first.report;
    assert.match(report, /veil-scan\/keys\.env/);
    assert.match(report, /veil-scan\/people\.txt/);
    assert.match(report, /\| email \| \d+ \|/);
    for (const value of [AWS_KEY, GITHUB_TOKEN, ...EMAILS]) assert.ok(!report.includes(value), `the report holds ${value.slice(0, 4)}…`);
    const leaks = scan(report).filter((f) => f.category === "secret" || f.kind === "email");
    assert.deepEqual(leaks.map((f) => `${f.kind} ${f.preview}`), []);
  });

  // Before the 5,000-file tree, and it removes its files: the next test counts files.
  test("skips what the .gitignore files ignore (root of a folder and nested), unless turned off", async () => {
    const email = (n: number) => `contact: user${n}@example-client.fr\n`;
    const files: Record<string, string> = {
      // Nested .gitignore files, read relative to their own folder.
      "veil-scan-git/.gitignore": "# generated\nbuild/\n*.dump.txt\n!kept.dump.txt\n/anchored.txt\nlogs/**/*.txt\n",
      "veil-scan-git/build/a.txt": email(1),
      "veil-scan-git/build/kept.dump.txt": email(2),
      "veil-scan-git/x.dump.txt": email(3),
      "veil-scan-git/kept.dump.txt": email(4),
      "veil-scan-git/anchored.txt": email(5),
      "veil-scan-git/sub/anchored.txt": email(6),
      "veil-scan-git/logs/a/b/deep.txt": email(7),
      "veil-scan-git/plain.txt": email(8),
      "veil-scan-git/pkg/.gitignore": "secret-*.txt\n!secret-ok.txt\n",
      "veil-scan-git/pkg/deeper/secret-1.txt": email(9),
      "veil-scan-git/pkg/secret-ok.txt": email(10),
      "veil-scan-git/secret-2.txt": email(11),
    };
    for (const [path, content] of Object.entries(files)) await write(path, content);
    try {
      const expectedKept = ["veil-scan-git/kept.dump.txt", "veil-scan-git/plain.txt", "veil-scan-git/pkg/secret-ok.txt", "veil-scan-git/secret-2.txt", "veil-scan-git/sub/anchored.txt"];
      const withFindings = (result: ScanResult) => under(result, "veil-scan-git/").map((f) => f.path).sort();

      const respected = await scanWorkspace();
      assert.deepEqual(withFindings(respected), expectedKept.sort());

      await vscode.workspace.getConfiguration().update(RESPECT_GITIGNORE, false, vscode.ConfigurationTarget.Workspace);
      await waitFor(() => vscode.workspace.getConfiguration("veil").get<boolean>("workspaceScan.respectGitignore") === false, { message: "setting applied" });
      const all = await scanWorkspace();
      const everyFile = Object.keys(files).filter((path) => !path.endsWith(".gitignore")).sort();
      assert.deepEqual(withFindings(all), everyFile);
      assert.equal(respected.skipped.excluded - all.skipped.excluded, everyFile.length - expectedKept.length, "the git-ignored files count as excluded");
    } finally {
      await vscode.workspace.getConfiguration().update(RESPECT_GITIGNORE, undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(workspaceUri("veil-scan-git"), { recursive: true }).then(undefined, () => undefined);
    }
  });

  test("scans a 5,000-file tree, and stops within a second when cancelled", async function () {
    this.timeout(600_000);
    const created = Date.now();
    const writes: Thenable<void>[] = [];
    for (let i = 0; i < 5000; i++) {
      const body = i % 100 === 0 ? `owner: user${i}@example-client.fr\n` : `line ${i}\nnothing to see\n`;
      writes.push(vscode.workspace.fs.writeFile(workspaceUri(`veil-scan-big/d${Math.floor(i / 100)}/f${i}.txt`), encode(body)));
      if (writes.length >= 200) await Promise.all(writes.splice(0));
    }
    await Promise.all(writes);
    console.log(`${LINE_PREFIX}      created 5,000 files in ${Date.now() - created} ms`);

    // The extension host stays responsive: its event loop keeps ticking while the scan runs.
    const monitor = new EventLoopMonitor();
    const full = await scanWorkspace();
    const { maxGapMs, ticks } = monitor.stop();
    console.log(`${LINE_PREFIX}      longest event-loop gap during the full scan: ${maxGapMs.toFixed(0)} ms (${ticks} ticks of 10 ms)`);
    assert.ok(maxGapMs < 1000, `the extension host was blocked for ${maxGapMs.toFixed(0)} ms during the scan`);
    assert.equal(full.cancelled, false);
    assert.equal(full.filesScanned - first.filesScanned, 5000);
    const big = under(full, "veil-scan-big/");
    assert.equal(big.length, 50);
    assert.ok(big.every((f) => f.findings.length === 1 && f.findings[0].kind === "email"));
    const p = full.phases;
    console.log(
      `${LINE_PREFIX}      full scan: ${full.filesScanned} files in ${full.elapsedMs} ms, ${full.workers} worker threads (finding files ${p.findMs} ms; reads, summed ${Math.round(p.readMs)} ms; decode+scan ${Math.round(p.scanMs)} ms; publish ${Math.round(p.publishMs)} ms)`,
    );
    const cli = cliScan("veil-scan-big");
    if (cli) console.log(`${LINE_PREFIX}      veil scan on the 5,000 files alone (spawned, every core): ${cli.files} files in ${cli.ms} ms`);

    const source = new vscode.CancellationTokenSource();
    let cancelledAt = 0;
    let total = 0;
    const running = scanWorkspace({
      token: source.token,
      onProgress: (done, all) => {
        total = all;
        if (done >= 500 && !cancelledAt) {
          cancelledAt = Date.now();
          source.cancel();
        }
      },
    });
    const partial = await running;
    const stopMs = Date.now() - cancelledAt;
    console.log(`${LINE_PREFIX}      cancelled after ${partial.filesScanned} of ${total} files; stopped ${stopMs} ms after cancel()`);
    assert.ok(cancelledAt > 0, "the scan never reached 500 files");
    assert.equal(partial.cancelled, true);
    assert.ok(partial.filesScanned < total, "cancellation did not stop the scan");
    assert.ok(stopMs < 1000, `stopped ${stopMs} ms after cancel()`);
  });

});

/** `veil scan` (the bundle the extension ships) as a process on a workspace folder; undefined in the web-worker host. */
function cliScan(folder: string, jobs?: string): { ms: number; files: number } | undefined {
  const childProcess = nodeModule<typeof import("node:child_process")>("child_process");
  const path = nodeModule<typeof import("node:path")>("path");
  const os = nodeModule<typeof import("node:os")>("os");
  if (!childProcess || !path || !os) return undefined;
  const extension = vscode.extensions.getExtension("veil.veil")!;
  const maxKB = vscode.workspace.getConfiguration("veil").get<number>("maxFileSizeKB", 2048);
  const cli = path.join(extension.extensionPath, "dist", "cli.js");
  const t = Date.now();
  const child = childProcess.spawnSync(process.execPath, [cli, "scan", "--format", "json", "--no-default-ignores", "--max-size", `${maxKB}k`, "--jobs", jobs ?? String(os.availableParallelism()), folder], {
    cwd: workspaceUri(".").fsPath,
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
  });
  assert.notEqual(child.status, 2, child.stderr);
  return { ms: Date.now() - t, files: (JSON.parse(child.stdout) as { stats: { files: number } }).stats.files };
}

suite("Workspace scan speed", function () {
  this.timeout(900_000);
  const TREE = "veil-scan-packages";

  suiteTeardown(async () => {
    await vscode.workspace.fs.delete(workspaceUri(TREE), { recursive: true }).then(undefined, () => undefined);
  });

  test("scans a 100+ MB tree of real packages, printed beside veil scan on the same files", async function () {
    type Fs = typeof import("node:fs");
    type ChildProcess = typeof import("node:child_process");
    type Path = typeof import("node:path");
    const fs = nodeModule<Fs>("fs");
    const childProcess = nodeModule<ChildProcess>("child_process");
    const path = nodeModule<Path>("path");
    if (!fs || !childProcess || !path) {
      console.log(`${LINE_PREFIX}      skipped: no Node file system in the web-worker extension host`);
      this.skip();
    }
    await activateVeil();
    const extension = vscode.extensions.getExtension("veil.veil")!;
    const modules = path.join(extension.extensionPath, "node_modules");
    const target = workspaceUri(TREE).fsPath;
    // This project's own dependencies, whole packages by name until 110 MB: real code, not generated.
    let copied = 0;
    const sizeOf = (dir: string): number =>
      fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? sizeOf(path.join(dir, e.name)) : e.isFile() ? fs.statSync(path.join(dir, e.name)).size : 0), 0);
    const started = Date.now();
    for (const name of fs.readdirSync(modules).sort()) {
      if (copied >= 110 * 1024 * 1024) break;
      if (name.startsWith(".")) continue;
      const from = path.join(modules, name);
      fs.cpSync(from, path.join(target, "pkgs", name), { recursive: true, verbatimSymlinks: true });
      copied += sizeOf(from);
    }
    console.log(`${LINE_PREFIX}      copied ${(copied / 1024 / 1024).toFixed(0)} MB of packages in ${Date.now() - started} ms`);
    assert.ok(copied >= 100 * 1024 * 1024, "at least 100 MB");

    const full = (await vscode.commands.executeCommand(SCAN)) as ScanResult;
    const p = full.phases;
    const cliAll = cliScan(TREE)!;
    const cliOne = cliScan(TREE, "1")!;
    const inTree = full.files.filter((f) => f.path.startsWith(`${TREE}/`)).length;
    console.log(
      `${LINE_PREFIX}      Scan Workspace: ${full.filesScanned} files in ${full.elapsedMs} ms, ${full.workers} worker threads (finding files ${p.findMs} ms; ignore files ${p.filterMs} ms; read+decode+scan in workers, summed ${Math.round(p.readMs + p.scanMs)} ms; decode+scan ${Math.round(p.scanMs)} ms; publish ${Math.round(p.publishMs)} ms; ${inTree} files with findings in the tree)`,
    );
    console.log(`${LINE_PREFIX}      veil scan on the same tree (spawned): ${cliAll.files} files in ${cliAll.ms} ms on every core, ${cliOne.ms} ms on one; Scan Workspace / CLI = ${(full.elapsedMs / cliAll.ms).toFixed(2)}×`);
    assert.equal(full.cancelled, false);
    assert.ok(full.workers > 0, "the Node host scans in worker threads");
    assert.ok(full.filesScanned >= cliAll.files, `Scan Workspace scanned ${full.filesScanned} files, the CLI ${cliAll.files} in the tree alone`);

    // The same scan on the extension host's own thread: the same files, findings and counts.
    const here = (await vscode.commands.executeCommand(SCAN, { inThread: true })) as ScanResult;
    console.log(`${LINE_PREFIX}      the same scan on the extension host's thread: ${here.elapsedMs} ms`);
    assert.equal(here.workers, 0);
    assert.deepEqual(
      { files: here.files, skipped: here.skipped, scanned: here.filesScanned, shown: here.shown },
      { files: full.files, skipped: full.skipped, scanned: full.filesScanned, shown: full.shown },
    );
  });
});
