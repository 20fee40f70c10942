// veil scan on several threads gives exactly the report, stderr and exit code of one thread.
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, symlinkSync, type Dirent } from "node:fs";
import { join } from "node:path";
import { emptyConfig } from "../../src/cli/config";
import { lastRun, PARALLEL_MIN_FILES, scanFiles } from "../../src/cli/parallel";
import { Scanner } from "../../src/engine";
import { FAKE_AWS_KEY, tempTree, veil, type TempTree } from "./cli-helpers";

const ROOT = join(__dirname, "../../..");
const CLI = join(ROOT, "bin", "veil.js");

/** A tree over the parallel threshold with findings, terms, skips of every kind and a baseline's worth of repeats. */
function mixedTree(): TempTree {
  const tree = tempTree();
  const files = PARALLEL_MIN_FILES + 137;
  for (let i = 0; i < files; i++) {
    const folder = `pkg${i % 7}/sub${i % 3}`;
    switch (i % 9) {
      case 0:
        tree.write(`${folder}/key${i}.js`, `// file ${i}\nconst k = "${FAKE_AWS_KEY}";\n`);
        break;
      case 1:
        tree.write(`${folder}/contact${i}.md`, `Écrire à camille.devaux${i}@example.org ou au 06 12 34 56 ${String(i % 100).padStart(2, "0")} — Maison Aubergine 🍆\r\n`);
        break;
      case 2:
        tree.write(`${folder}/blob${i}.bin`, new Uint8Array([1, 2, 0, 3]));
        break;
      case 3:
        tree.write(`${folder}/big${i}.txt`, "x".repeat(3000));
        break;
      case 4:
        tree.write(`${folder}/ignored${i}.log`, `password = "Zq9!xK2#mP4$vL7"\n`);
        break;
      case 5:
        tree.write(`${folder}/utf16-${i}.txt`, new Uint8Array([0xff, 0xfe, ...Buffer.from(`token ${FAKE_AWS_KEY}\n`, "utf16le")]));
        break;
      default:
        tree.write(`${folder}/plain${i}.ts`, `export const n${i} = ${i};\n`.repeat(1 + (i % 40)));
    }
  }
  tree.write(".veilignore", "*.log\n");
  tree.write("config.json", JSON.stringify({ terms: [{ text: "Maison Aubergine", kind: "CLIENT" }] }));
  symlinkSync(join(tree.root, "pkg0"), join(tree.root, "link"));
  return tree;
}

describe("veil scan on several threads", function () {
  this.timeout(120_000);
  let tree: TempTree;
  before(() => (tree = mixedTree()));
  after(() => tree?.cleanup());

  for (const format of ["json", "text", "sarif"]) {
    it(`--format ${format}: --jobs 3 and --jobs 1 give the same output, stderr and exit code`, async () => {
      const args = ["scan", "--format", format, "--config", "config.json", "--max-size", "2k", "--verbose", ".", "pkg0/sub0/key0.js", "missing.txt"];
      const one = await veil(tree.root, ...args, "--jobs", "1");
      const three = await veil(tree.root, ...args, "--jobs", "3");
      const stable = (out: string) => out.replace(/"scanMs":\s*[\d.]+/, "").replace(/engine [\d.]+ ms/, "");
      assert.equal(one.code, 2, "missing.txt cannot be read");
      assert.equal(three.code, one.code);
      assert.equal(stable(three.stdout), stable(one.stdout));
      assert.equal(three.stderr, one.stderr);
      assert.ok(!three.stdout.includes(FAKE_AWS_KEY));
      if (format === "json") {
        const report = JSON.parse(three.stdout) as { findings: { kind: string }[]; stats: { files: number } };
        assert.ok(report.stats.files > PARALLEL_MIN_FILES / 2, "most files scanned");
        for (const kind of ["aws-access-key-id", "email", "CLIENT"]) assert.ok(report.findings.some((f) => f.kind === kind), `${kind} found`);
      }
    });
  }

  it("refuses a --jobs that is not a whole number of threads", async () => {
    for (const bad of ["0", "two", "1.5", " "]) {
      const r = await veil(tree.root, "scan", "--jobs", bad, ".");
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /--jobs must be a whole number/);
    }
  });

  it("the built CLI (workers started through the launcher) matches one thread too", () => {
    const run = (jobs: string) => spawnSync(process.execPath, [CLI, "scan", "--format", "json", "--config", "config.json", "--jobs", jobs, "."], { cwd: tree.root, encoding: "utf8" });
    const one = run("1");
    const two = run("2");
    assert.equal(one.status, 1, one.stderr);
    assert.equal(two.status, 1, two.stderr);
    const stable = (out: string) => out.replace(/"scanMs":\s*[\d.]+/, "");
    assert.equal(stable(two.stdout), stable(one.stdout));
    assert.equal(two.stderr, one.stderr);
  });
});

describe("scanFiles: batches on worker threads", function () {
  this.timeout(60_000);
  let tree: TempTree;
  before(() => (tree = mixedTree()));
  after(() => tree?.cleanup());

  it("gives each file the outcome one thread gives, when the workers scan every batch", async () => {
    const jobs = (readdirSync(tree.root, { recursive: true, withFileTypes: true }) as Dirent[])
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name))
      .sort()
      .map((absolute) => ({ absolute, display: absolute.slice(tree.root.length + 1) }));
    const context = { scanner: new Scanner(), config: emptyConfig(), maxSize: 2048 };
    const strip = (outcomes: { kind: string; scanMs?: number }[]) => outcomes.map((o) => ({ ...o, scanMs: 0 }));
    const one = await scanFiles(jobs, context, 1, { maxSize: 2048 });
    assert.equal(lastRun.workers, 0);
    const workers = await scanFiles(jobs, context, 3, { maxSize: 2048 }, { minFiles: 1, mainThreadScans: false });
    assert.equal(lastRun.workers, 2);
    assert.equal(lastRun.batchesByMain, 0, "the main thread left every batch to the workers");
    assert.ok(lastRun.batchesByWorkers > 10);
    assert.deepEqual(strip(workers), strip(one));
    assert.ok(one.some((o) => o.kind === "scanned" && o.findings.length > 0));
    assert.ok(one.some((o) => o.kind === "skipped"));
  });

  it("starts no worker, without --jobs, when the first batches say the rest is short", async () => {
    const jobs = (readdirSync(tree.root, { recursive: true, withFileTypes: true }) as Dirent[])
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name))
      .sort()
      .map((absolute) => ({ absolute, display: absolute.slice(tree.root.length + 1) }));
    const context = { scanner: new Scanner(), config: emptyConfig(), maxSize: 2048 };
    const strip = (outcomes: { kind: string; scanMs?: number }[]) => outcomes.map((o) => ({ ...o, scanMs: 0 }));
    const one = await scanFiles(jobs, context, 1, { maxSize: 2048 });
    // A few hundred small files take milliseconds: far below what a worker's start and cold JIT cost.
    const probed = await scanFiles(jobs, context, 3, { maxSize: 2048 }, { minFiles: 1, probe: true });
    assert.equal(lastRun.workers, 0);
    assert.ok(lastRun.batchesByMain > 10);
    assert.deepEqual(strip(probed), strip(one));
  });
});
