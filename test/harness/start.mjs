#!/usr/bin/env node
// npm start: serves a VS Code with the freshly built Veil and a fresh copy of the demo
// workspace (in a scratch folder, removed on exit); the first screen is the brief with Veil's walkthrough.
//   node test/harness/start.mjs [--port N] [--untrusted] [--folder DIR]
//   env VEIL_PORT: the port (default 8080, or a free one when 8080 is taken)
import * as path from "node:path";
import { parseArgs } from "node:util";
import { startDemo } from "./demo-server.mjs";
import { log, onShutdown } from "./vscode-server.mjs";

const { values: args } = parseArgs({
  options: {
    port: { type: "string" },
    untrusted: { type: "boolean", default: false },
    folder: { type: "string" },
  },
});

let demo;
let stopping = false;
const shutdown = onShutdown(async () => {
  stopping = true;
  await demo?.stop();
});
try {
  demo = await startDemo({
    port: args.port ? Number(args.port) : undefined,
    trusted: !args.untrusted,
    folder: args.folder ? path.resolve(args.folder) : undefined,
  });
  demo.server.child.once("exit", async (code) => {
    if (stopping) return;
    log(`the server stopped on its own (exit ${code})`);
    await shutdown();
    process.exit(1);
  });
  console.log(`\n  Open ${demo.url}\n  (listening on 127.0.0.1 only; Ctrl-C stops it)\n`);
} catch (error) {
  log(`error: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown();
  process.exit(1);
}
