/**
 * `veil`: the command-line entry point (bundled to dist/cli.js, started by the bin/veil.js launcher). It only dispatches; each
 * command lives in commands/<name>.ts and exports `COMMAND`, declared with args.ts's `defineCommand`.
 */
import { isMainThread } from "node:worker_threads";
import { version } from "../../package.json";
import type { CliCommand } from "./args";
import { BROKEN_PIPE_EXIT, brokenPipeExitCode, endQuietlyOnBrokenPipe, outputPipeBroken, processIO, writeProcessStream, type CliIO } from "./io";
// Evaluated for its worker-thread entry (Scan Workspace in the Node extension host).
import "./workspaceScanWorker";
// And for veil scan's own worker threads, which load this bundle without running a command.
import "./parallel";

/**
 * Each command's module, loaded when it runs: the bundle evaluates only the command it runs
 * (`scan` then skips pdf-lib, metadata stripping, snippets, guard files), which is most of a
 * small run's start-up (docs/speed.md).
 */
export const COMMANDS: Readonly<Record<string, () => Promise<CliCommand>>> = {
  scan: () => import("./commands/scan.js").then((m) => m.COMMAND),
  anonymize: () => import("./commands/anonymize.js").then((m) => m.COMMAND),
  restore: () => import("./commands/restore.js").then((m) => m.COMMAND),
  snippet: () => import("./commands/snippet.js").then((m) => m.COMMAND),
  guard: () => import("./commands/guard.js").then((m) => m.COMMAND),
  hook: () => import("./commands/hook.js").then((m) => m.COMMAND),
  strip: () => import("./commands/strip.js").then((m) => m.COMMAND),
};

/** Every command's name, as `--help` and `--version` list them. */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

export const MAIN_HELP = `Usage: veil <command> [options]

Keeps secrets, personal data and client names out of what you paste into AI assistants.
Nothing leaves your machine.

Commands:
  scan [PATH...]       report secrets, personal data and configured terms in files
  anonymize            stdin to stdout with sensitive values replaced by [KIND_N] placeholders
  restore --map FILE   put the real values back into text that holds placeholders
  snippet              turn a log or stack trace into a shareable, neutralized snippet
  guard [DIR]          write the coding assistants' ignore files and Claude Code's deny rules and hooks
  hook claude-code     answer a Claude Code hook event (stdin): block prompts and reads of secrets
  strip FILE...        copies of photos, videos, PDFs, Office files without their metadata

Options:
  -h, --help           show this help (or \`veil <command> --help\` for a command)
  -V, --version        print the version

Exit codes: 0 success / nothing found, 1 findings (scan), 2 usage or I/O error.
`;

/** Runs one `veil` invocation; `argv` excludes `node` and the script path. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(MAIN_HELP);
    return 2;
  }
  if (first === "-h" || first === "--help" || first === "help") {
    const named = first === "help" && rest[0] !== undefined ? commandLoader(rest[0]) : undefined;
    if (named) return dispatch(named, ["--help"], io);
    io.stdout(MAIN_HELP);
    return 0;
  }
  if (first === "-V" || first === "--version") {
    io.stdout(`veil ${version}\n${CLI_PACKAGE_NAME} ${version}, commands: ${Object.keys(COMMANDS).join(", ")}\n`);
    return 0;
  }
  const command = commandLoader(first);
  if (!command) {
    io.stderr(`veil: unknown command ${JSON.stringify(first)}. Commands: ${Object.keys(COMMANDS).join(", ")}. See veil --help.\n`);
    return 2;
  }
  return dispatch(command, rest, io);
}

function commandLoader(name: string): (() => Promise<CliCommand>) | undefined {
  return Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
}

async function dispatch(load: () => Promise<CliCommand>, args: string[], io: CliIO): Promise<number> {
  try {
    return await (await load()).invoke(args, io);
  } catch (error) {
    // Commands report their own errors (usage errors through args.ts); this is the last net.
    io.stderr(`veil: ${(error as Error)?.message ?? String(error)}\n`);
    return 2;
  }
}

/** The npm package's name (the root package.json names the VS Code extension `veil`). */
export const CLI_PACKAGE_NAME = "veil-privacy";

/**
 * A smaller inlining budget for V8's optimising compiler, in this process only (the CLI's own,
 * never an extension host's): the scan's large functions compile sooner, so less of a cold run
 * is spent in unoptimised code (docs/speed.md). bin/veil.js sets the same flag before it
 * compiles the bundle, so that its code cache matches; process-wide, so workers get it too.
 */
function tuneCompiler(): void {
  try {
    process.getBuiltinModule?.("node:v8")?.setFlagsFromString("--max-inlined-bytecode-size-cumulative=100");
  } catch {
    // An unknown flag in another Node version changes nothing; the run goes on as it is.
  }
}

/** Runs the process's own invocation; the launcher (bin/veil.js) calls it after checking Node's version. */
export function runCli(): void {
  // A scan worker loads the same bundle: it answers its parent, it does not run a command.
  if (!isMainThread) return;
  tuneCompiler();
  const argv = process.argv.slice(2);
  // The hook's answer is on stdout: when it cannot be delivered, block (exit 2) rather than let the call through.
  endQuietlyOnBrokenPipe(argv[0] === "hook" ? 2 : BROKEN_PIPE_EXIT);
  const end = (code: number) => {
    // exitCode rather than exit(): lets a large report drain to a pipe first.
    process.exitCode = outputPipeBroken() ? brokenPipeExitCode() : code;
  };
  main(argv, processIO()).then(end, (error) => {
    writeProcessStream(process.stderr, `veil: ${(error as Error)?.message ?? String(error)}\n`);
    end(2);
  });
}

if (require.main === module) runCli();
