// Shared by the screenshot scripts: serve the demo workspace, open one of its files in the
// harness's Chromium, wait for Veil's squiggles, let the caller act, save a PNG.
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { DEMO_WORKSPACE, startDemo } from "./demo-server.mjs";
import { freePort, launchChromium, log, onShutdown, PROJECT_ROOT, remoteUri, workbenchUrl } from "./vscode-server.mjs";

/**
 * @param {{ file: string, out: string, viewport: { width: number, height: number },
 *   act: (page: import("playwright-core").Page) => Promise<string | void>,
 *   describe?: (page: import("playwright-core").Page) => Promise<string> }} options
 *   `act` runs once the file shows diagnostics; `describe` (after the screenshot) returns the log line's detail.
 */
export async function screenshotDemo({ file, out, viewport, act, describe }) {
  const { values: args } = parseArgs({
    options: {
      file: { type: "string", default: file },
      out: { type: "string", default: path.join(PROJECT_ROOT, "media", "screenshots", out) },
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
    await page.setViewportSize(viewport);
    // The workbench opens the file itself when the URL's payload names it.
    const target = path.join(DEMO_WORKSPACE, args.file);
    await page.goto(workbenchUrl(demo.server.base, DEMO_WORKSPACE, [["openFile", remoteUri(demo.server.port, target)], ["skipWelcome", "true"]]), { waitUntil: "commit", timeout: 120_000 });
    await page.locator(".monaco-workbench").waitFor({ timeout: 120_000 });
    // The explorer shows the folder once the remote connection is up.
    await page.locator(".explorer-folders-view .monaco-list-row").first().waitFor({ timeout: 120_000 });
    await page.locator(".monaco-editor .view-lines").first().waitFor({ timeout: 60_000 });
    // Veil's diagnostics show as squiggles: the extension has scanned the file.
    await page.locator(".monaco-editor .squiggly-warning, .monaco-editor .squiggly-error").first().waitFor({ timeout: 60_000 });
    await act(page);
    // Let hovers, fonts and decorations settle.
    await page.waitForTimeout(1500);
    fs.mkdirSync(path.dirname(args.out), { recursive: true });
    await page.screenshot({ path: args.out });
    const detail = describe ? await describe(page) : "";
    log(`saved ${path.relative(PROJECT_ROOT, args.out)}${detail ? ` (${detail})` : ""}`);
  } catch (error) {
    log(`error: ${error instanceof Error ? error.message : String(error)}`);
    exitCode = 1;
  } finally {
    await shutdown();
  }
  process.exit(exitCode);
}
