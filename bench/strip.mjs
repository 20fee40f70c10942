#!/usr/bin/env node
// veil strip throughput and memory held, as users run it (whole `node dist/cli.js`
// processes, peak RSS from /usr/bin/time): a generated 200 MB MP4 (metadata boxes in moov,
// 200 MB of mdat that is copied, never read) and a generated 50 MB PDF (50 pages with a
// 1 MB image each, an Info dictionary, XMP and an incremental update).
// Run alone: node bench/strip.mjs (after npm run build); bench/run.mjs calls it at its end.
import { spawnSync } from "node:child_process";
import { randomFillSync } from "node:crypto";
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CLI = join(ROOT, "dist", "cli.js");
const require = createRequire(import.meta.url);
if (!existsSync(CLI)) throw new Error("dist/cli.js is missing: run npm run build first");

const box = (type, ...parts) => {
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length);
  head.write(type, 4, "latin1");
  return Buffer.concat([head, body]);
};
const qt = (s) => Buffer.concat([Buffer.from([0, s.length, 0x15, 0xc7]), Buffer.from(s)]);

function writeVideo(path, mdatBytes) {
  const fd = openSync(path, "w");
  writeSync(fd, box("ftyp", Buffer.from("isom\0\0\x02\0isomiso2mp41", "latin1")));
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + mdatBytes);
  head.write("mdat", 4);
  writeSync(fd, head);
  const chunk = randomFillSync(Buffer.alloc(8 << 20));
  for (let left = mdatBytes; left > 0; left -= chunk.length) writeSync(fd, chunk, 0, Math.min(left, chunk.length));
  const mvhd = box("mvhd", Buffer.from([0, 0, 0, 0, 0xe2, 0, 0, 0, 0xe2, 0, 0, 1]), Buffer.alloc(88));
  const udta = box("udta", box("\u00a9xyz", qt("+48.8566+002.3522/")), box("\u00a9mak", qt("Apple")), box("\u00a9aut", qt("Camille Dupont")));
  writeSync(fd, box("moov", mvhd, udta));
  closeSync(fd);
}

async function writePdf(path, pages) {
  const { PDFDocument, PDFName } = require("pdf-lib");
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setAuthor("Camille Dupont");
  const pixels = randomFillSync(Buffer.alloc(512 * 683 * 3));
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([512, 683]);
    const image = doc.context.stream(pixels, { Type: "XObject", Subtype: "Image", Width: 512, Height: 683, ColorSpace: "DeviceRGB", BitsPerComponent: 8 });
    page.node.setXObject(PDFName.of(`Im${i}`), doc.context.register(image));
    page.node.addContentStream(doc.context.register(doc.context.stream(`q 512 0 0 683 0 0 cm /Im${i} Do Q BT /F1 12 Tf (page ${i}) Tj ET`)));
  }
  const fd = openSync(path, "w");
  writeSync(fd, await doc.save({ useObjectStreams: false }));
  closeSync(fd);
}

function runStrip(file, outDir) {
  const started = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, CLI, "strip", "--out", outDir, file], { encoding: "utf8" });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`veil strip failed on ${file}: ${r.stderr}`);
  const rssKb = Number(r.stderr.trim().split("\n").pop());
  return { ms, rssMb: rssKb / 1024 };
}

export async function benchStrip() {
  const dir = mkdtempSync(join(tmpdir(), "veil-bench-strip-"));
  const rows = [];
  try {
    const video = join(dir, "clip.mp4");
    writeVideo(video, 200 * 1024 * 1024);
    const pdf = join(dir, "brief.pdf");
    await writePdf(pdf, 50);
    for (const file of [video, pdf]) {
      const size = statSync(file).size;
      const runs = [0, 1, 2].map(() => runStrip(file, join(dir, "out")));
      const best = runs.reduce((a, b) => (a.ms < b.ms ? a : b));
      rows.push({ file: file.endsWith(".mp4") ? "MP4" : "PDF", mb: size / 2 ** 20, ms: best.ms, mbps: size / 2 ** 20 / (best.ms / 1000), rssMb: Math.max(...runs.map((r) => r.rssMb)) });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log("\nveil strip (whole process, best of 3; memory = peak RSS)");
  console.log("| file | size | time | throughput | peak RSS |");
  console.log("|------|------|------|------------|----------|");
  for (const r of rows) console.log(`| ${r.file} | ${r.mb.toFixed(0)} MB | ${r.ms.toFixed(0)} ms | ${r.mbps.toFixed(0)} MB/s | ${r.rssMb.toFixed(0)} MB |`);
  return rows;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await benchStrip();
