#!/usr/bin/env node
// Takes a screenshot of Veil's diagnostics in the demo workspace, with the same server
// and Chromium as the tests: media/screenshots/demo-diagnostics.png.
//   node test/harness/screenshot.mjs [--file brief-client.md] [--out PATH]   (after npm run build)
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { DEMO_WORKSPACE, startDemo } from "./demo-server.mjs";
import { freePort, launchChromium, log, onShutdown, PROJECT_ROOT, remoteUri, workbenchUrl } from "./vscode-server.mjs";

const { values: args } = parseArgs({
  options: {
    file: { type: "string", default: "brief-client.md" },
    out: { type: "string", default: path.join(PROJECT_ROOT, "media", "screenshots", "demo-diagnostics.png") },
  },
});

let demo;
let browser;
const shutdown = onShutdown(async () => {
  await browser?.close().catch(() => {});
  await demo?.stop();
});

let exitCode = 0;
try {
  demo = await startDemo({ port: await freePort() });
  browser = await launchChromium();
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1400, height: 860 });
  // The workbench opens the file itself when the URL's payload names it.
  const file = path.join(DEMO_WORKSPACE, args.file);
  await page.goto(workbenchUrl(demo.server.base, DEMO_WORKSPACE, [["openFile", remoteUri(demo.server.port, file)], ["skipWelcome", "true"]]), { waitUntil: "commit", timeout: 120_000 });
  await page.locator(".monaco-workbench").waitFor({ timeout: 120_000 });
  // The explorer shows the folder once the remote connection is up.
  await page.locator(".explorer-folders-view .monaco-list-row").first().waitFor({ timeout: 120_000 });

  await page.locator(".monaco-editor .view-lines").first().waitFor({ timeout: 60_000 });

  // Veil's diagnostics show as squiggles; wait for them, then open the Problems panel.
  await page.locator(".monaco-editor .squiggly-warning, .monaco-editor .squiggly-error").first().waitFor({ timeout: 60_000 });
  await page.keyboard.press("Control+Shift+M");
  await page.locator(".markers-panel .monaco-list-row").first().waitFor({ timeout: 30_000 });
  const squiggles = await page.locator(".monaco-editor .squiggly-warning, .monaco-editor .squiggly-error").count();
  const problems = await page.locator(".markers-panel .monaco-list-row").count();
  // Let hovers, fonts and decorations settle.
  await page.waitForTimeout(1500);
  fs.mkdirSync(path.dirname(args.out), { recursive: true });
  await page.screenshot({ path: args.out });
  log(`saved ${path.relative(PROJECT_ROOT, args.out)} (${squiggles} squiggles in view, ${problems} rows in Problems)`);
} catch (error) {
  log(`error: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await shutdown();
}
process.exit(exitCode);
