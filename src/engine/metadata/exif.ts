/**
 * Exif (a TIFF structure): reads the fields worth naming and the orientation, and builds
 * the smallest Exif block that keeps an image the right way up. Used by JPEG, PNG, WebP.
 */
import { ascii, decodeLatin1, decodeUtf8, u16be, u16le, u32be, u32le } from "./bytes";
import { block, collect, location, personal, plain, serial } from "./describe";
import type { MetadataItem } from "./types";

interface Entry {
  tag: number;
  type: number;
  count: number;
  valueOffset: number;
}

interface Tiff {
  b: Uint8Array;
  le: boolean;
}

const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8 };

function readIfd(t: Tiff, offset: number): Entry[] {
  const { b, le } = t;
  if (offset + 2 > b.length) return [];
  const n = le ? u16le(b, offset) : u16be(b, offset);
  const entries: Entry[] = [];
  for (let i = 0; i < n && offset + 2 + i * 12 + 12 <= b.length; i++) {
    const e = offset + 2 + i * 12;
    const tag = le ? u16le(b, e) : u16be(b, e);
    const type = le ? u16le(b, e + 2) : u16be(b, e + 2);
    const count = le ? u32le(b, e + 4) : u32be(b, e + 4);
    const size = (TYPE_SIZE[type] ?? 1) * count;
    const valueOffset = size <= 4 ? e + 8 : le ? u32le(b, e + 8) : u32be(b, e + 8);
    entries.push({ tag, type, count, valueOffset });
  }
  return entries;
}

function str(t: Tiff, e: Entry): string {
  const end = Math.min(t.b.length, e.valueOffset + e.count);
  const raw = t.b.subarray(e.valueOffset, end);
  const nul = raw.indexOf(0);
  const bytes = nul === -1 ? raw : raw.subarray(0, nul);
  const text = decodeUtf8(bytes);
  return text.includes("\ufffd") ? decodeLatin1(bytes) : text;
}

function num(t: Tiff, e: Entry, i = 0): number {
  const { b, le } = t;
  const o = e.valueOffset + i * (TYPE_SIZE[e.type] ?? 1);
  if (o + (TYPE_SIZE[e.type] ?? 1) > b.length) return NaN;
  switch (e.type) {
    case 1:
    case 7:
      return b[o];
    case 3:
      return le ? u16le(b, o) : u16be(b, o);
    case 4:
    case 9:
      return le ? u32le(b, o) : u32be(b, o);
    case 5:
    case 10: {
      const n = le ? u32le(b, o) : u32be(b, o);
      const d = le ? u32le(b, o + 4) : u32be(b, o + 4);
      return d === 0 ? NaN : n / d;
    }
    default:
      return NaN;
  }
}

/** UCS-2 little-endian (Windows' XP* tags) or an 8-byte charset header (UserComment). */
function xpString(t: Tiff, e: Entry): string {
  const bytes = t.b.subarray(e.valueOffset, Math.min(t.b.length, e.valueOffset + e.count));
  let s = "";
  for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
  return s.replace(/\0+$/, "");
}

function userComment(t: Tiff, e: Entry): string {
  const bytes = t.b.subarray(e.valueOffset, Math.min(t.b.length, e.valueOffset + e.count));
  if (bytes.length <= 8) return "";
  const charset = ascii(bytes, 0, 8);
  const body = bytes.subarray(8);
  if (charset.startsWith("UNICODE")) {
    let s = "";
    for (let i = 0; i + 1 < body.length; i += 2) s += String.fromCharCode(t.le ? body[i] | (body[i + 1] << 8) : (body[i] << 8) | body[i + 1]);
    return s.replace(/\0+$/, "");
  }
  return decodeUtf8(body).replace(/\0+$/, "");
}

function parseTiff(b: Uint8Array): Tiff | undefined {
  if (b.length < 8) return undefined;
  if (b[0] === 0x49 && b[1] === 0x49 && u16le(b, 2) === 42) return { b, le: true };
  if (b[0] === 0x4d && b[1] === 0x4d && u16be(b, 2) === 42) return { b, le: false };
  return undefined;
}

function firstIfdOffset(t: Tiff): number {
  return t.le ? u32le(t.b, 4) : u32be(t.b, 4);
}

