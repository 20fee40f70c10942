import * as assert from "node:assert/strict";
import { readFileSync, statSync, symlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import { captureIO } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { readUnderRoot } from "../../src/cli/commands/snippet";
import { tempTree, type TempTree } from "./cli-helpers";

const FIXTURES = resolve(__dirname, "../../../test/fixtures/snippet");

async function veilSnippet(cwd: string, stdin: string, ...argv: string[]) {
  const io = captureIO({ cwd, stdin, env: { HOME: "/home/alice", USER: "alice" } });
  const code = await main(["snippet", ...argv], io);
  return { code, stdout: io.out(), stderr: io.err() };
}

function lines(n: number, at: Record<number, string>): string {
  return Array.from({ length: n }, (_, i) => at[i + 1] ?? `  step(${i + 1});`).join("\n") + "\n";
}

describe("veil snippet", () => {
  let tree: TempTree;
  beforeEach(() => {
    tree = tempTree({
      "shop/src/orders/total.js": lines(50, { 42: "  return order.items.map((item) => item.price * item.qty).reduce((a, b) => a + b, 0);" }),
      "outside/leak.js": lines(5, { 2: "const OUTSIDE_MARKER = 1;" }),
    });
  });
  afterEach(() => tree.cleanup());

  it("prints the Markdown snippet with paths relative to --root and the failing code read from it", async () => {
    const log = readFileSync(join(FIXTURES, "node.log"), "utf8").replaceAll("/home/alice/projects/shop", join(tree.root, "shop"));
    const r = await veilSnippet(tree.root, log, "--root", "shop");
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.startsWith("### Error: TypeError: Cannot read properties of undefined (reading 'map')\n"));
    assert.ok(r.stdout.includes("    at orderTotal (src/orders/total.js:42:22)"));
    assert.ok(r.stdout.includes("`src/orders/total.js`, line 42:"));
    assert.ok(r.stdout.includes("> 42 |   return order.items.map("));
    assert.ok(r.stdout.includes("  39 |") && r.stdout.includes("  45 |") && !r.stdout.includes("  46 |"));
    assert.ok(!r.stdout.includes(tree.root), "no absolute path of the machine");
    assert.match(r.stderr, /1 error found, 1 shown; \d+ values? replaced/);
  });

  it("--context sets the lines around the failing one", async () => {
    const log = `TypeError: boom\n    at f (${join(tree.root, "shop/src/orders/total.js")}:42:3)\n`;
    const r = await veilSnippet(tree.root, log, "--root", "shop", "--context", "1");
    assert.equal(r.code, 0, r.stderr);
    const excerpt = r.stdout.split("```javascript\n")[1].split("\n```")[0];
    assert.deepEqual(excerpt.split("\n").map((l) => l.slice(0, 5)), ["  41 ", "> 42 ", "  43 "]);
  });

  it("exits 2 with a clear message when the input holds no error", async () => {
    const r = await veilSnippet(tree.root, "all good\nserver started on :3000\n");
    assert.equal(r.code, 2);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /^veil snippet: no error found in the input\./);
  });

  it("rejects a bad --context, a missing --root and file arguments", async () => {
    assert.equal((await veilSnippet(tree.root, "", "--context", "abc")).code, 2);
    assert.equal((await veilSnippet(tree.root, "", "--context", "99")).code, 2);
    const missing = await veilSnippet(tree.root, "Error: x\n    at f (/a/b.js:1:1)\n", "--root", "nope");
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--root nope: no such folder/);
    assert.equal((await veilSnippet(tree.root, "", "some.log")).code, 2);
  });

  it("never reads outside --root: .. escapes, absolute paths elsewhere, symbolic links out", async () => {
    symlinkSync(join(tree.root, "outside/leak.js"), join(tree.root, "shop/link.js"));
    for (const frame of ["../outside/leak.js:2:1", `${join(tree.root, "outside/leak.js")}:2:1`, "link.js:2:1", "./link.js:2:1"]) {
      const r = await veilSnippet(tree.root, `Error: boom\n    at f (${frame})\n`, "--root", "shop");
      assert.equal(r.code, 0, r.stderr);
      assert.ok(!r.stdout.includes("OUTSIDE_MARKER"), `${frame} was read:\n${r.stdout}`);
      assert.ok(!r.stdout.includes("```javascript"), "no excerpt at all");
    }
    const root = join(tree.root, "shop");
    assert.equal(readUnderRoot(root, "../outside/leak.js"), undefined);
    assert.equal(readUnderRoot(root, join(tree.root, "outside/leak.js")), undefined);
    assert.equal(readUnderRoot(root, "link.js"), undefined);
    assert.equal(readUnderRoot(root, "src/orders/../../../outside/leak.js"), undefined);
    assert.match(readUnderRoot(root, "src/orders/total.js") ?? "", /order\.items\.map/);
  });

  it("--map keeps the values so veil restore puts them back in the answer", async () => {
    const log = "2024-05-14 ERROR sync failed\nError: request to https://billing.internal.acme.corp/v1/sync failed, reason: connect ECONNREFUSED 10.4.0.9:443\n    at ClientRequest.<anonymous> (/home/alice/projects/shop/node_modules/node-fetch/lib/index.js:1491:11)\n    at syncInvoices (/home/alice/projects/shop/src/billing/sync.js:12:9)\n";
    const r = await veilSnippet(tree.root, log, "--map", "veil-map.json");
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!r.stdout.includes("billing.internal.acme.corp") && !r.stdout.includes("10.4.0.9") && !r.stdout.includes("alice"), r.stdout);
    assert.equal(statSync(join(tree.root, "veil-map.json")).mode & 0o777, 0o600);
    const io = captureIO({ cwd: tree.root, stdin: `The host ${/\[HOST_\d+\]/.exec(r.stdout)![0]} refuses connections on ${/\[IP_\d+\]/.exec(r.stdout)![0]}.` });
    assert.equal(await main(["restore", "--map", "veil-map.json"], io), 0, io.err());
    assert.equal(io.out(), "The host billing.internal.acme.corp refuses connections on 10.4.0.9.");
  });
});
