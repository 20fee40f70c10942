/** Shared by the cli-*.test.ts files: temporary trees and in-process `veil` runs. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { main } from "../../src/cli/main";
import { captureIO } from "../../src/cli/io";

/** A fake AWS access key id the core rule finds (not a real key). */
export const FAKE_AWS_KEY = "AKIAIOSFODNN7EXAMPLF";

export interface TempTree {
  root: string;
  write(path: string, content: string | Uint8Array): string;
  cleanup(): void;
}

export function tempTree(files: Record<string, string | Uint8Array> = {}): TempTree {
  const root = mkdtempSync(join(tmpdir(), "veil-cli-"));
  const tree: TempTree = {
    root,
    write(path, content) {
      const absolute = join(root, path);
      mkdirSync(dirname(absolute), { recursive: true });
      writeFileSync(absolute, content);
      return absolute;
    },
    cleanup() {
      rmSync(root, { recursive: true, force: true });
    },
  };
  for (const [path, content] of Object.entries(files)) tree.write(path, content);
  return tree;
}

export interface VeilResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function veil(cwd: string, ...argv: string[]): Promise<VeilResult> {
  const io = captureIO({ cwd });
  const code = await main(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

export interface JsonFinding {
  path: string;
  ruleId: string;
  category: string;
  kind: string;
  severity: string;
  offset: number;
  length: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  preview: string;
  message: string;
  fingerprint: string;
}

export interface JsonReport {
  version: number;
  findings: JsonFinding[];
  stats: { files: number; bytes: number; scanMs: number };
}

export async function scanJson(cwd: string, ...argv: string[]): Promise<VeilResult & { report: JsonReport }> {
  const result = await veil(cwd, "scan", "--format", "json", ...argv);
  return { ...result, report: JSON.parse(result.stdout) as JsonReport };
}
