/**
 * MP4 / MOV (ISO base media, QuickTime): the metadata boxes (udta, meta, XMP uuid) are
 * overwritten in place by `free` boxes of the same size, and the creation and modification
 * times of mvhd/tkhd/mdhd are zeroed. No box moves, so chunk offsets (stco/co64) stay right,
 * and only the boxes outside mdat are read: the media bytes are never loaded.
 */
import { ascii, decodeLatin1, decodeUtf8, u16be, u32be } from "./bytes";
import { block, collect, location, personal, plain, serial } from "./describe";
import { describeXmp } from "./xmp";
import { MetadataError, type BytePatch, type ByteSource, type MetadataItem } from "./types";

interface Box {
  type: string;
  start: number;
  headerSize: number;
  end: number;
}

const CONTAINERS = new Set(["moov", "trak", "mdia", "minf", "edts", "dinf", "stbl", "moof", "traf", "mvex"]);
const METADATA_BOXES = new Set(["udta", "meta"]);
const TIMED = new Set(["mvhd", "tkhd", "mdhd"]);
const XMP_UUID = "be7acfcb97a942e89c71999491e3afac";
const IMAGE_BRANDS = new Set(["heic", "heix", "hevc", "heim", "heis", "mif1", "msf1", "avif", "avis"]);
const MAX_BOX_READ = 512 * 1024 * 1024;

function childBoxes(b: Uint8Array, start: number, end: number, base: number): Box[] {
  const boxes: Box[] = [];
  let o = start;
  while (o + 8 <= end) {
    let size = u32be(b, o);
    let headerSize = 8;
    if (size === 1) {
      if (o + 16 > end) throw new MetadataError("the video file is corrupt (a box header is cut)");
      size = u32be(b, o + 8) * 2 ** 32 + u32be(b, o + 12);
      headerSize = 16;
    } else if (size === 0) size = end - o;
    if (size < headerSize || o + size > end) throw new MetadataError(`the video file is corrupt (box ${JSON.stringify(ascii(b, o + 4, o + 8))} at byte ${base + o} overruns its parent)`);
    boxes.push({ type: ascii(b, o + 4, o + 8), start: o, headerSize, end: o + size });
    o += size;
  }
  return boxes;
}

/** `meta` is a full box in MP4 (4 bytes of version and flags) but not in QuickTime. */
function metaChildrenStart(b: Uint8Array, box: Box): number {
  const p = box.start + box.headerSize;
  return ascii(b, p + 4, p + 8) === "hdlr" ? p : p + 4;
}

/** The text of an ilst entry (its `data` child) or of a QuickTime user-data string. */
function entryText(b: Uint8Array, box: Box): string {
  const p = box.start + box.headerSize;
  const kids = box.end - p >= 16 && ascii(b, p + 4, p + 8) === "data" ? childBoxes(b, p, box.end, 0) : [];
  const data = kids.find((k) => k.type === "data");
  if (data) {
    const type = u32be(b, data.start + 8) & 0xffffff;
    const bytes = b.subarray(data.start + 16, data.end);
    return type === 1 ? decodeUtf8(bytes) : type === 0 || type === 21 ? "" : decodeLatin1(bytes);
  }
  if (box.end - p >= 4) {
    const len = u16be(b, p);
    if (p + 4 + len <= box.end) return decodeUtf8(b.subarray(p + 4, p + 4 + len));
  }
  return decodeUtf8(b.subarray(p, box.end));
}

