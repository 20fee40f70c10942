/**
 * How every `veil` command reads its arguments. A command declares its options, usage text
 * and positionals with `defineCommand`; `CliCommand.invoke` answers --help/-h first (usage on
 * stdout, exit 0), then rejects what the declaration does not allow with one message shape
 * (`veil <command>: …` and `See veil <command> --help.` on stderr, exit 2), and only then
 * runs the command with the parsed values. The parser takes `--flag value`, `--flag=value`,
 * short aliases (`-v`), repeated flags, `--` to end options, `-` as a positional (stdin).
 * Anything it does not know is a usage error, so a typo never silently changes a scan.
 */
import type { CliIO } from "./io";

export type OptionSpec =
  | { type: "boolean"; short?: string }
  | { type: "string"; short?: string; multiple?: false; choices?: readonly string[]; required?: RequiredOption }
  | { type: "string"; short?: string; multiple: true; choices?: readonly string[] };

/** A string option the command cannot run without: `--map FILE is required (why)`. */
export interface RequiredOption {
  /** The value's name in the message, as the usage writes it (`FILE`). */
  value: string;
  why: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

export type ParsedValues<S extends OptionSpecs> = {
  [K in keyof S as S[K] extends { required: RequiredOption } ? K : never]: string;
} & {
  [K in keyof S as S[K] extends { required: RequiredOption } ? never : K]?: S[K] extends { type: "boolean" } ? boolean : S[K] extends { multiple: true } ? string[] : string;
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

/** What `--help` and `-h` mean to every command; a command cannot declare them. */
const HELP_FLAGS: readonly string[] = ["--help", "-h"];

/**
 * Parses `argv` (without the command name) against `specs`, keyed by long option name.
 * `command` only serves error messages (`veil scan: unknown option --fomat`). Commands do
 * not call it: they go through `defineCommand`.
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
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.type === "string" && !spec.multiple && spec.required && values[name] === undefined) {
      throw new UsageError(`${command}: --${name} ${spec.required.value} is required (${spec.required.why})`);
    }
  }
  return { values: values as ParsedValues<S>, positionals };
}

/** How many operands a command takes, and what to say when the count (or the word) is off. */
export interface PositionalSpec {
  min?: number;
  max?: number;
  /** The only words allowed (`veil hook claude-code`). */
  choices?: readonly string[];
  /** The message after `veil <command>: `. */
  error: string;
}

/** The positional rule of the commands that read standard input. */
export const STDIN_ONLY: PositionalSpec = { max: 0, error: "reads standard input and takes no file arguments (use < FILE)" };

export interface CommandSpec<S extends OptionSpecs> {
  /** The word after `veil` (a key of main.ts's COMMANDS). */
  name: string;
  /** Printed on stdout by `--help` and `-h`. */
  usage: string;
  /** Every option but --help/-h, which every command gets. */
  options: S;
  /** Any number of operands when left out. */
  positionals?: PositionalSpec;
  /** Checks between options (conflicts, ranges), run before the positional count; throws UsageError. */
  validate?(args: ParsedArgs<S>): void;
  /** Runs with arguments already checked; a UsageError it throws is reported like the parser's. */
  run(args: ParsedArgs<S>, io: CliIO): Promise<number>;
}

/** A declared command (made by `defineCommand`), the only thing main.ts dispatches to. */
export class CliCommand {
  constructor(
    /** The word after `veil`. */
    readonly name: string,
    readonly usage: string,
    readonly options: Readonly<OptionSpecs>,
    /** Runs the command on the words after its name; returns the exit code. */
    readonly invoke: (argv: readonly string[], io: CliIO) => Promise<number>,
  ) {}
}

/** Declares a command: its options, usage text, positionals and what it does with them. */
export function defineCommand<S extends OptionSpecs>(spec: CommandSpec<S>): CliCommand {
  const title = `veil ${spec.name}`;
  for (const [name, option] of Object.entries(spec.options)) {
    if (HELP_FLAGS.includes(`--${name}`) || (option.short !== undefined && HELP_FLAGS.includes(`-${option.short}`))) throw new Error(`${title}: --help and -h belong to every command`);
  }
  return new CliCommand(spec.name, spec.usage, spec.options, async (argv, io) => {
    const optionsEnd = argv.indexOf("--");
    if ((optionsEnd === -1 ? argv : argv.slice(0, optionsEnd)).some((arg) => HELP_FLAGS.includes(arg))) {
      io.stdout(spec.usage);
      return 0;
    }
    try {
      const args = parseArgs(argv, spec.options, title);
      spec.validate?.(args);
      checkPositionals(args.positionals, spec.positionals, title);
      return await spec.run(args, io);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      io.stderr(usageMessage(spec.name, error.message));
      return 2;
    }
  });
}

/** The stderr text of every usage error: the message, then where the help is. */
export function usageMessage(name: string, message: string): string {
  return `${message}\nSee veil ${name} --help.\n`;
}

function checkPositionals(positionals: readonly string[], spec: PositionalSpec | undefined, title: string): void {
  if (!spec) return;
  const count = positionals.length;
  const outOfRange = count < (spec.min ?? 0) || count > (spec.max ?? Infinity);
  if (outOfRange || (spec.choices && positionals.some((p) => !spec.choices?.includes(p)))) throw new UsageError(`${title}: ${spec.error}`);
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
