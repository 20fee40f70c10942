// Scan Workspace off the extension host's main thread (Node host): worker threads running the
// CLI bundle that ships with the extension read, decode and scan files by path. The web build
// gets scanPool.web.ts and scans in its own thread.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type * as vscode from "vscode";
import type { ScanOptions } from "../../engine";
import {
  shortErrorName,
  WORKSPACE_SCAN_WORKER_TAG,
  type WorkerFailureForTest,
  type WorkspaceScanBatch,
  type WorkspaceScanOutcome,
  type WorkspaceScanResults,
  type WorkspaceScanWorkerInit,
} from "../../workspace/scanWorkerProtocol";

export interface ScanPool {
  readonly workers: number;
  /** The outcome of each path, in order; rejects when the worker handling them fails. */
  scan(paths: string[]): Promise<{ outcomes: WorkspaceScanOutcome[]; readMs: number; scanMs: number }>;
  dispose(): Promise<void>;
}

/** Test only (veil.internal.scanWorkspace's `failWorker`): how the pool's first worker fails. */
export type ScanPoolFailureForTest = WorkerFailureForTest | "start";

export interface ScanPoolOptions {
  /** Workers to start; poolSize() by default. */
  size?: number;
  /**
   * Called once for each worker that throws, exits or cannot start, with a line that names the
   * worker and the error's name or exit code (never a message, which could quote a file).
   */
  onWorkerFailure?: (description: string) => void;
  failForTest?: ScanPoolFailureForTest;
}

interface Pending {
  resolve(results: WorkspaceScanResults): void;
  reject(error: Error): void;
}

/** Workers to start: every core, at most four (the main thread only publishes). */
export function poolSize(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** A pool of workers, or undefined when this install has no CLI bundle to run. */
export function startScanPool(extensionUri: vscode.Uri, scan: ScanOptions, maxBytes: number, options: ScanPoolOptions = {}): ScanPool | undefined {
  if (extensionUri.scheme !== "file") return undefined;
  const script = `${extensionUri.fsPath}/dist/cli.js`;
  if (!existsSync(script)) return undefined;
  const size = options.size ?? poolSize();
  const init: WorkspaceScanWorkerInit = { tag: WORKSPACE_SCAN_WORKER_TAG, scan, maxBytes };
  let nextId = 0;
  let disposed = false;
  const slots = Array.from({ length: size }, (_, index) => {
    const pending = new Map<number, Pending>();
    let failure: Error | undefined;
    const fail = (description: string) => {
      // terminate() at the end of a scan is no failure.
      if (disposed) return;
      if (!failure) {
        failure = new Error(`scan worker ${index + 1} of ${size} ${description}`);
        options.onWorkerFailure?.(failure.message);
      }
      for (const p of pending.values()) p.reject(failure);
      pending.clear();
    };
    const testFailure = index === 0 ? options.failForTest : undefined;
    let worker: Worker | undefined;
    try {
      // An option Node refuses makes the constructor throw, as a worker that cannot start does.
      const execArgv = testFailure === "start" ? ["--veil-test-worker-cannot-start"] : undefined;
      worker = new Worker(script, { workerData: init, stdout: false, stderr: false, execArgv });
      worker.on("message", (results: WorkspaceScanResults) => {
        pending.get(results.id)?.resolve(results);
        pending.delete(results.id);
      });
      worker.on("error", (error) => fail(`failed (${shortErrorName(error)})`));
      worker.on("exit", (code) => fail(`stopped (exit code ${code})`));
    } catch (error) {
      worker = undefined;
      fail(`could not start (${shortErrorName(error)})`);
    }
    let failNextBatch = testFailure === "throw" || testFailure === "exit" ? testFailure : undefined;
    const post = (id: number, paths: string[]) => {
      const batch: WorkspaceScanBatch = failNextBatch ? { id, paths, failForTest: failNextBatch } : { id, paths };
      failNextBatch = undefined;
      worker!.postMessage(batch);
    };
    return { worker, pending, post, failed: () => failure };
  });
  return {
    workers: size,
    scan(paths) {
      const live = slots.filter((s) => !s.failed());
      if (live.length === 0) return Promise.reject(new Error("no scan worker left"));
      const slot = live.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = nextId++;
      return new Promise<WorkspaceScanResults>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.post(id, paths);
      });
    },
    async dispose() {
      disposed = true;
      await Promise.all(slots.map((s) => s.worker?.terminate()));
    },
  };
}