function iso6709(v: string): MetadataItem | undefined {
  const m = /^\s*([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)/.exec(v);
  return m ? location(Number(m[1]), Number(m[2]), "filmed at") : undefined;
}

function describeField(name: string, value: string): MetadataItem | undefined {
  const n = name.toLowerCase().replace(/^com\.apple\.quicktime\./, "").replace(/^\u00a9/, "");
  if (!value.trim()) return undefined;
  if (n === "xyz" || n.startsWith("location.iso6709") || n === "location") return iso6709(value) ?? personal("location", "place", value);
  if (n === "mak" || n === "make") return plain("device", "camera make", value);
  if (n === "mod" || n === "model") return plain("device", "camera model", value);
  if (n.includes("serial") || n === "camera.identifier") return serial("serial", value);
  if (n === "aut" || n === "art" || n === "author" || n === "artist" || n === "wrt" || n === "prd" || n === "dir") return personal("person", "author", value);
  if (n === "cpy" || n === "copyright") return personal("person", "copyright", value);
  if (n === "cmt" || n === "comment" || n === "des" || n === "description" || n === "inf") return personal("comment", "comment", value);
  if (n === "nam" || n === "title" || n === "displayname") return personal("comment", "title", value);
  if (n === "swr" || n === "too" || n === "software" || n === "encoder") return plain("software", "software", value);
  if (n === "day" || n === "creationdate" || n === "date") return plain("date", "date", value);
  if (n === "location.name" || n === "locationname") return personal("location", "place", value);
  return undefined;
}

function describeMetadataBox(b: Uint8Array, box: Box, out: Array<MetadataItem | undefined>): void {
  const kids = box.type === "meta" ? childBoxes(b, metaChildrenStart(b, box), box.end, 0) : childBoxes(b, box.start + box.headerSize, box.end, 0);
  const keysBox = kids.find((k) => k.type === "keys");
  const keys: string[] = [];
  if (keysBox) {
    let o = keysBox.start + keysBox.headerSize + 8;
    while (o + 8 <= keysBox.end) {
      const size = u32be(b, o);
      if (size < 8) break;
      keys.push(ascii(b, o + 8, o + size));
      o += size;
    }
  }
  for (const k of kids) {
    if (k.type === "ilst") {
      for (const entry of childBoxes(b, k.start + k.headerSize, k.end, 0)) {
        const index = u32be(b, entry.start + 4);
        const name = keys.length > 0 && index >= 1 && index <= keys.length ? keys[index - 1] : entry.type;
        out.push(describeField(name, entryText(b, entry)) ?? block(`a ${name.replace(/^com\.apple\.quicktime\./, "")} tag`));
      }
    } else if (k.type === "meta") describeMetadataBox(b, k, out);
    else if (k.type === "XMP_") out.push(...describeXmp(b.subarray(k.start + k.headerSize, k.end)));
    else if (k.type.startsWith("\u00a9")) {
      const item = describeField(k.type, entryText(b, k));
      out.push(item ?? plain("block", k.type.slice(1), entryText(b, k)));
    } else if (k.type !== "hdlr" && k.type !== "keys" && k.type !== "free") out.push(block(`a ${k.type.trim()} block`));
  }
}

/** Reads the top-level boxes' headers (16 bytes each) and the payloads of the ones that can hold metadata. */
async function walk(source: ByteSource): Promise<{ items: MetadataItem[]; patches: BytePatch[] }> {
  const items: Array<MetadataItem | undefined> = [];
  const patches: BytePatch[] = [];
  let o = 0;
  let first = true;
  while (o < source.size) {
    if (o + 8 > source.size) throw new MetadataError("the video file is truncated (a box header is cut)");
    const h = await source.read(o, 16);
    let size = u32be(h, 0);
    let headerSize = 8;
    const type = ascii(h, 4, 8);
    if (size === 1) {
      if (h.length < 16) throw new MetadataError("the video file is truncated (a box header is cut)");
      size = u32be(h, 8) * 2 ** 32 + u32be(h, 12);
      headerSize = 16;
    } else if (size === 0) size = source.size - o;
    if (!/^[\x20-\x7e\xa9]{4}$/.test(type) || size < headerSize) throw new MetadataError(`the video file is corrupt (bad box at byte ${o})`);
    if (o + size > source.size) throw new MetadataError(`the video file is truncated (box ${JSON.stringify(type)} runs past the end)`);
    if (first) {
      if (type !== "ftyp" && type !== "moov" && type !== "wide" && type !== "free" && type !== "mdat" && type !== "skip") throw new MetadataError("not an MP4/MOV file (no ftyp box)");
      if (type === "ftyp") {
        const f = await source.read(o, Math.min(size, 256));
        const brands = [ascii(f, 8, 12)];
        for (let i = 16; i + 4 <= f.length; i += 4) brands.push(ascii(f, i, i + 4));
        if (brands.some((x) => IMAGE_BRANDS.has(x)) && !brands.some((x) => x === "isom" || x === "mp41" || x === "mp42" || x === "qt  "))
          throw new MetadataError("HEIC/AVIF images are not supported yet: convert to JPEG first, or strip with exiftool");
      }
      first = false;
    }
    const box: Box = { type, start: o, headerSize, end: o + size };
    if (type === "moov" || type === "meta" || type === "udta" || type === "uuid" || type === "moof") {
      if (size > MAX_BOX_READ) throw new MetadataError(`the video file's ${type} box is too large (${size} bytes)`);
      const bytes = await source.read(o, size);
      if (bytes.length < size) throw new MetadataError("the video file is truncated");
      visit(bytes, { ...box, start: 0, end: size }, o, true, items, patches);
    }
    o += size;
  }
  if (first) throw new MetadataError("the video file is empty");
  return { items: collect(items), patches };
}

function freePatch(b: Uint8Array, box: Box, base: number): BytePatch {
  const bytes = new Uint8Array(box.end - box.start);
  bytes.set(b.subarray(box.start, box.start + box.headerSize));
  bytes.set([0x66, 0x72, 0x65, 0x65], 4); // "free"
  return { offset: base + box.start, bytes };
}

function visit(b: Uint8Array, box: Box, base: number, top: boolean, items: Array<MetadataItem | undefined>, patches: BytePatch[]): void {
  if (METADATA_BOXES.has(box.type)) {
    const before = items.length;
    describeMetadataBox(b, box, items);
    // A udta or meta with nothing in it (ffmpeg writes an empty one) is not metadata: leave it.
    if (items.length > before) patches.push(freePatch(b, box, base));
    return;
  }
  if (box.type === "uuid" && top) {
    const id = Array.from(b.subarray(box.start + box.headerSize, box.start + box.headerSize + 16), (x) => x.toString(16).padStart(2, "0")).join("");
    items.push(...(id === XMP_UUID ? describeXmp(b.subarray(box.start + box.headerSize + 16, box.end)) : [block("a vendor uuid block")]));
    patches.push(freePatch(b, box, base));
    return;
  }
  if (TIMED.has(box.type)) {
    const p = box.start + box.headerSize;
    const wide = b[p] === 1 ? 8 : 4;
    const times = b.subarray(p + 4, p + 4 + 2 * wide);
    if (times.some((x) => x !== 0)) {
      if (box.type === "mvhd") items.push({ kind: "date", text: "recording date" });
      patches.push({ offset: base + p + 4, bytes: new Uint8Array(2 * wide) });
    }
    return;
  }
  if (CONTAINERS.has(box.type)) for (const child of childBoxes(b, box.start + box.headerSize, box.end, base)) visit(b, child, base, false, items, patches);
}

export async function describeMp4(source: ByteSource): Promise<MetadataItem[]> {
  return (await walk(source)).items;
}

export async function planMp4(source: ByteSource): Promise<{ patches: BytePatch[]; removed: MetadataItem[] }> {
  const { items, patches } = await walk(source);
  return { patches, removed: patches.length > 0 ? items : [] };
}
