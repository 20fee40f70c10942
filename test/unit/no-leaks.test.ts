/**
 * Nothing leaves the machine and nothing is echoed (issue 8):
 * - the built bundles hold no network module, no fetch / XMLHttpRequest / WebSocket, and the
 *   extension bundles no child_process; the CLI runs child processes only to ask git;
 * - `veil anonymize --map` writes the map with mode 0600 whatever the umask, and warns when
 *   git would commit it;
 * - `veil scan --format text` and the CLI's error messages never carry a value: the planted
 *   literals do not appear, and the engine finds none of their kinds in what the CLI printed.
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { main } from "../../src/cli/main";
import { captureIO } from "../../src/cli/io";
import { listRules, scan, type ScanOptions } from "../../src/engine";
import { FAKE_AWS_KEY } from "./cli-helpers";

const ROOT = resolve(__dirname, "..", "..", "..");
const BUNDLES = { extension: join(ROOT, "dist", "extension.js"), web: join(ROOT, "dist", "web", "extension.js"), cli: join(ROOT, "dist", "cli.js"), launcher: join(ROOT, "bin", "veil.js"),
  // The packages the CLI reads from their own file on first use (esbuild.mjs's CLI_VENDOR).
  "cli-vendor/pdf-lib": join(ROOT, "dist", "cli-vendor", "pdf-lib.js"), "cli-vendor/re2js": join(ROOT, "dist", "cli-vendor", "re2js.js"), "cli-vendor/fflate": join(ROOT, "dist", "cli-vendor", "fflate.js") };

function newestSource(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Each match of `pattern` with 40 characters around it, to say where it is. */
function occurrences(source: string, pattern: RegExp): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(pattern)) found.push(source.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40).replace(/\s+/g, " "));
  return found;
}

