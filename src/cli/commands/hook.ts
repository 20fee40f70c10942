/**
 * `veil hook claude-code`: answers one Claude Code hook event (JSON on stdin) by its hook
 * contract. Blocks with exit 0 and a JSON decision; anything that goes wrong exits 2 (Claude
 * Code blocks on 2 and lets the call through on any other failure, so the hook fails closed).
 */
import { readdirSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import type { Finding } from "../../engine";
import { defineCommand, type OptionSpecs, type ParsedArgs } from "../args";
import { ConfigError } from "../config";
import { describeFindings, judgeFile, loadGuardContext, relativeToRoot, type GuardContext } from "../guardFiles";
import type { CliIO } from "../io";
import { nameGlob } from "../../workspace/globs";

const OPTIONS = {
  config: { type: "string" },
  label: { type: "string", choices: ["public", "sandbox", "pro"] },
} as const satisfies OptionSpecs;

const HOOK_HELP = `Usage: veil hook claude-code [--config FILE] [--label LABEL] < event.json

Answers one Claude Code hook event, read as JSON on stdin (veil guard writes the hooks into
.claude/settings.json):
  UserPromptSubmit   blocks a prompt that holds a secret, or @-mentions a file that does
                     (personal data and terms too in a "pro" workspace)
  PreToolUse         denies Read, Edit, Grep and Glob of a file that holds secrets, and Bash
                     commands that print one (cat, less, head, tail, grep, sed …)
The reason names kinds and counts, never a value. Label and terms come from
.vscode/settings.json in the project directory (CLAUDE_PROJECT_DIR, else the event's cwd).

Exit codes: 0 answered (a block or deny is a JSON decision on stdout), 2 the event could not
be handled (bad JSON, unreadable file, internal error): Claude Code then blocks the call.
`;

const SHARE_SAFELY = "To share it, replace the values first: `veil anonymize < file` or Copy Anonymized in VS Code.";

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);

class HookFailure extends Error {}

/** Commands that print (part of) the files they are given. */
const PRINTERS = new Set(
  "cat tac nl less more most head tail grep egrep fgrep zgrep rg ag ack sed awk gawk mawk cut sort uniq paste column fold fmt strings xxd hexdump od base64 base32 bat batcat jq yq diff cmp comm wc tee view vi vim nvim nano emacs code open xdg-open source . cp scp rsync mv ln gzip zcat bzcat xzcat tar zip curl python python3 node perl ruby php iconv dd openssl gpg".split(" "),
);
/** Words that run the next word as the command. */
const PREFIXES = new Set("sudo command exec env nice nohup time timeout xargs builtin doas stdbuf".split(" "));

/** Simple commands of a shell line, as words (quotes removed); good enough to find file operands. */
export function shellCommands(line: string): { words: string[]; redirects: string[] }[] {
  const commands: { words: string[]; redirects: string[] }[] = [];
  let words: string[] = [];
  let redirects: string[] = [];
  let word: string | undefined;
  let redirectNext = false;
  const endWord = () => {
    if (word === undefined) return;
    if (redirectNext) redirects.push(word);
    else words.push(word);
    redirectNext = false;
    word = undefined;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0 || redirects.length > 0) commands.push({ words, redirects });
    words = [];
    redirects = [];
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      const stop = end === -1 ? line.length : end;
      word = (word ?? "") + line.slice(i + 1, stop);
      i = stop;
    } else if (c === '"') {
      let j = i + 1;
      let text = "";
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === "\\" && j + 1 < line.length) text += line[++j];
        else if (line[j] === "$" && line[j + 1] === "(") break;
        else text += line[j];
      }
      word = (word ?? "") + text;
      i = j;
      if (line[j] === "$") {
        endCommand();
        i = j + 1;
      }
    } else if (c === "\\" && i + 1 < line.length) {
      word = (word ?? "") + line[++i];
    } else if (/\s/.test(c)) {
      if (c === "\n") endCommand();
      else endWord();
    } else if (";&|()`".includes(c) || (c === "$" && line[i + 1] === "(")) {
      endCommand();
      if (c === "$") i++;
    } else if (c === "<") {
      endWord();
      redirectNext = true;
      while (line[i + 1] === "<") i++;
    } else if (c === ">") {
      // Output redirection: the target is written, not read; skip its word.
      endWord();
      while (line[i + 1] === ">" || line[i + 1] === "&") i++;
      let j = i + 1;
      while (j < line.length && /\s/.test(line[j])) j++;
      while (j < line.length && !/[\s;&|()<>]/.test(line[j])) j++;
      i = j - 1;
    } else word = (word ?? "") + c;
  }
  endCommand();
  return commands;
}

