#!/usr/bin/env node
// Bundles the integration suite for the web-worker extension host into one CommonJS file,
// out/test/integration-web/index.js: the entry (test/integration/web/index.ts), mocha's
// browser build and every test/integration/**/*.test.ts. A web worker has no Node
// built-ins: node:assert/strict maps to a small stand-in, anything else fails the build
// and names the test file that needs it.
import * as esbuild from "esbuild";
import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT_ROOT } from "./vscode-server.mjs";

const testsDir = path.join(PROJECT_ROOT, "test", "integration");
const outfile = path.join(PROJECT_ROOT, "out", "test", "integration-web", "index.js");

function testFiles() {
  return fs
    .readdirSync(testsDir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".test.ts"))
    .sort()
    .map((name) => path.join(testsDir, name));
}

const webTestsPlugin = {
  name: "veil-web-tests",
  setup(build) {
    build.onResolve({ filter: /^veil:test-files$/ }, () => ({ path: "test-files", namespace: "veil" }));
    build.onLoad({ filter: /.*/, namespace: "veil" }, () => ({
      contents: testFiles().map((file) => `require(${JSON.stringify(file)});`).join("\n"),
      resolveDir: testsDir,
      loader: "js",
    }));
    build.onResolve({ filter: /^(node:)?assert(\/strict)?$/ }, () => ({ path: path.join(PROJECT_ROOT, "test", "harness", "web", "assert-strict.mjs") }));
    build.onResolve({ filter: /^(node:)?(fs|path|os|crypto|child_process|http|https|net|tls|util|events|stream|url|zlib|worker_threads)(\/.*)?$/ }, (args) => ({
      errors: [{ text: `Node built-in "${args.path}" imported from ${path.relative(PROJECT_ROOT, args.importer)}: the web extension host has none` }],
    }));
  },
};

export async function buildWebTests() {
  const result = await esbuild.build({
    entryPoints: [path.join(testsDir, "web", "index.ts")],
    outfile,
    bundle: true,
    platform: "browser",
    format: "cjs",
    target: "es2022",
    external: ["vscode"],
    sourcemap: "inline",
    logLevel: "silent",
    plugins: [webTestsPlugin],
  });
  return { outfile, warnings: result.warnings, files: testFiles().length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const { files } = await buildWebTests();
    console.log(`[veil-harness] web test bundle: ${path.relative(PROJECT_ROOT, outfile)} (${files} test files)`);
  } catch (error) {
    console.error(`[veil-harness] the web test bundle failed:\n${error.message}`);
    process.exit(1);
  }
}
