// Starts the VS Code Server with the freshly built Veil installed (copied into a fresh
// extensions folder, so any page of the server loads it, with or without a payload) and
// the demo workspace to open. Used by start.mjs (npm start) and screenshots.mjs.
import * as fs from "node:fs";
import * as path from "node:path";
import {
  ensureServer, ensureSystemPackages, freePort, installBuiltExtension, log, makeTempDir,
  PROJECT_ROOT, startServer, workbenchUrl,
} from "./vscode-server.mjs";

export const DEMO_WORKSPACE = path.join(PROJECT_ROOT, "examples", "demo-workspace");

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
  const folder = options.folder ?? DEMO_WORKSPACE;
  if (!fs.existsSync(folder)) throw new Error(`no folder at ${folder}`);
  const temp = makeTempDir("veil-demo-");
  const userDataDir = path.join(temp.dir, "user-data");
  const extensionsDir = path.join(temp.dir, "extensions");
  fs.mkdirSync(userDataDir);
  fs.mkdirSync(extensionsDir);
  // The browser workbench reads the user's settings from here. Telemetry off: nothing is sent
  // anyway (offline, --disable-telemetry), but the Welcome and walkthrough pages would say
  // "code-server collects usage data" under Veil's own walkthrough.
  fs.mkdirSync(path.join(userDataDir, "User"));
  fs.writeFileSync(path.join(userDataDir, "User", "settings.json"), JSON.stringify({ "telemetry.telemetryLevel": "off" }, null, 2));
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
  const url = workbenchUrl(server.base, folder);
  log(`VS Code ${info.version} (code-server ${info.codeServer}) with ${extension.id} ${extension.version} from dist/, workspace ${path.relative(PROJECT_ROOT, folder) || folder}${options.trusted === false ? " (untrusted)" : ""}`);
  return {
    info,
    url,
    server,
    stop: async () => {
      await server.stop();
      temp.remove();
    },
  };
}
