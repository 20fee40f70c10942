// What the extension evaluates before `activate()`: esbuild's metafile tells which modules
// main.ts reaches through static imports (evaluated when the bundle loads) and which only
// through `require()` (src/extension/engine.ts: evaluated on first use). The engine — rules,
// validators, libphonenumber's metadata — must stay on the lazy side, or activation pays for it.
import * as assert from "node:assert/strict";
import { join } from "node:path";
import * as esbuild from "esbuild";
import { pathToFileURL } from "node:url";

const ROOT = join(__dirname, "../../..");
const ENTRY = "src/extension/main.ts";

/** Modules that must not be evaluated while the bundle loads. */
const LAZY_ONLY: { label: string; test: (path: string) => boolean }[] = [
  { label: "the engine's public API", test: (p) => p === "src/engine/index.ts" },
  { label: "detection rules", test: (p) => p.startsWith("src/engine/rules/") },
  { label: "libphonenumber-js", test: (p) => p.includes("node_modules/libphonenumber-js/") },
];

async function metafileFor(platform: "node" | "browser"): Promise<esbuild.Metafile> {
  // The web build's twin modules, as esbuild.mjs resolves them.
  const { webPlatformTwins } = (await import(pathToFileURL(join(ROOT, "esbuild.mjs")).href)) as { webPlatformTwins: esbuild.Plugin };
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    metafile: true,
    logLevel: "silent",
    platform,
    format: "cjs",
    target: platform === "node" ? "node20" : "es2022",
    external: ["vscode"],
    // As esbuild.mjs builds the web bundle: Node-only modules sit behind this constant.
    define: { "process.env.VEIL_WEB": platform === "browser" ? '"1"' : "undefined" },
    plugins: platform === "browser" ? [webPlatformTwins] : [],
  });
  return result.metafile;
}

/** Every module reached from the entry through static imports, with the module that first imported it. */
function eagerModules(metafile: esbuild.Metafile): Map<string, string | undefined> {
  const parentOf = new Map<string, string | undefined>([[ENTRY, undefined]]);
  const queue = [ENTRY];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const imported of metafile.inputs[file]?.imports ?? []) {
      if (imported.external || imported.kind !== "import-statement" || parentOf.has(imported.path)) continue;
      parentOf.set(imported.path, file);
      queue.push(imported.path);
    }
  }
  return parentOf;
}

function importChain(parentOf: Map<string, string | undefined>, file: string): string {
  const chain = [file];
  for (let parent = parentOf.get(file); parent !== undefined; parent = parentOf.get(parent)) chain.unshift(parent);
  return chain.join(" → ");
}

for (const platform of ["node", "browser"] as const) {
  describe(`extension bundle (${platform}): what loads before activation`, () => {
    let metafile: esbuild.Metafile;
    before(async () => {
      metafile = await metafileFor(platform);
    });

    it("bundles the engine, rules and phone metadata (so the check below is about something)", () => {
      const inputs = Object.keys(metafile.inputs);
      for (const { label, test } of LAZY_ONLY) assert.ok(inputs.some(test), `${label} not found in the bundle`);
      const lazyEdge = metafile.inputs["src/extension/engine.ts"]?.imports.find((i) => i.path === "src/engine/index.ts");
      assert.equal(lazyEdge?.kind, "require-call", "src/extension/engine.ts should reach the engine through require()");
    });

    it("does not evaluate the engine at startup: no static import path from main.ts reaches it", () => {
      const eager = eagerModules(metafile);
      const offending = [...eager.keys()].filter((path) => LAZY_ONLY.some(({ test }) => test(path)));
      const shown = offending.slice(0, 3).map((path) => importChain(eager, path));
      assert.deepEqual(shown, [], "import engine values through engine() (src/extension/engine.ts) and types with `import type`");
    });
  });
}
