#!/usr/bin/env node
/* global document -- page.waitForFunction callbacks run in the browser */
// Screenshot of screen-share mode: the demo's production.env with every value drawn masked.
// Same server and Chromium as the tests; saves media/screenshots/screen-share.png.
//   node test/harness/screenshot-masking.mjs [--file config/production.env] [--out PATH]   (after npm run build)
import { screenshotDemo } from "./demo-screenshot.mjs";

await screenshotDemo({
  file: "config/production.env",
  out: "screen-share.png",
  viewport: { width: 1200, height: 640 },
  act: async (page) => {
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
  },
  describe: async (page) => {
    const text = await page.locator(".monaco-editor .view-lines").first().innerText();
    const status = await page.locator("#veil\\.veil\\.veil\\.status, [id$='veil.status']").first().innerText().catch(() => "");
    return `status bar: ${status.trim() || "?"}; ${text.split("\n").length} lines in view`;
  },
});
