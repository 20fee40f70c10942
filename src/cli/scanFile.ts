/** One file of a `veil scan`: read, decode, scan, locate — the same on the main thread and in workers. */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { performance } from "node:perf_hooks";
import type { Finding, Scanner } from "../engine";
import { severityOf, type CliConfig } from "./config";
import { fingerprint, type ReportFinding } from "./report";
import { decodeText, hasBinaryExtension, LineIndex, looksBinary } from "./text";

export interface FileJob {
  absolute: string;
  /** The path as reports show it. */
  display: string;
}

export type FileOutcome =
  | { kind: "scanned"; bytes: number; scanMs: number; findings: ReportFinding[] }
  | { kind: "skipped"; reason: "binary" | "too-large" }
  | { kind: "error"; message: string };

export interface FileScanContext {
  scanner: Scanner;
  config: CliConfig;
  maxSize: number;
}

export function scanOneFile(job: FileJob, context: FileScanContext): FileOutcome {
  if (hasBinaryExtension(job.absolute)) return { kind: "skipped", reason: "binary" };
  let bytes: Buffer | undefined;
  try {
    bytes = readUpTo(job.absolute, context.maxSize);
  } catch (error) {
    return { kind: "error", message: fsErrorText(error) };
  }
  if (bytes === undefined) return { kind: "skipped", reason: "too-large" };
  if (looksBinary(bytes)) return { kind: "skipped", reason: "binary" };
  const { text } = decodeText(bytes);
  const started = performance.now();
  const found = context.scanner.scan(text);
  const scanMs = performance.now() - started;
  return { kind: "scanned", bytes: bytes.length, scanMs, findings: found.length > 0 ? locate(job.display, text, found, context.config) : [] };
}

function locate(path: string, text: string, found: Finding[], config: CliConfig): ReportFinding[] {
  const lines = new LineIndex(text);
  return found.map((f) => {
    const start = lines.position(f.start);
    const end = lines.position(f.end);
    return {
      path,
      ruleId: f.ruleId,
      category: f.category,
      kind: f.kind,
      severity: severityOf(config, f),
      offset: f.start,
      length: f.end - f.start,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      preview: f.preview,
      message: f.message,
      fingerprint: fingerprint(path, f.ruleId, text.slice(f.start, f.end)),
    };
  });
}

export function fsErrorText(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e?.code) {
    case "ENOENT":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    case "ENOTDIR":
      return "not a directory";
    default:
      return e?.message ?? String(error);
  }
}

/** Reused by every read of a thread: a file is decoded before the next is read, so one buffer serves. */
let scratch = Buffer.allocUnsafe(1 << 16);

/**
 * The file's bytes, or undefined when it is larger than `maxSize`; one open, one fstat.
 * The bytes live in a shared buffer that the next call overwrites: decode them first.
 */
export function readUpTo(path: string, maxSize: number): Buffer | undefined {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    if (size > maxSize) return undefined;
    if (scratch.length < size) scratch = Buffer.allocUnsafe(Math.max(size, scratch.length * 2));
    const buffer = scratch.subarray(0, size);
    let filled = 0;
    while (filled < size) {
      const n = readSync(fd, buffer, filled, size - filled, null);
      if (n === 0) break;
      filled += n;
    }
    return filled === size ? buffer : buffer.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}
