/**
 * `veil scan` on files that are not friendly text (issue 8): binary, invalid UTF-8, UTF-16
 * with a byte-order mark, empty, deleted between the directory listing and the read,
 * unreadable, special files, dangling symlinks, a 50 MB log over the size limit. Each gets a
 * clear line on stderr, the exit code follows the contract (0 nothing found, 1 findings,
 * 2 a path could not be read) and the other files of the same run are still scanned and
 * reported: nothing is skipped silently.
 *
 * As root, chmod 000 does not stop a read, so "permission denied" is emulated by making
 * `openSync` fail with EACCES for one path (the scan command reads through node:fs).
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, symlinkSync, truncateSync, unlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { FAKE_AWS_KEY, scanJson, tempTree, veil, type JsonFinding, type JsonReport, type TempTree } from "./cli-helpers";

const GOOD = `const key = "${FAKE_AWS_KEY}";\n`;

function aws(report: JsonReport): JsonFinding[] {
  return report.findings.filter((f) => f.kind === "aws-access-key-id");
}

function utf16(text: string, endian: "le" | "be"): Buffer {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  return endian === "le" ? le : Buffer.from(le).swap16();
}

type FsPatch = { [K in "readdirSync" | "openSync"]?: (original: (...args: never[]) => unknown) => (...args: never[]) => unknown };

/**
 * Replaces node:fs functions for the duration of `body`. The CLI calls them through the
 * module object, so patching that object (not an `import * as` copy of it) reaches it.
 */
async function withFs<T>(patch: FsPatch, body: () => Promise<T>): Promise<T> {
  const target = createRequire(__filename)("node:fs") as Record<string, (...args: never[]) => unknown>;
  const saved: Record<string, (...args: never[]) => unknown> = {};
  for (const [name, wrap] of Object.entries(patch)) {
    saved[name] = target[name];
    target[name] = wrap(saved[name]);
  }
  try {
    return await body();
  } finally {
    for (const [name, original] of Object.entries(saved)) target[name] = original;
  }
}

/** `veil scan --format json` of `root`, with `path` deleted once the walk has listed its folder (before it is opened). */
function scanDeletingAfterListing(root: string, path: string): ReturnType<typeof scanJson> {
  return withFs(
    {
      readdirSync: (original) =>
        (...args: never[]) => {
          const entries = original(...args);
          if (existsSync(path)) unlinkSync(path);
          return entries;
        },
    },
    () => scanJson(root),
  );
}

