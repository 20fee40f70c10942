// The three ways to get `veil`: the npm tarball (veil-privacy) installed into a scratch prefix,
// the pre-commit framework from a local clone, and the .vsix (checked in package.test.ts and
// by building it here). Everything runs from the installed or cloned files only.
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CLI_PACKAGE_NAME, COMMAND_NAMES } from "../../src/cli/main";
import { FAKE_AWS_KEY } from "./cli-helpers";

const ROOT = join(__dirname, "../../..");
const has = (command: string, flag = "--version") => spawnSync(command, [flag], { stdio: "ignore" }).status === 0;

function scratch(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string }) {
  return spawnSync(command, args, { cwd: options.cwd, env: options.env ?? process.env, input: options.input, encoding: "utf8" });
}

describe("distribution: the npm tarball", function () {
  this.timeout(180_000);
  let dir: string;
  let tarball: string;
  before(() => {
    dir = scratch("veil-pack-");
    const packed = run(process.execPath, [join(ROOT, "scripts", "pack-cli.mjs"), "--out-dir", dir], { cwd: ROOT });
    assert.equal(packed.status, 0, packed.stderr);
    tarball = packed.stdout.trim();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("is named veil-privacy and holds only the launcher, the bundle, README, LICENSE and CHANGELOG, with no dependencies", () => {
    assert.match(tarball, new RegExp(`${CLI_PACKAGE_NAME}-\\d+\\.\\d+\\.\\d+\\.tgz$`));
    const list = run("tar", ["-tzf", tarball], { cwd: dir });
    assert.equal(list.status, 0, list.stderr);
    assert.deepEqual(list.stdout.split("\n").filter(Boolean).sort(), ["package/CHANGELOG.md", "package/LICENSE", "package/README.md", "package/bin/veil.js", "package/dist/cli-vendor/fflate.js", "package/dist/cli-vendor/pdf-lib.js", "package/dist/cli-vendor/re2js.js", "package/dist/cli.js", "package/package.json"]);
    const manifest = JSON.parse(run("tar", ["-xzOf", tarball, "package/package.json"], { cwd: dir }).stdout) as Record<string, unknown>;
    assert.equal(manifest.name, CLI_PACKAGE_NAME);
    assert.deepEqual(manifest.bin, { veil: "bin/veil.js" });
    assert.equal(manifest.dependencies, undefined);
    assert.deepEqual(manifest.engines, { node: ">=20.19" });
  });

  it("installs into a scratch prefix; the installed veil answers --version and finds a secret (exit 1)", () => {
    const prefix = join(dir, "prefix");
    const install = run("npm", ["install", "--global", "--prefix", prefix, tarball, "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: dir });
    assert.equal(install.status, 0, install.stderr);
    const veil = join(prefix, "bin", "veil");
    assert.ok(existsSync(veil));
    // Nothing from this checkout on the way: a bare PATH, another working directory.
    const env = { PATH: `${join(prefix, "bin")}:/usr/bin:/bin`, HOME: dir };
    const version = run(veil, ["--version"], { cwd: dir, env });
    assert.equal(version.status, 0, version.stderr);
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    assert.ok(version.stdout.startsWith(`veil ${pkg.version}\n`));
    for (const name of COMMAND_NAMES) assert.match(version.stdout, new RegExp(`\\b${name}\\b`));
    const help = run(veil, ["--help"], { cwd: dir, env });
    for (const name of COMMAND_NAMES) assert.match(help.stdout, new RegExp(`^  ${name}\\b`, "m"));

    const project = join(dir, "project");
    spawnSync("mkdir", ["-p", project]);
    writeFileSync(join(project, "deploy.sh"), `export AWS_ACCESS_KEY_ID=${FAKE_AWS_KEY}\n`);
    const scan = run(veil, ["scan", "."], { cwd: project, env });
    assert.equal(scan.status, 1, scan.stderr);
    assert.match(scan.stdout, /deploy\.sh:1:.*aws-access-key-id/);
    assert.ok(!scan.stdout.includes(FAKE_AWS_KEY));
  });

  it("says which Node it needs on an older one", () => {
    const fake = join(dir, "node18.js");
    writeFileSync(fake, 'Object.defineProperty(process, "versions", { value: { ...process.versions, node: "18.19.1" } });\n');
    const old = run(process.execPath, ["--require", fake, join(ROOT, "bin", "veil.js"), "--version"], { cwd: dir });
    assert.equal(old.status, 2);
    assert.match(old.stderr, /veil needs Node\.js 20\.19 or newer; this is Node\.js 18\.19\.1/);
    assert.equal(old.stdout, "");
  });
});

describe("distribution: pre-commit from a local clone", function () {
  this.timeout(180_000);

  it("the committed pre-commit/cli.js is built from the current sources", () => {
    const check = run(process.execPath, [join(ROOT, "scripts", "build-pre-commit.mjs"), "--check"], { cwd: ROOT });
    assert.equal(check.status, 0, check.stderr);
  });

  it("a staged file with a secret fails `pre-commit run`, a clean one passes", function () {
    if (!has("pre-commit") || !has("git")) {
      // The test setup installs Debian's pre-commit (test/harness/vscode-server.mjs).
      assert.fail("pre-commit is not installed: apt-get install pre-commit");
    }
    const dir = scratch("veil-precommit-");
    try {
      const clone = join(dir, "veil-clone");
      const cloned = run("git", ["clone", "--quiet", "--no-hardlinks", ROOT, clone], { cwd: dir });
      assert.equal(cloned.status, 0, cloned.stderr);
      assert.ok(existsSync(join(clone, ".pre-commit-hooks.yaml")), ".pre-commit-hooks.yaml is committed");
      assert.ok(!existsSync(join(clone, "dist")), "a clone has no build output: the hook runs the committed bundle");
      const rev = run("git", ["rev-parse", "HEAD"], { cwd: clone }).stdout.trim();

      const repo = join(dir, "project");
      const git = (...args: string[]) => {
        const r = run("git", args, { cwd: repo, env: gitEnv });
        assert.equal(r.status, 0, r.stderr);
      };
      const gitEnv = { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.org", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.org", PRE_COMMIT_HOME: join(dir, "cache") };
      spawnSync("mkdir", ["-p", repo]);
      git("init", "-q");
      writeFileSync(join(repo, ".pre-commit-config.yaml"), `repos:\n  - repo: ${clone}\n    rev: ${rev}\n    hooks:\n      - id: veil-scan\n`);
      git("add", ".pre-commit-config.yaml");

      writeFileSync(join(repo, "app.py"), `AWS_ACCESS_KEY_ID = "${FAKE_AWS_KEY}"\n`);
      git("add", "app.py");
      const failing = run("pre-commit", ["run"], { cwd: repo, env: gitEnv });
      assert.equal(failing.status, 1, failing.stdout + failing.stderr);
      assert.match(failing.stdout, /veil scan.*Failed/);
      assert.match(failing.stdout, /aws-access-key-id/);
      assert.ok(!failing.stdout.includes(FAKE_AWS_KEY));

      git("rm", "-q", "--cached", "app.py");
      writeFileSync(join(repo, "clean.py"), "print('hello')\n");
      git("add", "clean.py");
      const passing = run("pre-commit", ["run"], { cwd: repo, env: gitEnv });
      assert.equal(passing.status, 0, passing.stdout + passing.stderr);
      assert.match(passing.stdout, /veil scan.*Passed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("distribution: the .vsix", function () {
  this.timeout(300_000);

  it("contains the CLI bundle", function () {
    if (!has("unzip", "-v")) this.skip();
    const dir = scratch("veil-vsix-");
    try {
      const out = join(dir, "veil.vsix");
      const built = run(process.execPath, [join(ROOT, "scripts", "package.mjs"), "--out", out], { cwd: ROOT });
      assert.equal(built.status, 0, built.stdout + built.stderr);
      const list = run("unzip", ["-Z1", out], { cwd: dir });
      const files = list.stdout.split("\n").filter(Boolean);
      for (const file of ["cli.js", "cli-vendor/pdf-lib.js", "cli-vendor/re2js.js", "cli-vendor/fflate.js"]) assert.ok(files.includes(`extension/dist/${file}`), files.join(", "));
      assert.ok(!files.some((f) => f.endsWith(".map") || f.startsWith("extension/pre-commit/")));
    } finally {
      rmSync(dir, { recursive: true, force: true });
      // package.mjs leaves production bundles in dist/: rebuild the development ones.
      spawnSync(process.execPath, ["esbuild.mjs"], { cwd: ROOT });
    }
  });
});

describe("distribution: recipes", () => {
  it("install the CLI package at the current version, never an unpinned name", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    for (const file of ["README.md", "examples/ci/github-actions.yml", "examples/ci/gitlab-ci.yml"]) {
      const text = readFileSync(join(ROOT, file), "utf8");
      const installs = [...text.matchAll(/npm install[^\n]*?(\S*veil-privacy[\w@.-]*)/g)].map((m) => m[1]);
      assert.ok(installs.length > 0, `${file} installs veil-privacy`);
      for (const spec of installs) if (!spec.endsWith(".tgz")) assert.equal(spec, `veil-privacy@${pkg.version}`, file);
    }
  });
});

describe("distribution: no npx recipe left", () => {
  it("appears in no tracked file (npm's veil is someone else's package)", () => {
    const needle = ["npx", "veil"].join(" ");
    const files = run("git", ["ls-files"], { cwd: ROOT }).stdout.split("\n").filter(Boolean);
    const offenders = files.filter((f) => !f.startsWith("pre-commit/") && existsSync(join(ROOT, f)) && readFileSync(join(ROOT, f), "latin1").includes(needle));
    assert.deepEqual(offenders, []);
  });
});
