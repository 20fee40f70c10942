/**
 * JPEG: drops Exif (keeping only the orientation), XMP, Photoshop/IPTC, comments, vendor
 * APPn blocks and anything after the image; keeps JFIF, the ICC profile (APP2 ICC_PROFILE)
 * and Adobe's APP14, which decoding needs. The compressed image data is copied as it is.
 */
import { ascii, concatBytes, startsWith, u16be } from "./bytes";
import { block, collect, personal } from "./describe";
import { describeExif, exifOrientation, isOrientationOnly, orientationOnlyTiff } from "./exif";
import { describeIptc, describeXmp } from "./xmp";
import { MetadataError, type MetadataItem } from "./types";

interface Segment {
  marker: number;
  start: number;
  end: number;
  payload: Uint8Array;
}

function parse(b: Uint8Array): { segments: Segment[]; scanStart: number; imageEnd: number } {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) throw new MetadataError("not a JPEG file (no start-of-image marker)");
  const segments: Segment[] = [];
  let o = 2;
  for (;;) {
    if (o + 4 > b.length) throw new MetadataError("the JPEG file is truncated before its image data");
    if (b[o] !== 0xff) throw new MetadataError(`the JPEG file is corrupt (no marker at byte ${o})`);
    const marker = b[o + 1];
    if (marker === 0xff) {
      o++;
      continue;
    }
    if (marker === 0xd9) throw new MetadataError("the JPEG file has no image data");
    const len = u16be(b, o + 2);
    if (len < 2 || o + 2 + len > b.length) throw new MetadataError("the JPEG file is truncated (a segment runs past its end)");
    if (marker === 0xda) {
      // The end-of-image marker: in entropy-coded data 0xFF is always followed by 0x00 or a restart marker.
      let e = o + 2 + len;
      while (e + 1 < b.length && !(b[e] === 0xff && b[e + 1] === 0xd9)) e++;
      if (e + 1 >= b.length) throw new MetadataError("the JPEG file is truncated (no end-of-image marker)");
      return { segments, scanStart: o, imageEnd: e + 2 };
    }
    segments.push({ marker, start: o, end: o + 2 + len, payload: b.subarray(o + 4, o + 2 + len) });
    o += 2 + len;
  }
}

type Verdict = "keep" | "exif" | "xmp" | "iptc" | "comment" | "other";

function classify(s: Segment): Verdict {
  const m = s.marker;
  if (m === 0xfe) return "comment";
  if (m < 0xe0 || m > 0xef) return "keep";
  if (m === 0xe0 && (startsWith(s.payload, "JFIF\0") || startsWith(s.payload, "JFXX\0"))) return "keep";
  if (m === 0xe2 && startsWith(s.payload, "ICC_PROFILE\0")) return "keep";
  if (m === 0xee && startsWith(s.payload, "Adobe")) return "keep";
  if (m === 0xe1 && startsWith(s.payload, "Exif\0")) return isOrientationOnly(s.payload) ? "keep" : "exif";
  if (m === 0xe1 && (startsWith(s.payload, "http://ns.adobe.com/xap/1.0/\0") || startsWith(s.payload, "http://ns.adobe.com/xmp/extension/\0"))) return "xmp";
  if (m === 0xed) return "iptc";
  return "other";
}

function xmpBody(p: Uint8Array): Uint8Array {
  const nul = p.indexOf(0);
  // Extended XMP has a 32-byte GUID and two 4-byte numbers after its namespace.
  return startsWith(p, "http://ns.adobe.com/xmp/extension/\0") ? p.subarray(nul + 1 + 40) : p.subarray(nul + 1);
}

function describeSegment(s: Segment, verdict: Verdict): MetadataItem[] {
  switch (verdict) {
    case "exif":
      return describeExif(s.payload);
    case "xmp":
      return describeXmp(xmpBody(s.payload));
    case "iptc":
      return describeIptc(s.payload);
    case "comment":
      return [personal("comment", "comment", ascii(s.payload, 0, s.payload.length)) ?? block("an empty comment")];
    default: {
      const id = ascii(s.payload, 0, Math.min(s.payload.length, 16)).split("\0")[0].replace(/[^\x20-\x7e]/g, "");
      return [block(`an APP${s.marker - 0xe0} block${id ? ` (${id})` : ""}`)];
    }
  }
}

export function describeJpeg(b: Uint8Array): MetadataItem[] {
  const { segments, imageEnd } = parse(b);
  const items: MetadataItem[] = [];
  for (const s of segments) {
    const v = classify(s);
    if (v !== "keep") items.push(...describeSegment(s, v));
  }
  if (imageEnd < b.length) items.push(block(`${b.length - imageEnd} bytes after the image`));
  return collect(items);
}

export function stripJpeg(b: Uint8Array): { data: Uint8Array; removed: MetadataItem[] } {
  const { segments, scanStart, imageEnd } = parse(b);
  const parts: Uint8Array[] = [b.subarray(0, 2)];
  const removed: MetadataItem[] = [];
  let orientation: number | undefined;
  let changed = false;
  for (const s of segments) {
    const v = classify(s);
    if (v === "keep") {
      parts.push(b.subarray(s.start, s.end));
      continue;
    }
    changed = true;
    removed.push(...describeSegment(s, v));
    if (v === "exif" && orientation === undefined) {
      orientation = exifOrientation(s.payload);
      if (orientation !== undefined) {
        const tiff = orientationOnlyTiff(orientation);
        const len = 2 + 6 + tiff.length;
        // Put the orientation-only Exif where the old one was (right after JFIF is the usual place).
        parts.push(Uint8Array.from([0xff, 0xe1, len >> 8, len & 0xff, 0x45, 0x78, 0x69, 0x66, 0, 0]), tiff);
      }
    }
  }
  if (imageEnd < b.length) {
    changed = true;
    removed.push(block(`${b.length - imageEnd} bytes after the image`));
  }
  if (!changed) return { data: b, removed: [] };
  parts.push(b.subarray(scanStart, imageEnd));
  return { data: concatBytes(parts), removed: collect(removed) };
}
