// Starts the VS Code Server with the freshly built Veil installed (copied into a fresh
// extensions folder, so any page of the server loads it, with or without a payload) and
// the demo workspace to open. Used by start.mjs (npm start) and screenshots.mjs.
import * as fs from "node:fs";
import * as path from "node:path";
import {
  ensureServer, ensureSystemPackages, freePort, installBuiltExtension, log, makeTempDir,
  PROJECT_ROOT, remoteUri, startServer, workbenchUrl,
} from "./vscode-server.mjs";

export const DEMO_WORKSPACE = path.join(PROJECT_ROOT, "examples", "demo-workspace");
/** The file the first screen shows: the client brief. */
export const FIRST_FILE = "brief-client.md";

async function choosePort(requested) {
  if (requested !== undefined) return requested;
  // 8080 when it is free, any free port otherwise.
  const net = await import("node:net");
  const free = await new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(8080, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
  return free ? 8080 : freePort();
}

/**
 * @param {{ port?: number, trusted?: boolean, folder?: string }} options
 * `port` defaults to env VEIL_PORT, then 8080 if free, then any free port.
 */
export async function startDemo(options = {}) {
  ensureSystemPackages();
  const info = ensureServer();
  if (options.folder && !fs.existsSync(options.folder)) throw new Error(`no folder at ${options.folder}`);
  const temp = makeTempDir("veil-demo-");
  // The demo workspace is served from a fresh copy in the scratch folder, so trying the quick
  // fixes never edits the repository's tracked files (a new copy at every start).
  const folder = options.folder ?? path.join(temp.dir, "demo-workspace");
  if (!options.folder) fs.cpSync(DEMO_WORKSPACE, folder, { recursive: true });
  const userDataDir = path.join(temp.dir, "user-data");
  const extensionsDir = path.join(temp.dir, "extensions");
  fs.mkdirSync(userDataDir);
  fs.mkdirSync(extensionsDir);
  // The browser workbench reads the user's settings from here. Telemetry off: nothing is sent
  // anyway (offline, --disable-telemetry), but the Welcome and walkthrough pages would say
  // "code-server collects usage data" under Veil's own walkthrough.
  fs.mkdirSync(path.join(userDataDir, "User"));
  // No Welcome page at start: code-server's own "Setup VS Code Web" walkthrough would be the
  // first screen. The URL opens the brief instead, and Veil opens its walkthrough beside it.
  fs.writeFileSync(
    path.join(userDataDir, "User", "settings.json"),
    JSON.stringify({ "telemetry.telemetryLevel": "off", "workbench.startupEditor": "none", "workbench.tips.enabled": false }, null, 2),
  );
  const extension = installBuiltExtension(extensionsDir);
  const envPort = process.env.VEIL_PORT ? Number(process.env.VEIL_PORT) : undefined;
  const port = await choosePort(options.port ?? envPort);
  let server;
  try {
    server = await startServer({ info, port, userDataDir, extensionsDir, trusted: options.trusted !== false });
  } catch (error) {
    temp.remove();
    throw error;
  }
  const brief = path.join(folder, FIRST_FILE);
  const url = workbenchUrl(server.base, folder, fs.existsSync(brief) ? [["openFile", remoteUri(server.port, brief)]] : undefined);
  const shown = options.folder ? path.relative(PROJECT_ROOT, folder) || folder : `a fresh copy of examples/demo-workspace in ${folder}`;
  log(`VS Code ${info.version} (code-server ${info.codeServer}) with ${extension.id} ${extension.version} from dist/, workspace ${shown}${options.trusted === false ? " (untrusted)" : ""}`);
  return {
    info,
    url,
    folder,
    server,
    stop: async () => {
      await server.stop();
      temp.remove();
    },
  };
}
