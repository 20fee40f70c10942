// secretlint for the bench only, installed on first use into a cache folder rather than as a
// project dependency: its packages declare Node ≥ 22 (they run on 20), and as devDependencies
// every `npm ci` printed EBADENGINE warnings for a tool only `npm run bench` uses.
//   env VEIL_BENCH_CACHE: the folder (default ~/.cache/veil-bench)
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export const SECRETLINT_VERSION = "13.1.0";
const PACKAGES = ["@secretlint/core", "@secretlint/secretlint-rule-preset-recommend", "@secretlint/profiler"];

function cacheDir() {
  const base = process.env.VEIL_BENCH_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "veil-bench");
  return join(base, `secretlint-${SECRETLINT_VERSION}`);
}

/** Installs (once) and loads secretlint; `log` says what it does. Throws when npm cannot install it. */
export async function loadSecretlint(log = console.error) {
  const dir = cacheDir();
  const marker = join(dir, "node_modules", "@secretlint", "core", "package.json");
  if (!existsSync(marker)) {
    mkdirSync(dir, { recursive: true });
    // A package.json of its own, so npm installs here and not into the project above.
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "veil-bench-secretlint", private: true }, null, 2));
    log(`bench: installing secretlint ${SECRETLINT_VERSION} into ${dir} (once; it declares Node >= 22 and runs on 20)`);
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    execFileSync(npm, ["install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--loglevel=error", "--engine-strict=false", ...PACKAGES.map((p) => `${p}@${SECRETLINT_VERSION}`)], {
      cwd: dir,
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  // ESM packages resolve from the importing file: a small module inside the cache folder.
  const loader = join(dir, "load.mjs");
  writeFileSync(loader, PACKAGES.map((p, i) => `export * as m${i} from ${JSON.stringify(p)};`).join("\n") + "\n");
  const { m0: core, m1: preset, m2: profiler } = await import(pathToFileURL(loader).href);
  const version = JSON.parse(readFileSync(marker, "utf8")).version;
  return { lintSource: core.lintSource, recommended: preset.creator, secretLintProfiler: profiler.secretLintProfiler, version };
}
