/** `veil guard`: keep the coding assistants' ignore files and Claude Code's rules in step with the scan. */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, type Dirent } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { ASSISTANTS, GuardSettingsError, isCurrent, isSecretFileName, parseAssistantList, planGuard, type GuardFilePlan } from "../../workspace/guard";
import { defineCommand, type OptionSpecs, type ParsedArgs } from "../args";
import { ConfigError } from "../config";
import { guardedFindings, hookCommand, loadGuardContext, type GuardContext } from "../guardFiles";
import { DEFAULT_IGNORED_DIRECTORIES } from "../ignore";
import type { CliIO } from "../io";

const OPTIONS = {
  check: { type: "boolean" },
  tools: { type: "string" },
  config: { type: "string" },
  label: { type: "string", choices: ["public", "sandbox", "pro"] },
} as const satisfies OptionSpecs;

const GUARD_HELP = `Usage: veil guard [--check] [--tools LIST] [--config FILE] [--label LABEL] [DIR]

Scans DIR (default: the current directory) and writes, for each coding assistant that reads
the workspace itself, the file that keeps it away from secrets: the usual secret-bearing
names (.env*, *.pem, *.key, id_rsa*, credentials*.json, .npmrc, .netrc …) and every file
where the scan found a secret (in a "pro" workspace, personal data and terms too).

  ${ASSISTANTS.map((a) => `${a.id.padEnd(19)} ${a.file}`).join("\n  ")}

Veil's lines live in one marked block per ignore file; in .claude/settings.json Veil adds
"Read(./path)" rules to permissions.deny and its UserPromptSubmit and PreToolUse hooks
(veil hook claude-code). Everything else in those files is kept; a second run changes nothing.

Options:
  --check          write nothing; exit 1 when a file is missing or out of date (for CI, pre-commit)
  --tools LIST     comma-separated ids from the list above, or "all" (default)
  --config FILE    the same JSON config as veil scan (terms, allowlists, disabled rules)
  --label LABEL    public, sandbox or pro (default: veil.workspaceLabel in DIR/.vscode/settings.json)
  -h, --help       show this help

The hook command runs this Node and this CLI by absolute path; set VEIL_HOOK_COMMAND (for
example to "veil hook claude-code") to write another command. --check accepts a Veil hook
run from any path.

Exit codes: 0 written or current, 1 (--check) missing or out of date, 2 usage or I/O error.
`;

/** Every file under `root` (relative, `/`-separated), .git and node_modules-like directories left out. */
function walk(root: string, onError: (path: string, error: unknown) => void): string[] {
  const files: string[] = [];
  const visit = (directory: string, prefix: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      onError(prefix || ".", error);
      return;
    }
    for (const entry of entries) {
      const rel = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) {
        if (!DEFAULT_IGNORED_DIRECTORIES.has(entry.name)) visit(join(directory, entry.name), rel);
      } else if (entry.isFile()) files.push(rel);
    }
  };
  visit(root, "");
  return files.sort();
}

