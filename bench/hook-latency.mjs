// Spawned latency of `veil hook claude-code` on a 2 KB and a 100 KB UserPromptSubmit prompt,
// the way Claude Code runs it (one process per event, JSON on stdin), beside `node -e 0`.
// Usage: npm run build && node bench/hook-latency.mjs [runs]
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const cli = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "cli.js");
const runs = Number(process.argv[2] ?? 15);
const cwd = mkdtempSync(join(tmpdir(), "veil-hook-"));
const words = "the parser fails when the config is empty so return early and log the error with the stack trace".split(" ");
const prompt = (bytes) => {
  let text = "";
  for (let i = 0; text.length < bytes; i++) text += words[(i * 7) % words.length] + (i % 13 === 12 ? "\n" : " ");
  return text.slice(0, bytes);
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (args, input) => {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { input, cwd });
  if (result.status !== 0) throw new Error(`exit ${result.status}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
};
const cases = [
  ["node -e 0", ["-e", "0"], ""],
  ["veil --version", [cli, "--version"], ""],
  ["hook, 2 KB prompt", [cli, "hook", "claude-code"], JSON.stringify({ hook_event_name: "UserPromptSubmit", cwd, prompt: prompt(2048) })],
  ["hook, 100 KB prompt", [cli, "hook", "claude-code"], JSON.stringify({ hook_event_name: "UserPromptSubmit", cwd, prompt: prompt(100 * 1024) })],
];
const samples = cases.map(() => []);
// Alternating runs, so a load spike hits every case alike.
for (let r = 0; r < runs; r++) cases.forEach(([, args, input], i) => samples[i].push(time(args, input)));
for (const [i, [name]] of cases.entries()) console.log(`${name.padEnd(22)} median ${median(samples[i]).toFixed(0)} ms  (min ${Math.min(...samples[i]).toFixed(0)}, max ${Math.max(...samples[i]).toFixed(0)}, ${runs} runs)`);
rmSync(cwd, { recursive: true, force: true });
