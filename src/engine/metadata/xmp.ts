/** XMP packets (RDF/XML) and IPTC-IIM records: the fields worth naming, in plain words. */
import { decodeLatin1, decodeUtf8, u16be } from "./bytes";
import { block, collect, location, personal, plain, serial } from "./describe";
import type { MetadataItem } from "./types";

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");
}

/** A property's value, written as an attribute or as an element (first rdf:li when a list). */
export function xmpProperty(xml: string, name: string): string {
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const attr = new RegExp(`\\s${esc}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(xml);
  if (attr) return unescapeXml(attr[1] ?? attr[2] ?? "");
  const el = new RegExp(`<${esc}(?:\\s[^>]*)?>([\\s\\S]*?)</${esc}>`).exec(xml);
  if (!el) return "";
  const inner = el[1];
  const li = /<rdf:li(?:\s[^>]*)?>([\s\S]*?)<\/rdf:li>/.exec(inner);
  return unescapeXml((li ? li[1] : inner).replace(/<[^>]*>/g, " "));
}

/** XMP's GPS form: "48,51.6N" or "48,51,36N" or a signed decimal. */
function xmpCoordinate(v: string): number {
  const m = /^\s*(-?\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?(?:,(\d+(?:\.\d+)?))?\s*([NSEW])?\s*$/i.exec(v);
  if (!m) return NaN;
  const value = Number(m[1]) + (m[2] ? Number(m[2]) / 60 : 0) + (m[3] ? Number(m[3]) / 3600 : 0);
  return m[4] && /[SW]/i.test(m[4]) ? -value : value;
}

export function describeXmp(bytes: Uint8Array): MetadataItem[] {
  const xml = decodeUtf8(bytes);
  const p = (name: string) => xmpProperty(xml, name);
  const make = p("tiff:Make");
  const model = p("tiff:Model");
  const items = collect([
    location(xmpCoordinate(p("exif:GPSLatitude")), xmpCoordinate(p("exif:GPSLongitude"))),
    personal("location", "city", p("photoshop:City")),
    plain("device", "camera", [make, model.startsWith(make) ? model.slice(make.length).trim() : model].filter(Boolean).join(" ")),
    serial("serial", p("aux:SerialNumber") || p("exifEX:BodySerialNumber")),
    personal("person", "author", p("dc:creator") || p("pdf:Author")),
    personal("person", "copyright", p("dc:rights")),
    personal("comment", "description", p("dc:description")),
    personal("comment", "title", p("dc:title")),
    plain("software", "software", p("xmp:CreatorTool") || p("pdf:Producer")),
    plain("date", "created", p("xmp:CreateDate")),
    /<xmpMM:History\b/.test(xml) ? { kind: "history", text: "an edit history" } : undefined,
  ]);
  return items.length > 0 ? items : [block("an XMP block")];
}

/** IPTC-IIM records inside a Photoshop APP13 segment (8BIM resource 0x0404). */
export function describeIptc(bytes: Uint8Array): MetadataItem[] {
  const fields = new Map<number, string>();
  for (let i = 0; i + 5 <= bytes.length; i++) {
    if (bytes[i] !== 0x1c || bytes[i + 1] !== 2) continue;
    const dataset = bytes[i + 2];
    const len = u16be(bytes, i + 3);
    if (len & 0x8000 || i + 5 + len > bytes.length) continue;
    const raw = bytes.subarray(i + 5, i + 5 + len);
    const text = decodeUtf8(raw);
    if (!fields.has(dataset)) fields.set(dataset, text.includes("\ufffd") ? decodeLatin1(raw) : text);
    i += 4 + len;
  }
  const f = (n: number) => fields.get(n) ?? "";
  const items = collect([
    personal("person", "author", f(80)),
    personal("person", "copyright", f(116)),
    personal("location", "city", f(90)),
    personal("location", "place", f(92)),
    personal("comment", "caption", f(120)),
    personal("person", "contact", f(118)),
  ]);
  return items.length > 0 ? items : [block("an IPTC block")];
}
