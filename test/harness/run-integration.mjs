#!/usr/bin/env node
// Runs the integration suite (out/test/integration) inside a real VS Code: the VS Code
// Server from code-server, opened in headless Chromium, with Veil loaded as the extension
// under development. Exit code = mocha's result.
//
//   node test/harness/run-integration.mjs [--grep PATTERN] [--web] [--untrusted] [--no-smoke] [--no-web]
//
//   With no option: the suite trusted in the Node extension host (the memory test then alone in
//   a fresh one), the Wiring suite untrusted,
//   then the whole suite again, trusted, in the web-worker extension host (the browser bundle).
//   --grep PATTERN  only tests whose full title matches (env VEIL_TEST_GREP), one pass only
//   --web           only the web-worker extension host (env VEIL_TEST_WEB=1), the whole suite
//   --untrusted     only the untrusted run: the folder opens in Restricted Mode
//   --no-smoke      skip the short untrusted run that follows the trusted one by default
//   --no-web        skip the web pass that follows them by default
//   env VEIL_TEST_TIMEOUT   seconds before a run counts as hung (default 600)
//   env VEIL_TEST_KEEP=1    keep the temporary folders (server logs, workspace copy)
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import {
  ensureServer, ensureSystemPackages, freePort, launchChromium, log, makeTempDir, onShutdown,
  PROJECT_ROOT, remoteUri, startServer, workbenchUrl,
} from "./vscode-server.mjs";

const LINE_PREFIX = "[veil-test] ";
// Browser console errors that every run of the web workbench prints; not worth showing.
const BROWSER_NOISE = [/ServiceWorker|serviceWorker/, /Failed to load resource/, /bad HTTP response code \(404\)/];
// The tests that also run untrusted after the trusted run (a small smoke test).
const UNTRUSTED_SMOKE_GREP = "^(Wiring|Untrusted patterns) ";
// Measured in an extension host of their own: the suites before them change settings and open
// documents, and the heap figures would measure that history too (see the Robustness suite).
const ISOLATED_GREP = "^Robustness 200 open documents";

const { values: args } = parseArgs({
  options: {
    grep: { type: "string" },
    web: { type: "boolean", default: false },
    untrusted: { type: "boolean", default: false },
    "no-smoke": { type: "boolean", default: false },
    "no-web": { type: "boolean", default: false },
  },
});
const grep = args.grep ?? process.env.VEIL_TEST_GREP ?? undefined;
const webOnly = args.web || process.env.VEIL_TEST_WEB === "1";
// The default run ends with a web pass: the whole suite against the browser bundle.
const webPass = !webOnly && !grep && !args.untrusted && !args["no-web"];
const timeoutSeconds = Number(process.env.VEIL_TEST_TIMEOUT ?? 600);
const keep = process.env.VEIL_TEST_KEEP === "1";

const cleanups = new Set();
const shutdown = onShutdown(async () => {
  for (const cleanup of [...cleanups].reverse()) await cleanup().catch(() => {});
  cleanups.clear();
});

function findFiles(dir, match, found = []) {
  if (!fs.existsSync(dir)) return found;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) findFiles(full, match, found);
    else if (match(entry.name)) found.push(full);
  }
  return found;
}

/** Lines of the extension host logs that look like errors, for a failed run. */
function extensionHostErrors(userDataDir) {
  const lines = [];
  for (const file of findFiles(userDataDir, (name) => /^(remoteexthost|exthost|remoteagent)\.log$/.test(name))) {
    for (const line of fs.readFileSync(file, "utf8").split("\n")) {
      if (/\[error\]|Error:|rejected promise/i.test(line)) lines.push(`${path.basename(file)}: ${line}`);
    }
  }
  return lines;
}