/** The words of a command line that may name files a printer reads. */
export function printedOperands(command: string): string[] {
  const operands: string[] = [];
  for (const { words, redirects } of shellCommands(command)) {
    operands.push(...redirects);
    let i = 0;
    while (i < words.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]) || PREFIXES.has(basename(words[i])))) {
      i++;
      // Options of the prefix (`sudo -u x`, `timeout 5`) are skipped with it.
      while (i < words.length && (words[i].startsWith("-") || /^\d+[smhd]?$/.test(words[i]))) i++;
    }
    if (i >= words.length) continue;
    const program = basename(words[i]);
    if (!PRINTERS.has(program)) continue;
    for (const arg of words.slice(i + 1)) {
      if (arg.startsWith("-")) {
        const eq = arg.indexOf("=");
        if (eq > 0) operands.push(arg.slice(eq + 1));
        continue;
      }
      operands.push(arg);
    }
  }
  return operands.filter((o) => o !== "" && o !== "-");
}

/** Paths a word stands for: itself, or what a glob in its last segment matches. */
function expandWord(base: string, word: string, home: string | undefined): string[] {
  let path = word;
  if (path === "~" || path.startsWith("~/")) {
    if (home === undefined) return [];
    path = home + path.slice(1);
  }
  const absolute = isAbsolute(path) ? path : resolve(base, path);
  if (!/[*?[]/.test(basename(absolute))) return [absolute];
  const directory = dirname(absolute);
  if (/[*?[]/.test(directory)) return [];
  const matches = nameGlob(basename(absolute));
  try {
    return readdirSync(directory)
      .filter(matches)
      .map((name) => join(directory, name));
  } catch {
    return [];
  }
}

interface FileBlock {
  path: string;
  byName: boolean;
  findings: readonly Finding[];
}

/** A guarded file at `absolute`, or undefined (missing files and directories are not guarded here). */
function guardedFile(context: GuardContext, absolute: string): FileBlock | undefined {
  let stats;
  try {
    stats = statSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw new HookFailure(`cannot check ${relativeToRoot(context.root, absolute) ?? basename(absolute)}: ${code ?? "error"}`);
  }
  const display = relativeToRoot(context.root, absolute) ?? absolute;
  if (stats.isDirectory()) return undefined;
  if (!stats.isFile()) return undefined;
  let verdict;
  try {
    verdict = judgeFile(context, absolute);
  } catch (error) {
    throw new HookFailure(`cannot read ${display}: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
  }
  return verdict.guarded ? { path: display, byName: verdict.byName, findings: verdict.findings } : undefined;
}

function describeBlocks(blocks: readonly FileBlock[]): string {
  return blocks
    .map((b) => {
      return b.findings.length > 0 ? `${b.path} holds ${describeFindings(b.findings)}` : `${b.path} is a secret-bearing file by its name`;
    })
    .join("; ");
}

/** `@path` mentions in a prompt (Claude Code attaches those files without a PreToolUse event). */
export function mentionedPaths(prompt: string): string[] {
  const paths: string[] = [];
  const mention = /(?:^|[\s(["'`])@("[^"\n]+"|[^\s"'`()<>]+)/g;
  for (const m of prompt.matchAll(mention)) {
    let path = m[1].startsWith('"') ? m[1].slice(1, -1) : m[1];
    path = path.replace(/#L?\d+(?:-\d+)?$/, "").replace(/[.,;:!?]+$/, "");
    // An e-mail address or a handle is not a path: `@alice`, `name@host` (no boundary before @ there).
    if (path === "" || /^[\w-]+$/.test(path) && !/\./.test(path)) continue;
    paths.push(path);
  }
  return paths;
}

function promptDecision(context: GuardContext, event: Record<string, Json>, base: string, home: string | undefined): string | undefined {
  const prompt = event.prompt;
  if (typeof prompt !== "string") throw new HookFailure("UserPromptSubmit event without a \"prompt\" string");
  const findings = context.scanner.scan(prompt);
  const blocking = findings.filter((f) => context.categories.has(f.category));
  const reasons: string[] = [];
  if (blocking.length > 0) reasons.push(`the prompt holds ${describeFindings(blocking)}`);
  const blocks: FileBlock[] = [];
  for (const path of mentionedPaths(prompt)) {
    for (const absolute of expandWord(base, path, home)) {
      const block = guardedFile(context, absolute);
      if (block) blocks.push(block);
    }
  }
  if (blocks.length > 0) reasons.push(`it mentions files that Veil guards (${describeBlocks(blocks)})`);
  if (reasons.length === 0) return undefined;
  const passed = findings.length - blocking.length;
  const labelNote = passed > 0 ? ` (${passed} personal data or term ${passed === 1 ? "finding" : "findings"} alone would pass: they block in a "pro" workspace)` : "";
  return `Veil blocked this prompt: ${reasons.join("; ")}${labelNote}. ${SHARE_SAFELY}`;
}

function toolDecision(context: GuardContext, event: Record<string, Json>, base: string, home: string | undefined): string | undefined {
  const tool = event.tool_name;
  const input = event.tool_input;
  if (typeof tool !== "string") throw new HookFailure("PreToolUse event without a \"tool_name\" string");
  if (input !== undefined && !isObject(input)) throw new HookFailure("PreToolUse event whose \"tool_input\" is not an object");
  const fields = input ?? {};
  const str = (key: string) => (typeof fields[key] === "string" ? (fields[key] as string) : undefined);
  const candidates: string[] = [];
  switch (tool) {
    case "Read":
    case "Edit":
    case "MultiEdit":
    case "NotebookRead":
    case "NotebookEdit": {
      const path = str("file_path") ?? str("notebook_path");
      if (path === undefined) throw new HookFailure(`${tool} event without a "file_path"`);
      candidates.push(...expandWord(base, path, home));
      break;
    }
    case "Grep":
    case "Glob": {
      const path = str("path");
      if (path !== undefined) candidates.push(...expandWord(base, path, home));
      // A search narrowed to one secret-bearing name (`glob: ".env"`) asks for that file.
      const glob = tool === "Grep" ? str("glob") : str("pattern");
      if (glob !== undefined && !/[*?[{]/.test(glob)) candidates.push(...expandWord(path === undefined ? base : resolve(base, path), glob, home));
      break;
    }
    case "Bash": {
      const command = str("command");
      if (command === undefined) throw new HookFailure("Bash event without a \"command\"");
      const cwd = base;
      for (const word of printedOperands(command)) candidates.push(...expandWord(cwd, word, home));
      break;
    }
    default:
      return undefined;
  }
  const blocks: FileBlock[] = [];
  const seen = new Set<string>();
  for (const absolute of candidates) {
    if (seen.has(absolute)) continue;
    seen.add(absolute);
    const block = guardedFile(context, absolute);
    if (block) blocks.push(block);
  }
  if (blocks.length === 0) return undefined;
  return `Veil denied ${tool}: ${describeBlocks(blocks)}. Ask the user for the non-secret part, or work with a placeholder. ${SHARE_SAFELY}`;
}

async function run({ values }: ParsedArgs<typeof OPTIONS>, io: CliIO): Promise<number> {
  try {
    const raw = (await io.stdin()).toString("utf8");
    let event: Json;
    try {
      event = JSON.parse(raw.replace(/^\uFEFF/, ""));
    } catch {
      throw new HookFailure(`the event on stdin is not valid JSON (${raw.length} characters)`);
    }
    if (!isObject(event)) throw new HookFailure("the event on stdin is not a JSON object");
    const name = event.hook_event_name;
    if (typeof name !== "string") throw new HookFailure("the event has no \"hook_event_name\"");
    const cwd = typeof event.cwd === "string" && isAbsolute(event.cwd) ? event.cwd : io.cwd;
    const projectDir = io.env.CLAUDE_PROJECT_DIR && isAbsolute(io.env.CLAUDE_PROJECT_DIR) ? io.env.CLAUDE_PROJECT_DIR : cwd;
    if (name !== "UserPromptSubmit" && name !== "PreToolUse") return 0;
    const context = loadGuardContext(projectDir, values.config === undefined ? undefined : resolve(io.cwd, values.config), values.label);
    const home = io.env.HOME;
    if (name === "UserPromptSubmit") {
      const reason = promptDecision(context, event, cwd, home);
      if (reason !== undefined) io.stdout(JSON.stringify({ decision: "block", reason }) + "\n");
      return 0;
    }
    const reason = toolDecision(context, event, cwd, home);
    if (reason !== undefined) {
      io.stdout(JSON.stringify({ hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "deny", permissionDecisionReason: reason } }) + "\n");
    }
    return 0;
  } catch (error) {
    // Fail closed, and never quote the input: messages name what went wrong, not what was read.
    const detail = error instanceof HookFailure || error instanceof ConfigError ? error.message : `internal error (${error instanceof Error ? error.name : typeof error}${(error as NodeJS.ErrnoException)?.code ? ` ${(error as NodeJS.ErrnoException).code}` : ""})`;
    io.stderr(`veil hook: ${detail}. Blocked to be safe; run veil hook --help.\n`);
    return 2;
  }
}

export const COMMAND = defineCommand({
  name: "hook",
  usage: HOOK_HELP,
  options: OPTIONS,
  positionals: { min: 1, max: 1, choices: ["claude-code"], error: 'the only hook is "claude-code" (veil hook claude-code < event.json)' },
  run,
});
