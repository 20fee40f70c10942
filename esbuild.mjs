// One build context per output: the Node extension, the web-worker extension and the CLI.
// Usage: node esbuild.mjs [--production] [--watch]
import * as esbuild from "esbuild";
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
