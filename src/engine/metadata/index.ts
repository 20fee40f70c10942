/**
 * Metadata of shared files: what a photo, video, PDF or Office document carries beyond its
 * content (GPS position, camera and serial, authors, company, comments, dates, edit
 * history), described in plain words and stripped with the content left as it was.
 */
import { ascii, startsWith } from "./bytes";
import { describeGif, stripGif } from "./gif";
import { describeJpeg, stripJpeg } from "./jpeg";
import { describeMp4, planMp4 } from "./mp4";
import { describeOoxml, ooxmlFormat, readZip, stripOoxml } from "./ooxml";
import { describePdf, stripPdf } from "./pdf";
import { describePng, isPng, stripPng } from "./png";
import { MetadataError, bytesSource, type ByteSource, type MetadataFormat, type MetadataItem, type StripResult } from "./types";
import { describeWebp, stripWebp } from "./webp";

export { MetadataError, bytesSource, type BytePatch, type ByteSource, type MetadataFormat, type MetadataItem, type MetadataKind, type StripResult } from "./types";

/** Bytes to read from the start of a file before `detectMetadataFormat` can decide. */
export const FORMAT_SNIFF_BYTES = 64;

type Family = "jpeg" | "png" | "webp" | "gif" | "mp4" | "pdf" | "zip";

function sniff(head: Uint8Array): Family | undefined {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "jpeg";
  if (isPng(head)) return "png";
  if (startsWith(head, "RIFF") && startsWith(head, "WEBP", 8)) return "webp";
  if (startsWith(head, "GIF87a") || startsWith(head, "GIF89a")) return "gif";
  if (startsWith(head, "PK\x03\x04")) return "zip";
  if (ascii(head, 0, Math.min(head.length, 64)).includes("%PDF-")) return "pdf";
  const box = ascii(head, 4, 8);
  if (["ftyp", "moov", "mdat", "wide", "free", "skip"].includes(box)) return "mp4";
  return undefined;
}

function unknown(name: string | undefined): MetadataError {
  const ext = name ? /\.([^./\\]+)$/.exec(name)?.[1] : undefined;
  return new MetadataError(
    `${ext ? `a .${ext} file is` : "this file is"} not a format Veil can strip (JPEG, PNG, WebP, GIF, MP4/MOV, PDF, docx, xlsx, pptx)`,
  );
}

async function whole(source: ByteSource): Promise<Uint8Array> {
  const data = await source.read(0, source.size);
  if (data.length < source.size) throw new MetadataError("the file could not be read to its end");
  return data;
}

/** The format a file's first bytes say it is, or undefined. */
export function detectMetadataFormat(head: Uint8Array): MetadataFormat | "office" | undefined {
  const family = sniff(head);
  return family === "zip" ? "office" : family;
}

/** What the file carries, in plain words with values masked; empty when nothing. */
export async function describeMetadata(source: ByteSource | Uint8Array, name?: string): Promise<{ format: MetadataFormat; items: MetadataItem[] }> {
  const src = source instanceof Uint8Array ? bytesSource(source) : source;
  const family = sniff(await src.read(0, FORMAT_SNIFF_BYTES));
  if (family === "mp4") return { format: "mp4", items: await describeMp4(src) };
  if (!family) throw unknown(name);
  const b = await whole(src);
  switch (family) {
    case "jpeg":
      return { format: family, items: describeJpeg(b) };
    case "png":
      return { format: family, items: describePng(b) };
    case "webp":
      return { format: family, items: describeWebp(b) };
    case "gif":
      return { format: family, items: describeGif(b) };
    case "pdf":
      return { format: family, items: await describePdf(b) };
    case "zip": {
      const format = ooxmlFormat(readZip(b));
      if (!format) throw unknown(name);
      return { format, items: describeOoxml(b) };
    }
  }
}

/**
 * Strips the file's metadata. MP4/MOV gives same-size patches (read only outside mdat);
 * every other format gives the whole cleaned file. `removed` is empty when the file had
 * nothing to remove, and then the output is the input.
 */
export async function stripMetadata(source: ByteSource | Uint8Array, name?: string): Promise<StripResult> {
  const src = source instanceof Uint8Array ? bytesSource(source) : source;
  const family = sniff(await src.read(0, FORMAT_SNIFF_BYTES));
  if (family === "mp4") {
    const { patches, removed } = await planMp4(src);
    return { format: "mp4", removed, output: { kind: "patches", patches } };
  }
  if (!family) throw unknown(name);
  const b = await whole(src);
  const done = (format: MetadataFormat, r: { data: Uint8Array; removed: MetadataItem[] }): StripResult => ({ format, removed: r.removed, output: { kind: "bytes", data: r.data } });
  switch (family) {
    case "jpeg":
      return done(family, stripJpeg(b));
    case "png":
      return done(family, stripPng(b));
    case "webp":
      return done(family, stripWebp(b));
    case "gif":
      return done(family, stripGif(b));
    case "pdf":
      return done(family, await stripPdf(b));
    case "zip": {
      const r = stripOoxml(b);
      return done(r.format, r);
    }
  }
}

/** Applies a strip result to the bytes it was computed from (the editor's path, all in memory). */
export function applyStrip(original: Uint8Array, result: StripResult): Uint8Array {
  if (result.output.kind === "bytes") return result.output.data;
  if (result.output.patches.length === 0) return original;
  const out = original.slice();
  for (const p of result.output.patches) out.set(p.bytes, p.offset);
  return out;
}
