import * as assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { PDFDocument, PDFRawStream } from "pdf-lib";
import { applyStrip, describeMetadata, MetadataError, stripMetadata } from "../../src/engine";
import { tempTree, veil } from "./cli-helpers";
import * as fx from "./metadata-fixtures";

type Fixture = { name: string; make: () => Buffer | Promise<Buffer>; plain: () => Buffer | Promise<Buffer>; content: (b: Uint8Array) => unknown | Promise<unknown> };

function chunkBytes(b: Uint8Array, keep: (type: string) => boolean, riff: boolean): string[] {
  const out: string[] = [];
  const buf = Buffer.from(b);
  let o = riff ? 12 : 8;
  while (o + 8 <= buf.length) {
    const len = riff ? buf.readUInt32LE(o + 4) : buf.readUInt32BE(o);
    const type = riff ? buf.toString("latin1", o, o + 4) : buf.toString("latin1", o + 4, o + 8);
    const end = riff ? o + 8 + len + (len & 1) : o + 12 + len;
    if (keep(type)) out.push(buf.subarray(riff ? o + 8 : o + 8, riff ? o + 8 + len : o + 8 + len).toString("hex"));
    o = end;
  }
  return out;
}

function mdat(b: Uint8Array): string {
  const buf = Buffer.from(b);
  const at = buf.indexOf("mdat") - 4;
  return buf.subarray(at, at + buf.readUInt32BE(at)).toString("hex");
}

async function pdfContents(b: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(b, { updateMetadata: false });
  return doc.getPages().map((p) => {
    const c = p.node.Contents();
    const s = c && doc.context.lookup(c);
    return s instanceof PDFRawStream ? Buffer.from(s.contents).toString("hex") : String(s);
  });
}

function docxText(b: Uint8Array): string {
  const xml = strFromU8(unzipSync(b)["word/document.xml"]);
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("|");
}

export const FIXTURES: Fixture[] = [
  { name: "photo.jpg", make: fx.jpegWithMetadata, plain: () => fx.BASE_JPEG, content: (b) => Buffer.from(b).subarray(Buffer.from(b).indexOf(Buffer.from([0xff, 0xda]))).toString("hex") },
  { name: "image.png", make: () => fx.png(true), plain: () => fx.png(false), content: (b) => chunkBytes(b, (t) => t === "IDAT" || t === "IHDR" || t === "gAMA", false) },
  { name: "image.webp", make: fx.webpWithMetadata, plain: () => fx.BASE_WEBP, content: (b) => chunkBytes(b, (t) => t.startsWith("VP8") && t !== "VP8X", true) },
  { name: "anim.gif", make: fx.gifWithMetadata, plain: () => fx.BASE_GIF, content: (b) => Buffer.from(b).subarray(0, fx.BASE_GIF.length - 1).toString("hex") },
  { name: "clip.mp4", make: fx.mp4WithMetadata, plain: () => fx.BASE_MP4, content: mdat },
  { name: "brief.pdf", make: fx.pdfWithMetadata, plain: fx.pdfPlain, content: pdfContents },
  { name: "script.docx", make: () => fx.docx(true), plain: () => fx.docx(false), content: docxText },
  { name: "budget.xlsx", make: () => fx.xlsx(true), plain: () => fx.xlsx(false), content: (b) => [strFromU8(unzipSync(b)["xl/sharedStrings.xml"]), /<sheets>.*<\/sheets>/.exec(strFromU8(unzipSync(b)["xl/workbook.xml"]))?.[0]] },
  { name: "deck.pptx", make: () => fx.pptx(true), plain: () => fx.pptx(false), content: (b) => strFromU8(unzipSync(b)["ppt/slides/slide1.xml"]) },
];

/** The planted values in every encoding a format may hold them: plain, UTF-16 (both orders), PDF hex. */
function leaks(b: Uint8Array): string[] {
  const buf = Buffer.from(b);
  const found: string[] = [];
  for (const v of [...fx.PLANTED_VALUES, "Dupont", "dupont", "Jean Mercier", "mercure.example"]) {
    const forms = [Buffer.from(v), Buffer.from(v, "utf16le"), Buffer.from(Buffer.from(v, "utf16le").swap16()), Buffer.from(Buffer.from(Buffer.from(v, "utf16le").swap16()).toString("hex").toUpperCase())];
    if (forms.some((f) => buf.includes(f))) found.push(v);
  }
  return found;
}

