// IgnoreTree against git itself: the same ignore files and paths in a scratch repository,
// each path's verdict compared with `git check-ignore`.
import * as assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { IgnoreTree } from "../../src/workspace/ignoreFile";

const hasGit = spawnSync("git", ["--version"]).status === 0;

interface Fixture {
  ignoreFiles: Record<string, string>; // folder ("" = root) → content
  files: string[];
}

/** git's verdict for each path (files and their parent folders), from `git check-ignore`. */
function gitVerdicts(fixture: Fixture, paths: string[]): Map<string, boolean> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "veil-gitignore-"));
  try {
    execFileSync("git", ["init", "-q"], { cwd: dir });
    for (const file of fixture.files) {
      fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), "x");
    }
    for (const [folder, content] of Object.entries(fixture.ignoreFiles)) {
      fs.mkdirSync(path.join(dir, folder), { recursive: true });
      fs.writeFileSync(path.join(dir, folder, ".gitignore"), content);
    }
    const out = spawnSync("git", ["check-ignore", "--stdin", "-v", "-n"], { cwd: dir, input: paths.join("\n") + "\n", encoding: "utf8" });
    const verdicts = new Map<string, boolean>();
    for (const line of out.stdout.split("\n")) {
      if (!line) continue;
      const [source, target] = line.split("\t");
      // "::" means no pattern matched; a matching "!" pattern means re-included.
      const pattern = source.split(":").slice(2).join(":");
      verdicts.set(target, source !== "::" && !pattern.startsWith("!"));
    }
    return verdicts;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function veilVerdict(fixture: Fixture, target: string, isDirectory: boolean): boolean {
  const tree = new IgnoreTree(Object.entries(fixture.ignoreFiles));
  return tree.ignores(target, isDirectory);
}

function allPaths(files: string[]): { target: string; isDirectory: boolean }[] {
  const seen = new Map<string, boolean>();
  for (const file of files) {
    const parts = file.split("/");
    for (let i = 1; i < parts.length; i++) seen.set(parts.slice(0, i).join("/"), true);
    seen.set(file, false);
  }
  return [...seen].map(([target, isDirectory]) => ({ target, isDirectory }));
}

function compare(fixture: Fixture): string[] {
  const paths = allPaths(fixture.files);
  const git = gitVerdicts(fixture, paths.map((p) => p.target));
  const disagreements: string[] = [];
  for (const { target, isDirectory } of paths) {
    const expected = git.get(target);
    assert.notEqual(expected, undefined, `git said nothing of ${target}`);
    const actual = veilVerdict(fixture, target, isDirectory);
    if (actual !== expected) disagreements.push(`${target}${isDirectory ? "/" : ""}: git ${expected ? "ignores" : "keeps"}, Veil ${actual ? "ignores" : "keeps"}`);
  }
  return disagreements;
}

(hasGit ? describe : describe.skip)("IgnoreTree agrees with git check-ignore", function () {
  this.timeout(120_000);

  it("on braces, extglobs, classes, negations, anchors, ** and nested files", () => {
    const fixture: Fixture = {
      ignoreFiles: {
        "": [
          "*.{js,map}",
          "+(a|b).txt",
          "!(keep).md",
          "[ab]?.log",
          "build/",
          "!build/keep.txt",
          "/top.cfg",
          "docs/**/*.tmp",
          "**/cache",
          "\\#literal",
          "\\!bang",
          "*.secret",
          "!public.secret",
          "trailing.txt   ",
        ].join("\n"),
        sub: ["!a.js", "*.cfg", "nested/"].join("\n"),
        "sub/deeper": ["!*.secret", "/only-here.txt"].join("\n"),
      },
      files: [
        "a.js", "a.map", "a.{js,map}", "a.txt", "b.txt", "+(a|b).txt", "x.md", "!(keep).md", "a1.log", "b2.log", "c3.log",
        "build/out.js", "build/keep.txt", "top.cfg", "sub/top.cfg", "docs/x/y/z.tmp", "docs/z.tmp", "other/docs/z.tmp",
        "deep/er/cache/file", "#literal", "!bang", "k.secret", "public.secret", "sub/a.js", "sub/b.js", "sub/nested/f",
        "sub/deeper/k.secret", "sub/deeper/only-here.txt", "only-here.txt", "trailing.txt", "src/app.ts",
      ],
    };
    assert.deepEqual(compare(fixture), []);
  });

  it("when a deeper file re-includes a folder that a shallower one excludes (found by the property below)", () => {
    assert.deepEqual(compare({ ignoreFiles: { "": "a/a\n", a: "!a\n" }, files: ["a/a/a.js", "a/b.txt"] }), []);
    assert.deepEqual(compare({ ignoreFiles: { "": "logs/\n", logs: "!*.keep\n" }, files: ["logs/x.keep", "logs/y.log"] }), []);
  });

  it("on random patterns over a small alphabet", () => {
    const segment = fc.constantFrom("a", "b", "ab", "a.js", "b.md", "x");
    const patternPart = fc.constantFrom("a", "b", "*", "?", "**", "a*", "*.js", "*.md", "[ab]", "{a,b}", "x");
    const pattern = fc
      .tuple(fc.boolean(), fc.boolean(), fc.array(patternPart, { minLength: 1, maxLength: 3 }), fc.boolean())
      .map(([negate, anchored, parts, dirOnly]) => `${negate ? "!" : ""}${anchored ? "/" : ""}${parts.join("/")}${dirOnly ? "/" : ""}`);
    const filePath = fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => parts.join("/"));
    const fixtureArb = fc.record({
      root: fc.array(pattern, { minLength: 1, maxLength: 5 }),
      nested: fc.array(pattern, { maxLength: 3 }),
      files: fc.uniqueArray(filePath, { minLength: 1, maxLength: 8 }),
    });
    fc.assert(
      fc.property(fixtureArb, ({ root, nested, files }) => {
        // A path cannot be both a file and a folder.
        const folders = new Set(files.flatMap((f) => f.split("/").slice(0, -1).map((_, i, segments) => segments.slice(0, i + 1).join("/"))));
        if (nested.length > 0) folders.add("a");
        const usable = files.filter((f) => !folders.has(f));
        if (usable.length === 0) return;
        const ignoreFiles: Record<string, string> = { "": root.join("\n") };
        if (nested.length > 0) ignoreFiles["a"] = nested.join("\n");
        assert.deepEqual(compare({ ignoreFiles, files: usable }), []);
      }),
      { numRuns: 60 },
    );
  });
});
