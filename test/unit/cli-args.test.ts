import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs, UsageError } from "../../src/cli/args";
import { COMMAND_NAMES } from "../../src/cli/main";
import { veil } from "./cli-helpers";

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