const NETWORK_MODULES = ["http", "https", "http2", "net", "tls", "dgram", "dns", "undici", "ws"];
const requireOf = (names: readonly string[]) => new RegExp(String.raw`\brequire\(\s*["'\x60](?:node:)?(?:${names.join("|")})["'\x60]\s*\)|\bfrom\s*["'](?:node:)?(?:${names.join("|")})["']`, "g");
const NETWORK_APIS = /(?<![\w$.])fetch\s*\(|\.fetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b|\bEventSource\b|\bsendBeacon\b|\bimportScripts\s*\(/g;
/** A require whose argument is not a literal could load anything. */
const COMPUTED_REQUIRE = /\brequire\(\s*[^"'\x60)\s]/g;

describe("no leaks: bundles, map file mode, CLI output", function () {
  this.timeout(180_000);

  describe("built bundles", () => {
    const text = Object.fromEntries(Object.keys(BUNDLES).map((key) => [key, ""])) as Record<keyof typeof BUNDLES, string>;

    before(() => {
      // Build when a bundle is missing or older than the sources, so the check is on this code.
      const sources = newestSource(join(ROOT, "src"));
      const stale = Object.values(BUNDLES).some((b) => !existsSync(b) || statSync(b).mtimeMs < sources);
      if (stale) {
        const build = spawnSync(process.execPath, ["esbuild.mjs"], { cwd: ROOT, encoding: "utf8" });
        assert.equal(build.status, 0, `node esbuild.mjs failed:\n${build.stderr}`);
      }
      for (const key of Object.keys(BUNDLES) as (keyof typeof BUNDLES)[]) text[key] = readFileSync(BUNDLES[key], "utf8");
    });

    for (const key of Object.keys(BUNDLES) as (keyof typeof BUNDLES)[]) {
      it(`${key}: no network module, no fetch / XMLHttpRequest / WebSocket, no computed require`, () => {
        assert.deepEqual(occurrences(text[key], requireOf(NETWORK_MODULES)), [], "network module required");
        assert.deepEqual(occurrences(text[key], NETWORK_APIS), [], "network API used");
        // The launcher requires the bundle it found beside it: its one computed require.
        if (key !== "launcher") assert.deepEqual(occurrences(text[key], COMPUTED_REQUIRE), [], "require with a computed argument");
      });
    }

    for (const key of ["extension", "web"] as const) {
      it(`${key}: no child_process and no Node built-in beyond what an editor extension needs`, () => {
        // The Node host's Scan Workspace runs the shipped CLI bundle in worker threads (platform/scanPool.ts); the web build has none.
        const forbidden = key === "extension" ? ["child_process", "cluster", "inspector"] : ["child_process", "worker_threads", "cluster", "inspector"];
        assert.deepEqual(occurrences(text[key], requireOf(forbidden)), []);
        if (key === "extension") assert.ok(occurrences(text[key], requireOf(["worker_threads"])).length <= 1, "worker_threads only for the scan pool");
      });
    }

    it("the CLI's vendored packages: no child_process, cluster or inspector", () => {
      for (const key of ["cli-vendor/pdf-lib", "cli-vendor/re2js", "cli-vendor/fflate"] as const) assert.deepEqual(occurrences(text[key], requireOf(["child_process", "cluster", "inspector"])), [], key);
    });

    it("cli: child_process is used only to run git", () => {
      const source = text.cli;
      const bindings = [...source.matchAll(/(?:\b(?:var|let|const)\s+|[;{}\n]\s*)([\w$]+)\s*=\s*(?:__toESM\()?require\(\s*["'](?:node:)?child_process["']\s*\)/g)].map((m) => m[1]);
      assert.ok(bindings.length > 0, "the CLI asks git whether a map file is ignored: a child_process binding is expected");
      assert.equal(occurrences(source, requireOf(["child_process"])).length, bindings.length, "every child_process require is bound to a name");
      for (const name of bindings) {
        const escaped = name.replace(/\$/g, "\\$");
        // Less the assignment and a bare declaration (`var a, b;`, esbuild's lazily initialised modules).
        const declarations = occurrences(source, new RegExp(String.raw`\bvar\s+(?:[\w$]+,\s*)*${escaped}(?:,\s*[\w$]+)*;`, "g")).length;
        const uses = [...source.matchAll(new RegExp(String.raw`(?<![\w$])${escaped}(?![\w$])`, "g"))].length - 1 - declarations;
        const calls = occurrences(source, new RegExp(String.raw`\(0,\s*${name.replace(/\$/g, "\\$")}\.(?:spawnSync|spawn|execFileSync|execFile)\)\(\s*"git"\s*,`, "g"));
        assert.ok(uses > 0, `${name} is never used`);
        assert.equal(calls.length, uses, `every use of ${name} must be a call that runs "git" (found ${uses} uses, ${calls.length} git calls)`);
      }
      assert.deepEqual(occurrences(source, /\b(?:exec|execSync)\s*\(\s*["'\x60]/g), [], "no shell command strings");
    });
  });

  describe("veil anonymize --map", () => {
    let dir: string;
    const run = async (stdin: string, ...argv: string[]) => {
      const io = captureIO({ cwd: dir, stdin });
      const code = await main(argv, io);
      return { code, out: io.out(), err: io.err() };
    };
    const mode = (path: string) => statSync(path).mode & 0o777;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), "veil-leaks-"));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it("creates the map with mode 0600", async () => {
      const r = await run(`key=${FAKE_AWS_KEY} mail jo.doe@example.fr\n`, "anonymize", "--map", "map.json");
      assert.equal(r.code, 0, r.err);
      assert.equal(mode(join(dir, "map.json")).toString(8), "600");
    });

    it("creates it with mode 0600 when the umask is 0", async () => {
      const saved = process.umask(0);
      try {
        const r = await run(`key=${FAKE_AWS_KEY}\n`, "anonymize", "--map", "open.json");
        assert.equal(r.code, 0, r.err);
      } finally {
        process.umask(saved);
      }
      assert.equal(mode(join(dir, "open.json")).toString(8), "600");
    });

    it("leaves an existing world-readable map at 0600 once it adds values to it", async () => {
      const path = join(dir, "old.json");
      writeFileSync(path, JSON.stringify({ version: 1, entries: [] }), { mode: 0o644 });
      assert.equal(mode(path).toString(8), "644");
      const r = await run(`mail jo.doe@example.fr\n`, "anonymize", "--map", "old.json");
      assert.equal(r.code, 0, r.err);
      assert.equal(mode(path).toString(8), "600");
      assert.ok(readFileSync(path, "utf8").includes("jo.doe@example.fr"), "the map holds the value");
    });

    const hasGit = spawnSync("git", ["--version"]).status === 0;
    (hasGit ? it : it.skip)("warns on stderr when the map would land in a git work tree without being ignored", async () => {
      assert.equal(spawnSync("git", ["init", "-q"], { cwd: dir }).status, 0);
      mkdirSync(join(dir, "notes"));
      const exposed = await run(`key=${FAKE_AWS_KEY}\n`, "anonymize", "--map", "notes/map.json");
      assert.equal(exposed.code, 0, exposed.err);
      assert.match(exposed.err, /warning: map .*map\.json is inside a git work tree and not ignored by git/);
      writeFileSync(join(dir, ".gitignore"), "*.json\n");
      const ignored = await run(`key=${FAKE_AWS_KEY}\n`, "anonymize", "--map", "notes/map.json");
      assert.doesNotMatch(ignored.err, /warning/);
    });
  });

  describe("what the CLI prints never carries a value", () => {
    let dir: string;
    const TERMS: ScanOptions = { terms: [{ text: "Orion Cloud", kind: "CLIENT" }, { text: "Zephyra", kind: "CLIENT" }] };
    const run = async (stdin: string, ...argv: string[]) => {
      const io = captureIO({ cwd: dir, stdin });
      const code = await main(argv, io);
      return { code, out: io.out(), err: io.err() };
    };
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), "veil-leaks-"));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    /** A rule's first match example: a real-looking fake. */
    function example(ruleId: string): string {
      const found = listRules().find((r) => r.id === ruleId)?.examples?.match[0];
      assert.ok(found, `rule ${ruleId} has a match example`);
      return found;
    }

    /** Fails when `printed` holds one of the literals, or anything of one of the kinds. */
    function assertClean(printed: string, literals: readonly string[], kinds: ReadonlySet<string>, what: string): void {
      for (const value of literals) assert.ok(!printed.includes(value), `${what} prints a whole value (${value.length} chars: ${value.slice(0, 3)}…)`);
      const leaked = scan(printed, TERMS).filter((f) => kinds.has(f.kind));
      assert.deepEqual(leaked.map((f) => `${f.kind}: ${f.preview}`), [], `${what} holds values the engine finds`);
    }

    it("veil scan --format text shows masked previews only", async () => {
      const lines = [
        `aws = "${FAKE_AWS_KEY}"`,
        example("github-pat"),
        example("stripe-secret-key"),
        example("jwt"),
        example("connection-string"),
        example("password-assignment"),
        example("private-key"),
        "Contact: jean.dupont@orange.fr, tél +33 6 12 34 56 78",
        "IBAN FR76 3000 6000 0112 3456 7890 189",
        "carte 4111 1111 1111 1111",
        "Launch plan for Orion Cloud",
      ];
      const file = lines.join("\n") + "\n";
      const planted = scan(file, TERMS);
      const literals = planted.map((f) => file.slice(f.start, f.end));
      const kinds = new Set(planted.map((f) => f.kind));
      for (const kind of ["aws-access-key-id", "private-key", "email", "phone", "iban", "credit-card", "CLIENT"]) assert.ok(kinds.has(kind), `the planted ${kind} is found`);
      assert.ok(planted.length >= lines.length, "a finding per planted line at least");
      writeFileSync(join(dir, "planted.txt"), file);
      writeFileSync(join(dir, "veil.json"), JSON.stringify({ terms: [{ text: "Orion Cloud", kind: "CLIENT" }] }));
      const r = await run("", "scan", "--format", "text", "--config", "veil.json", "planted.txt");
      assert.equal(r.code, 1, r.err);
      assert.equal(r.out.match(/^planted\.txt:\d+:\d+ /gm)?.length, planted.length, "every finding is printed");
      assertClean(r.out + "\n" + r.err, literals, kinds, "veil scan --format text");
    });

    it("config errors do not quote the terms or values around the mistake", async () => {
      // JSON.parse quotes up to ten characters each side of an unexpected token, and a short
      // input whole; V8's regex errors quote the whole pattern.
      const cases: Record<string, string> = {
        "token-after-term.json": '{"terms":["Zephyra",x]}',
        "whole-input.json": "Zephyra",
        "bad-term-regex.json": JSON.stringify({ terms: [{ text: "(Zephyra", kind: "CLIENT", regex: true }] }),
        "bad-allow-pattern.json": JSON.stringify({ allow: { patterns: [`${FAKE_AWS_KEY}(`] } }),
        "token-after-value.json": `{"allow":{"values":["${FAKE_AWS_KEY}",x]}}`,
        // A type error shows what it got: the kind of value, never a string's content.
        "term-as-string.json": '{"clients":"Zephyra"}',
        "values-as-string.json": `{"allow":{"values":"${FAKE_AWS_KEY}"}}`,
      };
      for (const [name, content] of Object.entries(cases)) {
        writeFileSync(join(dir, name), content);
        writeFileSync(join(dir, "a.txt"), "nothing\n");
        const r = await run("", "scan", "--config", name, "a.txt");
        // A pattern Veil cannot run is a warning and the scan goes on (issue 21); the rest are config errors.
        const patternWarning = name.startsWith("bad-term-regex") || name.startsWith("bad-allow-pattern");
        assert.equal(r.code, patternWarning ? 0 : 2, `${name}: ${r.err}`);
        assert.match(r.err, new RegExp(`config ${name.replace(".", "\\.")}: `));
        assertClean(r.out + r.err, ["Zephyra", FAKE_AWS_KEY], new Set(["CLIENT", "aws-access-key-id"]), `the error for ${name}`);
      }
    });

    it("a corrupt map is reported without quoting the real values it holds", async () => {
      const entry = (value: string, rest: string) => `{"placeholder":"[EMAIL_1]","kind":"email","value":"${value}",${rest}}`;
      const maps: Record<string, string> = {
        "token-after-value.json": `{"version":1,"entries":[${entry("jo@x.fr", "x")}]}`,
        "whole-input.json": "jo@x.fr",
        "missing-quote.json": `{"version":1,"entries":[${entry("jo@x.fr", "createdAt:1")}]}`,
      };
      for (const [name, content] of Object.entries(maps)) {
        writeFileSync(join(dir, name), content);
        for (const command of ["restore", "anonymize"]) {
          const r = await run("Hello [EMAIL_1]\n", command, "--map", name);
          assert.equal(r.code, 2, `${command} ${name}: ${r.err}`);
          assert.match(r.err, /is unusable/);
          assertClean(r.out + r.err, ["jo@x.fr"], new Set(["email"]), `${command} with ${name}`);
        }
      }
    });

    it("anonymize and restore report counts on stderr, never values", async () => {
      const input = `key=${FAKE_AWS_KEY}\nmail jean.dupont@orange.fr, tél +33 6 12 34 56 78\n`;
      const a = await run(input, "anonymize", "--map", "m.json");
      assert.equal(a.code, 0, a.err);
      const values = [FAKE_AWS_KEY, "jean.dupont@orange.fr", "+33 6 12 34 56 78"];
      const kinds = new Set(["aws-access-key-id", "email", "phone"]);
      assertClean(a.out + a.err, values, kinds, "veil anonymize");
      const r = await run(a.out + " [EMAIL_9]", "restore", "--map", "m.json", "--include-secrets");
      assert.equal(r.code, 0, r.err);
      assert.equal(r.out, input + " [EMAIL_9]");
      assertClean(r.err, values, kinds, "veil restore's stderr");
      // By default the key stays a placeholder, and the note about it names no value either.
      const held = await run(a.out, "restore", "--map", "m.json");
      assert.ok(!held.out.includes(FAKE_AWS_KEY));
      assertClean(held.err, values, kinds, "veil restore's note on secrets");
    });
  });
});