async function runPass({ trusted, grep: passGrep, invert = false, label, web = false }) {
  const started = Date.now();
  const temp = makeTempDir("veil-it-");
  const userDataDir = path.join(temp.dir, "user-data");
  const extensionsDir = path.join(temp.dir, "extensions");
  const workspace = path.join(temp.dir, "workspace");
  fs.mkdirSync(userDataDir);
  fs.mkdirSync(extensionsDir);
  if (web) {
    // VS Code 1.100's browser workbench ignores the payload's extensionDevelopmentKind (it
    // reads a property its environment service does not have), so also ask for the web
    // worker through the remote machine's settings.
    fs.mkdirSync(path.join(userDataDir, "Machine"), { recursive: true });
    fs.writeFileSync(path.join(userDataDir, "Machine", "settings.json"), JSON.stringify({ "remote.extensionKind": { "veil.veil": ["web"] } }));
  }
  fs.cpSync(path.join(PROJECT_ROOT, "test", "fixtures", "workspace"), workspace, { recursive: true });
  const options = { grep: passGrep, invert, trust: trusted ? "trusted" : "untrusted", timeoutMs: timeoutSeconds * 1000 };
  fs.mkdirSync(path.join(workspace, ".veil-test"));
  fs.writeFileSync(path.join(workspace, ".veil-test", "options.json"), JSON.stringify(options));
  const resultsFile = path.join(workspace, ".veil-test", "results.json");

  const entry = web
    ? path.join(PROJECT_ROOT, "out", "test", "integration-web", "index")
    : path.join(PROJECT_ROOT, "out", "test", "integration", "index");
  if (!fs.existsSync(`${entry}.js`)) throw new Error(`${path.relative(PROJECT_ROOT, entry)}.js is missing: ${web ? "node test/harness/build-web-tests.mjs" : "npm run compile-tests"} first`);

  let server;
  let browser;
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    if (!keep) temp.remove();
  };
  cleanups.add(cleanup);
  try {
    const port = await freePort();
    server = await startServer({ info, port, userDataDir, extensionsDir, trusted, env: { VEIL_TEST_OPTIONS: JSON.stringify(options) } });
    browser = await launchChromium();
    const page = await browser.context.newPage();

    let settle;
    const finished = new Promise((resolve) => (settle = resolve));
    await page.exposeFunction("codeAutomationExit", (code) => settle({ code: Number(code) }));
    let relayed = 0;
    const consoleErrors = [];
    page.on("console", (message) => {
      const text = message.text();
      const at = text.indexOf(LINE_PREFIX);
      if (at >= 0) {
        if (relayed++ === 0) log(`${label}: tests started ${((Date.now() - started) / 1000).toFixed(1)} s after the harness`);
        console.log(`  ${text.slice(at + LINE_PREFIX.length)}`);
      } else if (message.type() === "error" && !BROWSER_NOISE.some((noise) => noise.test(text))) {
        consoleErrors.push(text.replace(/^%c\s*ERR color: #f33 /, ""));
      }
    });
    page.on("pageerror", (error) => consoleErrors.push(`page error: ${error.message}`));
    page.on("crash", () => settle({ code: 1, reason: "the browser page crashed" }));
    server.child.once("exit", (code) => settle({ code: 1, reason: `the VS Code Server exited (${code})` }));
    const timer = setTimeout(() => settle({ code: 1, reason: `no result after ${timeoutSeconds} s (VEIL_TEST_TIMEOUT)` }), timeoutSeconds * 1000);

    const payload = [
      ["extensionDevelopmentPath", remoteUri(port, PROJECT_ROOT)],
      ["extensionTestsPath", remoteUri(port, entry)],
      ["skipWelcome", "true"],
    ];
    if (web) payload.push(["extensionDevelopmentKind", "web"]);
    log(`${label}: server on 127.0.0.1:${port} up in ${((Date.now() - started) / 1000).toFixed(1)} s, opening the workbench`);
    // Only wait for the navigation to start: the run's own timeout covers a slow load.
    await page.goto(workbenchUrl(server.base, workspace, payload), { waitUntil: "commit", timeout: 120_000 });
    const outcome = await finished;
    clearTimeout(timer);

    let results;
    if (fs.existsSync(resultsFile)) results = JSON.parse(fs.readFileSync(resultsFile, "utf8"));
    if (results && relayed === 0) for (const line of results.output) console.log(`  ${line}`);

    let code = outcome.code;
    const problems = [];
    if (outcome.reason) problems.push(outcome.reason);
    if (!results && !outcome.reason) problems.push("the test entry wrote no results (did the extension host start the tests?)");
    else {
      if (results.vscodeVersion !== info.version) problems.push(`the extension host reports VS Code ${results.vscodeVersion}, the server is ${info.version}`);
      const ranOnNode = /^Node /.test(results.runtime ?? "");
      if (web === ranOnNode) problems.push(`the tests ran on ${results.runtime}, not in the ${web ? "web worker" : "Node"} extension host`);
      if (results.failures > 0 && code === 0) problems.push(`${results.failures} failures but exit code 0`);
    }
    if (problems.length > 0) code = code || 1;

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const summary = results ? `${results.passes} passing, ${results.failures} failing, ${results.pending} pending` : "no results";
    log(`${label}: VS Code ${info.version} (code-server ${info.codeServer}, commit ${info.commit.slice(0, 10)}; extension host reports ${results?.vscodeVersion ?? "nothing"}, ${web ? "web worker" : "Node"} host${results ? ` on ${results.runtime}` : ""}) — ${summary} — exit ${code} in ${seconds} s`);
    if (code !== 0) {
      for (const problem of problems) log(`  problem: ${problem}`);
      const hostErrors = extensionHostErrors(userDataDir);
      const errors = [...new Set([...consoleErrors, ...hostErrors])].slice(-40);
      if (errors.length > 0) {
        log("  extension host / browser errors:");
        for (const error of errors) console.log(`    ${error.split("\n").slice(0, 6).join("\n    ")}`);
      }
      if (!results) console.log(server.output().split("\n").filter((l) => l.trim()).slice(-20).map((l) => `    server: ${l}`).join("\n"));
      if (keep) log(`  kept ${temp.dir}`);
    }
    return code;
  } finally {
    await cleanup();
    cleanups.delete(cleanup);
  }
}

let info;
let exitCode = 1;
try {
  ensureSystemPackages();
  info = ensureServer();
  log(`VS Code ${info.version} from code-server ${info.codeServer} in ${path.dirname(path.dirname(info.vscodeDir))}${webOnly ? ", web extension host" : ""}`);
  if (webOnly || webPass) {
    const { buildWebTests } = await import("./build-web-tests.mjs");
    const bundle = await buildWebTests();
    log(`web test bundle: ${path.relative(PROJECT_ROOT, bundle.outfile)} (${bundle.files} test files)`);
  }
  if (args.untrusted) {
    exitCode = await runPass({ trusted: false, grep, label: "untrusted", web: webOnly });
  } else {
    const isolate = !grep && !webOnly;
    exitCode = await runPass({ trusted: true, grep: isolate ? ISOLATED_GREP : grep, invert: isolate, label: webOnly ? "web" : "trusted", web: webOnly });
    if (exitCode === 0 && isolate) {
      exitCode = await runPass({ trusted: true, grep: ISOLATED_GREP, label: "trusted, memory in a fresh extension host" });
    }
    if (exitCode === 0 && !grep && !webOnly && !args["no-smoke"]) {
      exitCode = await runPass({ trusted: false, grep: UNTRUSTED_SMOKE_GREP, label: "untrusted smoke" });
    }
    if (exitCode === 0 && webPass) {
      exitCode = await runPass({ trusted: true, grep: undefined, label: "web", web: true });
    }
  }
} catch (error) {
  log(`error: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await shutdown();
}
process.exit(exitCode);
