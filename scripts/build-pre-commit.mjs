#!/usr/bin/env node
// npm run build:pre-commit: the production CLI bundle committed at pre-commit/cli.js, so the
// pre-commit framework runs `veil` from a plain git clone (language: script, no install step).
// test/unit/distribution.test.ts fails when the committed copy differs from the sources.
//   node scripts/build-pre-commit.mjs [--check]
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const { cliTarget, stampBuildId } = await import("../esbuild.mjs");
const target = path.join("pre-commit", "cli.js");
const result = await esbuild.build({ ...cliTarget({ production: true, outfile: target }), write: false });
const fresh = stampBuildId(result.outputFiles[0].contents);
if (process.argv.includes("--check")) {
  const current = fs.existsSync(target) ? fs.readFileSync(target) : undefined;
  if (!current || !Buffer.from(fresh).equals(current)) {
    console.error(`${target} is out of date with the sources: run npm run build:pre-commit and commit it`);
    process.exit(1);
  }
  console.error(`${target} is up to date`);
} else {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, fresh, { mode: 0o755 });
  console.error(`wrote ${target} (${(fresh.length / 1024).toFixed(1)} KiB)`);
}
