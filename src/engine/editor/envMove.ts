/**
 * Pure pieces of the "Move to .env" quick fix: which name the value gets, how the source
 * reads it back, and how it is written into `.env` and ignored in `.gitignore`.
 */

const GENERIC_NAMES = new Set(["value", "val", "data", "str", "string", "s", "x", "v", "tmp", "temp", "result", "res", "key", "secret", "env", "default", "arg", "args", "params", "options", "config"]);

/** `githubToken` → `GITHUB_TOKEN`, `api-key` → `API_KEY`, `APIKey` → `API_KEY`. */
export function toUpperSnake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toUpperCase();
}

/**
 * The identifier a value is assigned to, from the text before it on its line:
 * `const githubToken = `, `api_key: `, `"apiKey": `, `self.secret_key = `,
 * `Authorization: Bearer `, `token := `, `password=`.
 */
export function assignedName(textBefore: string): string | undefined {
  const stripped = textBefore.replace(/["'`]$/, "");
  const m = /([A-Za-z_$][\w$-]*)["'`\]]*\s*(?::=|=>|\+=|=|:)\s*(?:["'`]?(?:Bearer|Basic|Token)\s+)?(?:\w+\s*\(\s*)?$/i.exec(stripped);
  return m?.[1];
}

/**
 * The variable name for a value: its assignment's left side in upper snake case unless that
 * is too generic (`value`, `key`), else the finding's kind (`github-token` → `GITHUB_TOKEN`).
 */
export function deriveEnvName(textBefore: string, kind: string): string {
  const fromKind = toUpperSnake(kind) || "SECRET";
  const left = assignedName(textBefore);
  if (!left) return validName(fromKind);
  const name = toUpperSnake(left.replace(/^\$/, ""));
  if (name.length < 3 || GENERIC_NAMES.has(name.toLowerCase())) return validName(fromKind);
  return validName(name);
}

function validName(name: string): string {
  return /^[0-9]/.test(name) ? `VEIL_${name}` : name;
}

export interface DotenvEntry {
  name: string;
  value: string;
}

/** Entries of a .env file; quotes removed, `export ` prefix accepted. */
export function parseDotenv(text: string): DotenvEntry[] {
  const entries: DotenvEntry[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m) continue;
    let value = m[2];
    const q = value[0];
    if ((q === '"' || q === "'") && value.length >= 2 && value.endsWith(q)) {
      value = value.slice(1, -1);
      if (q === '"') value = value.replace(/\\(["\\n])/g, (_s, c: string) => (c === "n" ? "\n" : c));
    }
    entries.push({ name: m[1], value });
  }
  return entries;
}

/**
 * A name for the value that is free in the .env: the wanted name; the same name when .env
 * already holds this exact value (nothing to append then); else `NAME_2`, `NAME_3`…
 */
export function uniqueEnvName(wanted: string, value: string, existing: readonly DotenvEntry[]): { name: string; alreadyThere: boolean } {
  const byName = new Map(existing.map((e) => [e.name, e.value]));
  for (let i = 1; ; i++) {
    const name = i === 1 ? wanted : `${wanted}_${i}`;
    const current = byName.get(name);
    if (current === undefined) return { name, alreadyThere: false };
    if (current === value) return { name, alreadyThere: true };
  }
}

/** `NAME=value`, quoted when the value has spaces, `#`, quotes or `$` a reader would interpret. */
export function dotenvLine(name: string, value: string): string {
  if (/^[A-Za-z0-9_\-./+:@,=~%]*$/.test(value)) return `${name}=${value}`;
  if (!value.includes("'") && !/[\r\n]/.test(value)) return `${name}='${value}'`;
  return `${name}="${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\r?\n/g, "\\n")}"`;
}

/** The text to append to a .env so it ends with `line`, keeping a final newline. */
export function appendLine(existing: string, line: string): string {
  const eol = existing.includes("\r\n") ? "\r\n" : "\n";
  if (existing.length === 0) return line + eol;
  return (existing.endsWith("\n") ? "" : eol) + line + eol;
}

export type EnvLookupStyle = "js" | "python" | "shell" | "go" | "ruby" | "php" | "java" | "csharp" | "powershell";

const STYLE_BY_LANGUAGE: Readonly<Record<string, EnvLookupStyle>> = {
  javascript: "js",
  javascriptreact: "js",
  typescript: "js",
  typescriptreact: "js",
  python: "python",
  shellscript: "shell",
  go: "go",
  ruby: "ruby",
  php: "php",
  java: "java",
  kotlin: "java",
  csharp: "csharp",
  powershell: "powershell",
};

export function envLookupStyle(languageId: string): EnvLookupStyle | undefined {
  return STYLE_BY_LANGUAGE[languageId];
}

function lookupExpression(style: EnvLookupStyle, name: string): string {
  switch (style) {
    case "js":
      return `process.env.${name}`;
    case "python":
      return `os.environ["${name}"]`;
    case "shell":
      return `"$${name}"`;
    case "go":
      return `os.Getenv("${name}")`;
    case "ruby":
      return `ENV["${name}"]`;
    case "php":
      return `getenv('${name}')`;
    case "java":
      return `System.getenv("${name}")`;
    case "csharp":
      return `Environment.GetEnvironmentVariable("${name}")`;
    case "powershell":
      return `$env:${name}`;
  }
}

export interface SourceReplacement {
  /** Offsets within the line text given, end exclusive. */
  start: number;
  end: number;
  text: string;
}

/**
 * How to replace the value at [start, end) of `lineText` by an environment lookup.
 * A value that is a whole quoted literal is replaced with its quotes. Inside a longer
 * string only shell (`"Bearer $NAME"`) and JS template literals can interpolate; in any other
 * case there is no safe edit and the answer is `undefined`.
 */
export function envReplacement(style: EnvLookupStyle, lineText: string, start: number, end: number, name: string): SourceReplacement | undefined {
  const before = lineText[start - 1];
  const after = lineText[end];
  const isQuote = (c: string | undefined) => c === '"' || c === "'" || c === "`";
  if (isQuote(before) && before === after) {
    // r"…", b'…', f"…", @"…": a prefix glued to the quote belongs to the literal.
    if (/[\w@$]/.test(lineText[start - 2] ?? "")) return undefined;
    return { start: start - 1, end: end + 1, text: lookupExpression(style, name) };
  }
  const quote = enclosingQuote(lineText, start);
  if (style === "shell") {
    if (quote === "'") return undefined;
    if (quote === '"') return { start, end, text: `\${${name}}` };
    return { start, end, text: `"$${name}"` };
  }
  if (style === "js" && quote === "`") return { start, end, text: `\${process.env.${name}}` };
  if (style === "powershell" && quote === '"') return { start, end, text: `$env:${name}` };
  return undefined;
}

/** The quote character the position is inside of on this line, if any (backslash escapes skipped). */
function enclosingQuote(lineText: string, position: number): string | undefined {
  let open: string | undefined;
  for (let i = 0; i < position; i++) {
    const c = lineText[i];
    if (c === "\\" && open !== "'") {
      i++;
      continue;
    }
    if (open) {
      if (c === open) open = undefined;
    } else if (c === '"' || c === "'" || c === "`") open = c;
  }
  return open;
}

/**
 * Line at which to insert `import os` in a Python file that lacks it, or `undefined` when
 * `os` is already imported. After the shebang, encoding and comment lines, the module
 * docstring and `from __future__` imports, which must stay first.
 */
export function pythonImportOsLine(text: string): number | undefined {
  if (/^\s*import\s+(?:[\w.]+\s*,\s*)*os(?:\s*,|\s*$|\s+as\s+os\b)/m.test(text)) return undefined;
  const lines = text.split(/\r?\n/);
  let i = 0;
  while (i < lines.length && /^\s*(#.*)?$/.test(lines[i])) i++;
  const doc = /^\s*[rRuU]?("""|''')/.exec(lines[i] ?? "");
  if (doc) {
    const delimiter = doc[1];
    const rest = lines[i].slice(lines[i].indexOf(delimiter) + 3);
    if (rest.includes(delimiter)) i++;
    else {
      i++;
      while (i < lines.length && !lines[i].includes(delimiter)) i++;
      i++;
    }
  }
  let lastFuture = -1;
  for (let j = i; j < lines.length; j++) {
    if (/^\s*from\s+__future__\s+import\b/.test(lines[j])) lastFuture = j;
    else if (!/^\s*(#.*)?$/.test(lines[j])) break;
  }
  if (lastFuture >= 0) return lastFuture + 1;
  // Skip blank lines left after the docstring so the import lands just before the code.
  return Math.min(i, lines.length);
}
