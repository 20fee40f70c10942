#!/usr/bin/env node
// npm run build:pre-commit: the production CLI bundle committed at pre-commit/cli.js (with its
// vendored packages in pre-commit/cli-vendor/), so the pre-commit framework runs `veil` from a
// plain git clone (language: script, no install step).
// test/unit/distribution.test.ts fails when the committed copy differs from the sources.
//   node scripts/build-pre-commit.mjs [--check]
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const { buildCli } = await import("../esbuild.mjs");
const target = path.join("pre-commit", "cli.js");
const files = await buildCli({ production: true, outfile: target, write: false });
if (process.argv.includes("--check")) {
  const stale = files.filter((f) => !fs.existsSync(f.path) || !Buffer.from(f.contents).equals(fs.readFileSync(f.path)));
  if (stale.length > 0) {
    console.error(`${stale.map((f) => path.relative(root, f.path)).join(", ")} out of date with the sources: run npm run build:pre-commit and commit it`);
    process.exit(1);
  }
  console.error(`${target} and its vendored packages are up to date`);
} else {
  for (const f of files) {
    fs.mkdirSync(path.dirname(f.path), { recursive: true });
    fs.writeFileSync(f.path, f.contents, { mode: f.path.endsWith("cli.js") ? 0o755 : 0o644 });
  }
  console.error(`wrote ${files.map((f) => `${path.relative(root, f.path)} (${(f.contents.length / 1024).toFixed(1)} KiB)`).join(", ")}`);
}
