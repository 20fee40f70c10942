#!/usr/bin/env node
/* global document -- page.evaluate callbacks run in the browser */
// Screenshot of screen-share mode: the demo's production.env with every value drawn masked.
// Same server and Chromium as the tests; saves media/screenshots/screen-share.png.
//   node test/harness/screenshot-masking.mjs [--file config/production.env] [--out PATH]   (after npm run build)
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { DEMO_WORKSPACE, startDemo } from "./demo-server.mjs";
import { freePort, launchChromium, log, onShutdown, PROJECT_ROOT, remoteUri, workbenchUrl } from "./vscode-server.mjs";

const { values: args } = parseArgs({
  options: {
    file: { type: "string", default: "config/production.env" },
    out: { type: "string", default: path.join(PROJECT_ROOT, "media", "screenshots", "screen-share.png") },
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
  await page.setViewportSize({ width: 1200, height: 640 });
  const file = path.join(DEMO_WORKSPACE, args.file);
  await page.goto(workbenchUrl(demo.server.base, DEMO_WORKSPACE, [["openFile", remoteUri(demo.server.port, file)], ["skipWelcome", "true"]]), { waitUntil: "commit", timeout: 120_000 });
  await page.locator(".monaco-workbench").waitFor({ timeout: 120_000 });
  await page.locator(".explorer-folders-view .monaco-list-row").first().waitFor({ timeout: 120_000 });
  await page.locator(".monaco-editor .view-lines").first().waitFor({ timeout: 60_000 });
  // Diagnostics first: the extension has scanned the file.
  await page.locator(".monaco-editor .squiggly-warning, .monaco-editor .squiggly-error").first().waitFor({ timeout: 60_000 });

  // Run the command from the palette, as a person would.
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("F1");
  await page.locator(".quick-input-widget input").waitFor({ timeout: 10_000 });
  await page.keyboard.type("Veil: Toggle Screen-Share Mode");
  await page.locator(".quick-input-list .monaco-list-row").first().waitFor({ timeout: 10_000 });
  await page.keyboard.press("Enter");
  // The masks are decorations with the text made transparent.
  await page.waitForFunction(() => document.querySelectorAll(".monaco-editor .view-lines span[class*='ced-']").length > 0, undefined, { timeout: 30_000 });
  await page.mouse.move(800, 450);
  await page.waitForTimeout(1500);
  const text = await page.locator(".monaco-editor .view-lines").first().innerText();
  fs.mkdirSync(path.dirname(args.out), { recursive: true });
  await page.screenshot({ path: args.out });
  const status = await page.locator("#veil\\.veil\\.veil\\.status, [id$='veil.status']").first().innerText().catch(() => "");
  log(`saved ${path.relative(PROJECT_ROOT, args.out)} (status bar: ${status.trim() || "?"}; ${text.split("\n").length} lines in view)`);
} catch (error) {
  log(`error: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await shutdown();
}
process.exit(exitCode);
