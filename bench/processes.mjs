// The bench "as users run it": whole processes, spawned the way a pre-commit hook or a CI job
// runs them, side by side with secretlint's CLI-equivalent (bench/secretlint-process.mjs) on
// the same files; runs alternate (Veil, secretlint, Veil, …) and every figure is a median.
//   (1) one small file, also against `node -e 0`
//   (2) the bench corpus
//   (3) a 100+ MB tree of real code: this project's node_modules, copied under another name
//       so that the default ignores do not skip it
// Standalone: node bench/processes.mjs [--quick] (after npm run build).
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

function timed(command, args, cwd) {
  const t = performance.now();
  const child = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 1024 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (child.status !== 0 && child.status !== 1) throw new Error(`bench: ${args.slice(0, 3).join(" ")} exited ${child.status}: ${String(child.stderr).slice(0, 300)}`);
  return { ms, stdout: child.stdout };
}

/** Alternating runs of each command; medians, and the ratio as the median of the rounds' ratios. */
function alternate(commands, rounds) {
  const times = commands.map(() => []);
  const outputs = commands.map(() => undefined);
  for (let r = 0; r < rounds; r++) {
    commands.forEach((c, i) => {
      const { ms, stdout } = timed(process.execPath, c.args, c.cwd);
      times[i].push(ms);
      outputs[i] = stdout;
    });
  }
  return { medians: times.map(median), times, outputs };
}

function treeBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += treeBytes(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

/** Rows and notes for bench/run.mjs's table. `roots`: the bench corpus's folders. */
export async function processBench({ root, roots, quick = false }) {
  const rows = [];
  const notes = [];
  const secretlint = join(HERE, "secretlint-process.mjs");
  const scratch = mkdtempSync(join(tmpdir(), "veil-bench-"));
  try {
    // What npm's `veil-privacy` installs (scripts/pack-cli.mjs): the launcher, which loads the
    // production dist/cli.js through its V8 code cache, and the vendored packages beside it.
    const { buildCli } = await import(pathToFileURL(join(root, "esbuild.mjs")).href);
    const cwd = process.cwd();
    process.chdir(root);
    try {
      await buildCli({ production: true, outfile: join(scratch, "cli-package", "dist", "cli.js") });
    } finally {
      process.chdir(cwd);
    }
    mkdirSync(join(scratch, "cli-package", "bin"));
    copyFileSync(join(root, "bin", "veil.js"), join(scratch, "cli-package", "bin", "veil.js"));
    const cli = join(scratch, "cli-package", "bin", "veil.js");
    // Warm-ups: the file cache, and Veil's code cache (written by its first run).
    const small = join(scratch, "app.js");
    writeFileSync(small, 'import { readFile } from "node:fs/promises";\nexport async function load(path) {\n  return JSON.parse(await readFile(path, "utf8"));\n}\n');
    timed(process.execPath, [cli, "scan", small], scratch);
    timed(process.execPath, [secretlint, small], scratch);

    // (1) One small file.
    const one = alternate(
      [
        { args: [cli, "scan", small], cwd: scratch },
        { args: [secretlint, small], cwd: scratch },
        { args: ["-e", "0"], cwd: scratch },
      ],
      quick ? 3 : 11,
    );
    const [veilSmall, secretlintSmall, nodeSmall] = one.medians;
    const overNode = veilSmall / nodeSmall;
    rows.push(["(6) one small file, spawned (node start-up included)", fmtMs(veilSmall), fmtMs(secretlintSmall), `${(secretlintSmall / veilSmall).toFixed(1)}×`, `≤ 1.4× node -e 0 (${fmtMs(nodeSmall)}): ${overNode.toFixed(2)}× ${overNode <= 1.4 ? "MET" : "NOT MET"}`]);

    // (2) The bench corpus, and (3) a copy of node_modules.
    const trees = [{ label: "(6) bench corpus, spawned", paths: roots, target: 2 }];
    const modules = join(root, "node_modules");
    if (existsSync(modules)) {
      const copy = join(scratch, "packages");
      const t = performance.now();
      cpSync(modules, copy, { recursive: true, verbatimSymlinks: true });
      notes.push(`(6) tree: ${root}/node_modules copied to ${copy} (${(treeBytes(copy) / 1024 / 1024).toFixed(0)} MB on disk) in ${fmtMs(performance.now() - t)}.`);
      trees.push({ label: "(6) 100+ MB tree of real packages, spawned", paths: [copy], target: 3, amdahl: true });
    }
    const cores = availableParallelism();
    for (const tree of trees) {
      const veilArgs = [cli, "scan", "--format", "json", "--no-default-ignores", ...tree.paths];
      const runs = alternate(
        [
          { args: veilArgs, cwd: root },
          { args: [secretlint, ...tree.paths], cwd: root },
        ],
        quick ? 1 : 3,
      );
      const [veilMs, secretlintMs] = runs.medians;
      const ratio = median(runs.times[1].map((ms, i) => ms / runs.times[0][i]));
      const report = JSON.parse(runs.outputs[0]);
      const lint = JSON.parse(runs.outputs[1]);
      const mbs = report.stats.bytes / 1024 / 1024;
      rows.push([tree.label, `${fmtMs(veilMs)} (${(mbs / (veilMs / 1000)).toFixed(0)} MB/s)`, `${fmtMs(secretlintMs)}`, `${ratio.toFixed(1)}×`, `≥ ${tree.target}× ${ratio >= tree.target ? "MET" : "NOT MET"}`]);
      notes.push(
        `(6) ${tree.label.slice(4)}: ${report.stats.files} files, ${mbs.toFixed(1)} MB scanned by Veil on ${cores} threads (engine ${report.stats.scanMs} ms summed), ${lint.files} by secretlint; ` +
          `rounds ${runs.times[0].map((ms, i) => (runs.times[1][i] / ms).toFixed(2)).join(", ")}; ${report.findings.length} Veil findings, ${lint.messages} secretlint messages.`,
      );
      if (tree.amdahl && cores > 1) {
        // T(n) = serial + parallel / n, from one thread and from every core, measured here.
        const single = alternate([{ args: [...veilArgs.slice(0, 2), "--jobs", "1", ...veilArgs.slice(2)], cwd: root }], quick ? 1 : 3).medians[0];
        const parallel = ((single - veilMs) * cores) / (cores - 1);
        const serial = single - parallel;
        rows.push(["    same, one thread (--jobs 1)", fmtMs(single), "", "", ""]);
        if (parallel <= 0 || serial < 0) {
          notes.push(`(6) 8-core estimate: not measurable in this run (T(1) = ${fmtMs(single)}, T(${cores}) = ${fmtMs(veilMs)}: the machine's speed changed between the runs).`);
          return { rows, notes };
        }
        const at8 = serial + parallel / 8;
        rows.push(["    same, 8 cores (from the two runs above)", `${fmtMs(at8)} (est.)`, fmtMs(secretlintMs), `${(secretlintMs / at8).toFixed(1)}×`, ""]);
        notes.push(
          `(6) 8-core estimate: T(n) = serial + parallel / n fitted to T(1) = ${fmtMs(single)} and T(${cores}) = ${fmtMs(veilMs)}: serial ${fmtMs(serial)} (start-up, walk, main-thread work), ` +
            `parallel ${fmtMs(parallel)}; secretlint is single-threaded, so its time stays.`,
        );
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return { rows, notes };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(HERE, "..");
  const shared = resolve(root, "..", "shared", "corpus");
  const { rows, notes } = await processBench({ root, roots: [existsSync(shared) ? shared : join(root, "src")], quick: process.argv.includes("--quick") });
  for (const r of rows) console.log(r.join(" | "));
  for (const n of notes) console.log(n);
}
