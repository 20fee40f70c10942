#!/usr/bin/env node
// npm run package: production bundles, then the .vsix with @vscode/vsce (no network:
// dependencies are bundled, so vsce runs with --no-dependencies). Checks what went in.
//   node scripts/package.mjs [--out FILE]
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const outArg = process.argv.indexOf("--out");
const out = outArg > 0 ? path.resolve(process.argv[outArg + 1]) : path.join(root, `${pkg.name}-${pkg.version}.vsix`);
// DESIGN.md: the .vsix stays below 3 MiB (it holds two extension bundles and the CLI bundle).
const MAX_BYTES = 3 * 1024 * 1024;

function run(command, args) {
  console.log(`> ${command} ${args.join(" ")}`);
  execFileSync(command, args, { cwd: root, stdio: "inherit" });
}

run(process.execPath, ["esbuild.mjs", "--production"]);
// The production build has no source maps: remove stale ones so nothing refers to them.
for (const map of ["dist/extension.js.map", "dist/web/extension.js.map", "dist/cli.js.map"]) fs.rmSync(path.join(root, map), { force: true });
const vsce = path.join(root, "node_modules", "@vscode", "vsce", "vsce");
// vsce's own secret check flags the bundle: it holds Veil's detection rules, their regexes
// and their sample (fake, deliberately non-matching) strings, and the documented example keys
// that the placeholder check keeps silent (Stripe's sk_test_4eC3…). Allow those types only.
const allowedSecretTypes = ["slack", "database-connection-string", "stripe"].flatMap((type) => ["--allow-package-secrets", type]);
run(process.execPath, [vsce, "package", "--no-dependencies", "--no-update-package-json", ...allowedSecretTypes, "--out", out]);

// List the archive through vsce itself (no unzip needed) and check it.
const listing = execFileSync(process.execPath, [vsce, "ls", "--no-dependencies"], { cwd: root, encoding: "utf8" })
  .split("\n")
  .map((line) => line.trim())
  .filter(Boolean);
const size = fs.statSync(out).size;
const problems = [];
if (size >= MAX_BYTES) problems.push(`the .vsix is ${size} bytes, over the 3 MiB budget`);
for (const needed of ["dist/extension.js", "dist/web/extension.js", "dist/cli.js", "dist/cli-vendor/pdf-lib.js", "dist/cli-vendor/re2js.js", "dist/cli-vendor/fflate.js", "package.json", "package.nls.json", "media/icon.png"]) {
  if (!listing.includes(needed)) problems.push(`${needed} is missing from the .vsix`);
}
for (const file of listing) {
  if (/^(src|test|out|node_modules|bench|examples|scripts)\//.test(file) || file.endsWith(".map") || file.endsWith(".ts")) problems.push(`${file} should not be in the .vsix`);
}
console.log(`${path.relative(root, out)}: ${(size / 1024).toFixed(1)} KiB, ${listing.length} files`);
if (problems.length > 0) {
  for (const p of problems) console.error(`package: ${p}`);
  process.exit(1);
}
