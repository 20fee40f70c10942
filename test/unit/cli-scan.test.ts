import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sha256Hex } from "../../src/engine";
import { decodeText } from "../../src/cli/text";
import { FAKE_AWS_KEY, scanJson, tempTree, veil, type JsonFinding, type TempTree } from "./cli-helpers";

const CONTRACT_FIELDS = ["path", "ruleId", "category", "kind", "severity", "offset", "length", "line", "column", "endLine", "endColumn", "preview"];

function awsFindings(findings: JsonFinding[]): JsonFinding[] {
  return findings.filter((f) => f.kind === "aws-access-key-id");
}

describe("cli: veil scan", () => {
  let tree: TempTree;
  afterEach(() => tree?.cleanup());

  it("exits 0 on a clean tree and says so", async () => {
    tree = tempTree({ "README.md": "Nothing to see here.\n", "src/app.ts": "export const answer = 42;\n" });
    const r = await veil(tree.root, "scan", ".");
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^No findings\. 2 files scanned/);
    const j = await scanJson(tree.root);
    assert.equal(j.code, 0);
    assert.deepEqual(j.report.findings, []);
    assert.equal(j.report.stats.files, 2);
    assert.equal(j.report.stats.bytes, Buffer.byteLength("Nothing to see here.\n") + Buffer.byteLength("export const answer = 42;\n"));
  });

  it("exits 1 and prints the json contract with UTF-16 offsets after emoji and CRLF", async () => {
    const content = `first line 🙂 café\r\n// 🔑 key below\r\nconst key = "${FAKE_AWS_KEY}";\r\n`;
    tree = tempTree({ "src/config.ts": content, "clean.txt": "hello\n" });
    const { code, report, stdout } = await scanJson(tree.root, ".");
    assert.equal(code, 1);
    assert.equal(report.version, 1);
    assert.deepEqual(Object.keys(report.stats).sort(), ["bytes", "files", "scanMs"]);
    assert.equal(report.stats.files, 2);
    assert.ok(report.stats.scanMs >= 0);
    const [f] = awsFindings(report.findings);
    assert.ok(f, stdout);
    for (const field of CONTRACT_FIELDS) assert.ok(field in f, `missing ${field}`);
    assert.equal(f.path, "src/config.ts");
    assert.equal(f.category, "secret");
    assert.equal(f.severity, "error");
    assert.equal(content.slice(f.offset, f.offset + f.length), FAKE_AWS_KEY);
    assert.equal(f.offset, content.indexOf(FAKE_AWS_KEY));
    assert.equal(f.line, 3);
    assert.equal(f.column, 'const key = "'.length + 1);
    assert.equal(f.endLine, 3);
    assert.equal(f.endColumn, f.column + FAKE_AWS_KEY.length);
    // The fingerprint is part of the baseline format: pin how it is made.
    assert.equal(f.fingerprint, sha256Hex(`veil/v1\u0000src/config.ts\u0000${f.ruleId}\u0000${FAKE_AWS_KEY}`).slice(0, 32));
    assert.ok(!stdout.includes(FAKE_AWS_KEY), "the value never appears in the report");
  });

  it("prints text as path:line:col  severity  kind  message, grouped by file, with a summary", async () => {
    tree = tempTree({ "a.env": `AWS_KEY=${FAKE_AWS_KEY}\n`, "b/c.txt": `x\n  id: ${FAKE_AWS_KEY}\n` });
    const r = await veil(tree.root, "scan");
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split("\n");
    assert.match(lines[0], /^a\.env:1:9 {2}error {4}aws-access-key-id {2}\S/);
    assert.equal(lines[1], "");
    assert.match(lines[2], /^b\/c\.txt:2:7 {2}error {4}aws-access-key-id {2}/);
    assert.match(lines[lines.length - 1], /^2 findings \(2 errors\) in 2 files\. 2 files scanned/);
    assert.ok(!r.stdout.includes(FAKE_AWS_KEY));
  });

  it("reads UTF-16 files by their byte-order mark and keeps offsets of the decoded text", async () => {
    const text = `é 🙂\nkey=${FAKE_AWS_KEY}\n`;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const be = Buffer.from(le);
    be[0] = 0xfe;
    be[1] = 0xff;
    for (let i = 2; i + 1 < be.length; i += 2) [be[i], be[i + 1]] = [le[i + 1], le[i]];
    tree = tempTree({ "le.txt": le, "be.txt": be });
    const { code, report } = await scanJson(tree.root);
    assert.equal(code, 1);
    const found = awsFindings(report.findings);
    assert.deepEqual(found.map((f) => f.path), ["be.txt", "le.txt"]);
    for (const f of found) {
      assert.equal(text.slice(f.offset, f.offset + f.length), FAKE_AWS_KEY);
      assert.deepEqual([f.line, f.column], [2, 5]);
    }
  });

  it("decodes invalid UTF-8 with replacement characters and reports offsets in that text", async () => {
    const bytes = Buffer.concat([Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x0a]), Buffer.from(`\uFEFFk=${FAKE_AWS_KEY}`)]);
    tree = tempTree({ "bad.txt": bytes });
    const { report } = await scanJson(tree.root);
    const [f] = awsFindings(report.findings);
    const decoded = decodeText(readFileSync(join(tree.root, "bad.txt"))).text;
    assert.ok(decoded.includes("\uFFFD"));
    assert.equal(decoded.slice(f.offset, f.offset + f.length), FAKE_AWS_KEY);
    assert.equal(f.line, 2);
  });

  it("counts offsets after a UTF-8 byte-order mark, as editors do", async () => {
    tree = tempTree({ "bom.txt": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`k=${FAKE_AWS_KEY}`)]) });
    const { report } = await scanJson(tree.root);
    const [f] = awsFindings(report.findings);
    assert.deepEqual([f.offset, f.column], [2, 3]);
  });

  it("exits 2 for a missing path, names it, and still reports the other paths", async () => {
    tree = tempTree({ "a.txt": `k=${FAKE_AWS_KEY}\n` });
    const r = await scanJson(tree.root, "a.txt", "missing-dir/nope.txt");
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot read missing-dir\/nope\.txt: no such file or directory/);
    assert.match(r.stderr, /report is incomplete/);
    assert.equal(awsFindings(r.report.findings).length, 1);
  });

  if (typeof process.getuid === "function" && process.getuid() !== 0) {
    it("exits 2 for an unreadable file found while walking", async () => {
      tree = tempTree({ "ok.txt": "fine\n", "locked.txt": "secret\n" });
      chmodSync(join(tree.root, "locked.txt"), 0o000);
      const r = await veil(tree.root, "scan");
      assert.equal(r.code, 2);
      assert.match(r.stderr, /cannot read locked\.txt: permission denied/);
    });
  }

  it("skips binary files and oversized files, counting them on stderr and naming them with --verbose", async () => {
    tree = tempTree({
      "image.png": `k=${FAKE_AWS_KEY}`,
      "blob.dat2": Buffer.concat([Buffer.from(`k=${FAKE_AWS_KEY}`), Buffer.from([0, 1, 2])]),
      "big.txt": `k=${FAKE_AWS_KEY}\n` + "x".repeat(4000),
      "small.txt": "fine\n",
    });
    const r = await scanJson(tree.root, "--max-size", "2k");
    assert.equal(r.code, 0, JSON.stringify(r.report.findings));
    assert.equal(r.report.stats.files, 1);
    assert.match(r.stderr, /skipped 2 files binary, 1 file over 2\.0 KB \(see --max-size\)/);
    assert.ok(!r.stderr.includes("big.txt"));
    const verbose = await veil(tree.root, "scan", "--max-size", "2k", "--verbose");
    assert.match(verbose.stderr, /skipped image\.png \(binary\)/);
    assert.match(verbose.stderr, /skipped blob\.dat2 \(binary\)/);
    assert.match(verbose.stderr, /skipped big\.txt \(too-large\)/);
    const unlimited = await scanJson(tree.root, "--max-size", "0");
    assert.equal(unlimited.code, 1, "--max-size 0 lifts the limit");
    assert.equal((await veil(tree.root, "scan", "--max-size", "lots")).code, 2);
  });

  it("skips .git and node_modules unless --no-default-ignores, and does not follow symlinks", async () => {
    tree = tempTree({ ".git/config": `k=${FAKE_AWS_KEY}\n`, "node_modules/x/index.js": `k="${FAKE_AWS_KEY}"\n`, "ok.txt": "fine\n", "outside/secret.txt": `k=${FAKE_AWS_KEY}\n` });
    symlinkSync(join(tree.root, "outside"), join(tree.root, "link"));
    const r = await scanJson(tree.root, "--exclude", "outside");
    assert.equal(r.code, 0, JSON.stringify(r.report.findings));
    assert.match(r.stderr, /2 \.git\/node_modules-like directories/);
    assert.match(r.stderr, /1 symlink \(not followed\)/);
    const all = await scanJson(tree.root, "--no-default-ignores", "--exclude", "outside");
    assert.deepEqual(awsFindings(all.report.findings).map((f) => f.path), [".git/config", "node_modules/x/index.js"]);
  });

  it("applies --exclude globs relative to the scanned root, dot files included, base names at any depth", async () => {
    tree = tempTree({
      "proj/dist/bundle.js": `k="${FAKE_AWS_KEY}"`,
      "proj/src/app.min.js": `k="${FAKE_AWS_KEY}"`,
      "proj/src/.env": `K=${FAKE_AWS_KEY}`,
      "proj/src/main.ts": `k="${FAKE_AWS_KEY}"`,
    });
    const r = await scanJson(tree.root, "proj", "--exclude", "dist/**", "--exclude", "*.min.js", "--exclude", "src/.env");
    assert.deepEqual(awsFindings(r.report.findings).map((f) => f.path), ["proj/src/main.ts"]);
    assert.match(r.stderr, /3 paths by --exclude or config/);
  });

  it("honours a .veilignore at the scanned root: comments, anchoring, directories, ! negation", async () => {
    tree = tempTree({
      ".veilignore": "# generated\nfixtures/\n*.log\n!keep.log\n/top.txt\n",
      "fixtures/a.txt": `k=${FAKE_AWS_KEY}`,
      "deep/fixtures/b.txt": `k=${FAKE_AWS_KEY}`,
      "deep/x.log": `k=${FAKE_AWS_KEY}`,
      "deep/keep.log": `k=${FAKE_AWS_KEY}`,
      "top.txt": `k=${FAKE_AWS_KEY}`,
      "deep/top.txt": `k=${FAKE_AWS_KEY}`,
    });
    const r = await scanJson(tree.root);
    assert.deepEqual(awsFindings(r.report.findings).map((f) => f.path).sort(), ["deep/keep.log", "deep/top.txt"]);
    assert.match(r.stderr, /by \.veilignore/);
  });

  it("scans a file named on the command line even when excludes would leave it out", async () => {
    tree = tempTree({ ".veilignore": "*.txt\n", "a.txt": `k=${FAKE_AWS_KEY}` });
    assert.equal((await scanJson(tree.root)).code, 0);
    const explicit = await scanJson(tree.root, "a.txt", "--exclude", "*.txt");
    assert.equal(explicit.code, 1);
    assert.equal(awsFindings(explicit.report.findings)[0].path, "a.txt");
  });

  it("reports paths outside the working directory as absolute, and each file once", async () => {
    tree = tempTree({ "a/x.txt": `k=${FAKE_AWS_KEY}`, "b/y.txt": `k=${FAKE_AWS_KEY}` });
    const cwd = join(tree.root, "a");
    const r = await scanJson(cwd, join(cwd, "x.txt"), ".", "x.txt", join(tree.root, "b"));
    const paths = awsFindings(r.report.findings).map((f) => f.path);
    assert.deepEqual(paths, ["x.txt", join(tree.root, "b", "y.txt")], "x.txt through three arguments is reported once");
    assert.equal(r.report.stats.files, 2);
  });

  describe("--baseline", () => {
    it("suppresses findings already in an earlier json report, even when they moved", async () => {
      tree = tempTree({ "app.ts": `const a = "${FAKE_AWS_KEY}";\n` });
      const first = await veil(tree.root, "scan", "--format", "json");
      assert.equal(first.code, 1);
      writeFileSync(join(tree.root, "baseline.json"), first.stdout);
      const again = await scanJson(tree.root, "app.ts", "--baseline", "baseline.json");
      assert.equal(again.code, 0);
      assert.deepEqual(again.report.findings, []);
      assert.match(again.stderr, /1 finding already in the baseline/);

      const other = "AKIAZ7QH3LKW2M5RXT4P";
      writeFileSync(join(tree.root, "app.ts"), `// moved down\n\nconst a = "${FAKE_AWS_KEY}";\nconst b = "${other}";\n`);
      const moved = await scanJson(tree.root, "app.ts", "--baseline", "baseline.json");
      const found = awsFindings(moved.report.findings);
      assert.equal(moved.code, 1);
      assert.deepEqual(found.map((f) => [f.line, f.preview]), [[4, found[0]?.preview]]);
      assert.ok(!found[0].preview.includes(other));
    });

    it("does not suppress the same value in another file", async () => {
      tree = tempTree({ "a.ts": `k="${FAKE_AWS_KEY}"` });
      writeFileSync(join(tree.root, "base.json"), (await veil(tree.root, "scan", "--format", "json", "a.ts")).stdout);
      tree.write("b.ts", `k="${FAKE_AWS_KEY}"`);
      const r = await scanJson(tree.root, "a.ts", "b.ts", "--baseline", "base.json");
      assert.deepEqual(awsFindings(r.report.findings).map((f) => f.path), ["b.ts"]);
    });

    it("rejects a missing or malformed baseline with exit 2, naming the file", async () => {
      tree = tempTree({ "a.ts": "x", "bad.json": "{ nope", "old.json": JSON.stringify({ version: 1, findings: [{ path: "a.ts", ruleId: "r" }] }) });
      const missing = await veil(tree.root, "scan", "--baseline", "none.json");
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /baseline none\.json: cannot read it: no such file/);
      assert.match((await veil(tree.root, "scan", "--baseline", "bad.json")).stderr, /baseline bad\.json: not valid JSON/);
      assert.match((await veil(tree.root, "scan", "--baseline", "old.json")).stderr, /baseline old\.json: findings\[0\]\.fingerprint is missing/);
    });
  });

  describe("--config", () => {
    it("applies terms, severities, disabled rules and excludes", async () => {
      tree = tempTree({
        "brief.md": `Launch plan for Orion Cloud.\nkey ${FAKE_AWS_KEY}\n`,
        "gen/out.md": "Orion again\n",
        "veil.json": JSON.stringify({ terms: [{ text: "Orion Cloud", kind: "CLIENT" }], severity: { CLIENT: "note" }, exclude: ["gen/**"] }),
        "quiet.json": JSON.stringify({ disabledRules: ["aws-access-key-id"], categories: { term: false } }),
      });
      const r = await scanJson(tree.root, "--config", "veil.json", "brief.md", "gen");
      const term = r.report.findings.find((f) => f.category === "term");
      assert.ok(term, JSON.stringify(r.report.findings));
      assert.deepEqual([term.kind, term.severity, term.line, term.column], ["CLIENT", "note", 1, 17]);
      assert.equal(awsFindings(r.report.findings).length, 1);
      assert.ok(!r.report.findings.some((f) => f.path.startsWith("gen/")));
      const quiet = await scanJson(tree.root, "--config", "quiet.json", "brief.md");
      assert.equal(awsFindings(quiet.report.findings).length, 0);
    });

    const BAD: [string, string, RegExp][] = [
      ["not json", "{ terms: ", /config bad\.json: not valid JSON/],
      ["not an object", "[]", /config bad\.json: must be a JSON object, got an array/],
      ["unknown field", '{ "term": [] }', /config bad\.json: unknown field "term"/],
      ["term with a bad kind", '{ "terms": [{ "text": "Orion", "kind": "two words" }] }', /config bad\.json: terms\[0\]\.kind must be a word/],
      ["term with empty text", '{ "terms": [{ "text": " ", "kind": "X" }] }', /terms\[0\]\.text must be a non-empty string/],
      ["bad hash", '{ "allow": { "hashes": ["abc"] } }', /allow\.hashes\[0\] must be a SHA-256/],
      ["bad category flag", '{ "categories": { "pii": "no" } }', /categories\.pii must be true or false/],
      ["bad severity", '{ "severity": { "pii": "loud" } }', /severity\.pii must be one of error, warning, note/],
      ["exclude not strings", '{ "exclude": ["a", 3] }', /exclude\[1\] must be a non-empty string, got a number/],
      ["bad minConfidence", '{ "minConfidence": 2 }', /minConfidence must be a number from 0 to 1/],
    ];
    for (const [name, content, expected] of BAD) {
      it(`rejects a config with ${name}: exit 2, naming the file and field`, async () => {
        tree = tempTree({ "bad.json": content, "a.txt": `k=${FAKE_AWS_KEY}` });
        const r = await veil(tree.root, "scan", "--config", "bad.json", "a.txt");
        assert.equal(r.code, 2);
        assert.match(r.stderr, expected);
        assert.equal(r.stdout, "", "no report when the config is wrong");
      });
    }

    it("warns about a pattern it cannot run, masked, and scans with the other terms (exit 1, not 2)", async () => {
      const config = {
        terms: [
          { text: "(a+)+$", kind: "X", regex: true },
          { text: "(secretcode)\\1", kind: "X", regex: true },
          { text: "Orion(?=Cloud)", kind: "X", regex: true },
          { text: "(", kind: "X", regex: true },
          { text: "Orion", kind: "CLIENT" },
          { text: "prj-\\d+", kind: "CODENAME", regex: true },
        ],
        allowedPatterns: ["[", "(?<=x)y"],
      };
      tree = tempTree({ "veil.json": JSON.stringify(config), "a.txt": `Orion and prj-42 ${"a".repeat(100_000)}!\n${"a".repeat(200)}` });
      const r = await veil(tree.root, "scan", "--format", "json", "--config", "veil.json", "a.txt");
      assert.equal(r.code, 1, r.stderr);
      const lines = r.stderr.trim().split("\n");
      assert.equal(lines.length, 5, r.stderr);
      for (const line of lines) assert.match(line, /^veil scan: warning: config veil\.json: (term|allow) pattern "/);
      assert.match(r.stderr, /uses a backreference/);
      assert.match(r.stderr, /uses a lookahead/);
      assert.match(r.stderr, /uses a lookbehind/);
      assert.match(r.stderr, /is not a valid regex/);
      assert.ok(!r.stderr.includes("secretcode"), "the pattern is not quoted whole");
      const found = JSON.parse(r.stdout).findings.map((f: { kind: string }) => f.kind);
      assert.deepEqual(found.sort(), ["CLIENT", "CODENAME", "X"]);
    });

    it("rejects a missing config file", async () => {
      tree = tempTree({ "a.txt": "x" });
      const r = await veil(tree.root, "scan", "--config", "nope.json");
      assert.equal(r.code, 2);
      assert.match(r.stderr, /config nope\.json: cannot read the config file: no such file or directory/);
    });
  });

  it("rejects unknown flags and bad formats with exit 2 and a hint", async () => {
    tree = tempTree({ "a.txt": "x" });
    const unknown = await veil(tree.root, "scan", "--recursive", ".");
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /veil scan: unknown option --recursive\nSee veil scan --help/);
    const format = await veil(tree.root, "scan", "--format", "xml");
    assert.equal(format.code, 2);
    assert.match(format.stderr, /--format must be one of text, json, sarif/);
    assert.equal((await veil(tree.root, "scan", "--exclude")).code, 2);
  });
});

