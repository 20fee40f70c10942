/**
 * PNG: drops the text chunks (tEXt, iTXt, zTXt), eXIf and tIME; every other chunk (the
 * image data, palette, colour profile, gamma, physical size) is copied byte for byte.
 */
import { unzlibSync } from "fflate";
import { ascii, concatBytes, decodeLatin1, decodeUtf8, encodeUtf8, u32be } from "./bytes";
import { block, collect, personal, plain } from "./describe";
import { describeExif } from "./exif";
import { describeXmp } from "./xmp";
import { MetadataError, type MetadataItem } from "./types";

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const METADATA_CHUNKS = new Set(["tEXt", "iTXt", "zTXt", "eXIf", "tIME"]);

interface Chunk {
  type: string;
  start: number;
  end: number;
  data: Uint8Array;
}

export function isPng(b: Uint8Array): boolean {
  return b.length >= 8 && SIGNATURE.every((v, i) => b[i] === v);
}

function parse(b: Uint8Array): Chunk[] {
  if (!isPng(b)) throw new MetadataError("not a PNG file (bad signature)");
  const chunks: Chunk[] = [];
  let o = 8;
  while (o < b.length) {
    if (o + 12 > b.length) throw new MetadataError("the PNG file is truncated (a chunk header is cut)");
    const len = u32be(b, o);
    const type = ascii(b, o + 4, o + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) throw new MetadataError(`the PNG file is corrupt (bad chunk type at byte ${o})`);
    const end = o + 12 + len;
    if (end > b.length) throw new MetadataError(`the PNG file is truncated (chunk ${type} runs past the end)`);
    chunks.push({ type, start: o, end, data: b.subarray(o + 8, o + 8 + len) });
    o = end;
    if (type === "IEND") break;
  }
  if (chunks[chunks.length - 1]?.type !== "IEND") throw new MetadataError("the PNG file is truncated (no IEND chunk)");
  if (chunks[0]?.type !== "IHDR") throw new MetadataError("the PNG file is corrupt (IHDR is not the first chunk)");
  return chunks;
}

const KEYWORD_KIND: Record<string, "person" | "comment" | "software" | "date" | "location"> = {
  author: "person",
  copyright: "person",
  comment: "comment",
  description: "comment",
  title: "comment",
  software: "software",
  "creation time": "date",
  source: "software",
};

function textChunk(c: Chunk): { key: string; value: string } | undefined {
  const nul = c.data.indexOf(0);
  if (nul < 0) return undefined;
  const key = decodeLatin1(c.data.subarray(0, nul));
  try {
    if (c.type === "tEXt") return { key, value: decodeLatin1(c.data.subarray(nul + 1)) };
    if (c.type === "zTXt") return { key, value: decodeLatin1(unzlibSync(c.data.subarray(nul + 2))) };
    // iTXt: keyword\0 flag method lang\0 translated\0 text
    const flag = c.data[nul + 1];
    let p = nul + 3;
    p = c.data.indexOf(0, p) + 1;
    p = c.data.indexOf(0, p) + 1;
    if (p <= 0) return { key, value: "" };
    const body = c.data.subarray(p);
    return { key, value: decodeUtf8(flag ? unzlibSync(body) : body) };
  } catch {
    return { key, value: "" };
  }
}

function describeChunk(c: Chunk): MetadataItem[] {
  if (c.type === "eXIf") return describeExif(c.data);
  if (c.type === "tIME") return [{ kind: "date", text: "a last-modified time" }];
  const t = textChunk(c);
  if (!t) return [block(`a ${c.type} chunk`)];
  if (t.key === "XML:com.adobe.xmp") return describeXmp(encodeUtf8(t.value));
  if (/^Raw profile type (exif|APP1)$/i.test(t.key)) return [block("an Exif block (ImageMagick text form)")];
  const kind = /^date:/i.test(t.key) ? "date" : KEYWORD_KIND[t.key.toLowerCase()];
  if (kind === "software" || kind === "date") return [plain(kind, t.key.toLowerCase(), t.value) ?? block(`a ${t.key} text`)];
  return [personal(kind ?? "comment", t.key.toLowerCase(), t.value) ?? block(`a ${t.key} text`)];
}

export function describePng(b: Uint8Array): MetadataItem[] {
  return collect(parse(b).filter((c) => METADATA_CHUNKS.has(c.type)).flatMap(describeChunk));
}

export function stripPng(b: Uint8Array): { data: Uint8Array; removed: MetadataItem[] } {
  const chunks = parse(b);
  const dropped = chunks.filter((c) => METADATA_CHUNKS.has(c.type));
  const last = chunks[chunks.length - 1];
  const trailing = last.end < b.length;
  if (dropped.length === 0 && !trailing) return { data: b, removed: [] };
  const removed = dropped.flatMap(describeChunk);
  if (trailing) removed.push(block(`${b.length - last.end} bytes after the image`));
  const parts = [b.subarray(0, 8), ...chunks.filter((c) => !METADATA_CHUNKS.has(c.type)).map((c) => b.subarray(c.start, c.end))];
  return { data: concatBytes(parts), removed: collect(removed) };
}