describe("cli: veil scan on bad files", () => {
  let tree: TempTree;
  afterEach(() => tree?.cleanup());

  it("binary files are skipped and counted, the text files beside them still reported", async () => {
    tree = tempTree({
      "good.ts": GOOD,
      "blob.bin2": Buffer.concat([Buffer.from(`k=${FAKE_AWS_KEY}`), Buffer.from([0, 0, 0, 1, 2, 3])]),
      "elf": Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.from(`k=${FAKE_AWS_KEY}`)]),
      "photo.jpg": `k=${FAKE_AWS_KEY}`,
    });
    const r = await scanJson(tree.root);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(aws(r.report).map((f) => f.path), ["good.ts"]);
    assert.equal(r.report.stats.files, 1);
    assert.match(r.stderr, /skipped 3 files binary \(--verbose names them\)/);
    const verbose = await veil(tree.root, "scan", "--verbose");
    for (const name of ["blob.bin2", "elf", "photo.jpg"]) assert.match(verbose.stderr, new RegExp(`skipped ${name.replace(".", "\\.")} \\(binary\\)`));
  });

  it("invalid UTF-8 is read with U+FFFD and findings after it keep their offsets; no error", async () => {
    const bytes = Buffer.concat([Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x90, 0x28, 0xbc, 0xff, 0x0a]), Buffer.from(`x = "${FAKE_AWS_KEY}"\n`)]);
    tree = tempTree({ "mangled.txt": bytes });
    const r = await scanJson(tree.root);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, "");
    const [f] = aws(r.report);
    const decoded = bytes.toString("utf8");
    assert.equal(decoded.slice(f.offset, f.offset + f.length), FAKE_AWS_KEY);
    assert.deepEqual([f.line, f.column], [2, 6]);
  });

  for (const endian of ["le", "be"] as const) {
    it(`UTF-16 ${endian.toUpperCase()} with a byte-order mark: findings at the right offsets after astral characters and CRLF`, async () => {
      const text = `🙂 naïve 𝄞\r\n\tkey: "${FAKE_AWS_KEY}" mail jo.doe@example.fr\r\n`;
      tree = tempTree({ "notes.txt": utf16(text, endian), "odd.txt": Buffer.concat([utf16(`k=${FAKE_AWS_KEY}`, endian), Buffer.from([0x41])]) });
      const r = await scanJson(tree.root);
      assert.equal(r.code, 1, r.stderr);
      const byPath = (p: string) => r.report.findings.filter((f) => f.path === p);
      const key = byPath("notes.txt").find((f) => f.kind === "aws-access-key-id");
      const mail = byPath("notes.txt").find((f) => f.kind === "email");
      assert.ok(key && mail, JSON.stringify(r.report.findings));
      assert.equal(text.slice(key.offset, key.offset + key.length), FAKE_AWS_KEY);
      assert.equal(text.slice(mail.offset, mail.offset + mail.length), "jo.doe@example.fr");
      assert.deepEqual([key.line, key.column], [2, 8]);
      // An odd byte count (a truncated file) still decodes; the key before it is found.
      assert.equal(byPath("odd.txt").filter((f) => f.kind === "aws-access-key-id").length, 1);
    });
  }

  it("empty files and a lone byte-order mark are scanned quietly: exit 0, counted, nothing on stderr", async () => {
    tree = tempTree({ "empty.txt": "", "bom.txt": Buffer.from([0xef, 0xbb, 0xbf]), "bom16.txt": Buffer.from([0xff, 0xfe]), "dir/empty.env": "" });
    const r = await scanJson(tree.root);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, "");
    assert.deepEqual(r.report.findings, []);
    assert.equal(r.report.stats.files, 4);
    const text = await veil(tree.root, "scan", "empty.txt");
    assert.equal(text.code, 0);
    assert.match(text.stdout, /^No findings\. 1 file scanned/);
  });

  it("a file deleted between the directory listing and its read: named on stderr, exit 2, the rest still reported", async () => {
    tree = tempTree({ "a.ts": GOOD, "b-vanishing.ts": GOOD, "c.ts": GOOD });
    const vanishing = join(tree.root, "b-vanishing.ts");
    const r = await scanDeletingAfterListing(tree.root, vanishing);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /veil scan: cannot read b-vanishing\.ts: no such file or directory/);
    assert.match(r.stderr, /1 path could not be read; the report is incomplete \(exit 2\)/);
    assert.deepEqual(aws(r.report).map((f) => f.path), ["a.ts", "c.ts"]);
  });

  it("a path named on the command line that vanished (dangling symlink): exit 2, the other paths still reported", async () => {
    tree = tempTree({ "a.ts": GOOD });
    symlinkSync(join(tree.root, "gone.ts"), join(tree.root, "link.ts"));
    const r = await scanJson(tree.root, "link.ts", "a.ts");
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot read link\.ts: no such file or directory/);
    assert.deepEqual(aws(r.report).map((f) => f.path), ["a.ts"]);
    // Inside a walked directory a dangling symlink is a symlink: not followed, counted.
    const walked = await scanJson(tree.root);
    assert.equal(walked.code, 1);
    assert.match(walked.stderr, /1 symlink \(not followed\)/);
  });

  it("an unreadable file (EACCES) is named with 'permission denied', exit 2, the others still reported", async () => {
    tree = tempTree({ "a.ts": GOOD, "locked.ts": GOOD, "z.ts": GOOD });
    const locked = join(tree.root, "locked.ts");
    chmodSync(locked, 0o000);
    const denyAsRootToo = (original: (...args: never[]) => unknown) =>
      (...args: never[]) => {
        if ((args as unknown[])[0] === locked) throw Object.assign(new Error(`EACCES: permission denied, open '${locked}'`), { code: "EACCES" });
        return original(...args);
      };
    const r = await withFs({ openSync: denyAsRootToo }, () => scanJson(tree.root));
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot read locked\.ts: permission denied/);
    assert.deepEqual(aws(r.report).map((f) => f.path), ["a.ts", "z.ts"]);
  });

  it("a directory given where a file is expected (--config, --baseline): exit 2 with the reason, no report", async () => {
    tree = tempTree({ "a.ts": GOOD });
    mkdirSync(join(tree.root, "conf.d"));
    const config = await veil(tree.root, "scan", "--config", "conf.d", "a.ts");
    assert.equal(config.code, 2);
    assert.match(config.stderr, /config conf\.d: cannot read the config file: is a directory/);
    assert.equal(config.stdout, "");
    const baseline = await veil(tree.root, "scan", "--baseline", "conf.d", "a.ts");
    assert.equal(baseline.code, 2);
    assert.match(baseline.stderr, /baseline conf\.d: cannot read it: is a directory/);
  });

  it("a FIFO is never opened (no hang): skipped while walking, an error when named", async function () {
    tree = tempTree({ "a.ts": GOOD });
    if (spawnSync("mkfifo", [join(tree.root, "pipe")]).status !== 0) this.skip();
    const walked = await scanJson(tree.root);
    assert.equal(walked.code, 1);
    assert.match(walked.stderr, /skipped 1 path neither file nor directory/);
    const named = await scanJson(tree.root, "pipe", "a.ts");
    assert.equal(named.code, 2);
    assert.match(named.stderr, /cannot read pipe: not a regular file or directory/);
    assert.equal(aws(named.report).length, 1);
  });

  it("a 50 MB log over the size limit is skipped with a message, the small files still scanned", async () => {
    tree = tempTree({ "small.ts": GOOD });
    // Log lines with a key, then extended to 50 MB (sparse: the size is what the limit reads).
    const huge = join(tree.root, "huge.log");
    writeFileSync(huge, `2024-05-01 12:00:00 INFO request served in 12 ms\nkey=${FAKE_AWS_KEY}\n`.repeat(100));
    truncateSync(huge, 50 * 1024 * 1024);
    const r = await scanJson(tree.root);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(aws(r.report).map((f) => f.path), ["small.ts"]);
    assert.equal(r.report.stats.files, 1);
    assert.match(r.stderr, /skipped 1 file over 5\.0 MB \(see --max-size\)/);
    const named = await veil(tree.root, "scan", "--verbose", "huge.log");
    assert.equal(named.code, 0);
    assert.match(named.stderr, /skipped huge\.log \(too-large\)/);
  });

  it("all of the above in one run: every problem reported, every readable file scanned, exit 2", async () => {
    tree = tempTree({
      "1-good.ts": GOOD,
      "2-binary.dat2": Buffer.concat([Buffer.from(GOOD), Buffer.from([0])]),
      "3-empty.txt": "",
      "4-mangled.txt": Buffer.concat([Buffer.from([0xc3, 0x28, 0xfe, 0xfd, 0x0a]), Buffer.from(GOOD)]),
      "5-utf16.txt": utf16(`🙂\n${GOOD}`, "be"),
      "6-vanishing.ts": GOOD,
      "7-big.log": "x",
    });
    truncateSync(join(tree.root, "7-big.log"), 6 * 1024 * 1024);
    symlinkSync(join(tree.root, "nowhere"), join(tree.root, "8-dangling"));
    const vanishing = join(tree.root, "6-vanishing.ts");
    const r = await scanDeletingAfterListing(tree.root, vanishing);
    assert.equal(r.code, 2);
    assert.deepEqual(aws(r.report).map((f) => f.path), ["1-good.ts", "4-mangled.txt", "5-utf16.txt"]);
    assert.equal(r.report.stats.files, 4, "good, empty, mangled and UTF-16 were scanned");
    assert.match(r.stderr, /cannot read 6-vanishing\.ts: no such file or directory/);
    assert.match(r.stderr, /skipped 1 file binary, 1 file over 5\.0 MB \(see --max-size\), 1 symlink \(not followed\)/);
    assert.match(r.stderr, /the report is incomplete \(exit 2\)/);
  });
});
