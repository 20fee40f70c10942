// Installs, starts and stops the VS Code Server that ships inside the npm package
// `code-server` (recipe in DESIGN.md, "Testing"), and drives Debian's headless Chromium.
// Shared by run-integration.mjs, start.mjs and screenshots.mjs.
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";

export const CODE_SERVER_VERSION = "4.100.3";
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Debian packages the server's native rebuild and the browser need. */
export const SYSTEM_PACKAGES = [
  "chromium", "ripgrep", "libkrb5-dev", "libsecret-1-dev", "libxkbfile-dev", "libx11-dev",
  // Oracles of the metadata tests (veil strip): exiftool, ImageMagick, ffmpeg, pdftotext.
  // exiftool reads Office files (docx, xlsx, pptx) only with Archive::Zip, which is a mere
  // Recommends of its package and so skipped by --no-install-recommends.
  "libimage-exiftool-perl", "libarchive-zip-perl", "imagemagick", "ffmpeg", "poppler-utils",
  // The pre-commit framework, for the distribution test.
  "pre-commit",
];

export const CHROMIUM_PATH = process.env.VEIL_CHROMIUM || "/usr/bin/chromium";
// Without the networking flags Chromium keeps trying to reach Google on a closed network.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-quic",
  "--disable-sync",
];

const MARKER = ".veil-install-complete";

export function log(message) {
  console.log(`[veil-harness] ${message}`);
}

/** Parent folder of every cached server install. */
export function cacheRoot() {
  if (process.env.VEIL_VSCODE_CACHE) return path.resolve(process.env.VEIL_VSCODE_CACHE);
  const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(xdg, "veil-test");
}

export function serverInstallDir() {
  return path.join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: options.quiet ? "pipe" : "inherit", encoding: "utf8", ...options });
  if (result.error) throw new Error(`${command} ${args.join(" ")}: ${result.error.message}`);
  if (result.status !== 0) {
    const output = options.quiet ? `\n${(result.stdout || "").slice(-2000)}${(result.stderr || "").slice(-2000)}` : "";
    throw new Error(`${command} ${args.join(" ")} exited with ${result.status ?? result.signal}${output}`);
  }
  return result;
}

