/**
 * Scan Workspace's worker thread: the Node extension host starts the CLI bundle it ships as a
 * worker with this tag; the worker reads, decodes and scans the files it is sent, off the
 * extension host's main thread.
 */
import { performance } from "node:perf_hooks";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { Scanner } from "../engine";
import { decodeText, lineStarts, looksBinary } from "../workspace/fileText";
import {
  shortErrorName,
  WORKSPACE_SCAN_WORKER_TAG,
  type WorkspaceScanBatch,
  type WorkspaceScanOutcome,
  type WorkspaceScanResults,
  type WorkspaceScanWorkerInit,
} from "../workspace/scanWorkerProtocol";
import { readUpTo } from "./scanFile";


function run(init: WorkspaceScanWorkerInit): void {
  const scanner = new Scanner(init.scan);
  parentPort?.on("message", (batch: WorkspaceScanBatch) => {
    if (batch.failForTest === "throw") throw new Error("scan worker made to fail by a test");
    if (batch.failForTest === "exit") process.exit(1);
    let readMs = 0;
    let scanMs = 0;
    const outcomes = batch.paths.map((path): WorkspaceScanOutcome => {
      const readStarted = performance.now();
      let bytes: Uint8Array | undefined;
      try {
        bytes = readUpTo(path, init.maxBytes);
      } catch (error) {
        return { kind: "unreadable", reason: shortErrorName(error) };
      } finally {
        readMs += performance.now() - readStarted;
      }
      if (bytes === undefined) return { kind: "tooLarge" };
      if (looksBinary(bytes)) return { kind: "binary" };
      const scanStarted = performance.now();
      const { text } = decodeText(bytes);
      const findings = scanner.scan(text);
      scanMs += performance.now() - scanStarted;
      return findings.length > 0 ? { kind: "scanned", findings, lineStarts: lineStarts(text) } : { kind: "scanned", findings };
    });
    parentPort?.postMessage({ id: batch.id, outcomes, readMs, scanMs } satisfies WorkspaceScanResults);
  });
}

if (!isMainThread && (workerData as WorkspaceScanWorkerInit | undefined)?.tag === WORKSPACE_SCAN_WORKER_TAG) run(workerData as WorkspaceScanWorkerInit);
