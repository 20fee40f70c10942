// The web build's stand-in for scanPool.ts: no worker threads, Scan Workspace scans in its own thread.
import type * as vscode from "vscode";
import type { ScanOptions } from "../../engine";
import type { ScanPool, ScanPoolOptions } from "./scanPool";

export function poolSize(): number {
  return 0;
}

export function startScanPool(_extensionUri: vscode.Uri, _scan: ScanOptions, _maxBytes: number, _options?: ScanPoolOptions): ScanPool | undefined {
  return undefined;
}
