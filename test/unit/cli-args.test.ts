import * as assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { CliCommand, parseArgs, UsageError } from "../../src/cli/args";
import { COMMAND_NAMES, COMMANDS } from "../../src/cli/main";
import { veil } from "./cli-helpers";

const SRC_CLI = join(__dirname, "../../../src/cli");

const SPECS = {
  format: { type: "string", choices: ["text", "json"] },
  exclude: { type: "string", multiple: true },
  verbose: { type: "boolean", short: "v" },
  help: { type: "boolean", short: "h" },
} as const;

describe("cli: argument parser", () => {
  it("reads values, = values, repeated flags, short aliases and positionals in any order", () => {
    const { values, positionals } = parseArgs(["a", "--format", "json", "--exclude", "x/**", "-v", "--exclude=*.min.js", "b"], SPECS, "veil t");
    assert.deepEqual(values, { format: "json", exclude: ["x/**", "*.min.js"], verbose: true });
    assert.deepEqual(positionals, ["a", "b"]);
  });

  it("treats everything after -- as positionals, and - as a positional", () => {
    const { values, positionals } = parseArgs(["-", "--", "--format", "-v"], SPECS, "veil t");
    assert.deepEqual(values, {});
    assert.deepEqual(positionals, ["-", "--format", "-v"]);
  });

  it("rejects unknown options, with a suggestion when one is close", () => {
    assert.throws(() => parseArgs(["--fromat", "json"], SPECS, "veil t"), (e: Error) => e instanceof UsageError && /unknown option --fromat.*did you mean --format/.test(e.message));
    assert.throws(() => parseArgs(["--zzzzzzzz"], SPECS, "veil t"), (e: Error) => e instanceof UsageError && !/did you mean/.test(e.message));
    assert.throws(() => parseArgs(["-x"], SPECS, "veil t"), /unknown option -x/);
    assert.throws(() => parseArgs(["-vh"], SPECS, "veil t"), /cannot be combined/);
  });

  it("rejects a missing value, a value for a boolean and a value outside the choices", () => {
    assert.throws(() => parseArgs(["--format"], SPECS, "veil t"), /--format needs a value/);
    assert.throws(() => parseArgs(["--format", "--verbose"], SPECS, "veil t"), /--format needs a value/);
    assert.throws(() => parseArgs(["--verbose=yes"], SPECS, "veil t"), /--verbose takes no value/);
    assert.throws(() => parseArgs(["--format", "xml"], SPECS, "veil t"), /--format must be one of text, json/);
  });

  it("requires an option declared required, after reading the others", () => {
    const specs = { map: { type: "string", required: { value: "FILE", why: "the map" } }, help: SPECS.help } as const;
    assert.deepEqual(parseArgs(["--map", "m.json"], specs, "veil t").values, { map: "m.json" });
    assert.throws(() => parseArgs([], specs, "veil t"), /^UsageError: veil t: --map FILE is required \(the map\)$/);
    assert.throws(() => parseArgs(["--nope"], specs, "veil t"), /unknown option --nope/);
  });

  it("does not take inherited object keys for options", () => {
    assert.throws(() => parseArgs(["--constructor"], SPECS, "veil t"), UsageError);
    assert.throws(() => parseArgs(["--__proto__"], SPECS, "veil t"), UsageError);
  });
});

describe("cli: dispatcher", () => {
  const cwd = process.cwd();

  it("prints the package version", async () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, "../../../package.json"), "utf8")) as { version: string };
    for (const flag of ["--version", "-V"]) {
      const r = await veil(cwd, flag);
      assert.equal(r.code, 0);
      assert.ok(r.stdout.startsWith(`veil ${pkg.version}\n`), r.stdout);
      for (const name of COMMAND_NAMES) assert.match(r.stdout, new RegExp(`commands: .*\\b${name}\\b`), name);
    }
  });

  it("lists every command in --help", async () => {
    const help = await veil(cwd, "--help");
    for (const name of COMMAND_NAMES) assert.match(help.stdout, new RegExp(`^  ${name}\\b`, "m"), name);
  });

  it("prints help with exit 0, and usage with exit 2 when called without a command", async () => {
    const help = await veil(cwd, "--help");
    assert.equal(help.code, 0);
    for (const command of ["scan", "anonymize", "restore", "snippet"]) assert.match(help.stdout, new RegExp(`^  ${command}\\b`, "m"));
    const none = await veil(cwd);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /Usage: veil <command>/);
  });

  it("routes `veil help scan` and `veil scan --help` to the scan help", async () => {
    for (const argv of [["help", "scan"], ["scan", "--help"], ["scan", "-h"]]) {
      const r = await veil(cwd, ...argv);
      assert.equal(r.code, 0, argv.join(" "));
      assert.match(r.stdout, /^Usage: veil scan/);
      assert.match(r.stdout, /Exit codes: 0 nothing found, 1 findings, 2/);
    }
  });

  it("rejects an unknown command with exit 2 and names it", async () => {
    const r = await veil(cwd, "scna");
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown command "scna"/);
    assert.equal(r.stdout, "");
  });
});