function commandExists(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

/**
 * Makes sure the Debian packages are there. As root it installs the missing ones
 * (apt-get update once, then install); otherwise it names the command and fails.
 */
export function ensureSystemPackages() {
  if (!commandExists("dpkg")) {
    if (!fs.existsSync(CHROMIUM_PATH) || !commandExists("rg")) {
      throw new Error(`Not a Debian system: install Chromium (or set VEIL_CHROMIUM) and ripgrep, plus the headers of krb5, libsecret, libxkbfile and libx11, then run again.`);
    }
    return;
  }
  const missing = SYSTEM_PACKAGES.filter((pkg) => {
    const status = spawnSync("dpkg", ["-s", pkg], { encoding: "utf8" });
    return status.status !== 0 || !/^Status: install ok installed/m.test(status.stdout);
  });
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(" ")}`;
  if (typeof process.getuid !== "function" || process.getuid() !== 0) {
    throw new Error(`Missing Debian packages: ${missing.join(", ")}. Run as root:\n  ${command}\nthen run again.`);
  }
  log(`installing Debian packages: ${missing.join(" ")} (apt-get update, then install)`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  run("apt-get", ["update", "-q"], { env, quiet: true });
  run("apt-get", ["install", "-y", "-q", "--no-install-recommends", ...missing], { env, quiet: true });
  log(`installed ${missing.join(" ")}`);
}

/** Reads what the cached server says about itself. */
export function serverInfo(installDir = serverInstallDir()) {
  const vscodeDir = path.join(installDir, "lib", "vscode");
  const pkg = JSON.parse(fs.readFileSync(path.join(vscodeDir, "package.json"), "utf8"));
  const product = JSON.parse(fs.readFileSync(path.join(vscodeDir, "product.json"), "utf8"));
  return { vscodeDir, version: pkg.version, productVersion: product.version, commit: product.commit, codeServer: CODE_SERVER_VERSION };
}

/**
 * Installs the server into the cache unless a complete install is already there.
 * Works in a staging folder and renames it at the end, so an interrupted install is
 * never mistaken for a complete one.
 */
export function ensureServer() {
  const installDir = serverInstallDir();
  if (fs.existsSync(path.join(installDir, MARKER))) return serverInfo(installDir);

  const started = Date.now();
  const root = cacheRoot();
  fs.mkdirSync(root, { recursive: true });
  if (fs.existsSync(installDir)) {
    log(`removing an incomplete install at ${installDir}`);
    fs.rmSync(installDir, { recursive: true, force: true });
  }
  const staging = fs.mkdtempSync(path.join(root, `.staging-${CODE_SERVER_VERSION}-`));
  log(`installing the VS Code Server from code-server@${CODE_SERVER_VERSION} into ${installDir} (once; 1 to 2 minutes on an idle machine)`);
  try {
    const npmEnv = { ...process.env, npm_config_yes: "true", npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" };
    log("  npm pack code-server");
    const packed = run("npm", ["pack", `code-server@${CODE_SERVER_VERSION}`, "--silent", "--pack-destination", staging], { cwd: staging, env: npmEnv, quiet: true });
    const tarball = path.join(staging, packed.stdout.trim().split("\n").pop());
    run("tar", ["-xzf", tarball, "-C", staging, "--strip-components=1"]);
    fs.rmSync(tarball);

    const vscodeDir = path.join(staging, "lib", "vscode");
    log("  npm install --omit=dev --ignore-scripts (lib/vscode)");
    run("npm", ["install", "--omit=dev", "--ignore-scripts"], { cwd: vscodeDir, env: npmEnv, quiet: true });

    // The built-in TypeScript extension needs its tsserver (a plain npm dependency).
    log("  npm install --omit=dev --ignore-scripts (lib/vscode/extensions: typescript)");
    run("npm", ["install", "--omit=dev", "--ignore-scripts"], { cwd: path.join(vscodeDir, "extensions"), env: npmEnv, quiet: true });

    // @vscode/ripgrep's postinstall downloads a binary; point it at Debian's rg instead.
    const rgBin = path.join(vscodeDir, "node_modules", "@vscode", "ripgrep", "bin");
    fs.mkdirSync(rgBin, { recursive: true });
    const rg = spawnSync("sh", ["-c", "command -v rg"], { encoding: "utf8" }).stdout.trim() || "/usr/bin/rg";
    fs.symlinkSync(rg, path.join(rgBin, "rg"));
    fs.symlinkSync("node_modules", path.join(vscodeDir, "node_modules.asar"));

    log("  npm rebuild (native modules: spdlog, node-pty, watchdog, kerberos …)");
    run("npm", ["rebuild"], { cwd: vscodeDir, env: { ...npmEnv, JOBS: String(Math.max(1, os.cpus().length)) }, quiet: true });
    for (const binding of ["@vscode/spdlog/build/Release/spdlog.node", "node-pty/build/Release/pty.node"]) {
      if (!fs.existsSync(path.join(vscodeDir, "node_modules", binding))) throw new Error(`native rebuild did not produce ${binding}`);
    }

    fs.writeFileSync(path.join(staging, MARKER), JSON.stringify({ codeServer: CODE_SERVER_VERSION, installedAt: new Date().toISOString() }) + "\n");
    try {
      fs.renameSync(staging, installDir);
    } catch (error) {
      // Another run finished the same install first: keep theirs.
      if (!fs.existsSync(path.join(installDir, MARKER))) throw error;
      fs.rmSync(staging, { recursive: true, force: true });
    }
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  log(`server installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return serverInfo(installDir);
}

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("error", () => resolve(0));
    request.setTimeout(2000, () => {
      request.destroy();
      resolve(0);
    });
  });
}

