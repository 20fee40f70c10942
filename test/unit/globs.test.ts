import { strict as assert } from "node:assert";
import { nameGlob, PathGlobs } from "../../src/workspace/globs";

describe("exclude globs (veil.exclude, veil scan --exclude)", () => {
  it("a file found without a walk is excluded by a glob on a folder above it, as the walk prunes that folder", () => {
    const globs = new PathGlobs(["dist", "build/**", "./fixtures", "*.min.js", "**/.env*"]);
    for (const path of ["dist/a.js", "pkg/dist/a.js", "build/x/y.txt", "fixtures/k.txt", "src/x.min.js", "a/.env.local", "src\\dist\\b.js"]) assert.equal(globs.matchesFile(path), true, path);
    for (const path of ["distance.js", "src/main.js", "builder/x.txt", "src/fixtures.ts"]) assert.equal(globs.matchesFile(path), false, path);
    assert.equal(globs.matches("dist", true), true);
    assert.equal(new PathGlobs([]).matchesFile("anything"), false);
    assert.equal(new PathGlobs([]).empty, true);
  });

  it("a glob with a slash is anchored at the root", () => {
    const globs = new PathGlobs(["src/gen/**"]);
    assert.equal(globs.matchesFile("src/gen/a.ts"), true);
    assert.equal(globs.matchesFile("lib/src/gen/a.ts"), false);
  });

  it("a shell word's glob skips dot files, as a shell does", () => {
    const matches = nameGlob("*.env");
    assert.equal(matches("prod.env"), true);
    assert.equal(matches(".env"), false);
    assert.equal(matches("prod.env.bak"), false);
  });
});
