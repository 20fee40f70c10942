import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FAKE_AWS_KEY, tempTree, type TempTree } from "./cli-helpers";

const ROOT = join(__dirname, "../../..");
const CLI = join(ROOT, "dist", "cli.js");
const LAUNCHER = join(ROOT, "bin", "veil.js");

describe("cli: the built dist/cli.js and its launcher bin/veil.js", () => {
  let tree: TempTree;
  before(function () {
    if (existsSync(CLI)) return;
    this.timeout(120_000);
    const build = spawnSync(process.execPath, ["esbuild.mjs"], { cwd: ROOT, encoding: "utf8" });
    assert.ok(existsSync(CLI), `node esbuild.mjs did not produce dist/cli.js: ${build.stderr}`);
  });
  afterEach(() => tree?.cleanup());

  it("starts with a node shebang", () => {
    assert.match(readFileSync(CLI, "utf8"), /^#!\/usr\/bin\/env node\n/);
  });

  it("scans a tree end to end: exit 1 with a json report, exit 0 when clean, 2 on a usage error", () => {
    tree = tempTree({ "src/app.js": `const k = "${FAKE_AWS_KEY}";\n`, "README.md": "hello\n" });
    const found = spawnSync(process.execPath, [CLI, "scan", "--format", "json", "."], { cwd: tree.root, encoding: "utf8" });
    assert.equal(found.status, 1, found.stderr);
    const report = JSON.parse(found.stdout) as { findings: { path: string; kind: string; line: number; column: number }[]; stats: { files: number } };
    assert.equal(report.stats.files, 2);
    const aws = report.findings.find((f) => f.kind === "aws-access-key-id");
    assert.deepEqual(aws && [aws.path, aws.line, aws.column], ["src/app.js", 1, 12]);
    assert.ok(!found.stdout.includes(FAKE_AWS_KEY));

    const clean = spawnSync(process.execPath, [CLI, "scan", "README.md"], { cwd: tree.root, encoding: "utf8" });
    assert.equal(clean.status, 0, clean.stderr);
    assert.match(clean.stdout, /^No findings/);

    const usage = spawnSync(process.execPath, [CLI, "scan", "--nope"], { cwd: tree.root, encoding: "utf8" });
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /unknown option --nope/);
  });

  it("answers --version", () => {
    const r = spawnSync(process.execPath, [CLI, "--version"], { encoding: "utf8" });
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^veil \d+\.\d+\.\d+/);
  });

  it("sets the same V8 flags in the launcher as in the bundle's runCli (a code cache made under other flags is rejected)", () => {
    const flags = (file: string) => [...readFileSync(file, "utf8").matchAll(/setFlagsFromString\("([^"]+)"\)/g)].map((m) => m[1]);
    const launcher = flags(LAUNCHER);
    assert.equal(launcher.length, 1);
    assert.deepEqual(flags(join(ROOT, "src", "cli", "main.ts")), launcher);
  });

  it("keeps a V8 code cache per build and Node version, and runs the same with a stale, corrupt or missing one", () => {
    tree = tempTree({ "a.js": `const k = "${FAKE_AWS_KEY}";\n` });
    const cacheDir = join(tree.root, "cache");
    const env = { ...process.env, VEIL_COMPILE_CACHE: cacheDir };
    const run = () => spawnSync(process.execPath, [LAUNCHER, "scan", "--format", "json", "a.js"], { cwd: tree.root, encoding: "utf8", env });
    const first = run();
    assert.equal(first.status, 1, first.stderr);
    const files = readdirSync(cacheDir);
    assert.equal(files.length, 1, "one cache file");
    assert.match(files[0], new RegExp(`^cli-[0-9a-f]{16}-${process.version.replace(/\./g, "\\.")}-${process.arch}\\.v8$`));
    const strip = (out: string) => out.replace(/"scanMs":\s*[\d.]+/, "");
    const written = readFileSync(join(cacheDir, files[0]));
    const second = run();
    assert.equal(second.status, 1);
    assert.equal(strip(second.stdout), strip(first.stdout));
    // Taken as it is, not rejected and written again (V8 rejects a cache made under other flags).
    assert.ok(readFileSync(join(cacheDir, files[0])).equals(written), "the second run uses the cache the first one wrote");
    writeFileSync(join(cacheDir, files[0]), "not a code cache");
    const corrupt = run();
    assert.equal(corrupt.status, 1, corrupt.stderr);
    assert.equal(strip(corrupt.stdout), strip(first.stdout));
    assert.notEqual(readFileSync(join(cacheDir, files[0]), "utf8"), "not a code cache", "a rejected cache is written anew");
    const off = spawnSync(process.execPath, [LAUNCHER, "--version"], { encoding: "utf8", env: { ...process.env, VEIL_COMPILE_CACHE: "0", XDG_CACHE_HOME: join(tree.root, "xdg") } });
    assert.equal(off.status, 0);
    assert.equal(existsSync(join(tree.root, "xdg")), false, "VEIL_COMPILE_CACHE=0 writes no cache");
  });

  it("says which Node it needs on an older one, before loading the bundle", () => {
    const r = spawnSync(process.execPath, ["-e", `Object.defineProperty(process.versions, "node", { value: "18.19.0" }); require(${JSON.stringify(LAUNCHER)});`, "scan"], { encoding: "utf8" });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^veil needs Node\.js 20\.19 or newer; this is Node\.js 18\.19\.0\./);
  });
});