/** Kills a process started with `detached: true` together with its whole group. */
export function killProcessGroup(child, signal = "SIGTERM") {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/**
 * Starts the server in its own process group and resolves once it answers HTTP.
 * `env` reaches the server and, through it, the Node extension host.
 */
export async function startServer({ info, port, userDataDir, extensionsDir, trusted = true, env = {}, logLevel, onOutput }) {
  const args = [
    path.join(info.vscodeDir, "out", "server-main.js"),
    "--host", "127.0.0.1",
    "--port", String(port),
    "--without-connection-token",
    "--accept-server-license-terms",
    "--disable-telemetry",
    "--user-data-dir", userDataDir,
    "--server-data-dir", userDataDir,
    "--extensions-dir", extensionsDir,
  ];
  if (trusted) args.push("--disable-workspace-trust");
  if (logLevel) args.push("--log", logLevel);
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    // No gallery (code-server falls back to open-vsx.org): the machine is offline and the
    // workbench would keep logging that it cannot reach it.
    env: { ...process.env, EXTENSIONS_GALLERY: "{}", ...env },
  });
  let output = "";
  const collect = (chunk) => {
    const text = chunk.toString();
    output = (output + text).slice(-20000);
    onOutput?.(text);
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the VS Code Server exited with ${child.exitCode} before it listened:\n${output}`);
    if ((await httpStatus(`${base}/`)) === 200) {
      return { child, port, base, output: () => output, stop: () => stopProcess(child) };
    }
    await delay(200);
  }
  killProcessGroup(child, "SIGKILL");
  throw new Error(`the VS Code Server did not answer on ${base} within 120 s:\n${output}`);
}

/** SIGTERM to the group, SIGKILL if it is still there after a grace period. */
export async function stopProcess(child, graceMs = 3000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  killProcessGroup(child, "SIGTERM");
  const timer = delay(graceMs).then(() => "timeout");
  if ((await Promise.race([exited, timer])) === "timeout") killProcessGroup(child, "SIGKILL");
}

/** `vscode-remote://` URI of a local path, as the browser workbench expects in `payload`. */
export function remoteUri(port, absolutePath) {
  return `vscode-remote://127.0.0.1:${port}${absolutePath.split(path.sep).map(encodeURIComponent).join("/")}`;
}

/** The workbench URL for a folder, with an optional `payload` (list of [key, value]). */
export function workbenchUrl(base, folder, payload) {
  // Slashes stay readable: this URL is printed for people to open.
  const folderParam = encodeURIComponent(folder).replace(/%2F/g, "/");
  const payloadParam = payload ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : "";
  return `${base}/?folder=${folderParam}${payloadParam}`;
}

/** Launches Debian's headless Chromium through playwright-core. */
export async function launchChromium({ userDataDir } = {}) {
  const { chromium } = await import("playwright-core");
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`no Chromium at ${CHROMIUM_PATH} (install Debian's chromium or set VEIL_CHROMIUM)`);
  // Our own signal handlers close the browser: Playwright's would exit the process on
  // SIGINT before the server is stopped.
  const options = {
    executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 60_000,
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
  };
  if (userDataDir) {
    const context = await chromium.launchPersistentContext(userDataDir, {
      ...options,
      permissions: ["clipboard-read", "clipboard-write"],
      viewport: { width: 1400, height: 900 },
    });
    return { context, close: () => context.close() };
  }
  const browser = await chromium.launch(options);
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"], viewport: { width: 1400, height: 900 } });
  return { browser, context, close: () => browser.close() };
}

/** Copies the built extension into an extensions folder as `veil.veil-<version>`. */
export function installBuiltExtension(extensionsDir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8"));
  if (!fs.existsSync(path.join(PROJECT_ROOT, pkg.main))) throw new Error(`${pkg.main} is missing: run npm run build first`);
  const target = path.join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  for (const entry of fs.readdirSync(PROJECT_ROOT)) {
    const keep = entry === "package.json" || entry === "dist" || entry === "media" || entry === "l10n" ||
      /^package\.nls(\..+)?\.json$/.test(entry) || /^(README|CHANGELOG|LICENSE)(\.md)?$/i.test(entry);
    if (keep) fs.cpSync(path.join(PROJECT_ROOT, entry), path.join(target, entry), { recursive: true });
  }
  return { id: `${pkg.publisher}.${pkg.name}`, version: pkg.version, target };
}

/** Makes a fresh temp folder, removed by the returned function. */
export function makeTempDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs `cleanup` once on normal exit, SIGINT, SIGTERM and SIGHUP, so the server and the
 * browser never outlive the harness.
 */
export function onShutdown(cleanup) {
  // One cleanup, however many signals arrive (Ctrl-C under npm delivers SIGINT twice).
  let running;
  const once = () => (running ??= Promise.resolve().then(cleanup));
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      if (!running) log(`${signal}: stopping`);
      once().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
    });
  }
  return once;
}