describe("metadata: describe and strip", () => {
  for (const f of FIXTURES) {
    describe(f.name, () => {
      it("describes the planted fields, masked", async () => {
        const input = await f.make();
        const { items } = await describeMetadata(input, f.name);
        const text = items.map((i) => i.text).join("; ");
        assert.ok(items.length >= 2, text);
        assert.match(text, /author|artist|comment|tracked-change/);
        if (f.name.endsWith(".xlsx")) assert.match(text, /saved in folder/);
        assert.ok(!text.includes("Dupont") && !text.includes("SN-4471"), `unmasked value in: ${text}`);
        if (["photo.jpg", "image.png", "image.webp", "clip.mp4"].includes(f.name)) assert.match(text, /at 48\.86 N, 2\.35 E/);
        if (f.name === "photo.jpg") assert.match(text, /camera Apple iPhone 15 Pro; serial SN…Q9/);
        if (/\.(docx|xlsx|pptx)$/.test(f.name)) assert.match(text, /company Me•••io/);
        if (f.name === "brief.pdf") assert.match(text, /1 earlier revision/);
      });

      it("removes every planted field and leaves the content as it was", async () => {
        const input = await f.make();
        const result = await stripMetadata(input, f.name);
        assert.ok(result.removed.length > 0);
        const out = applyStrip(input, result);
        assert.deepEqual(leaks(out), [], "planted values left in the bytes");
        assert.deepEqual((await describeMetadata(out, f.name)).items, [], "the cleaned file still carries metadata");
        assert.deepEqual(await f.content(out), await f.content(input));
        if (f.name === "clip.mp4") assert.equal(out.length, input.length, "MP4 boxes keep their size");
      });

      it("leaves a file without metadata unchanged", async () => {
        const input = await f.plain();
        const result = await stripMetadata(input, f.name);
        assert.deepEqual(result.removed, []);
        assert.ok(Buffer.from(applyStrip(input, result)).equals(input));
      });

      it("refuses a truncated file with a clear error", async () => {
        const input = await f.make();
        const cut = input.subarray(0, Math.floor(input.length * 0.6));
        await assert.rejects(stripMetadata(cut, f.name), (e: Error) => e instanceof MetadataError && /truncated|corrupt|not a|ZIP/i.test(e.message));
      });
    });
  }

  it("keeps the JPEG orientation and colour profile", async () => {
    const out = applyStrip(fx.jpegWithMetadata(), await stripMetadata(fx.jpegWithMetadata()));
    const buf = Buffer.from(out);
    assert.ok(buf.includes(Buffer.from("ICC_PROFILE\0")));
    const exif = buf.indexOf("Exif\0\0");
    assert.ok(exif > 0);
    assert.deepEqual([...buf.subarray(exif + 6 + 10, exif + 6 + 12)], [0x01, 0x12]);
    assert.equal(buf[exif + 6 + 19], 6);
  });

  it("clears the WebP VP8X metadata flags", async () => {
    const out = Buffer.from(applyStrip(fx.webpWithMetadata(), await stripMetadata(fx.webpWithMetadata())));
    assert.equal(out.readUInt32LE(4), out.length - 8);
    assert.equal(out[20] & 0x0c, 0);
  });

  it("refuses an unknown format and a ZIP that is not an Office document", async () => {
    await assert.rejects(stripMetadata(Buffer.from("hello world, plain text"), "notes.txt"), /a \.txt file is not a format Veil can strip/);
    const { zipSync } = await import("fflate");
    await assert.rejects(stripMetadata(zipSync({ "a.txt": Buffer.from("x") }), "a.zip"), /not a Word, Excel or PowerPoint/);
  });
});

describe("veil strip (CLI)", () => {
  it("--check exits 1 on metadata and 0 without, writing nothing", async () => {
    const tree = tempTree({ "photo.jpg": fx.jpegWithMetadata(), "plain.png": fx.png(false) });
    try {
      const dirty = await veil(tree.root, "strip", "--check", "photo.jpg", "plain.png");
      assert.equal(dirty.code, 1);
      assert.match(dirty.stderr, /photo\.jpg: carries shot at 48\.86 N, 2\.35 E/);
      assert.match(dirty.stderr, /plain\.png: no metadata/);
      assert.ok(!dirty.stderr.includes("Dupont"));
      assert.ok(readFileSync(join(tree.root, "photo.jpg")).equals(fx.jpegWithMetadata()));
      assert.equal((await veil(tree.root, "strip", "--check", "plain.png")).code, 0);
    } finally {
      tree.cleanup();
    }
  });

  it("--out writes cleaned copies under the same names; --in-place replaces", async () => {
    const mp4 = fx.mp4WithMetadata();
    const tree = tempTree({ "a/photo.jpg": fx.jpegWithMetadata(), "clip.mp4": mp4, "brief.pdf": await fx.pdfWithMetadata() });
    try {
      const r = await veil(tree.root, "strip", "--out", "clean", "a/photo.jpg", "clip.mp4", "brief.pdf");
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /clip\.mp4: removed [^\n]*filmed at 48\.86 N, 2\.35 E/);
      for (const name of ["photo.jpg", "clip.mp4", "brief.pdf"]) assert.deepEqual(leaks(readFileSync(join(tree.root, "clean", name))), [], name);
      assert.ok(readFileSync(join(tree.root, "clip.mp4")).equals(mp4), "the original stays");
      const inPlace = await veil(tree.root, "strip", "--in-place", "clip.mp4");
      assert.equal(inPlace.code, 0, inPlace.stderr);
      assert.ok(readFileSync(join(tree.root, "clip.mp4")).equals(readFileSync(join(tree.root, "clean", "clip.mp4"))));
      assert.equal(statSync(join(tree.root, "clip.mp4")).size, mp4.length);
    } finally {
      tree.cleanup();
    }
  });

  it("exits 2 on a corrupt or unknown file and leaves it as it was", async () => {
    const cut = fx.jpegWithMetadata().subarray(0, 200);
    const tree = tempTree({ "cut.jpg": cut, "notes.txt": "just text", "ok.png": fx.png(true) });
    try {
      const r = await veil(tree.root, "strip", "--in-place", "cut.jpg", "notes.txt", "ok.png");
      assert.equal(r.code, 2);
      assert.match(r.stderr, /cut\.jpg: the JPEG file is truncated[^\n]*; the file is left as it was/);
      assert.match(r.stderr, /notes\.txt: a \.txt file is not a format Veil can strip/);
      assert.ok(readFileSync(join(tree.root, "cut.jpg")).equals(cut));
      assert.equal(readFileSync(join(tree.root, "notes.txt"), "utf8"), "just text");
      assert.deepEqual((await describeMetadata(readFileSync(join(tree.root, "ok.png")))).items, [], "the good file is still done");
      assert.equal((await veil(tree.root, "strip", "x.jpg")).code, 2, "no --out / --in-place");
    } finally {
      tree.cleanup();
    }
  });
});
