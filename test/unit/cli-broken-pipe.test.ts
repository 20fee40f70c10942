import * as assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BROKEN_PIPE_EXIT } from "../../src/cli/io";
import { FAKE_AWS_KEY, tempTree, type TempTree } from "./cli-helpers";

const ROOT = join(__dirname, "../../..");
const CLI = join(ROOT, "dist", "cli.js");
const LAUNCHER = join(ROOT, "bin", "veil.js");

/** Single-quoted for sh. */
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Runs `veil ARGS | head -1` through sh, the way a person types it. veil's own exit status
 * goes to a file (sh has no PIPESTATUS); the pipeline's stderr is veil's.
 */
function pipeIntoHead(tree: TempTree, args: string[], stdinFile?: string) {
  const statusFile = join(tree.root, "veil-status");
  const veil = [process.execPath, LAUNCHER, ...args].map(quote).join(" ") + (stdinFile ? ` < ${quote(stdinFile)}` : "");
  const result = spawnSync("sh", ["-c", `{ ${veil}; echo $? > ${quote(statusFile)}; } | head -1`], {
    cwd: tree.root,
    encoding: "utf8",
    env: { ...process.env, VEIL_COMPILE_CACHE: join(tree.root, "cache") },
  });
  return { ...result, veilStatus: Number(readFileSync(statusFile, "utf8").trim()) };
}

describe("cli: output piped into a reader that closes early (veil scan | head -1)", () => {
  let tree: TempTree;
  before(function () {
    if (existsSync(CLI)) return;
    this.timeout(120_000);
    const build = spawnSync(process.execPath, ["esbuild.mjs"], { cwd: ROOT, encoding: "utf8" });
    assert.ok(existsSync(CLI), `node esbuild.mjs did not produce dist/cli.js: ${build.stderr}`);
  });
  // Far more output than a pipe holds (64 KiB on Linux), so that veil is still writing when head exits.
  beforeEach(() => {
    const files: Record<string, string> = {};
    for (let f = 0; f < 40; f++) {
      files[`src/f${f}.txt`] = Array.from({ length: 100 }, (_, i) => `user${f}_${i}@example.org key ${FAKE_AWS_KEY}`).join("\n") + "\n";
    }
    tree = tempTree(files);
  });
  afterEach(() => tree?.cleanup());

  for (const format of ["text", "json"]) {
    it(`scan --format ${format}: head gets its line, stderr stays empty, exit ${BROKEN_PIPE_EXIT}`, () => {
      const r = pipeIntoHead(tree, ["scan", "--format", format, "src"]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, "");
      const lines = r.stdout.split("\n");
      assert.equal(lines.length, 2, "one line and its newline");
      assert.match(lines[0], format === "json" ? /^\{$/ : /^src\/f\d+\.txt:\d+:\d+ /);
      assert.equal(r.veilStatus, BROKEN_PIPE_EXIT);
    });
  }

  it("anonymize: the same quiet end when stdout is what breaks", () => {
    const input = tree.write("input.txt", Array.from({ length: 4000 }, (_, i) => `write to user${i}@example.org`).join("\n") + "\n");
    const r = pipeIntoHead(tree, ["anonymize"], input);
    assert.equal(r.stdout, "write to [EMAIL_1]\n");
    assert.doesNotMatch(r.stderr, /EPIPE|node:events|\n\s+at /);
    assert.equal(r.veilStatus, BROKEN_PIPE_EXIT);
  });

  it("hook claude-code: a block it cannot deliver on stdout still blocks (exit 2, fail closed)", async () => {
    const child = spawn(process.execPath, [LAUNCHER, "hook", "claude-code"], { cwd: tree.root, env: { ...process.env, VEIL_COMPILE_CACHE: join(tree.root, "cache") } });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    // The reader goes away before the hook has read its event, so its answer meets a closed pipe.
    child.stdout.destroy();
    const status = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    child.stdin.end(JSON.stringify({ hook_event_name: "UserPromptSubmit", cwd: tree.root, session_id: "s", prompt: `why? key=${FAKE_AWS_KEY}` }));
    assert.equal(await status, 2);
    assert.doesNotMatch(stderr, /EPIPE|node:events|\n\s+at /);
  });
});