/** Files whose content holds what the label guards (names alone are covered by the patterns). */
function flaggedFiles(context: GuardContext, files: readonly string[], onError: (path: string, error: unknown) => void): string[] {
  const ownFiles = new Set(ASSISTANTS.map((a) => a.file));
  const flagged: string[] = [];
  for (const rel of files) {
    if (ownFiles.has(rel)) continue;
    try {
      const findings = guardedFindings(context, join(context.root, rel));
      if (findings && findings.length > 0) flagged.push(rel);
    } catch (error) {
      onError(rel, error);
    }
  }
  return flagged;
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Written next to the target, then renamed over it: a reader never sees half a file. */
function writeAtomically(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.veil-${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content, { encoding: "utf8", flag: "wx" });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function errorCode(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e?.code === "EACCES" || e?.code === "EPERM" ? "permission denied" : e?.code === "ENOENT" ? "no such file or directory" : (e?.code ?? (e instanceof Error ? e.name : "error"));
}

async function run({ values, positionals }: ParsedArgs<typeof OPTIONS>, io: CliIO): Promise<number> {
  const { tools, unknown } = parseAssistantList(values.tools);
  if (unknown.length > 0 || tools.length === 0) {
    io.stderr(`veil guard: --tools takes ids among ${ASSISTANTS.map((a) => a.id).join(", ")} or "all"${unknown.length ? ` (unknown: ${unknown.join(", ")})` : ""}\n`);
    return 2;
  }
  const root = resolve(io.cwd, positionals[0] ?? ".");
  try {
    if (!statSync(root).isDirectory()) throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" });
  } catch (error) {
    io.stderr(`veil guard: cannot use ${positionals[0] ?? "."}: ${errorCode(error)}\n`);
    return 2;
  }

  let context: GuardContext;
  try {
    context = loadGuardContext(root, values.config === undefined ? undefined : resolve(io.cwd, values.config), values.label);
    if (context.scanner.warnings.length > 0) throw new ConfigError(values.config ?? "(settings)", context.scanner.warnings.join("; "));
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`veil guard: ${error.message}\n`);
      return 2;
    }
    throw error;
  }

  let unreadable = 0;
  const onError = (path: string, error: unknown) => {
    unreadable++;
    io.stderr(`veil guard: cannot read ${path}: ${errorCode(error)}\n`);
  };
  const allFiles = walk(root, onError);
  const flagged = flaggedFiles(context, allFiles, onError);
  const check = values.check ?? false;
  const command = hookCommand(io.env, values.config === undefined ? undefined : resolve(io.cwd, values.config));

  let plans: GuardFilePlan[];
  try {
    plans = planGuard(tools, { allFiles, flaggedFiles: flagged }, (file) => readIfExists(join(root, file)), { hookCommand: command ?? (check ? "veil hook claude-code" : undefined), acceptAnyVeilHook: check });
  } catch (error) {
    if (error instanceof GuardSettingsError) {
      io.stderr(`veil guard: ${error.message}\n`);
      return 2;
    }
    io.stderr(`veil guard: cannot read an assistant's file: ${errorCode(error)}\n`);
    return 2;
  }

  const byName = allFiles.filter((f) => isSecretFileName(f)).length;
  const summary = `${flagged.length} ${flagged.length === 1 ? "file" : "files"} with findings, ${byName} secret-bearing by name${context.label ? `, label ${context.label}` : ""}`;
  let stale = 0;
  for (const plan of plans) {
    if (isCurrent(plan)) {
      if (!check) io.stderr(`veil guard: ${plan.path} (${plan.assistant.name}) is up to date\n`);
      continue;
    }
    stale++;
    if (check) {
      io.stderr(`veil guard: ${plan.path} (${plan.assistant.name}) is ${plan.current === undefined ? "missing" : "out of date"}\n`);
      continue;
    }
    try {
      writeAtomically(join(root, plan.path), plan.wanted);
    } catch (error) {
      io.stderr(`veil guard: cannot write ${plan.path}: ${errorCode(error)}\n`);
      return 2;
    }
    io.stderr(`veil guard: ${plan.current === undefined ? "wrote" : "updated"} ${plan.path} (${plan.assistant.name})\n`);
  }
  if (!check && command === undefined && tools.some((t) => t.id === "claude-code")) {
    io.stderr("veil guard: no Claude Code hook written (Veil does not run from its bundle; set VEIL_HOOK_COMMAND)\n");
  }
  io.stderr(`veil guard: ${summary}\n`);
  if (unreadable > 0) {
    io.stderr(`veil guard: ${unreadable} ${unreadable === 1 ? "path" : "paths"} could not be read; the guard may miss files (exit 2)\n`);
    return 2;
  }
  if (check && stale > 0) {
    io.stderr(`veil guard: ${stale} of ${plans.length} files need updating: run veil guard${positionals[0] ? ` ${positionals[0]}` : ""}\n`);
    return 1;
  }
  return 0;
}

export const COMMAND = defineCommand({ name: "guard", usage: GUARD_HELP, options: OPTIONS, positionals: { max: 1, error: "one DIR at most" }, run });
