#!/usr/bin/env node
// Takes a screenshot of Veil's diagnostics in the demo workspace, with the same server
// and Chromium as the tests: media/screenshots/demo-diagnostics.png.
//   node test/harness/screenshot.mjs [--file brief-client.md] [--out PATH]   (after npm run build)
import { screenshotDemo } from "./demo-screenshot.mjs";

const SQUIGGLES = ".monaco-editor .squiggly-warning, .monaco-editor .squiggly-error";

await screenshotDemo({
  file: "brief-client.md",
  out: "demo-diagnostics.png",
  viewport: { width: 1400, height: 860 },
  act: async (page) => {
    await page.keyboard.press("Control+Shift+M");
    await page.locator(".markers-panel .monaco-list-row").first().waitFor({ timeout: 30_000 });
  },
  describe: async (page) => {
    const squiggles = await page.locator(SQUIGGLES).count();
    const problems = await page.locator(".markers-panel .monaco-list-row").count();
    return `${squiggles} squiggles in view, ${problems} rows in Problems`;
  },
});
