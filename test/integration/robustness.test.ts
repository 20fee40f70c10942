// Robustness in a real VS Code: huge documents are scanned in slices without blocking the
// extension host and still get their diagnostics; 200 open documents cost little memory and
// give it back when they close.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { VeilApi } from "../../src/extension/main";
import { activateVeil, closeAllEditors, veilDiagnostics, waitFor, waitForVeilDiagnostics, workspaceUri } from "./helpers";
import { EventLoopMonitor } from "./eventLoopMonitor";
import { LINE_PREFIX } from "./runner";

// Obviously fake test data, built from pieces.
const AWS_KEY = "AKIA" + "QWERTYUIOPASDFGH";
const GITHUB_TOKEN = "ghp_" + "Zx9".repeat(12);
const EMAILS = ["jeanne.martin@example-client.fr", "paul.durand@example-client.fr", "claire.dupont@example-client.fr"];

/**
 * Generous bounds: the machine running this is small and shared. Measured on 2 cores with a
 * load of ~4: longest slice 45-48 ms, max gap 77 ms on the 20 MB log while scanning; unsliced
 * (load ~9) one synchronous scan of 253 ms after a getText() of the whole log, a 451 ms gap.
 * The gap bound catches a return to multi-second blocks; the slice bound, unsliced scans.
 */
const MAX_EVENT_LOOP_GAP_MS = 1_000;
const MAX_SLICE_MS = 250;

function print(line: string): void {
  console.log(`${LINE_PREFIX}      ${line}`);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;


/** A ~`chars` log of ordinary lines, with secrets and e-mails on the given line numbers (from the end when negative). */
function logText(chars: number, planted: Record<number, string>): { text: string; lines: number } {
  const levels = ["INFO", "DEBUG", "WARN"];
  const lines: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const line = `2024-05-01T12:${String(Math.floor(i / 60) % 60).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}.${String(i % 1000).padStart(3, "0")}Z ${levels[i % 3]} [worker-${i % 8}] GET /items/${(i * 7919) % 100000} -> 200 in ${(i * 31) % 900}ms`;
    lines.push(line);
    length += line.length + 1;
  }
  for (const [at, value] of Object.entries(planted)) {
    const index = Number(at) < 0 ? lines.length + Number(at) : Number(at);
    lines[index] += ` ${value}`;
  }
  return { text: lines.join("\n") + "\n", lines: lines.length };
}

/** A ~`chars` single line of minified JavaScript with `value` in the middle. */
function minifiedBundle(chars: number, value: string): string {
  const parts: string[] = [];
  let length = 0;
  let placed = false;
  for (let i = 0; length < chars; i++) {
    const part = `function f${i}(a,b){return a*${i % 1000}+b.map(x=>x.id)};var s${i}="lorem ipsum ${i}";`;
    parts.push(part);
    length += part.length;
    if (!placed && length >= chars / 2) {
      parts.push(`var cfg={region:"eu-west-3",key:"${value}"};`);
      placed = true;
    }
  }
  return parts.join("");
}

