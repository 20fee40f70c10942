import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FAKE_AWS_KEY, tempTree, type TempTree } from "./cli-helpers";

const ROOT = join(__dirname, "../../..");
const CLI = join(ROOT, "dist", "cli.js");

describe("cli: the built dist/cli.js", () => {
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
});
