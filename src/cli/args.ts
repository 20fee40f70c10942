/**
 * A small argument parser for the `veil` commands: `--flag value`, `--flag=value`, short
 * aliases (`-h`), repeated flags, `--` to end options, `-` as a positional (stdin).
 * Anything it does not know is a usage error, so a typo never silently changes a scan.
 */

export type OptionSpec =
  | { type: "boolean"; short?: string; description?: string }
  | { type: "string"; short?: string; multiple?: false; choices?: readonly string[]; description?: string }
  | { type: "string"; short?: string; multiple: true; choices?: readonly string[]; description?: string };

export type OptionSpecs = Record<string, OptionSpec>;

export type ParsedValues<S extends OptionSpecs> = {
  [K in keyof S]?: S[K] extends { type: "boolean" } ? boolean : S[K] extends { multiple: true } ? string[] : string;
};

export interface ParsedArgs<S extends OptionSpecs> {
  values: ParsedValues<S>;
  positionals: string[];
}

/** A mistake in how the command was called: exit code 2, message and a hint on stderr. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/**
 * Parses `argv` (without the command name) against `specs`, keyed by long option name.
 * `command` only serves error messages (`veil scan: unknown option --fomat`).
 */
export function parseArgs<S extends OptionSpecs>(argv: readonly string[], specs: S, command: string): ParsedArgs<S> {
  const values: Record<string, boolean | string | string[]> = {};
  const positionals: string[] = [];
  const byShort = new Map<string, string>();
  for (const [name, spec] of Object.entries(specs)) if (spec.short) byShort.set(spec.short, name);

  const set = (name: string, spec: OptionSpec, value: string) => {
    if (spec.type === "string" && spec.choices && !spec.choices.includes(value)) {
      throw new UsageError(`${command}: --${name} must be one of ${spec.choices.join(", ")} (got ${JSON.stringify(value)})`);
    }
    if (spec.type === "string" && spec.multiple) ((values[name] as string[] | undefined) ?? (values[name] = [])).push(value);
    else values[name] = value;
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === "-" || !arg.startsWith("-")) {
      positionals.push(arg);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq === -1 ? undefined : arg.slice(eq + 1);
    } else {
      if (arg.length !== 2) throw new UsageError(`${command}: unknown option ${arg} (short options cannot be combined)`);
      const long = byShort.get(arg.slice(1));
      if (!long) throw new UsageError(`${command}: unknown option ${arg}`);
      name = long;
    }
    const spec = Object.prototype.hasOwnProperty.call(specs, name) ? specs[name] : undefined;
    if (!spec) throw new UsageError(`${command}: unknown option --${name}${suggest(name, Object.keys(specs))}`);
    if (spec.type === "boolean") {
      if (inline !== undefined) throw new UsageError(`${command}: --${name} takes no value`);
      values[name] = true;
      continue;
    }
    if (inline !== undefined) {
      set(name, spec, inline);
      continue;
    }
    const next = argv[i + 1];
    if (next === undefined || (next.startsWith("-") && next !== "-")) throw new UsageError(`${command}: --${name} needs a value`);
    set(name, spec, next);
    i++;
  }
  return { values: values as ParsedValues<S>, positionals };
}

/** " (did you mean --format?)" when a known option is one or two edits away. */
function suggest(name: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = editDistance(name, candidate);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best ? ` (did you mean --${best}?)` : "";
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
