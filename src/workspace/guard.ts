// `veil guard`: the ignore files of the coding assistants that read the workspace themselves,
// and Claude Code's `.claude/settings.json`. Shared by the CLI and the extension (Node and web
// worker): no `vscode`, no Node built-ins; paths are relative to the workspace root, `/`-separated.
import { IgnoreFile } from "./ignoreFile";
import { parseJsonc } from "./jsonc";

export type AssistantId = "claude-code" | "cursor" | "windsurf" | "gemini-code-assist" | "gemini-cli" | "aider" | "jetbrains-ai" | "cline" | "roo";

/**
 * How a tool reads its file: `gitignore` = git's syntax with `!` negation; `no-negation` = git's
 * syntax without `!` (Gemini Code Assist's `.aiexclude`); `claude` = `permissions.deny` rules.
 */
export type GuardSyntax = "gitignore" | "no-negation" | "claude";

export interface Assistant {
  id: AssistantId;
  name: string;
  /** The file Veil writes, relative to the workspace root. */
  file: string;
  syntax: GuardSyntax;
}

export const ASSISTANTS: readonly Assistant[] = [
  { id: "claude-code", name: "Claude Code", file: ".claude/settings.json", syntax: "claude" },
  { id: "cursor", name: "Cursor", file: ".cursorignore", syntax: "gitignore" },
  { id: "windsurf", name: "Windsurf", file: ".codeiumignore", syntax: "gitignore" },
  { id: "gemini-code-assist", name: "Gemini Code Assist", file: ".aiexclude", syntax: "no-negation" },
  { id: "gemini-cli", name: "Gemini CLI", file: ".geminiignore", syntax: "gitignore" },
  { id: "aider", name: "Aider", file: ".aiderignore", syntax: "gitignore" },
  { id: "jetbrains-ai", name: "JetBrains AI", file: ".aiignore", syntax: "gitignore" },
  { id: "cline", name: "Cline", file: ".clineignore", syntax: "gitignore" },
  { id: "roo", name: "Roo Code", file: ".rooignore", syntax: "gitignore" },
];

export const ASSISTANT_IDS: readonly AssistantId[] = ASSISTANTS.map((a) => a.id);

/**
 * Files that hold credentials by their name, wherever they are (gitignore syntax, no slash =
 * any depth). `except` lists the names that look alike but are meant to be shared.
 */
export const SECRET_FILE_PATTERNS: readonly string[] = [
  ".env",
  ".env.*",
  "*.pem",
  "*.key",
  "*.p12",
  "*.pfx",
  "*.jks",
  "*.keystore",
  "*.kdbx",
  "id_rsa*",
  "id_dsa*",
  "id_ecdsa*",
  "id_ed25519*",
  "credentials*.json",
  "*service-account*.json",
  "*service_account*.json",
  "client_secret*.json",
  ".npmrc",
  ".pypirc",
  ".netrc",
  "_netrc",
  ".pgpass",
  ".htpasswd",
  ".git-credentials",
  ".dockercfg",
  "*.tfvars",
  "*.tfstate",
  "*.tfstate.*",
  ".aws/credentials",
  ".docker/config.json",
  "secrets.yml",
  "secrets.yaml",
];

/** Templates committed on purpose: `.env.*` does not cover them (unless the scan finds a secret inside). */
export const SHARED_TEMPLATE_PATTERNS: readonly string[] = [".env.example", ".env.sample", ".env.template", ".env.dist", ".env.defaults", "*.example.env"];

/** Patterns whose expansion may hit a template: tools without negation get the matching files instead. */
const NEEDS_NEGATION = new Set([".env.*"]);

const SECRET_NAMES = new IgnoreFile([...SECRET_FILE_PATTERNS, ...SHARED_TEMPLATE_PATTERNS.map((p) => `!${p}`)].join("\n"));
const PLAIN_PATTERNS = SECRET_FILE_PATTERNS.filter((p) => !NEEDS_NEGATION.has(p));
const PLAIN_NAMES = new IgnoreFile(PLAIN_PATTERNS.join("\n"));

/** Files a tool without negation must get by name: secret by name, but not through a plain pattern. */
function expandedSecretFiles(allFiles: readonly string[]): string[] {
  return allFiles.filter((f) => isSecretFileName(f) && !f.split("/").some((_, i, parts) => PLAIN_NAMES.ignores(parts.slice(0, i + 1).join("/"), i < parts.length - 1)));
}