/** What every usage error looks like, whatever the command. */
const usageError = (name: string, message: string) => `veil ${name}: ${message}\nSee veil ${name} --help.\n`;

// Walks main.ts's command map, so a command added there is checked without a line here.
describe("cli: every command of main.ts's COMMANDS reads its arguments through args.ts", () => {
  const cwd = process.cwd();
  const load = async (name: string): Promise<CliCommand> => {
    const command = await COMMANDS[name]();
    assert.ok(command instanceof CliCommand, `commands/${name}.ts exports a COMMAND made by defineCommand`);
    assert.equal(command.name, name);
    return command;
  };

  it("has commands to check", () => {
    assert.ok(COMMAND_NAMES.length >= 7, COMMAND_NAMES.join(", "));
  });

  it("--help and -h print the command's usage on stdout and exit 0, before any other check", async () => {
    for (const name of COMMAND_NAMES) {
      const { usage } = await load(name);
      assert.match(usage, new RegExp(`^Usage: veil ${name}\\b`), name);
      const calls = [[name, "--help"], [name, "-h"], ["help", name], [name, "--no-such-option", "--help"], [name, "a", "b", "c", "-h"], [name, "-h", "--format"]];
      for (const argv of calls) {
        const r = await veil(cwd, ...argv);
        assert.deepEqual(r, { code: 0, stdout: usage, stderr: "" }, argv.join(" "));
      }
      // After --, -h is an operand, not a request for help.
      assert.notEqual((await veil(cwd, name, "--no-such-option", "--", "-h")).stdout, usage, name);
    }
  });

  it("the usage names every option the command takes", async () => {
    for (const name of COMMAND_NAMES) {
      const { usage, options } = await load(name);
      for (const [option, spec] of Object.entries(options)) {
        assert.ok(usage.includes(`--${option}`), `veil ${name} --help names --${option}`);
        if (spec.short) assert.ok(usage.includes(`-${spec.short}, --${option}`), `veil ${name} --help names -${spec.short}`);
      }
    }
  });

  it("an unknown option, long or short, exits 2 with the shared message and writes nothing on stdout", async () => {
    for (const name of COMMAND_NAMES) {
      for (const [flag, shown] of [["--no-such-option", "--no-such-option"], ["--no-such-option=1", "--no-such-option"], ["-Z", "-Z"]]) {
        const r = await veil(cwd, name, flag);
        assert.deepEqual(r, { code: 2, stdout: "", stderr: usageError(name, `unknown option ${shown}`) }, `veil ${name} ${flag}`);
      }
    }
  });

  it("an option without its value, or a flag given one, exits 2 with the shared message", async () => {
    let checked = 0;
    for (const name of COMMAND_NAMES) {
      const { options } = await load(name);
      for (const [option, spec] of Object.entries(options)) {
        const argv = spec.type === "string" ? [`--${option}`] : [`--${option}=yes`];
        const r = await veil(cwd, name, ...argv);
        assert.deepEqual(r, { code: 2, stdout: "", stderr: usageError(name, spec.type === "string" ? `--${option} needs a value` : `--${option} takes no value`) }, `veil ${name} ${argv.join(" ")}`);
        checked++;
      }
    }
    assert.ok(checked >= 20, `${checked} options checked`);
  });

  it("one file a command under src/cli/commands/, each one in COMMANDS", () => {
    const files = readdirSync(join(SRC_CLI, "commands")).filter((f) => f.endsWith(".ts")).map((f) => f.slice(0, -3));
    assert.deepEqual([...files].sort(), [...COMMAND_NAMES].sort());
  });

  it("no file of the CLI but args.ts parses argv: no process.argv, no parseArgs call, no node:util parser", () => {
    const offences: string[] = [];
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
    for (const file of walk(SRC_CLI)) {
      const path = relative(SRC_CLI, file).split("\\").join("/");
      if (path === "args.ts") continue;
      const text = readFileSync(file, "utf8");
      // main.ts hands the process's words to main() (and reads the first one to pick the broken-pipe exit code), which dispatches on the first one only.
      const argvUses = text.match(/process\.argv\b.*/g) ?? [];
      const allowed = path === "main.ts" ? ["process.argv.slice(2);"] : [];
      for (const use of argvUses) if (!allowed.some((a) => use.startsWith(a))) offences.push(`${path}: ${use.trim()}`);
      for (const m of text.matchAll(/\bparseArgs\s*\(|\bparseArgs\b[^;]*from\s+"(?:node:)?util"|from\s+"(?:node:)?util"[^;]*parseArgs/g)) offences.push(`${path}: ${m[0]}`);
    }
    assert.deepEqual(offences, []);
  });
});
