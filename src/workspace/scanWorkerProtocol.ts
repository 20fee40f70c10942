// What Scan Workspace's worker threads (Node extension host) and the extension say to each
// other. The worker runs in the CLI bundle, which the extension ships anyway.
import type { Finding, ScanOptions } from "../engine";

export const WORKSPACE_SCAN_WORKER_TAG = "veil-workspace-scan-worker";

export interface WorkspaceScanWorkerInit {
  tag: typeof WORKSPACE_SCAN_WORKER_TAG;
  scan: ScanOptions;
  maxBytes: number;
}

/**
 * How a test makes a worker fail on the batch it gets (veil.internal.scanWorkspace's
 * `failWorker`, registered only in test runs): throw from its message handler, or exit.
 */
export type WorkerFailureForTest = "throw" | "exit";

/** Files to read and scan, by absolute path on this machine. */
export interface WorkspaceScanBatch {
  id: number;
  paths: string[];
  failForTest?: WorkerFailureForTest;
}

export type WorkspaceScanOutcome =
  /** `lineStarts` only when there are findings (they place the diagnostics). */
  | { kind: "scanned"; findings: Finding[]; lineStarts?: number[] }
  | { kind: "tooLarge" }
  | { kind: "binary" }
  /** `reason`: a short error name, never a path. */
  | { kind: "unreadable"; reason: string };

export interface WorkspaceScanResults {
  id: number;
  outcomes: WorkspaceScanOutcome[];
  readMs: number;
  scanMs: number;
}

/** An error's code (`ENOENT`, `ERR_WORKER_OUT_OF_MEMORY`) or name: what the log says of it, never its message, which may quote a path or a file. */
export function shortErrorName(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? code : error instanceof Error ? error.name : "error";
}
