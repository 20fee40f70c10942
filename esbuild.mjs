// One build context per output: the Node extension, the web-worker extension and the CLI.
// Usage: node esbuild.mjs [--production] [--watch]
import * as esbuild from "esbuild";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import * as path from "node:path";

const production = process.argv.includes("--production");
const watch = process.argv.includes("--watch");

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  sourcesContent: false,
  logLevel: "warning",
  legalComments: "none",
};

// dist/cli.js: the launcher (src/cli/launcher.cjs) with the bundle's build id, which names
// its V8 code cache, so a new bundle never runs with an old cache.
const writeLauncher = {
  name: "veil-cli-launcher",
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length > 0) return;
      const bundle = await readFile("dist/cli-bundle.js");
      const id = createHash("sha256").update(bundle).digest("hex").slice(0, 16);
      const launcher = (await readFile("src/cli/launcher.cjs", "utf8")).replace("__VEIL_BUILD_ID__", id);
      await writeFile("dist/cli.js", launcher, { mode: 0o755 });
    });
  },
};

const targets = [
  {
    ...common,
    entryPoints: ["src/extension/main.ts"],
    outfile: "dist/extension.js",
    platform: "node",
    format: "cjs",
    target: "node20",
    external: ["vscode"],
  },
  {
    ...common,
    entryPoints: ["src/extension/main.ts"],
    outfile: "dist/web/extension.js",
    platform: "browser",
    format: "cjs",
    target: "es2022",
    external: ["vscode"],
    define: { "process.env.VEIL_WEB": '"1"' },
    // The web bundle must not pull Node built-ins: fail the build instead of shimming them.
    plugins: [
      {
        // src/extension/platform/X.ts has a web twin X.web.ts: the web bundle takes the twin.
        name: "web-platform-twins",
        setup(build) {
          build.onResolve({ filter: /\/platform\/[^/]+$/ }, (args) => {
            const twin = path.resolve(args.resolveDir, `${args.path}.web.ts`);
            return existsSync(twin) ? { path: twin } : undefined;
          });
        },
      },
      {
        name: "no-node-builtins",
        setup(build) {
          build.onResolve({ filter: /^(node:)?(fs|path|os|crypto|child_process|http|https|net|tls|dgram)(\/.*)?$/ }, (args) => ({
            errors: [{ text: `Node built-in "${args.path}" imported from ${args.importer} in the web bundle` }],
          }));
        },
      },
    ],
  },
  {
    ...common,
    entryPoints: ["src/cli/main.ts"],
    outfile: "dist/cli-bundle.js",
    platform: "node",
    format: "cjs",
    target: "node20",
    plugins: [writeLauncher],
  },
];

if (watch) {
  const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log("esbuild: watching for changes");
} else {
  await Promise.all(targets.map((t) => esbuild.build(t)));
}