describe("cli: veil scan --gitignore", () => {
  const hasGit = spawnSync("git", ["--version"]).status === 0;

  it("scans exactly the files git does not ignore (git ls-files is the oracle), nested .gitignore files, negations and .git/info/exclude included", async function () {
    if (!hasGit) this.skip();
    const key = (n: number) => `contact: owner${n}@example-client.fr\n`;
    const files: Record<string, string> = {
      ".gitignore": "*.{js,map}\n/build/\n*.log\n!keep.log\nsecrets/\n",
      "app.js": key(1),
      "lit.{js,map}": key(2),
      "build/out.txt": key(3),
      "src/build/out.txt": key(4),
      "server.log": key(5),
      "keep.log": key(6),
      "secrets/a.txt": key(7),
      "nested/.gitignore": "local.txt\n!/important.log\n",
      "nested/local.txt": key(8),
      "nested/important.log": key(9),
      "nested/deeper/.gitignore": "!local.txt\n",
      "nested/deeper/local.txt": key(10),
      "excluded-by-info.txt": key(11),
      "plain.txt": key(12),
    };
    const tree = tempTree(files);
    try {
      spawnSync("git", ["init", "-q"], { cwd: tree.root });
      tree.write(".git/info/exclude", "excluded-by-info.txt\n");
      const listed = spawnSync("git", ["ls-files", "--others", "--exclude-standard"], { cwd: tree.root, encoding: "utf8" });
      const byGit = listed.stdout.split("\n").filter((p) => p && !p.endsWith(".gitignore")).sort();
      assert.ok(byGit.includes("app.js") && !byGit.includes("lit.{js,map}") && byGit.includes("nested/deeper/local.txt") && !byGit.includes("nested/local.txt"), byGit.join(", "));

      const result = await veil(tree.root, "scan", "--gitignore", "--format", "json", "--verbose", ".");
      const scanned = [...new Set((JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings.map((f) => f.path))].sort();
      assert.deepEqual(scanned, byGit);
      assert.match(result.stderr, /by \.gitignore/);

      // Without the flag, the git-ignored files are scanned too (as before).
      const all = await veil(tree.root, "scan", "--format", "json", ".");
      assert.equal(new Set((JSON.parse(all.stdout) as { findings: JsonFinding[] }).findings.map((f) => f.path)).size, Object.keys(files).filter((p) => !p.endsWith(".gitignore")).length);
    } finally {
      tree.cleanup();
    }
  });
});
