// Scan Workspace off the extension host's main thread (Node host): worker threads running the
// CLI bundle that ships with the extension read, decode and scan files by path. The web build
// gets scanPool.web.ts and scans in its own thread.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type * as vscode from "vscode";
import type { ScanOptions } from "../../engine";
import {
  WORKSPACE_SCAN_WORKER_TAG,
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

interface Pending {
  resolve(results: WorkspaceScanResults): void;
  reject(error: Error): void;
}

/** Workers to start: every core, at most four (the main thread only publishes). */
export function poolSize(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** A pool of `size` workers, or undefined when this install has no CLI bundle to run. */
export function startScanPool(extensionUri: vscode.Uri, scan: ScanOptions, maxBytes: number, size = poolSize()): ScanPool | undefined {
  if (extensionUri.scheme !== "file") return undefined;
  const script = `${extensionUri.fsPath}/dist/cli.js`;
  if (!existsSync(script)) return undefined;
  const init: WorkspaceScanWorkerInit = { tag: WORKSPACE_SCAN_WORKER_TAG, scan, maxBytes };
  let nextId = 0;
  const slots = Array.from({ length: size }, () => {
    const worker = new Worker(script, { workerData: init, stdout: false, stderr: false });
    const pending = new Map<number, Pending>();
    let failure: Error | undefined;
    const fail = (error: Error) => {
      failure ??= error;
      for (const p of pending.values()) p.reject(failure);
      pending.clear();
    };
    worker.on("message", (results: WorkspaceScanResults) => {
      pending.get(results.id)?.resolve(results);
      pending.delete(results.id);
    });
    worker.on("error", (error) => fail(new Error(`scan worker failed: ${error.name}`)));
    worker.on("exit", () => fail(new Error("scan worker stopped")));
    return { worker, pending, failed: () => failure };
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
        slot.worker.postMessage({ id, paths });
      });
    },
    async dispose() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
