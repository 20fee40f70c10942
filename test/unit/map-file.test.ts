/**
 * The CLI map file shared by `veil anonymize --map` and `veil snippet --map` (issue 8): one
 * writer, mode 0600 also when an existing wider map is reused without change, the git-ignore
 * warning for both commands, and corrupt maps reported without the values they hold.
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { captureIO } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { scan, Vault } from "../../src/engine";
import { FAKE_AWS_KEY } from "./cli-helpers";

const LOG = "2024-05-14 ERROR sync failed\nError: request to https://billing.internal.acme.corp/v1/sync failed, reason: connect ECONNREFUSED 10.4.0.9:443\n    at syncInvoices (/home/alice/projects/shop/src/billing/sync.js:12:9)\n";

describe("CLI map file (anonymize and snippet)", () => {
  let dir: string;
  const run = async (stdin: string, ...argv: string[]) => {
    const io = captureIO({ cwd: dir, stdin, env: { HOME: "/home/alice", USER: "alice" } });
    const code = await main(argv, io);
    return { code, out: io.out(), err: io.err() };
  };
  const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "veil-map-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  for (const command of ["anonymize", "snippet"] as const) {
    const input = command === "anonymize" ? `key=${FAKE_AWS_KEY} mail jo.doe@example.fr\n` : LOG;

    it(`${command}: a new map is created with mode 0600, also with umask 0`, async () => {
      const saved = process.umask(0);
      try {
        const r = await run(input, command, "--map", "new.json");
        assert.equal(r.code, 0, r.err);
      } finally {
        process.umask(saved);
      }
      assert.equal(mode(join(dir, "new.json")), "600");
    });

    it(`${command}: an existing 0644 map reused without a new value ends up 0600, content unchanged`, async () => {
      const first = await run(input, command, "--map", "m.json");
      assert.equal(first.code, 0, first.err);
      const path = join(dir, "m.json");
      const content = readFileSync(path, "utf8");
      assert.ok(Vault.fromJSON(content).size > 0, "the first run kept values");
      spawnSync("chmod", ["644", path]);
      assert.equal(mode(path), "644");
      const again = await run(input, command, "--map", "m.json");
      assert.equal(again.code, 0, again.err);
      assert.equal(readFileSync(path, "utf8"), content, "the same values: nothing added");
      assert.equal(mode(path), "600");
    });

    it(`${command}: an existing 0644 map that gains values ends up 0600`, async () => {
      const path = join(dir, "old.json");
      writeFileSync(path, JSON.stringify({ version: 1, entries: [] }), { mode: 0o644 });
      assert.equal(mode(path), "644");
      const r = await run(input, command, "--map", "old.json");
      assert.equal(r.code, 0, r.err);
      assert.ok(Vault.fromJSON(readFileSync(path, "utf8")).size > 0);
      assert.equal(mode(path), "600");
    });

    const hasGit = spawnSync("git", ["--version"]).status === 0;
    (hasGit ? it : it.skip)(`${command}: warns when the map lands in a git work tree without being ignored`, async () => {
      assert.equal(spawnSync("git", ["init", "-q"], { cwd: dir }).status, 0);
      const exposed = await run(input, command, "--map", "map.json");
      assert.equal(exposed.code, 0, exposed.err);
      assert.match(exposed.err, new RegExp(`^veil ${command}: warning: map .*map\\.json is inside a git work tree and not ignored by git`, "m"));
      writeFileSync(join(dir, ".gitignore"), "map.json\n");
      const ignored = await run(input, command, "--map", "map.json");
      assert.equal(ignored.code, 0, ignored.err);
      assert.doesNotMatch(ignored.err, /warning/);
    });

    it(`${command}: no warning outside a git work tree`, async () => {
      const r = await run(input, command, "--map", "map.json");
      assert.equal(r.code, 0, r.err);
      assert.doesNotMatch(r.err, /warning/);
    });

    it(`${command}: a corrupt map with a secret-looking value is reported without it, and left as it is`, async () => {
      const maps = [
        `{"version":1,"entries":[{"placeholder":"[AWS_ACCESS_KEY_1]","kind":"aws-access-key-id","value":"${FAKE_AWS_KEY}",x}]}`,
        FAKE_AWS_KEY,
        `{"version":"${FAKE_AWS_KEY}","entries":[]}`,
      ];
      for (const content of maps) {
        writeFileSync(join(dir, "bad.json"), content);
        const r = await run(input, command, "--map", "bad.json");
        assert.equal(r.code, 2, r.err);
        assert.match(r.err, new RegExp(`^veil ${command}: map bad\\.json is unusable: `));
        assert.equal(r.out, "", "nothing printed");
        assert.ok(!r.err.includes(FAKE_AWS_KEY) && !r.err.includes(FAKE_AWS_KEY.slice(4, 12)), r.err);
        assert.deepEqual(scan(r.err).map((f) => f.kind), [], r.err);
        assert.equal(readFileSync(join(dir, "bad.json"), "utf8"), content);
      }
    });
  }
});
