/** `veil snippet`: a log or stack trace on stdin, a shareable neutralized Markdown snippet on stdout. */
import { closeSync, existsSync, fstatSync, openSync, readSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { extractErrorSnippet, Vault } from "../../engine";
import { defineCommand, STDIN_ONLY, UsageError, type OptionSpecs, type ParsedArgs } from "../args";
import type { CliIO } from "../io";
import { gitExposureWarning, keepPrivate, MapFileError, readMap, writeMap } from "../mapFile";

const OPTIONS = {
  root: { type: "string" },
  context: { type: "string" },
  map: { type: "string" },
} as const satisfies OptionSpecs;

const SNIPPET_HELP = `Usage: veil snippet [--root DIR] [--context N] [--map FILE] < log > snippet.md

Finds the error in a terminal buffer, a log or test-runner output (Node and browser
stacks, Python tracebacks, Java/Kotlin, .NET, Go, Rust, Ruby, PHP, tsc, gcc/clang, rustc,
ESLint, pytest) and prints it as Markdown ready to paste into an AI assistant: the error
message, the frames in your own code, one line per run of library frames, and a few lines
of the failing code. Paths, user names, hosts, IPs, e-mails and secrets are neutralized.

Options:
  --root DIR     your project folder: paths inside it are shown relative to it, and the
                 failing code is read from it (never from outside it)
  --context N    lines of code shown before and after the failing line (default 3, max 50)
  --map FILE     keep the placeholders' real values in this map (read and extended, written
                 with mode 0600), so \`veil restore --map FILE\` works on the answer; Veil
                 warns when it would land in a git work tree without being ignored
  -h, --help     show this help

Exit codes: 0 snippet printed, 2 no error found in the input, usage or I/O error.
`;

/** Biggest source file read for an excerpt; a larger one is not code a person wrote. */
const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

class SnippetError extends Error {}

/**
 * Reads `relativePath` under `root` and nowhere else: no absolute path, no `..`, and no
 * symbolic link that leads out of the root.
 */
export function readUnderRoot(root: string, relativePath: string): string | undefined {
  if (relativePath === "" || isAbsolute(relativePath) || /^[A-Za-z]:/.test(relativePath) || relativePath.split(/[\\/]/).includes("..")) return undefined;
  const target = resolve(root, relativePath);
  const inside = (p: string) => {
    const rel = relative(root, p);
    return rel !== "" && !rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel);
  };
  if (!inside(target)) return undefined;
  let real: string;
  try {
    real = realpathSync(target);
  } catch {
    return undefined;
  }
  if (!inside(real)) return undefined;
  let fd: number | undefined;
  try {
    fd = openSync(real, "r");
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_SOURCE_BYTES) return undefined;
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    const text = buffer.subarray(0, read).toString("utf8");
    return text.includes("\u0000") ? undefined : text;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

async function run({ values }: ParsedArgs<typeof OPTIONS>, io: CliIO): Promise<number> {
  const command = "veil snippet";
  try {
    let root: string | undefined;
    const roots: string[] = [];
    if (values.root !== undefined) {
      const given = resolve(io.cwd, values.root);
      let stat;
      try {
        stat = statSync(given);
      } catch {
        throw new SnippetError(`${command}: --root ${values.root}: no such folder`);
      }
      if (!stat.isDirectory()) throw new SnippetError(`${command}: --root ${values.root} is not a folder`);
      root = realpathSync(given);
      roots.push(given);
      if (root !== given) roots.push(root);
    }
    const mapPath = values.map === undefined ? undefined : resolve(io.cwd, values.map);
    const vault = mapPath ? readMap(mapPath, values.map ?? mapPath, command, true) : new Vault();
    const before = JSON.stringify(vault.toJSON());
    const input = new TextDecoder("utf-8").decode(await io.stdin());
    const snippet = await extractErrorSnippet(input, {
      workspaceRoots: roots,
      contextLines: values.context === undefined ? undefined : Number(values.context),
      homeDir: io.env.HOME ?? io.env.USERPROFILE,
      userName: io.env.USER ?? io.env.USERNAME,
      readFile: root === undefined ? undefined : (p) => readUnderRoot(root, p),
      vault,
    });
    if (!snippet) {
      io.stderr(
        `${command}: no error found in the input. It looks for stack traces (Node, browsers, Python, Java/Kotlin, .NET, Go, Rust, Ruby, PHP), compiler and linter errors (tsc, gcc/clang, rustc, ESLint), pytest failures and ERROR log lines. Nothing was printed.\n`,
      );
      return 2;
    }
    if (mapPath) {
      if (JSON.stringify(vault.toJSON()) !== before) writeMap(mapPath, vault, values.map ?? mapPath, command, "nothing was printed");
      else keepPrivate(mapPath);
      const warning = existsSync(mapPath) ? gitExposureWarning(mapPath, mapPath, io.env) : undefined;
      if (warning) io.stderr(`${command}: warning: ${warning}\n`);
    }
    io.stdout(Buffer.from(snippet.markdown, "utf8"));
    const errors = snippet.errors.length + snippet.omitted;
    io.stderr(
      `${command}: ${errors} error${errors === 1 ? "" : "s"} found, ${snippet.errors.length} shown; ${snippet.replacements} value${snippet.replacements === 1 ? "" : "s"} replaced by placeholders${snippet.excerpt ? `; code from ${snippet.excerpt.path}` : ""}${mapPath || snippet.replacements === 0 ? "" : " (no --map: the values were not kept)"}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof SnippetError || error instanceof MapFileError) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/** --context is a line count from 0 to 50. */
function validate({ values }: ParsedArgs<typeof OPTIONS>): void {
  if (values.context !== undefined && !/^\d{1,2}$/.test(values.context)) throw new UsageError(`veil snippet: --context must be a whole number from 0 to 50 (got ${JSON.stringify(values.context)})`);
  if (values.context !== undefined && Number(values.context) > 50) throw new UsageError(`veil snippet: --context must be a whole number from 0 to 50 (got ${values.context})`);
}

export const COMMAND = defineCommand({ name: "snippet", usage: SNIPPET_HELP, options: OPTIONS, positionals: STDIN_ONLY, validate, run });