async function writeFile(relativePath: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(relativePath);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/**
 * Opens `uri` while watching the event loop; returns the longest gap seen while VS Code
 * synced the document to the extension host (before our scan starts), the longest one from
 * the moment the document was announced until its diagnostics arrived, and the diagnostics.
 */
async function openAndWatch(
  api: VeilApi,
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
): Promise<{ document: vscode.TextDocument; openGapMs: number; scanGapMs: number; ticks: number; elapsedMs: number; diagnostics: vscode.Diagnostic[]; gaps: string }> {
  api.slicing(true);
  const monitor = new EventLoopMonitor();
  let openGapMs = 0;
  let announced = 0;
  // Veil starts its scan from this same event: from here on, any block is (also) ours.
  const listener = vscode.workspace.onDidOpenTextDocument((d) => {
    if (d.uri.toString() !== uri.toString()) return;
    openGapMs = monitor.gapSoFarMs();
    announced = performance.now();
    monitor.restart();
  });
  const started = performance.now();
  try {
    const document = await vscode.workspace.openTextDocument(uri);
    const diagnostics = await waitForVeilDiagnostics(uri, accept, { timeoutMs: 300_000, intervalMs: 100 });
    const { maxGapMs, ticks } = monitor.stop();
    const gaps = monitor.longest.map(([gap, at]) => `${Math.round(gap)} ms at +${Math.round(at)} ms`).join(", ") || "none over 50 ms";
    const log = api.outputLines().filter((line) => line.includes(uri.path.split("/").pop()!) && line.includes("slices")).pop() ?? "";
    if (log) print(`Veil's log: ${log.replace(/^\[[^\]]*\] /, "")}`);
    return { document, openGapMs, scanGapMs: maxGapMs, ticks, elapsedMs: performance.now() - (announced || started), diagnostics, gaps };
  } finally {
    monitor.stop();
    listener.dispose();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A full garbage collection in the Node extension host: `global.gc` if the host exposes it,
 * else V8's own, switched on for this process. Undefined where there is none (web worker).
 */
function garbageCollector(): (() => void) | undefined {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  if (!(globalThis as { process?: unknown }).process || typeof require !== "function") return undefined;
  try {
    // Module names through a variable: the web test bundle must not try to include them.
    const load = require;
    const names = ["v8", "vm"];
    const v8 = load(names[0]) as { setFlagsFromString(flags: string): void };
    const vm = load(names[1]) as { runInNewContext(code: string): unknown };
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc");
    return typeof gc === "function" ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

/** Median of a few heap samples a pause apart, each after a collection when there is one. */
async function heapSample(api: VeilApi, gc: (() => void) | undefined): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    await sleep(300);
    gc?.();
    samples.push(api.heapUsed() ?? 0);
  }
  return median(samples);
}

suite("Robustness", function () {
  this.timeout(600_000);
  let api: VeilApi;

  suiteSetup(async () => {
    api = (await activateVeil()).exports as VeilApi;
    await closeAllEditors();
    // The default limit (2 MB) skips huge files: these tests are about scanning them.
    await vscode.workspace.getConfiguration("veil").update("maxFileSizeKB", 40 * 1024, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => vscode.workspace.getConfiguration("veil").get<number>("maxFileSizeKB") === 40 * 1024, { message: "veil.maxFileSizeKB applied" });
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    await vscode.workspace.getConfiguration("veil").update("maxFileSizeKB", undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(workspaceUri("robustness"), { recursive: true }).then(undefined, () => undefined);
  });

  // First: the huge documents of the next tests stay in memory for minutes after they close.
  // The harness runs this one alone in a fresh extension host (ISOLATED_GREP in
  // run-integration.mjs). After the No-leaks or Diagnostics suites (which change settings and
  // restore them), 200 documents cost ~50 MB instead of ~15 and ~33 MB stayed after closing
  // them, while Veil's own per-document state went back to its count. A heap snapshot taken
  // then held no document text; what stayed was VS Code's: ~20,000 tab ids of the closed
  // documents held by the extension host's Tab API objects, and ~67,000 getter closures of
  // vscode API objects. Why only after those suites is not known.
  test("200 open documents with findings: small heap growth, given back when they close", async function () {
    if (api.heapUsed() === undefined) {
      print("skipped: no process.memoryUsage() in the web-worker extension host");
      this.skip();
    }
    await closeAllEditors();
    const gc = garbageCollector();
    const files: vscode.Uri[] = [];
    for (let i = 0; i < 200; i++) {
      const lines: string[] = [];
      for (let j = 0; lines.join("\n").length < 30_000 && j < 2000; j++) {
        lines.push(j % 50 === 0 ? `owner ${j}: user${i}-${j}@example-client.fr key=${AWS_KEY}` : `line ${j} of document ${i}: nothing to see here, just words to fill the file`);
      }
      files.push(await writeFile(`robustness/many/doc-${String(i).padStart(3, "0")}.txt`, lines.join("\n") + "\n"));
    }
    const before = api.trackedDocuments();
    const baseline = await heapSample(api, gc);
    for (const uri of files) await vscode.commands.executeCommand("vscode.open", uri, { preview: false, preserveFocus: true });
    await waitFor(() => files.every((uri) => veilDiagnostics(uri).length > 0), { timeoutMs: 300_000, intervalMs: 200, message: "diagnostics on the 200 documents" });
    const open = api.trackedDocuments();
    const peak = await heapSample(api, gc);
    const openDocuments = vscode.workspace.textDocuments.filter((d) => d.uri.path.includes("/robustness/many/")).length;

    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
    const closing = performance.now();
    const closed = await waitFor(
      () => {
        const stillOpen = vscode.workspace.textDocuments.filter((d) => d.uri.path.includes("/robustness/many/")).length;
        return stillOpen === 0 ? api.trackedDocuments() : undefined;
      },
      { timeoutMs: 240_000, intervalMs: 250, message: "VS Code to close the 200 documents" },
    );
    const closeMs = performance.now() - closing;
    // What stays after closing must come down to a small part of what opening them took. The
    // extension host lets go of some things on its own schedule: sample for up to 30 s.
    const growth = Math.max(1, peak - baseline);
    const bound = Math.max(0.5 * growth, 8 * 1024 * 1024);
    let after = await heapSample(api, gc);
    const settling = performance.now();
    while (after - baseline >= bound && performance.now() - settling < 30_000) {
      await sleep(2_000);
      after = await heapSample(api, gc);
    }
    const settleMs = performance.now() - settling;
    print(
      `200 documents (${gc ? "after a forced GC" : "no GC available: medians"}): heap ${mb(baseline)} before, ${mb(peak)} with them open (+${mb(peak - baseline)}), ` +
        `${mb(after)} after closing (+${mb(after - baseline)} over the baseline); documents open ${openDocuments}; ` +
        `controller states ${before.states} → ${open.states} → ${closed.states} (scans ${closed.scans}, timers ${closed.timers}); closed in ${Math.round(closeMs)} ms, heap settled ${Math.round(settleMs)} ms later`,
    );
    assert.equal(openDocuments, 200);
    assert.ok(open.states >= 200, `${open.states} states with the documents open`);
    assert.ok(closed.states <= before.states, `the controller kept ${closed.states} states after closing (${before.states} before opening)`);
    assert.equal(closed.scans, 0);
    assert.equal(closed.timers, 0);
    assert.ok(files.every((uri) => veilDiagnostics(uri).length === 0), "diagnostics cleared on close");
    assert.ok(after - baseline < bound, `heap still ${mb(after - baseline)} above the baseline 30 s after closing (opening took ${mb(growth)})`);
  });

  test("a 20 MB log is scanned in slices without blocking the extension host, and gets its diagnostics", async () => {
    const { text, lines } = logText(20_000_000, {
      1_000: `aws_access_key_id = ${AWS_KEY}`,
      50_000: `contact: ${EMAILS[0]}`,
      150_000: `reply-to ${EMAILS[1]}`,
      [-3]: `token ${GITHUB_TOKEN}`,
      [-1]: `last: ${EMAILS[2]}`,
    });
    const uri = await writeFile("robustness/huge.log", text);
    const expectedLines = [1_000, 50_000, 150_000, lines - 3, lines - 1];
    const run = await openAndWatch(api, uri, (d) => expectedLines.every((line) => d.some((x) => x.range.start.line === line)));
    const stats = api.slicing();
    print(
      `20 MB log (${text.length.toLocaleString("en")} chars, ${lines.toLocaleString("en")} lines, length seen by the extension ${run.document.getText().length.toLocaleString("en")}): ` +
        `diagnostics after ${Math.round(run.elapsedMs)} ms; ${stats.slices} slices, longest ${stats.longestSliceMs.toFixed(1)} ms; ` +
        `longest synchronous scan ${stats.longestSyncScanMs} ms; event loop: max gap ${Math.round(run.scanGapMs)} ms while scanning (${run.ticks} ticks), ` +
        `${Math.round(run.openGapMs)} ms while VS Code synced the document; longest gaps while scanning: ${run.gaps}`,
    );
    assert.equal(run.document.getText().length, text.length, "the extension host got the whole document");
    assert.deepEqual(
      run.diagnostics.map((d) => d.range.start.line),
      expectedLines,
      "exactly the planted values, the last ones included",
    );
    assert.ok(stats.completed >= 1 && stats.slices > 1, `scanned in ${stats.slices} slices`);
    assert.ok(stats.longestSliceMs < MAX_SLICE_MS, `longest slice ${stats.longestSliceMs.toFixed(1)} ms`);
    assert.ok(run.scanGapMs < MAX_EVENT_LOOP_GAP_MS, `the extension host was blocked for ${Math.round(run.scanGapMs)} ms`);
  });

  test("a 5 MB single-line bundle is scanned in slices, and the secret in its middle is found", async () => {
    const text = minifiedBundle(5_000_000, AWS_KEY);
    assert.equal(text.indexOf("\n"), -1);
    const uri = await writeFile("robustness/bundle.min.js", text);
    const keyAt = text.indexOf(AWS_KEY);
    const run = await openAndWatch(api, uri, (d) => d.some((x) => x.range.start.character === keyAt));
    const stats = api.slicing();
    print(
      `5 MB one-line bundle (${text.length.toLocaleString("en")} chars): diagnostics after ${Math.round(run.elapsedMs)} ms; ` +
        `${stats.slices} slices, longest ${stats.longestSliceMs.toFixed(1)} ms; longest synchronous scan ${stats.longestSyncScanMs} ms; ` +
        `event loop: max gap ${Math.round(run.scanGapMs)} ms while scanning, ${Math.round(run.openGapMs)} ms while VS Code synced the document; longest gaps: ${run.gaps}`,
    );
    const key = run.diagnostics.find((d) => d.range.start.character === keyAt);
    assert.ok(key && key.range.end.character === keyAt + AWS_KEY.length, "the key's range");
    assert.ok(stats.completed >= 1 && stats.slices > 1, `scanned in ${stats.slices} slices`);
    assert.ok(stats.longestSliceMs < MAX_SLICE_MS, `longest slice ${stats.longestSliceMs.toFixed(1)} ms`);
    assert.ok(run.scanGapMs < MAX_EVENT_LOOP_GAP_MS, `the extension host was blocked for ${Math.round(run.scanGapMs)} ms`);
  });

  test("an edit during a sliced scan cancels it: what is published is the new text's", async () => {
    const { text, lines } = logText(10_000_000, { [-1]: `last: ${EMAILS[2]}` });
    const uri = await writeFile("robustness/edited.log", text);
    api.slicing(true);
    const document = await vscode.workspace.openTextDocument(uri);
    await waitFor(() => api.trackedDocuments().scans > 0 || veilDiagnostics(uri).length > 0, { message: "a sliced scan under way", intervalMs: 5 });
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), `key = ${AWS_KEY}\n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    // Read once the edit is in the document: a scan of the old version that has not completed
    // by now can no longer publish (it checks the version before publishing), so it must be
    // counted as dropped. Sampled before applyEdit, this raced with the scan's end.
    const scanning = api.slicing().completed === 0;
    const diagnostics = await waitForVeilDiagnostics(uri, (d) => d.some((x) => x.range.start.line === 0), { timeoutMs: 300_000, intervalMs: 100 });
    const stats = api.slicing();
    print(`edit during a sliced scan: ${scanning ? "the scan was under way" : "the scan had ended"} when the edit landed; ${stats.cancelled} cancelled, ${stats.completed} completed`);
    assert.deepEqual(
      diagnostics.map((d) => d.range.start.line),
      [0, lines],
      "the inserted key, and the last e-mail one line further down",
    );
    assert.equal(document.version, 2);
    if (scanning) assert.ok(stats.cancelled >= 1, "the first scan was dropped");
    await closeAllEditors();
  });

});
