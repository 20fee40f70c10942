/**
 * What `veil guard` and `veil hook claude-code` share on Node: the workspace's settings, the
 * scanner they imply, and whether one file holds what the workspace's label guards.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { basename, isAbsolute, join, relative, resolve, sep } from "node:path";
import { Scanner, type Finding, type ScanOptions } from "../engine";
import { guardedCategories, isSecretFileName, readWorkspaceSettings, shellQuote } from "../workspace/guard";
import { ConfigError, parseConfig } from "./config";
import { hasBinaryExtension, looksBinary, decodeText } from "./text";

/** Files larger than this are judged by their name only. */
export const GUARD_MAX_BYTES = 5 * 1024 * 1024;

export interface GuardContext {
  root: string;
  label: "public" | "sandbox" | "pro" | undefined;
  categories: ReadonlySet<string>;
  scanner: Scanner;
}

/** The label and terms of `root/.vscode/settings.json`, a `--config` file's options on top. */
export function loadGuardContext(root: string, configFile: string | undefined, labelOverride?: string): GuardContext {
  let settingsText: string | undefined;
  try {
    settingsText = readFileSync(join(root, ".vscode", "settings.json"), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT" && (error as NodeJS.ErrnoException).code !== "ENOTDIR") throw error;
  }
  const settings = readWorkspaceSettings(settingsText);
  let options: ScanOptions = {};
  if (configFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(resolve(configFile), "utf8");
    } catch (error) {
      throw new ConfigError(configFile, `cannot read the config file: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
    }
    options = parseConfig(text, configFile).scan;
  }
  if (settings.terms.length > 0) options = { ...options, terms: [...(options.terms ?? []), ...settings.terms] };
  const label = labelOverride === "public" || labelOverride === "sandbox" || labelOverride === "pro" ? labelOverride : settings.label;
  const scanner = new Scanner(options);
  return { root, label, categories: guardedCategories(label), scanner };
}

/** `/`-separated path relative to `root`, or undefined when the path is outside it. */
export function relativeToRoot(root: string, absolute: string): string | undefined {
  const rel = relative(root, absolute);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return undefined;
  return sep === "/" ? rel : rel.split(sep).join("/");
}

/** Findings of the guarded categories in a file's text; undefined when the file is not text or too large. */
export function guardedFindings(context: GuardContext, absolute: string): Finding[] | undefined {
  if (hasBinaryExtension(absolute)) return undefined;
  const fd = openSync(absolute, "r");
  let bytes: Buffer;
  try {
    const size = fstatSync(fd).size;
    if (size > GUARD_MAX_BYTES) return undefined;
    bytes = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const n = readSync(fd, bytes, filled, size - filled, null);
      if (n === 0) break;
      filled += n;
    }
    bytes = bytes.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
  if (looksBinary(bytes)) return undefined;
  return context.scanner.scan(decodeText(bytes).text).filter((f) => context.categories.has(f.category));
}

/** Why a file is guarded: its name, or what the scan found in it (kinds and counts, never a value). */
export type GuardVerdict = { guarded: false } | { guarded: true; byName: boolean; findings: readonly Finding[] };

export function judgeFile(context: GuardContext, absolute: string): GuardVerdict {
  // Outside the project (~/.aws/credentials, ~/.ssh/id_rsa): its last two segments say enough.
  const rel = relativeToRoot(context.root, absolute) ?? absolute.split(/[\\/]/).slice(-2).join("/");
  const byName = isSecretFileName(rel);
  const findings = guardedFindings(context, absolute) ?? [];
  if (!byName && findings.length === 0) return { guarded: false };
  return { guarded: true, byName, findings };
}

/** "2 secrets (aws-access-key-id, github-token)": kinds and counts of findings. */
export function describeFindings(findings: readonly Finding[]): string {
  const byCategory = new Map<string, Map<string, number>>();
  for (const f of findings) {
    const kinds = byCategory.get(f.category) ?? new Map<string, number>();
    kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
    byCategory.set(f.category, kinds);
  }
  const names: Record<string, [string, string]> = { secret: ["secret", "secrets"], pii: ["personal data item", "personal data items"], term: ["confidential term", "confidential terms"] };
  const parts: string[] = [];
  for (const category of ["secret", "pii", "term"]) {
    const kinds = byCategory.get(category);
    if (!kinds) continue;
    const total = [...kinds.values()].reduce((a, b) => a + b, 0);
    const list = [...kinds.entries()].map(([kind, n]) => (n > 1 ? `${kind} ×${n}` : kind)).join(", ");
    parts.push(`${total} ${names[category][total === 1 ? 0 : 1]} (${list})`);
  }
  return parts.join(", ");
}

/**
 * The command Claude Code runs for Veil's hooks: `VEIL_HOOK_COMMAND` when set (e.g.
 * `veil hook claude-code` for a settings file shared by a team with veil on PATH), else this
 * Node and this CLI bundle by absolute path, so the hook never depends on PATH. Undefined when
 * Veil does not run from its bundle (then no hook is written).
 */
export function hookCommand(env: Readonly<Record<string, string | undefined>>, configFile?: string): string | undefined {
  const override = env.VEIL_HOOK_COMMAND?.trim();
  if (override) return override;
  const script = cliBundlePath();
  if (script === undefined) return undefined;
  const words = [process.execPath, script, "hook", "claude-code"];
  if (configFile !== undefined) words.push("--config", resolve(configFile));
  return words.map(shellQuote).join(" ");
}

/** The CLI bundle this process runs (dist/cli.js, or the copy in an installed package). */
export function cliBundlePath(): string | undefined {
  // In the esbuild bundle __filename is the bundle itself; compiled tests run from out/.
  return basename(__filename) === "cli.js" ? __filename : undefined;
}
