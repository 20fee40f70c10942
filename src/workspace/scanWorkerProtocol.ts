// What Scan Workspace's worker threads (Node extension host) and the extension say to each
// other. The worker runs in the CLI bundle, which the extension ships anyway.
import type { Finding, ScanOptions } from "../engine";

export const WORKSPACE_SCAN_WORKER_TAG = "veil-workspace-scan-worker";

export interface WorkspaceScanWorkerInit {
  tag: typeof WORKSPACE_SCAN_WORKER_TAG;
  scan: ScanOptions;
  maxBytes: number;
}

/** Files to read and scan, by absolute path on this machine. */
export interface WorkspaceScanBatch {
  id: number;
  paths: string[];
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
