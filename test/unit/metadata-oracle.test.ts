/**
 * Reference tools as oracles for `veil strip` (Debian: libimage-exiftool-perl, imagemagick,
 * ffmpeg, poppler-utils; `npm test` installs them as root). A missing tool fails its test
 * with the package to install: never a silent pass.
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { tempTree, veil } from "./cli-helpers";
import { FIXTURES } from "./metadata.test";

const TOOLS: Record<string, string> = { exiftool: "libimage-exiftool-perl", identify: "imagemagick", ffmpeg: "ffmpeg", pdftotext: "poppler-utils" };

function tool(command: string, args: string[]): string {
  const r = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.error && (r.error as NodeJS.ErrnoException).code === "ENOENT") {
    assert.fail(`${command} is not installed: apt-get install ${TOOLS[command]} (npm test does it when run as root)`);
  }
  assert.equal(r.status, 0, `${command} ${args.join(" ")} failed: ${r.stderr}`);
  return r.stdout;
}

// Tag names that say who, where, with what, or a comment.
const FORBIDDEN = /GPS|Author|Artist|Creator|By-?line|Serial|Company|Manager|Comment|Owner|LastModifiedBy|Copyright|Description|Location|Make|Model|Subject|Keywords|Producer/i;

describe("veil strip against exiftool, ImageMagick, ffmpeg and pdftotext", function () {
  this.timeout(120_000);
  let tree: ReturnType<typeof tempTree>;
  before(async function () {
    tree = tempTree();
    for (const f of FIXTURES) tree.write(join("in", f.name), await f.make());
    const r = await veil(tree.root, "strip", "--out", "out", ...FIXTURES.map((f) => join("in", f.name)));
    assert.equal(r.code, 0, r.stderr);
  });
  after(() => tree?.cleanup());

  it("exiftool sees the planted fields before and none after", () => {
    const read = (dir: string) => JSON.parse(tool("exiftool", ["-j", "-a", "-G1", "-q", "-q", ...FIXTURES.map((f) => join(tree.root, dir, f.name))])) as Array<Record<string, unknown>>;
    const before = read("in");
    const after = read("out");
    for (const [i, f] of FIXTURES.entries()) {
      const tags = (o: Record<string, unknown>) =>
        Object.entries(o)
          .filter(([k]) => !/^(SourceFile|ExifTool:|System:|File:)/.test(k))
          .filter(([k, v]) => FORBIDDEN.test(k) && !/^(ICC|PNG:.*Filter|XMP-x:XMPToolkit|QuickTime:(Handler|Compressor)|.*:HandlerDescription$)/i.test(k) && String(v) !== "")
          .map(([k]) => k);
      assert.ok(tags(before[i]).length >= 1, `${f.name}: exiftool saw too little in the fixture: ${tags(before[i]).join(", ")}`);
      assert.deepEqual(tags(after[i]), [], `${f.name}: exiftool still reports`);
      assert.ok(!JSON.stringify(after[i]).includes("Dupont"), `${f.name}: the author's name is still there`);
    }
  });

  it("ImageMagick sees the same pixels", () => {
    for (const f of FIXTURES.filter((x) => /\.(jpg|png|webp|gif)$/.test(x.name))) {
      const sig = (dir: string) => tool("identify", ["-format", "%#\n", join(tree.root, dir, f.name)]);
      assert.equal(sig("out"), sig("in"), f.name);
    }
  });

  it("ffmpeg sees the same frames", () => {
    const frames = (dir: string) => tool("ffmpeg", ["-v", "error", "-i", join(tree.root, dir, "clip.mp4"), "-map", "0:v", "-f", "framemd5", "-"]).split("\n").filter((l) => !l.startsWith("#"));
    const before = frames("in");
    assert.ok(before.length >= 5);
    assert.deepEqual(frames("out"), before);
  });

  it("pdftotext sees the same text", () => {
    const text = (dir: string) => tool("pdftotext", [join(tree.root, dir, "brief.pdf"), "-"]);
    assert.match(text("in"), /spring campaign/);
    assert.equal(text("out"), text("in"));
  });
});
