// One build context per output: the Node extension, the web-worker extension and the CLI.
// Usage: node esbuild.mjs [--production] [--watch]
import * as esbuild from "esbuild";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { pathToFileURL } from "node:url";

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

/**
 * The CLI bundle ends with a hash of itself, which names bin/veil.js's V8 code cache: a new
 * bundle never runs with the cache of another (V8 checks only the source's length).
 */
export function stampBuildId(bytes) {
  const text = Buffer.from(bytes).toString("utf8").replace(/\n\/\/# veil-build [0-9a-f]+\n$/, "\n");
  const id = createHash("sha256").update(text).digest("hex").slice(0, 16);
  return Buffer.from(`${text}//# veil-build ${id}\n`);
}

const stampOnWrite = {
  name: "veil-build-id",
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length > 0 || build.initialOptions.write === false) return;
      const file = build.initialOptions.outfile;
      await writeFile(file, stampBuildId(await readFile(file)));
    });
  },
};

/** src/extension/platform/X.ts has a web twin X.web.ts: the web bundle takes the twin. */
export const webPlatformTwins = {
  name: "web-platform-twins",
  setup(build) {
    build.onResolve({ filter: /\/platform\/[^/]+$/ }, (args) => {
      const twin = path.resolve(args.resolveDir, `${args.path}.web.ts`);
      return existsSync(twin) ? { path: twin } : undefined;
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
      webPlatformTwins,
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
  cliTarget({ production, outfile: "dist/cli.js" }),
];

/** The CLI bundle's options; scripts/pack-cli.mjs and scripts/build-pre-commit.mjs build the same one. */
export function cliTarget({ production, outfile }) {
  return {
    ...common,
    sourcemap: !production,
    minify: production,
    entryPoints: ["src/cli/main.ts"],
    outfile,
    platform: "node",
    format: "cjs",
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
    plugins: [stampOnWrite],
  };
}


const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (!isMain) {
  // Imported for cliTarget: build nothing.
} else if (watch) {
  const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log("esbuild: watching for changes");
} else {
  await Promise.all(targets.map((t) => esbuild.build(t)));
}
