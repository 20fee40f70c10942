/**
 * WebP (RIFF): drops the EXIF and "XMP " chunks, clears their flags in VP8X and fixes the
 * RIFF size. The image chunks (VP8, VP8L, ALPH, ANIM/ANMF) and ICCP are copied as they are.
 */
import { ascii, concatBytes, u32le } from "./bytes";
import { collect } from "./describe";
import { describeExif } from "./exif";
import { describeXmp } from "./xmp";
import { MetadataError, type MetadataItem } from "./types";

interface Chunk {
  id: string;
  start: number;
  end: number;
  data: Uint8Array;
}

function parse(b: Uint8Array): Chunk[] {
  if (b.length < 12 || ascii(b, 0, 4) !== "RIFF" || ascii(b, 8, 12) !== "WEBP") throw new MetadataError("not a WebP file (no RIFF/WEBP header)");
  const riffEnd = 8 + u32le(b, 4);
  if (riffEnd > b.length) throw new MetadataError("the WebP file is truncated (shorter than its RIFF size)");
  const chunks: Chunk[] = [];
  let o = 12;
  while (o < riffEnd) {
    if (o + 8 > riffEnd) throw new MetadataError("the WebP file is corrupt (a chunk header is cut)");
    const id = ascii(b, o, o + 4);
    const len = u32le(b, o + 4);
    const end = o + 8 + len + (len & 1);
    if (o + 8 + len > riffEnd) throw new MetadataError(`the WebP file is truncated (chunk ${id.trim()} runs past the end)`);
    chunks.push({ id, start: o, end: Math.min(end, riffEnd), data: b.subarray(o + 8, o + 8 + len) });
    o = end;
  }
  if (!chunks.some((c) => c.id === "VP8 " || c.id === "VP8L" || c.id === "ANMF")) throw new MetadataError("the WebP file has no image chunk");
  return chunks;
}

const isMetadata = (c: Chunk) => c.id === "EXIF" || c.id === "XMP ";
const describeChunk = (c: Chunk) => (c.id === "EXIF" ? describeExif(c.data) : describeXmp(c.data));

export function describeWebp(b: Uint8Array): MetadataItem[] {
  return collect(parse(b).filter(isMetadata).flatMap(describeChunk));
}

export function stripWebp(b: Uint8Array): { data: Uint8Array; removed: MetadataItem[] } {
  const chunks = parse(b);
  const dropped = chunks.filter(isMetadata);
  const vp8x = chunks.find((c) => c.id === "VP8X");
  const flagged = vp8x !== undefined && (vp8x.data[0] & 0x0c) !== 0;
  if (dropped.length === 0 && !flagged) return { data: b, removed: [] };
  const parts = chunks.filter((c) => !isMetadata(c)).map((c) => {
    const bytes = b.slice(c.start, c.end);
    if (c.id === "VP8X") bytes[8] &= ~0x0c; // EXIF (0x08) and XMP (0x04) flags
    return bytes;
  });
  const body = concatBytes(parts);
  const header = new Uint8Array(12);
  header.set(b.subarray(0, 12));
  const size = body.length + 4;
  header[4] = size & 0xff;
  header[5] = (size >>> 8) & 0xff;
  header[6] = (size >>> 16) & 0xff;
  header[7] = (size >>> 24) & 0xff;
  return { data: concatBytes([header, body]), removed: collect(dropped.flatMap(describeChunk)) };
}
