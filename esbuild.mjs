// One build context per output: the Node extension, the web-worker extension and the CLI.
// Usage: node esbuild.mjs [--production] [--watch]
import * as esbuild from "esbuild";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
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
];

/**
 * Packages the CLI reads from their own file on first use (dist/cli-vendor/NAME.js), not at
 * start-up: a `veil scan` never reads pdf-lib, and reads re2js or fflate only for a regex term
 * or an image. They were a third of the bundle, read and deserialised by every run (docs/speed.md).
 */
export const CLI_VENDOR = ["pdf-lib", "re2js", "fflate"];
export const CLI_VENDOR_DIR = "cli-vendor";

/** Each vendored package bundled on its own, with the names it exports (for the loader stubs). */
export async function buildCliVendor({ production }) {
  const require = createRequire(import.meta.url);
  const vendors = [];
  for (const name of CLI_VENDOR) {
    const result = await esbuild.build({
      ...common,
      sourcemap: false,
      minify: production,
      stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: process.cwd(), loader: "js" },
      platform: "node",
      format: "cjs",
      target: "node20",
      write: false,
    });
    const contents = result.outputFiles[0].contents;
    const loaded = { exports: {} };
    new Function("module", "exports", "require", Buffer.from(contents).toString("utf8"))(loaded, loaded.exports, require);
    vendors.push({ name, file: `${CLI_VENDOR_DIR}/${name}.js`, contents, exports: Object.keys(loaded.exports).sort() });
  }
  return vendors;
}

/** Resolves each vendored package to a stub whose exports load the package's file when first read. */
function cliVendorStubs(vendors) {
  const byName = new Map(vendors.map((v) => [v.name, v]));
  return {
    name: "cli-vendor-stubs",
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => (args.namespace !== "cli-vendor" && byName.has(args.path) ? { path: args.path, namespace: "cli-vendor" } : undefined));
      build.onResolve({ filter: new RegExp(`^\\./${CLI_VENDOR_DIR}/`) }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace: "cli-vendor" }, (args) => {
        const vendor = byName.get(args.path);
        const getters = vendor.exports.map((key) => `Object.defineProperty(exports, ${JSON.stringify(key)}, { enumerable: true, get: () => load()[${JSON.stringify(key)}] });`);
        return { loader: "js", contents: [`let loaded;`, `const load = () => (loaded ??= require("./${vendor.file}"));`, ...getters].join("\n") };
      });
    },
  };
}

/** The CLI bundle's options (dist/cli.js); scripts/pack-cli.mjs and scripts/build-pre-commit.mjs build the same one. */
export function cliTarget({ production, outfile, vendors }) {
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
    plugins: [cliVendorStubs(vendors), stampOnWrite],
  };
}

/** Builds the CLI: the bundle at `outfile`, its vendored packages beside it. Returns every file, written or not. */
export async function buildCli({ production, outfile, write = true }) {
  const vendors = await buildCliVendor({ production });
  const result = await esbuild.build({ ...cliTarget({ production, outfile, vendors }), write });
  const files = vendors.map((v) => ({ path: path.join(path.dirname(outfile), v.file), contents: v.contents }));
  if (write) {
    await mkdir(path.join(path.dirname(outfile), CLI_VENDOR_DIR), { recursive: true });
    for (const f of files) await writeFile(f.path, f.contents);
    return [{ path: outfile, contents: await readFile(outfile) }, ...files];
  }
  return [{ path: outfile, contents: stampBuildId(result.outputFiles.find((f) => f.path.endsWith(".js")).contents) }, ...files];
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (!isMain) {
  // Imported for cliTarget: build nothing.
} else if (watch) {
  const vendors = await buildCliVendor({ production });
  await buildCli({ production, outfile: "dist/cli.js" });
  const contexts = await Promise.all([...targets, cliTarget({ production, outfile: "dist/cli.js", vendors })].map((t) => esbuild.context(t)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log("esbuild: watching for changes");
} else {
  await Promise.all([...targets.map((t) => esbuild.build(t)), buildCli({ production, outfile: "dist/cli.js" })]);
}
