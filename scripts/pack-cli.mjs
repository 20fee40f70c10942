#!/usr/bin/env node
// npm run pack:cli: the command-line tool as its own npm package, `veil-privacy` (the root
// package.json describes the VS Code extension, whose id veil.veil comes from its name).
// The tarball holds the launcher, the CLI bundle and its vendored packages, README, LICENSE and CHANGELOG: no sources,
// tests, maps or dependencies.
//   node scripts/pack-cli.mjs [--out-dir DIR]      prints the tarball's path on stdout
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const { buildCli, CLI_VENDOR, CLI_VENDOR_DIR } = await import("../esbuild.mjs");
const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
const outArg = process.argv.indexOf("--out-dir");
const outDir = path.resolve(outArg > 0 ? process.argv[outArg + 1] : root);
// Same name as CLI_PACKAGE_NAME in src/cli/main.ts (test/unit/distribution.test.ts checks both).
const CLI_PACKAGE_NAME = "veil-privacy";

const stage = path.join(root, "out", "cli-package");
fs.rmSync(stage, { recursive: true, force: true });
fs.mkdirSync(path.join(stage, "bin"), { recursive: true });
await buildCli({ production: true, outfile: path.join(stage, "dist", "cli.js") });
fs.copyFileSync("bin/veil.js", path.join(stage, "bin", "veil.js"));
fs.chmodSync(path.join(stage, "bin", "veil.js"), 0o755);
for (const file of ["README.md", "LICENSE", "CHANGELOG.md"]) fs.copyFileSync(file, path.join(stage, file));

const manifest = {
  name: CLI_PACKAGE_NAME,
  version: pkg.version,
  description: "veil: keeps secrets, personal data and client names out of what reaches AI assistants — scan, anonymize, restore, error snippets, guard files for coding assistants. Nothing leaves your machine.",
  license: pkg.license,
  repository: pkg.repository,
  homepage: pkg.homepage,
  bugs: pkg.bugs,
  keywords: [...pkg.keywords, "cli", "pre-commit", "sarif"],
  bin: { veil: "bin/veil.js" },
  files: ["bin/veil.js", "dist/cli.js", `dist/${CLI_VENDOR_DIR}/`, "CHANGELOG.md"],
  engines: { node: pkg.engines.node },
};
fs.writeFileSync(path.join(stage, "package.json"), JSON.stringify(manifest, null, 2) + "\n");

fs.mkdirSync(outDir, { recursive: true });
const packed = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", outDir], { cwd: stage, encoding: "utf8" }));
const files = packed[0].files.map((f) => f.path).sort();
const expected = ["CHANGELOG.md", "LICENSE", "README.md", "bin/veil.js", "dist/cli.js", ...CLI_VENDOR.map((name) => `dist/${CLI_VENDOR_DIR}/${name}.js`), "package.json"].sort();
if (JSON.stringify(files) !== JSON.stringify(expected)) {
  console.error(`pack-cli: the tarball holds ${files.join(", ")}; expected ${expected.join(", ")}`);
  process.exit(1);
}
const tarball = path.join(outDir, packed[0].filename);
console.error(`pack-cli: ${path.relative(process.cwd(), tarball)} (${(packed[0].size / 1024).toFixed(1)} KiB, ${files.length} files)`);
console.log(tarball);
