#!/usr/bin/env node
// npm run test:desktop: the same integration suite in desktop VS Code (Electron) through
// @vscode/test-electron, for machines that can download VS Code. Not part of CI (the CI
// machine has no internet); the server + Chromium harness (run-integration.mjs) is.
//   node test/harness/run-desktop.mjs [--grep PATTERN] [--untrusted] [--version 1.100.3]
//   env VEIL_TEST_GREP, VEIL_DESKTOP_VSCODE_VERSION (default 1.100.3, "stable" for the newest)
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { log, makeTempDir, PROJECT_ROOT } from "./vscode-server.mjs";

const { values: args } = parseArgs({
  options: {
    grep: { type: "string" },
    untrusted: { type: "boolean", default: false },
    version: { type: "string" },
  },
});
const grep = args.grep ?? process.env.VEIL_TEST_GREP ?? undefined;
const version = args.version ?? process.env.VEIL_DESKTOP_VSCODE_VERSION ?? "1.100.3";
const trusted = !args.untrusted;

const { runTests } = await import("@vscode/test-electron");
const temp = makeTempDir("veil-desktop-");
const workspace = path.join(temp.dir, "workspace");
fs.cpSync(path.join(PROJECT_ROOT, "test", "fixtures", "workspace"), workspace, { recursive: true });
const options = { grep, trust: trusted ? "trusted" : "untrusted" };
// The test entry reads its options from here and writes its results next to them.
fs.mkdirSync(path.join(workspace, ".veil-test"));
fs.writeFileSync(path.join(workspace, ".veil-test", "options.json"), JSON.stringify(options));

let exitCode = 1;
try {
  log(`desktop VS Code ${version} through @vscode/test-electron (downloads it into .vscode-test/ once)`);
  exitCode = await runTests({
    version,
    extensionDevelopmentPath: PROJECT_ROOT,
    extensionTestsPath: path.join(PROJECT_ROOT, "out", "test", "integration", "index"),
    extensionTestsEnv: { VEIL_TEST_OPTIONS: JSON.stringify(options) },
    launchArgs: [
      workspace,
      "--user-data-dir", path.join(temp.dir, "user-data"),
      "--extensions-dir", path.join(temp.dir, "extensions"),
      "--disable-extensions",
      "--skip-welcome",
      "--skip-release-notes",
      ...(trusted ? ["--disable-workspace-trust"] : []),
    ],
  });
} catch (error) {
  // runTests rejects when VS Code exits with a non-zero code (a failed test included).
  log(`error: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  const resultsFile = path.join(workspace, ".veil-test", "results.json");
  if (fs.existsSync(resultsFile)) {
    const results = JSON.parse(fs.readFileSync(resultsFile, "utf8"));
    log(`VS Code ${results.vscodeVersion} (desktop) — ${results.passes} passing, ${results.failures} failing, ${results.pending} pending`);
  }
  temp.remove();
}
process.exit(exitCode);
