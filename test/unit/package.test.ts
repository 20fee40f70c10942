// Invariants of package.json and of what goes into the .vsix (npm run package builds it).
import * as assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { minimatch } from "minimatch";

const ROOT = join(__dirname, "../../..");

interface Command {
  command: string;
  title?: string;
  category?: string;
}
interface Manifest {
  main: string;
  browser: string;
  icon?: string;
  galleryBanner?: { color?: string; theme?: string };
  repository?: { url?: string };
  contributes: {
    commands: Command[];
    menus?: Record<string, { command: string }[]>;
    keybindings?: { command: string }[];
    walkthroughs?: { id: string; title: string; description: string; steps: { id: string; title: string; description: string; media: Record<string, unknown> }[] }[];
  };
}

const raw = readFileSync(join(ROOT, "package.json"), "utf8");
const manifest = JSON.parse(raw) as Manifest;
const nls = JSON.parse(readFileSync(join(ROOT, "package.nls.json"), "utf8")) as Record<string, string>;

/** Width and height from a PNG's IHDR chunk, or throws when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature)) throw new Error("not a PNG file");
  if (bytes.toString("latin1", 12, 16) !== "IHDR") throw new Error("PNG without an IHDR chunk first");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Whether vsce packs `file` under these .vscodeignore lines (the last matching line wins). */
export function packedUnder(ignoreLines: readonly string[], file: string): boolean {
  let included = true;
  for (const line of ignoreLines) {
    const negated = line.startsWith("!");
    const pattern = negated ? line.slice(1) : line;
    if (minimatch(file, pattern, { dot: true })) included = negated;
  }
  return included;
}

const ignoreLines = existsSync(join(ROOT, ".vscodeignore"))
  ? readFileSync(join(ROOT, ".vscodeignore"), "utf8")
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#"))
  : [];

describe("package.json", () => {
  it("gives every command a title and the category Veil", () => {
    assert.ok(manifest.contributes.commands.length > 0);
    for (const command of manifest.contributes.commands) {
      assert.ok(command.title, `${command.command} has no title`);
      assert.equal(command.category, "Veil", `${command.command} is not in the Veil category`);
      assert.match(command.command, /^veil\./);
    }
  });

  it("declares every command its menus and keybindings use", () => {
    const declared = new Set(manifest.contributes.commands.map((c) => c.command));
    const used = [
      ...Object.values(manifest.contributes.menus ?? {}).flat().map((m) => m.command),
      ...(manifest.contributes.keybindings ?? []).map((k) => k.command),
    ];
    for (const id of used) assert.ok(declared.has(id), `${id} is used in menus or keybindings but not declared`);
  });

  it("has an English string for every %key% it uses", () => {
    const keys = [...raw.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 10);
    const missing = keys.filter((key) => typeof nls[key] !== "string" || nls[key].length === 0);
    assert.deepEqual(missing, []);
  });

  it("has a 128×128 PNG icon and a gallery banner", () => {
    assert.ok(manifest.icon, "no icon");
    const size = pngSize(readFileSync(join(ROOT, manifest.icon)));
    assert.deepEqual(size, { width: 128, height: 128 });
    assert.match(manifest.galleryBanner?.color ?? "", /^#[0-9a-fA-F]{6}$/);
    assert.ok(manifest.galleryBanner?.theme === "dark" || manifest.galleryBanner?.theme === "light");
    assert.match(manifest.repository?.url ?? "", /^https:\/\//);
  });

  it("links only declared commands from its walkthrough, in both languages", () => {
    const declared = new Set(manifest.contributes.commands.map((c) => c.command));
    const french = JSON.parse(readFileSync(join(ROOT, "package.nls.fr.json"), "utf8")) as Record<string, string>;
    const walkthroughs = manifest.contributes.walkthroughs ?? [];
    assert.ok(walkthroughs.length > 0, "no walkthrough");
    for (const step of walkthroughs.flatMap((w) => w.steps)) {
      for (const strings of [nls, french]) {
        const text = strings[step.description.replace(/^%|%$/g, "")] ?? step.description;
        const links = [...text.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);
        assert.ok(links.length > 0, `${step.id} has no button`);
        for (const id of links) assert.ok(declared.has(id), `${step.id} links to ${id}, which is not declared`);
      }
    }
  });

  it("has the images its walkthrough steps show", () => {
    for (const walkthrough of manifest.contributes.walkthroughs ?? []) {
      assert.ok(walkthrough.steps.length > 0, `${walkthrough.id} has no step`);
      for (const step of walkthrough.steps) {
        for (const value of Object.values(step.media)) {
          if (typeof value === "string" && /\.(png|md|svg)$/.test(value)) assert.ok(existsSync(join(ROOT, value)), `${step.id}: ${value} is missing`);
        }
      }
    }
  });
});

describe(".vscodeignore", () => {
  it("is an allowlist: everything out first", () => {
    assert.equal(ignoreLines[0], "**");
  });

  it("packs the two extension bundles, the manifest, the strings and the icon", () => {
    const needed = [manifest.main, manifest.browser, "package.json", "package.nls.json", "package.nls.fr.json", "l10n/bundle.l10n.fr.json", manifest.icon ?? "media/icon.png", "README.md", "CHANGELOG.md", "LICENSE"];
    for (const file of needed.map((f) => f.replace(/^\.\//, ""))) assert.ok(packedUnder(ignoreLines, file), `${file} would be left out`);
  });

  it("packs the CLI bundle (the Install Command-Line Tool command and the Claude Code hooks run it)", () => {
    assert.ok(packedUnder(ignoreLines, "dist/cli.js"));
    // esbuild.mjs's CLI_VENDOR: packages the CLI reads from their own file on first use.
    for (const name of ["pdf-lib", "re2js", "fflate"]) assert.ok(packedUnder(ignoreLines, `dist/cli-vendor/${name}.js`), `${name}, which the CLI loads on first use, would be left out`);
  });

  it("leaves out sources, tests, the committed pre-commit bundle, source maps and dependencies", () => {
    for (const file of ["src/extension/main.ts", "test/unit/package.test.ts", "out/src/extension/main.js", "pre-commit/cli.js", "bin/veil.js", "dist/cli.js.map", "dist/extension.js.map", "node_modules/minimatch/package.json", "examples/demo-workspace/config/production.env", "bench/run.mjs", "media/icon.svg", "scripts/package.mjs", ".git/config"]) {
      assert.ok(!packedUnder(ignoreLines, file), `${file} would be packed`);
    }
  });
});
