/**
 * GIF: drops comment extensions and the application extensions that carry metadata (XMP,
 * ImageMagick's IPTC and 8BIM); frames, palettes, looping and colour profile stay.
 */
import { ascii, concatBytes } from "./bytes";
import { block, collect, personal } from "./describe";
import { describeXmp } from "./xmp";
import { MetadataError, type MetadataItem } from "./types";

const METADATA_APPS = new Set(["XMP DataXMP", "MGK8BIM0000", "MGKIPTC0000"]);

interface Block {
  start: number;
  end: number;
  drop?: MetadataItem[];
}

/** Skips a chain of data sub-blocks from `o`; returns the offset after the terminator. */
function subBlocks(b: Uint8Array, o: number): number {
  for (;;) {
    if (o >= b.length) throw new MetadataError("the GIF file is truncated (a data block is cut)");
    const n = b[o];
    o += 1 + n;
    if (n === 0) return o;
  }
}

function collectSubBlocks(b: Uint8Array, o: number, end: number): Uint8Array {
  const parts: Uint8Array[] = [];
  while (o < end && b[o] !== 0) {
    parts.push(b.subarray(o + 1, o + 1 + b[o]));
    o += 1 + b[o];
  }
  return concatBytes(parts);
}

function parse(b: Uint8Array): { head: number; blocks: Block[]; trailerEnd: number } {
  const sig = ascii(b, 0, 6);
  if (sig !== "GIF87a" && sig !== "GIF89a") throw new MetadataError("not a GIF file (bad signature)");
  if (b.length < 13) throw new MetadataError("the GIF file is truncated (no screen descriptor)");
  let o = 13;
  if (b[10] & 0x80) o += 3 * (1 << ((b[10] & 7) + 1));
  const head = o;
  const blocks: Block[] = [];
  for (;;) {
    if (o >= b.length) throw new MetadataError("the GIF file is truncated (no trailer)");
    const start = o;
    const kind = b[o];
    if (kind === 0x3b) return { head, blocks, trailerEnd: o + 1 };
    if (kind === 0x2c) {
      if (o + 10 > b.length) throw new MetadataError("the GIF file is truncated (an image descriptor is cut)");
      const flags = b[o + 9];
      o += 10;
      if (flags & 0x80) o += 3 * (1 << ((flags & 7) + 1));
      o = subBlocks(b, o + 1); // LZW minimum code size, then the image data
      blocks.push({ start, end: o });
    } else if (kind === 0x21) {
      const label = b[o + 1];
      const end = subBlocks(b, o + 2);
      let drop: MetadataItem[] | undefined;
      if (label === 0xfe) {
        const text = ascii(collectSubBlocks(b, o + 2, end), 0, Infinity);
        drop = [personal("comment", "comment", text) ?? block("an empty comment")];
      } else if (label === 0xff && b[o + 2] === 11) {
        const app = ascii(b, o + 3, o + 14);
        if (METADATA_APPS.has(app)) {
          // XMP's sub-block lengths are part of its payload (the "magic trailer"): read it raw.
          drop = app === "XMP DataXMP" ? describeXmp(b.subarray(o + 14, end)) : [block(`an ${app.slice(3, 7)} block`)];
        }
      }
      blocks.push({ start, end, drop });
      o = end;
    } else {
      throw new MetadataError(`the GIF file is corrupt (unknown block 0x${kind.toString(16)} at byte ${o})`);
    }
    if (o > b.length) throw new MetadataError("the GIF file is truncated");
  }
}

export function describeGif(b: Uint8Array): MetadataItem[] {
  return collect(parse(b).blocks.flatMap((x) => x.drop ?? []));
}

export function stripGif(b: Uint8Array): { data: Uint8Array; removed: MetadataItem[] } {
  const { head, blocks, trailerEnd } = parse(b);
  const removed = blocks.flatMap((x) => x.drop ?? []);
  const trailing = trailerEnd < b.length;
  if (removed.length === 0 && !trailing) return { data: b, removed: [] };
  if (trailing) removed.push(block(`${b.length - trailerEnd} bytes after the image`));
  const parts = [b.subarray(0, head), ...blocks.filter((x) => !x.drop).map((x) => b.subarray(x.start, x.end)), Uint8Array.of(0x3b)];
  return { data: concatBytes(parts), removed: collect(removed) };
}
