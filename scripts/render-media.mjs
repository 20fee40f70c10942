#!/usr/bin/env node
// Renders media/icon.svg to media/icon.png (128×128) with Debian's headless Chromium,
// the browser the test harness uses. Run after editing the SVG; the PNG is committed.
//   node scripts/render-media.mjs
import * as fs from "node:fs";
import * as path from "node:path";
import { launchChromium, PROJECT_ROOT } from "../test/harness/vscode-server.mjs";

const svgPath = path.join(PROJECT_ROOT, "media", "icon.svg");
const pngPath = path.join(PROJECT_ROOT, "media", "icon.png");

const browser = await launchChromium();
try {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 128, height: 128 });
  const svg = fs.readFileSync(svgPath, "utf8");
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator("svg").screenshot({ path: pngPath, omitBackground: true });
  console.log(`saved ${path.relative(PROJECT_ROOT, pngPath)}`);
} finally {
  await browser.close();
}
