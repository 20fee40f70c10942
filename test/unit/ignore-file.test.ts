// The gitignore-style matcher shared by the CLI (.veilignore) and the workspace scan
// (.veilignore, .gitignore files at every depth).
import * as assert from "node:assert/strict";
import { IgnoreFile, IgnoreTree } from "../../src/workspace/ignoreFile";

describe("IgnoreFile", () => {
  const covers = (gitignore: string) => new IgnoreFile(gitignore).ignores(".env", false);

  it("knows when a .gitignore already ignores .env (the Move to .env quick fix)", () => {
    assert.ok(covers(".env\n"));
    assert.ok(covers("node_modules/\n/.env\n"));
    assert.ok(covers(".env*\n"));
    assert.ok(covers("*.env\n"));
    assert.ok(!covers(""));
    assert.ok(!covers("# .env\n.env.local\n"));
    assert.ok(!covers(".env\n!.env\n"));
    assert.ok(!covers(".env/\n"));
  });

  it("says ignored, re-included or nothing, the last matching line deciding", () => {
    const file = new IgnoreFile("*.log\n!keep.log\nkeep-not.log\n");
    assert.equal(file.decide("a/b.log", false), true);
    assert.equal(file.decide("a/keep.log", false), false);
    assert.equal(file.decide("keep-not.log", false), true);
    assert.equal(file.decide("a/b.txt", false), undefined);
  });

  it("anchors a pattern with a leading or inner slash, matches a bare name at any depth", () => {
    const file = new IgnoreFile("/top.txt\ndocs/*.md\nname.txt\n");
    assert.equal(file.ignores("top.txt", false), true);
    assert.equal(file.ignores("sub/top.txt", false), false);
    assert.equal(file.ignores("docs/a.md", false), true);
    assert.equal(file.ignores("docs/deep/a.md", false), false, "* does not cross a slash");
    assert.equal(file.ignores("x/docs/a.md", false), false, "an inner slash anchors");
    assert.equal(file.ignores("name.txt", false), true);
    assert.equal(file.ignores("a/b/name.txt", false), true);
  });

  it("applies a trailing slash to directories only, and ** across folders", () => {
    const file = new IgnoreFile("build/\nlogs/**/*.txt\n**/tmp\na/**/b\n");
    assert.equal(file.ignores("build", true), true);
    assert.equal(file.ignores("x/build", true), true);
    assert.equal(file.ignores("build", false), false);
    assert.equal(file.ignores("logs/a.txt", false), true);
    assert.equal(file.ignores("logs/x/y/a.txt", false), true);
    assert.equal(file.ignores("other/logs/a.txt", false), false);
    assert.equal(file.ignores("deep/er/tmp", true), true);
    assert.equal(file.ignores("a/b", true), true);
    assert.equal(file.ignores("a/x/y/b", false), true);
  });

  it("keeps comments, blank lines, escaped # and !, and trailing spaces out of the patterns", () => {
    const file = new IgnoreFile("# a comment\n\n\\#hash\n\\!bang\nspaced.txt   \r\n");
    assert.equal(file.size, 3);
    assert.equal(file.ignores("#hash", false), true);
    assert.equal(file.ignores("!bang", false), true);
    assert.equal(file.ignores("spaced.txt", false), true);
    assert.equal(file.ignores("a comment", false), false);
  });

  it("matches dot files", () => {
    const file = new IgnoreFile("*.env\n.cache\n");
    assert.equal(file.ignores(".env", false), true);
    assert.equal(file.ignores("config/.env", false), true);
    assert.equal(file.ignores("a/.cache", true), true);
  });
});

describe("IgnoreTree", () => {
  it("ignores everything under an ignored folder, even what a later ! line names", () => {
    const tree = new IgnoreTree([["", "build/\n!build/keep.txt\n"]]);
    assert.equal(tree.ignores("build/out.js"), true);
    assert.equal(tree.ignores("build/keep.txt"), true, "git cannot re-include a file of an excluded folder");
    assert.equal(tree.ignores("src/build/x/y.js"), true);
    assert.equal(tree.ignores("src/main.ts"), false);
  });

  it("re-includes a file with ! when only files were excluded", () => {
    const tree = new IgnoreTree([["", "build/*\n!build/keep.txt\n"]]);
    assert.equal(tree.ignores("build/out.js"), true);
    assert.equal(tree.ignores("build/keep.txt"), false);
  });

  it("reads a nested file relative to its own folder", () => {
    const tree = new IgnoreTree([
      ["", "*.log\n"],
      ["packages/app", "/dist\nsecret.txt\n"],
    ]);
    assert.equal(tree.ignores("packages/app/dist/main.js"), true);
    assert.equal(tree.ignores("packages/app/src/dist/main.js"), false, "/dist is anchored to packages/app");
    assert.equal(tree.ignores("dist/main.js"), false, "the nested file says nothing of the root");
    assert.equal(tree.ignores("packages/app/deep/secret.txt"), true);
    assert.equal(tree.ignores("packages/other/secret.txt"), false);
    assert.equal(tree.ignores("packages/app/x.log"), true, "the root's patterns still apply below");
  });

  it("lets a deeper file override a shallower one", () => {
    const tree = new IgnoreTree([
      ["", "*.log\n"],
      ["keep", "!important.log\n"],
      ["keep/inner", "important.log\n"],
    ]);
    assert.equal(tree.ignores("a.log"), true);
    assert.equal(tree.ignores("keep/important.log"), false);
    assert.equal(tree.ignores("keep/other.log"), true);
    assert.equal(tree.ignores("keep/inner/important.log"), true);
  });

  it("accepts folders and paths with leading, trailing or back slashes", () => {
    const tree = new IgnoreTree([["/sub/", "x.txt\n"]]);
    assert.equal(tree.ignores("sub/x.txt"), true);
    assert.equal(tree.ignores("/sub/x.txt"), true);
    assert.equal(tree.ignores("sub\\x.txt"), true);
    assert.equal(tree.ignores("x.txt"), false);
  });

  it("adds a second file for the same folder after the first", () => {
    const tree = new IgnoreTree();
    tree.add("", "*.tmp\n");
    tree.add("", "!keep.tmp\n");
    assert.equal(tree.size, 1);
    assert.equal(tree.ignores("a.tmp"), true);
    assert.equal(tree.ignores("keep.tmp"), false);
  });

  it("ignores nothing when empty", () => {
    const tree = new IgnoreTree();
    assert.equal(tree.ignores("anything/at/all.txt"), false);
    assert.equal(tree.ignores(""), false);
  });
});
