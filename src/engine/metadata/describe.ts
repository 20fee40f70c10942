/** Plain-words descriptions of metadata fields, masked the way the scan's previews are. */
import { maskValue } from "../detect/preview";
import { cleanText } from "./bytes";
import type { MetadataItem, MetadataKind } from "./types";

/** Fields that tell who or where: always masked. Device and software names are not personal. */
export function personal(kind: MetadataKind, label: string, value: string): MetadataItem | undefined {
  const v = cleanText(value);
  if (!v) return undefined;
  return { kind, text: `${label} ${maskValue(v, "pii", "person")}` };
}

export function serial(label: string, value: string): MetadataItem | undefined {
  const v = cleanText(value);
  if (!v) return undefined;
  return { kind: "device", text: `${label} ${maskValue(v, "secret", "serial")}` };
}

export function plain(kind: MetadataKind, label: string, value: string, max = 60): MetadataItem | undefined {
  const v = cleanText(value);
  if (!v) return undefined;
  return { kind, text: `${label} ${v.length > max ? `${v.slice(0, max)}…` : v}` };
}

/** "shot at 48.86 N, 2.35 E": two decimals (about a kilometre) are enough to say what it is. */
export function location(lat: number, lon: number, verb = "shot at"): MetadataItem | undefined {
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  const f = (n: number, pos: string, neg: string) => `${Math.abs(n).toFixed(2)} ${n < 0 ? neg : pos}`;
  return { kind: "location", text: `${verb} ${f(lat, "N", "S")}, ${f(lon, "E", "W")}` };
}

export function block(text: string): MetadataItem {
  return { kind: "block", text };
}

/** Drops empty entries and repeats (the same author in Exif and in XMP shows once). */
export function collect(items: ReadonlyArray<MetadataItem | undefined>): MetadataItem[] {
  const seen = new Set<string>();
  const out: MetadataItem[] = [];
  for (const item of items) {
    if (!item || seen.has(item.text)) continue;
    seen.add(item.text);
    out.push(item);
  }
  return out;
}