/** Whether a relative path holds credentials by its name alone (`.env`, `id_rsa`, `*.pem` …). */
export function isSecretFileName(relative: string): boolean {
  const path = relative.replace(/\\/g, "/").replace(/^\.\/+/, "");
  const parts = path.split("/");
  // A directory named like a secret (`.aws/credentials` is matched through its anchored pattern).
  for (let i = 1; i <= parts.length; i++) {
    if (SECRET_NAMES.ignores(parts.slice(0, i).join("/"), i < parts.length)) return true;
  }
  return false;
}

/** A literal path as a gitignore line anchored at the root: `*?[\` and a leading `#`/`!` escaped. */
export function gitignoreLiteral(relative: string): string {
  let escaped = relative.replace(/[\\*?[]/g, (c) => `\\${c}`);
  if (/\s$/.test(escaped)) escaped = escaped.replace(/(\s)$/, "\\$1");
  return `/${escaped}`;
}

export const BLOCK_BEGIN = "# >>> veil guard: managed by `veil guard` — lines inside this block are rewritten";
export const BLOCK_END = "# <<< veil guard";
const BEGIN_PREFIX = "# >>> veil guard";

/** What the guard covers in a workspace. */
export interface GuardInput {
  /** Every file of the workspace (for the patterns that a tool without negation cannot express). */
  allFiles: readonly string[];
  /** Files where the scan found what the label guards (secrets; personal data and terms in `pro`). */
  flaggedFiles: readonly string[];
}

function sortedUnique(paths: Iterable<string>): string[] {
  return [...new Set(paths)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The lines of Veil's block for a gitignore-syntax tool (without the markers). */
export function ignoreBlockLines(syntax: "gitignore" | "no-negation", input: GuardInput): string[] {
  const lines = ["# Files that hold credentials by their name"];
  if (syntax === "gitignore") {
    lines.push(...SECRET_FILE_PATTERNS);
    lines.push(...SHARED_TEMPLATE_PATTERNS.map((p) => `!${p}`));
  } else {
    lines.push(...PLAIN_PATTERNS);
    // No `!` here: the files `.env.*` would cover, minus the templates, one by one.
    lines.push(...sortedUnique(expandedSecretFiles(input.allFiles)).map(gitignoreLiteral));
  }
  const flagged = sortedUnique(input.flaggedFiles);
  if (flagged.length > 0) {
    lines.push("# Files where Veil's scan found sensitive values");
    lines.push(...flagged.map(gitignoreLiteral));
  }
  return lines;
}

const NEWLINE = /\r?\n/;

/**
 * `existing` with Veil's block replaced by `block` (markers added), the user's lines kept in
 * place. A block whose markers were damaged by hand (a begin without an end, an end alone, two
 * blocks) is dropped with the lines Veil itself would write, and a clean block is appended.
 */
export function mergeBlock(existing: string | undefined, block: readonly string[]): string {
  const eol = existing && /\r\n/.test(existing) ? "\r\n" : "\n";
  const fresh = [BLOCK_BEGIN, ...block, BLOCK_END];
  if (existing === undefined || existing === "") return fresh.join(eol) + eol;
  const lines = existing.split(NEWLINE);
  if (lines[lines.length - 1] === "") lines.pop();
  const begins = lines.flatMap((l, i) => (l.startsWith(BEGIN_PREFIX) ? [i] : []));
  const ends = lines.flatMap((l, i) => (l.trim() === BLOCK_END ? [i] : []));
  if (begins.length === 1 && ends.length === 1 && begins[0] < ends[0]) {
    const merged = [...lines.slice(0, begins[0]), ...fresh, ...lines.slice(ends[0] + 1)];
    return merged.join(eol) + eol;
  }
  let kept = lines;
  if (begins.length > 0 || ends.length > 0) {
    // Damaged: forget every marker and every line Veil writes; what the user wrote stays.
    const ours = new Set(block);
    kept = lines.filter((l) => !l.startsWith(BEGIN_PREFIX) && l.trim() !== BLOCK_END && !ours.has(l) && !/^# (Files that hold credentials by their name|Files where Veil's scan found sensitive values)$/.test(l));
    while (kept.length > 0 && kept[kept.length - 1].trim() === "") kept.pop();
  }
  const separator = kept.length > 0 && kept[kept.length - 1].trim() !== "" ? [""] : [];
  return [...kept, ...separator, ...fresh].join(eol) + eol;
}

/** The `Read(./…)` rules for Claude Code's `permissions.deny` (its rules have no negation). */
export function claudeDenyRules(input: GuardInput): string[] {
  const rules: string[] = [];
  for (const pattern of PLAIN_PATTERNS) {
    rules.push(pattern.includes("/") ? `Read(./${pattern})` : `Read(./**/${pattern})`);
  }
  const literal = (path: string) => `Read(./${path.replace(/[\\*?[]/g, (c) => `\\${c}`)})`;
  for (const path of sortedUnique([...expandedSecretFiles(input.allFiles), ...input.flaggedFiles])) rules.push(literal(path));
  return rules;
}

/** Claude Code tools whose input names a file or a search Veil looks at. */
export const CLAUDE_HOOK_MATCHER = "Read|Edit|MultiEdit|NotebookEdit|Grep|Glob|Bash";

/** Whether a hook command is Veil's (whatever path it runs Veil from). */
export function isVeilHookCommand(command: unknown): boolean {
  return typeof command === "string" && /(^|[\s'"/\\])(veil|cli\.js)['"]?\s+hook\s+claude-code\b/.test(command);
}

export class GuardSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GuardSettingsError";
  }
}

type Json = unknown;
type JsonObject = Record<string, Json>;
const isObject = (v: Json): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Claude Code's project settings with Veil's deny rules and hooks added, every other key kept.
 * Deny rules are only added (a rule for a file that is gone is harmless; remove it by hand).
 * `hookCommand` undefined: hooks are left as they are (the web build has no CLI to run).
 * `acceptAnyVeilHook`: for `--check`, a Veil hook run from another path counts as current.
 */
export function mergeClaudeSettings(existing: string | undefined, deny: readonly string[], hookCommand: string | undefined, acceptAnyVeilHook = false): string {
  let root: JsonObject = {};
  if (existing !== undefined && existing.trim() !== "") {
    let parsed: Json;
    try {
      parsed = JSON.parse(existing.replace(/^\uFEFF/, ""));
    } catch (error) {
      throw new GuardSettingsError(`.claude/settings.json is not valid JSON (${error instanceof Error ? error.message.slice(0, 80) : "parse error"}); fix it by hand, Veil does not overwrite it`);
    }
    if (!isObject(parsed)) throw new GuardSettingsError(".claude/settings.json must hold a JSON object");
    root = parsed;
  }
  const permissions = root.permissions === undefined ? {} : root.permissions;
  if (!isObject(permissions)) throw new GuardSettingsError(".claude/settings.json: \"permissions\" must be an object");
  const currentDeny = permissions.deny === undefined ? [] : permissions.deny;
  if (!Array.isArray(currentDeny)) throw new GuardSettingsError(".claude/settings.json: \"permissions.deny\" must be an array");
  const have = new Set(currentDeny.filter((r): r is string => typeof r === "string"));
  const nextDeny = [...currentDeny, ...deny.filter((r) => !have.has(r))];
  const nextPermissions: JsonObject = { ...permissions, deny: nextDeny };
  const next: JsonObject = { ...root, permissions: nextPermissions };

  if (hookCommand !== undefined) {
    const hooks = root.hooks === undefined ? {} : root.hooks;
    if (!isObject(hooks)) throw new GuardSettingsError(".claude/settings.json: \"hooks\" must be an object");
    const nextHooks: JsonObject = { ...hooks };
    nextHooks.UserPromptSubmit = withVeilHook(hooks.UserPromptSubmit, undefined, hookCommand, acceptAnyVeilHook, "UserPromptSubmit");
    nextHooks.PreToolUse = withVeilHook(hooks.PreToolUse, CLAUDE_HOOK_MATCHER, hookCommand, acceptAnyVeilHook, "PreToolUse");
    next.hooks = nextHooks;
  }
  return JSON.stringify(next, null, 2) + "\n";
}

/**
 * The event's matcher groups with exactly one Veil hook: in the group with Veil's matcher,
 * updated to `command`; Veil hooks elsewhere are removed; the user's hooks are kept.
 */
function withVeilHook(groups: Json, matcher: string | undefined, command: string, acceptAny: boolean, event: string): Json[] {
  if (groups !== undefined && !Array.isArray(groups)) throw new GuardSettingsError(`.claude/settings.json: "hooks.${event}" must be an array`);
  const list = (groups ?? []) as Json[];
  const result: Json[] = [];
  let placed = false;
  for (const group of list) {
    if (!isObject(group) || !Array.isArray(group.hooks)) {
      result.push(group);
      continue;
    }
    const veil = group.hooks.filter((h) => isObject(h) && isVeilHookCommand(h.command));
    if (veil.length === 0) {
      result.push(group);
      continue;
    }
    const others = group.hooks.filter((h) => !(isObject(h) && isVeilHookCommand(h.command)));
    const sameMatcher = (group.matcher ?? undefined) === matcher;
    if (sameMatcher && !placed) {
      placed = true;
      const existing = veil[0] as JsonObject;
      const keep = acceptAny && existing.type === "command";
      result.push({ ...group, hooks: [...others, keep ? existing : veilHook(command)] });
    } else if (others.length > 0) result.push({ ...group, hooks: others });
  }
  if (!placed) result.push(matcher === undefined ? { hooks: [veilHook(command)] } : { matcher, hooks: [veilHook(command)] });
  return result;
}

function veilHook(command: string): JsonObject {
  return { type: "command", command, timeout: 30 };
}

/** A word for a POSIX shell: bare when safe, else in single quotes. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Parses the assistants list of `--tools` or the setting: ids, or `all`. */
export function parseAssistantList(value: string | readonly string[] | undefined): { tools: Assistant[]; unknown: string[] } {
  if (value === undefined) return { tools: [...ASSISTANTS], unknown: [] };
  const items = (typeof value === "string" ? value.split(",") : [...value]).map((s) => s.trim().toLowerCase()).filter((s) => s !== "");
  if (items.includes("all")) return { tools: [...ASSISTANTS], unknown: [] };
  const unknown = items.filter((s) => !ASSISTANTS.some((a) => a.id === s));
  return { tools: ASSISTANTS.filter((a) => items.includes(a.id)), unknown };
}

/** One file the guard writes, with what it should hold. */
export interface GuardFilePlan {
  assistant: Assistant;
  path: string;
  /** What the file holds now, undefined when missing. */
  current: string | undefined;
  wanted: string;
}

/**
 * What each assistant's file should hold, given what it holds now (`read` returns undefined for
 * a missing file). Throws GuardSettingsError when `.claude/settings.json` cannot be merged.
 */
export function planGuard(
  tools: readonly Assistant[],
  input: GuardInput,
  read: (path: string) => string | undefined,
  options: { hookCommand: string | undefined; acceptAnyVeilHook?: boolean },
): GuardFilePlan[] {
  const plans: GuardFilePlan[] = [];
  for (const assistant of tools) {
    const current = read(assistant.file);
    const wanted =
      assistant.syntax === "claude"
        ? mergeClaudeSettings(current, claudeDenyRules(input), options.hookCommand, options.acceptAnyVeilHook)
        : mergeBlock(current, ignoreBlockLines(assistant.syntax, input));
    plans.push({ assistant, path: assistant.file, current, wanted });
  }
  return plans;
}

/** Whether a file already holds what the plan wants (for JSON: the same values, whatever the layout). */
export function isCurrent(plan: GuardFilePlan): boolean {
  if (plan.current === plan.wanted) return true;
  if (plan.current === undefined || plan.assistant.syntax !== "claude") return false;
  try {
    return JSON.stringify(JSON.parse(plan.current.replace(/^\uFEFF/, ""))) === JSON.stringify(JSON.parse(plan.wanted));
  } catch {
    return false;
  }
}

/** `veil.workspaceLabel` and `veil.terms` from a `.vscode/settings.json` text; bad values are ignored. */
export function readWorkspaceSettings(text: string | undefined): { label: "public" | "sandbox" | "pro" | undefined; terms: { text: string; kind: string }[] } {
  const none = { label: undefined, terms: [] };
  if (text === undefined) return none;
  let root: Json;
  try {
    root = parseJsonc(text);
  } catch {
    return none;
  }
  if (!isObject(root)) return none;
  const label = root["veil.workspaceLabel"];
  const terms: { text: string; kind: string }[] = [];
  const raw = root["veil.terms"];
  if (Array.isArray(raw)) {
    for (const term of raw) {
      if (typeof term === "string" && term.trim() !== "") terms.push({ text: term, kind: "CLIENT" });
      else if (isObject(term) && typeof term.text === "string" && term.text.trim() !== "" && term.regex !== true) {
        terms.push({ text: term.text, kind: typeof term.kind === "string" && /^[A-Za-z][A-Za-z0-9_-]*$/.test(term.kind) ? term.kind : "CLIENT" });
      }
    }
  }
  return { label: label === "public" || label === "sandbox" || label === "pro" ? label : undefined, terms };
}

/** Which finding categories make a file guarded under a label: secrets always, the rest in `pro`. */
export function guardedCategories(label: string | undefined): ReadonlySet<"secret" | "pii" | "term"> {
  return new Set(label === "pro" ? ["secret", "pii", "term"] : ["secret"]);
}