/** The TIFF bytes of an Exif payload (skips the "Exif\0\0" header JPEG and WebP may carry). */
export function tiffBytes(payload: Uint8Array): Uint8Array {
  if (payload.length >= 6 && ascii(payload, 0, 4) === "Exif" && payload[4] === 0 && payload[5] === 0) return payload.subarray(6);
  return payload;
}

/** The Orientation tag (1–8), or undefined when absent or unreadable. */
export function exifOrientation(payload: Uint8Array): number | undefined {
  const t = parseTiff(tiffBytes(payload));
  if (!t) return undefined;
  const e = readIfd(t, firstIfdOffset(t)).find((x) => x.tag === 0x0112);
  if (!e) return undefined;
  const v = num(t, e);
  return v >= 1 && v <= 8 ? v : undefined;
}

/** A TIFF block with one IFD holding only the orientation (big-endian, 26 bytes). */
export function orientationOnlyTiff(orientation: number): Uint8Array {
  // prettier-ignore
  return Uint8Array.from([0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]);
}

function gpsCoordinate(t: Tiff, e: Entry | undefined, ref: Entry | undefined): number {
  if (!e || e.count < 3) return NaN;
  const v = num(t, e, 0) + num(t, e, 1) / 60 + num(t, e, 2) / 3600;
  const r = ref ? str(t, ref).toUpperCase() : "";
  return r === "S" || r === "W" ? -v : v;
}

/** The fields an Exif block carries, in plain words; a catch-all line when nothing is named. */
export function describeExif(payload: Uint8Array): MetadataItem[] {
  const t = parseTiff(tiffBytes(payload));
  if (!t) return [block("an Exif block")];
  const ifd0 = readIfd(t, firstIfdOffset(t));
  const all = [...ifd0];
  const sub = (tag: number) => {
    const p = ifd0.find((x) => x.tag === tag);
    return p ? readIfd(t, num(t, p)) : [];
  };
  const exif = sub(0x8769);
  const gps = sub(0x8825);
  all.push(...exif);
  const get = (tag: number) => all.find((x) => x.tag === tag);
  const s = (tag: number) => {
    const e = get(tag);
    return e ? str(t, e) : "";
  };
  const g = (tag: number) => gps.find((x) => x.tag === tag);
  const make = s(0x010f);
  const model = s(0x0110);
  const camera = [make, model.startsWith(make) ? model.slice(make.length).trim() : model].filter(Boolean).join(" ");
  const lens = s(0xa434);
  const xp = (tag: number) => {
    const e = get(tag);
    return e ? xpString(t, e) : "";
  };
  const uc = get(0x9286);
  const items = collect([
    location(gpsCoordinate(t, g(2), g(1)), gpsCoordinate(t, g(4), g(3))),
    plain("device", "camera", camera),
    serial("serial", s(0xa431)),
    plain("device", "lens", lens),
    serial("lens serial", s(0xa435)),
    personal("person", "owner", s(0xa430)),
    personal("person", "artist", s(0x013b)),
    personal("person", "author", xp(0x9c9d)),
    personal("person", "copyright", s(0x8298)),
    personal("comment", "description", s(0x010e)),
    personal("comment", "comment", xp(0x9c9c)),
    personal("comment", "comment", uc ? userComment(t, uc) : ""),
    plain("software", "software", s(0x0131)),
    plain("date", "taken", s(0x9003) || s(0x0132)),
  ]);
  if (gps.length > 0 && !items.some((i) => i.kind === "location")) items.unshift({ kind: "location", text: "GPS fields" });
  return items.length > 0 ? items : [block("an Exif block")];
}

/** True for an Exif block that holds nothing but the orientation (what a strip leaves). */
export function isOrientationOnly(payload: Uint8Array): boolean {
  const t = parseTiff(tiffBytes(payload));
  if (!t) return false;
  const at = firstIfdOffset(t);
  const entries = readIfd(t, at);
  const next = at + 2 + entries.length * 12;
  const nextIfd = next + 4 <= t.b.length ? (t.le ? u32le(t.b, next) : u32be(t.b, next)) : 0;
  return entries.length === 1 && entries[0].tag === 0x0112 && nextIfd === 0;
}
