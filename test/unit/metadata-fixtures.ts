/**
 * Files with planted metadata, built by the tests' own code. The base images and the
 * one-second video are tiny files made once with ImageMagick / ffmpeg and stripped of all
 * metadata (exiftool -all=); every metadata field is then written here.
 */
import { zipSync, strToU8, zlibSync } from "fflate";
import { PDFDocument, PDFName, PDFString, StandardFonts } from "pdf-lib";

export const BASE_JPEG = Buffer.from("/9j/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT/2wBDAQMEBAUEBQkFBQkUDQsNFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBT/wAARCAAQABADAREAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAAAAcI/8QAGBAAAgMAAAAAAAAAAAAAAAAAABUBUmL/xAAWAQEBAQAAAAAAAAAAAAAAAAAACAT/xAAWEQADAAAAAAAAAAAAAAAAAAAAFmL/2gAMAwEAAhEDEQA/AMsPYsZkuS+G6g9iwS5DdRPHui80uSLG6g90EuQ3Uf/Z", "base64");
export const BASE_WEBP = Buffer.from("UklGRkoAAABXRUJQVlA4ID4AAAAwAgCdASoQABAAAgA0JbACdGuA/wAFu1l1EAD+9YZ6ZaqopAwE3//bTZX7eTX/3CMKP/+5zPdRWtkLpAAAAA==", "base64");
export const BASE_GIF = Buffer.from("R0lGODlhEAAQAPMAAP8AAO4AEd0AIswAM7sARKoAVZkAZogAd3cAiGYAmVUAqkQAuzMAzCIA3REA7gAA/yH5BAAAAAAALAAAAAAQABAAAAROEMhJKwg46x2E/2AoDGRpngOhrmxLFHAsz4Vh33huHHzv/weEcEgsIhLIpHKZUDif0KhiQa1arwuGdsvtMhrgsHjccJjP6LTjwW67348IADs=", "base64");
/** 32×32, 5 frames of ffmpeg's testsrc, H.264; moov after mdat. */
export const BASE_MP4 = Buffer.from("AAAAIGZ0eXBpc29tAAACAGlzb21pc28yYXZjMW1wNDEAAAAIZnJlZQAABjdtZGF0AAACUwYF//9P3EXpvebZSLeWLNgg2SPu73gyNjQgLSBjb3JlIDE2NCByMzA5NSBiYWVlNDAwIC0gSC4yNjQvTVBFRy00IEFWQyBjb2RlYyAtIENvcHlsZWZ0IDIwMDMtMjAyMiAtIGh0dHA6Ly93d3cudmlkZW9sYW4ub3JnL3gyNjQuaHRtbCAtIG9wdGlvbnM6IGNhYmFjPTAgcmVmPTEgZGVibG9jaz0wOjA6MCBhbmFseXNlPTA6MCBtZT1kaWEgc3VibWU9MCBwc3k9MSBwc3lfcmQ9MS4wMDowLjAwIG1peGVkX3JlZj0wIG1lX3JhbmdlPTE2IGNocm9tYV9tZT0xIHRyZWxsaXM9MCA4eDhkY3Q9MCBjcW09MCBkZWFkem9uZT0yMSwxMSBmYXN0X3Bza2lwPTEgY2hyb21hX3FwX29mZnNldD0wIHRocmVhZHM9MSBsb29rYWhlYWRfdGhyZWFkcz0xIHNsaWNlZF90aHJlYWRzPTAgbnI9MCBkZWNpbWF0ZT0xIGludGVybGFjZWQ9MCBibHVyYXlfY29tcGF0PTAgY29uc3RyYWluZWRfaW50cmE9MCBiZnJhbWVzPTAgd2VpZ2h0cD0wIGtleWludD0yNTAga2V5aW50X21pbj01IHNjZW5lY3V0PTAgaW50cmFfcmVmcmVzaD0wIHJjPWNyZiBtYnRyZWU9MCBjcmY9MjMuMCBxY29tcD0wLjYwIHFwbWluPTAgcXBtYXg9NjkgcXBzdGVwPTQgaXBfcmF0aW89MS40MCBhcT0wAIAAAAJxZYiEOgxgAIaAQDyw3rypgC0gyFtUJ8ACmyImN+hkdwAHQZRHMSaalwryquBM0SfqC6ab+zAe/wbh78IAAEAAADAFSw9gAAoAHNMBRsDo+eAyAABALAAEAcAPufhEAAQAQABAZAAQEAAICQEAfIAJkzzIAoF/5/ayADi5XAOD31CBBWCwgrAAFk4dRERhRIH3FoX7RQsVwfy/D0XyDwgABUAAQBGBAACoAAgCMBjADgYQAPIhNAjJEgmKbgRgP1/4OAAIAIAHALlgJAVuUPiHL+nGJhac0hu7QYEZmRobdDoz4AGCma7UoeB3xRr+3hghAACAAIEpqYyQMmg3vu+FAAEBYAAQGQABDrCAAEAgDgCSWvNQAKNEoBgQyrUZabAFA07YQIKwWEFY3BAyA6DeHoLGHcbAwz6pMIUAmY3MIAAVAAEARgQAAqAAIAjAWcAHGDCB6fI6h0L04RJcMpx+ADwRAAupHmiCTyvq9/kAACAIAAIAwGXCoA+4AdEATgBACsvFg8XATB7lIJ11oo9l/iQANwseJZoWmoJyt/CQAC1oBgZHYEAIAAgUKAASEAAIKJQABA4QqllGlgDl6g0xgHBi9csRnIVAgCWV/LZaqWAKYcyh6DJnIie/7EwJyGcwkKBZc/4LOAAgAICpBlkgbhbvSYOkq2bdX8AHsIM1A9UgYfN+rwPAAEAJgGAHXBwgNiA423eAMdgaaxQHE0JwAbh50NwFCY5QB37tCQADcgAcD4bAgABABAAECUIAkEAmYpW5akzxeJCqV0AUAIz37LU3huZRgM3yp5uR8RjMxFI+QA6GgD9EEFlXJWOhZ8IHrQAAADNBmiBCfDEUAMHiZBTSyiNEvXhdwlrPQH/xDo/jwxFABg6NkF1y1IR78RQhsuSgMZc/ox0AAABYQZpBJ8MRQACUMAKYA8iKWg7/6o4/AwRVMVfqdrdoXcESMeCGz4GuyN+IHQGttHhiWAATh8CmDRNyza1z/CywNI4mSNSK63aEKJhCPJmtcImfvzzoCLcsoAAAAGJBmmGnwxAcjIETCwAYMW7iFMCFvwLsmCwASpmcsRrXrfgQVdAiJVpA6dB0twPDikWzbs8MQdEUKmFgBhFHrM8x+isrjwipBUAEiZwgHWdNOAhIhhCZFgXwvIpHnjUVGakvZAAAAGZBmoCp8MQHcATJhKANBmoqU15VF2MWYGEQOmRAKNIxxR4FGrBBxVwKrfsIdhSPwePQILjlbwxB8AMqYTAGhhE9vRQmpC7FjA0RgyY/ADv9kK4HBCJHCAeRJtIVJuxiHnsoUsL8u0AAAAMRbW9vdgAAAGxtdmhkAAAAAAAAAAAAAAAAAAAD6AAAA+gAAQAAAQAAAAAAAAAAAAAAAAEAAAAAAAAAAAAAAAAAAAABAAAAAAAAAAAAAAAAAABAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAgAAAmB0cmFrAAAAXHRraGQAAAADAAAAAAAAAAAAAAABAAAAAAAAA+gAAAAAAAAAAAAAAAAAAAAAAAEAAAAAAAAAAAAAAAAAAAABAAAAAAAAAAAAAAAAAABAAAAAACAAAAAgAAAAAAAkZWR0cwAAABxlbHN0AAAAAAAAAAEAAAPoAAAAAAABAAAAAAHYbWRpYQAAACBtZGhkAAAAAAAAAAAAAAAAAAAoAAAAKABVxAAAAAAALWhkbHIAAAAAAAAAAHZpZGUAAAAAAAAAAAAAAABWaWRlb0hhbmRsZXIAAAABg21pbmYAAAAUdm1oZAAAAAEAAAAAAAAAAAAAACRkaW5mAAAAHGRyZWYAAAAAAAAAAQAAAAx1cmwgAAAAAQAAAUNzdGJsAAAAt3N0c2QAAAAAAAAAAQAAAKdhdmMxAAAAAAAAAAEAAAAAAAAAAAAAAAAAAAAAACAAIABIAAAASAAAAAAAAAABDExhdmMgbGlieDI2NAAAAAAAAAAAAAAAAAAAAAAAAAAAGP//AAAALWF2Y0MBQsAK/+EAFmdCwAraJbARAAADAAEAAAMACg8SJqABAARozg/IAAAAEHBhc3AAAAABAAAAAQAAABRidHJ0AAAAAAAAMXgAADF4AAAAGHN0dHMAAAAAAAAAAQAAAAUAAAgAAAAAFHN0c3MAAAAAAAAAAQAAAAEAAAAcc3RzYwAAAAAAAAABAAAAAQAAAAUAAAABAAAAKHN0c3oAAAAAAAAAAAAAAAUAAATMAAAANwAAAFwAAABmAAAAagAAABRzdGNvAAAAAAAAAAEAAAAwAAAAPXVkdGEAAAA1bWV0YQAAAAAAAAAhaGRscgAAAAAAAAAAbWRpcmFwcGwAAAAAAAAAAAAAAAAIaWxzdA==", "base64");

/** The values planted everywhere; none may survive a strip. */
export const PLANTED = { author: "Camille Dupont", company: "Mercure Studio", serial: "SN-4471-XQ9", comment: "pour le client Mercure", make: "Apple", model: "iPhone 15 Pro" };
export const PLANTED_VALUES = [PLANTED.author, PLANTED.company, PLANTED.serial, PLANTED.comment, "48.8566", "+48.85"];

function u16(n: number) {
  return [n >> 8, n & 0xff];
}
function u32(n: number) {
  return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}

/** A big-endian TIFF: IFD0 (Make, Model, Artist, Orientation, Exif and GPS pointers), an Exif IFD (serial), a GPS IFD. */
export function buildExif(orientation = 6): Buffer {
  type E = { tag: number; type: number; count: number; data: number[] };
  const ascii = (tag: number, s: string): E => ({ tag, type: 2, count: s.length + 1, data: [...Buffer.from(s + "\0", "latin1")] });
  const short = (tag: number, v: number): E => ({ tag, type: 3, count: 1, data: [...u16(v), 0, 0] });
  const long = (tag: number, v: number): E => ({ tag, type: 4, count: 1, data: u32(v) });
  const rationals = (tag: number, values: number[][]): E => ({ tag, type: 5, count: values.length, data: values.flatMap(([n, d]) => [...u32(n), ...u32(d)]) });
  const out: number[] = [0x4d, 0x4d, 0, 42, ...u32(8)];
  const writeIfd = (entries: E[], at: number): number[] => {
    const ifd: number[] = [...u16(entries.length)];
    const extra: number[] = [];
    const extraStart = at + 2 + entries.length * 12 + 4;
    for (const e of entries) {
      ifd.push(...u16(e.tag), ...u16(e.type), ...u32(e.count));
      if (e.data.length <= 4) ifd.push(...e.data, ...new Array(4 - e.data.length).fill(0));
      else {
        ifd.push(...u32(extraStart + extra.length));
        extra.push(...e.data);
        if (extra.length & 1) extra.push(0);
      }
    }
    return [...ifd, 0, 0, 0, 0, ...extra];
  };
  // Lay out IFD0 at 8, then Exif IFD, then GPS IFD: compute sizes first.
  const ifd0 = (exifAt: number, gpsAt: number) => [ascii(0x010f, PLANTED.make), ascii(0x0110, PLANTED.model), short(0x0112, orientation), ascii(0x013b, PLANTED.author), long(0x8769, exifAt), long(0x8825, gpsAt)];
  const exif = [ascii(0xa431, PLANTED.serial), ascii(0x9003, "2026:05:01 10:00:00")];
  const gps = [ascii(1, "N"), rationals(2, [[48, 1], [51, 1], [2376, 100]]), ascii(3, "E"), rationals(4, [[2, 1], [21, 1], [792, 100]])];
  const first = writeIfd(ifd0(0, 0), 8);
  const exifAt = 8 + first.length;
  const exifBytes = writeIfd(exif, exifAt);
  const gpsAt = exifAt + exifBytes.length;
  out.push(...writeIfd(ifd0(exifAt, gpsAt), 8), ...writeIfd(exif, exifAt), ...writeIfd(gps, gpsAt));
  return Buffer.from(out);
}

export const XMP_PACKET = `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:aux="http://ns.adobe.com/exif/1.0/aux/" exif:GPSLatitude="48,51.396N" exif:GPSLongitude="2,21.132E" aux:SerialNumber="${PLANTED.serial}"><dc:creator><rdf:Seq><rdf:li>${PLANTED.author}</rdf:li></rdf:Seq></dc:creator><dc:description><rdf:Alt><rdf:li xml:lang="x-default">${PLANTED.comment}</rdf:li></rdf:Alt></dc:description></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

function segment(marker: number, payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from([0xff, marker, ...u16(payload.length + 2)]), payload]);
}

/** JPEG: Exif (with orientation 6), XMP, IPTC by-line, a comment, and an ICC profile that must stay. */
export function jpegWithMetadata(): Buffer {
  const iptcRecord = Buffer.concat([Buffer.from([0x1c, 2, 80, ...u16(PLANTED.author.length)]), Buffer.from(PLANTED.author)]);
  const bim = Buffer.concat([Buffer.from("8BIM"), Buffer.from([0x04, 0x04, 0, 0]), Buffer.from(u32(iptcRecord.length)), iptcRecord]);
  const icc = Buffer.concat([Buffer.from("ICC_PROFILE\0"), Buffer.from([1, 1]), Buffer.alloc(128, 7)]);
  return Buffer.concat([
    BASE_JPEG.subarray(0, 2),
    segment(0xe1, Buffer.concat([Buffer.from("Exif\0\0"), buildExif()])),
    segment(0xe1, Buffer.concat([Buffer.from("http://ns.adobe.com/xap/1.0/\0"), Buffer.from(XMP_PACKET)])),
    segment(0xed, Buffer.concat([Buffer.from("Photoshop 3.0\0"), bim])),
    segment(0xe2, icc),
    segment(0xfe, Buffer.from(PLANTED.comment)),
    BASE_JPEG.subarray(2),
  ]);
}

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

export function pngChunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  return Buffer.concat([Buffer.from(u32(data.length)), body, Buffer.from(u32(crc32(body)))]);
}

/** A 4×3 RGB PNG built here (rows of known bytes), optionally with text, eXIf and tIME chunks. */
export function png(withMetadata: boolean): Buffer {
  const raw = Buffer.alloc(3 * (1 + 4 * 3));
  for (let y = 0; y < 3; y++) for (let x = 0; x < 12; x++) raw[y * 13 + 1 + x] = (x * 20 + y * 70) & 0xff;
  const ihdr = Buffer.from([...u32(4), ...u32(3), 8, 2, 0, 0, 0]);
  const meta = withMetadata
    ? [
        pngChunk("tEXt", Buffer.from(`Author\0${PLANTED.author}`, "latin1")),
        pngChunk("zTXt", Buffer.concat([Buffer.from("Comment\0\0", "latin1"), zlibSync(Buffer.from(PLANTED.comment))])),
        pngChunk("iTXt", Buffer.concat([Buffer.from("XML:com.adobe.xmp\0\0\0\0\0"), Buffer.from(XMP_PACKET)])),
        pngChunk("eXIf", buildExif(1)),
        pngChunk("tIME", Buffer.from([0x07, 0xea, 5, 1, 10, 0, 0])),
      ]
    : [];
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk("IHDR", ihdr), pngChunk("gAMA", Buffer.from(u32(45455))), ...meta.slice(0, 2), pngChunk("IDAT", zlibSync(raw)), ...meta.slice(2), pngChunk("IEND", Buffer.alloc(0))]);
}

function riffChunk(id: string, data: Uint8Array): Buffer {
  const pad = data.length & 1 ? Buffer.alloc(1) : Buffer.alloc(0);
  const len = Buffer.alloc(4);
  len.writeUInt32LE(data.length);
  return Buffer.concat([Buffer.from(id, "latin1"), len, data, pad]);
}

/** WebP: VP8X (flags EXIF+XMP) + the base image chunks + EXIF + XMP. */
export function webpWithMetadata(): Buffer {
  const image = BASE_WEBP.subarray(12);
  const vp8x = Buffer.from([0x0c, 0, 0, 0, 15, 0, 0, 15, 0, 0]); // 16×16, EXIF and XMP flags
  const body = Buffer.concat([Buffer.from("WEBP"), riffChunk("VP8X", vp8x), image, riffChunk("EXIF", buildExif(1)), riffChunk("XMP ", Buffer.from(XMP_PACKET))]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(body.length);
  return Buffer.concat([Buffer.from("RIFF"), size, body]);
}

/** GIF: a comment extension and an XMP application extension before the trailer. */
export function gifWithMetadata(): Buffer {
  const comment = Buffer.from(PLANTED.comment);
  const commentExt = Buffer.concat([Buffer.from([0x21, 0xfe, comment.length]), comment, Buffer.from([0])]);
  const magic = Buffer.from([1, ...Array.from({ length: 256 }, (_, i) => 255 - i), 0]);
  const xmpExt = Buffer.concat([Buffer.from([0x21, 0xff, 11]), Buffer.from("XMP DataXMP"), Buffer.from(XMP_PACKET), magic]);
  return Buffer.concat([BASE_GIF.subarray(0, BASE_GIF.length - 1), commentExt, xmpExt, Buffer.from([0x3b])]);
}

function box(type: string, ...children: Uint8Array[]): Buffer {
  const body = Buffer.concat(children);
  return Buffer.concat([Buffer.from(u32(8 + body.length)), Buffer.from(type, "latin1"), body]);
}

function qtString(s: string): Buffer {
  return Buffer.concat([Buffer.from([...u16(Buffer.byteLength(s)), 0x15, 0xc7]), Buffer.from(s)]);
}

/**
 * The base video with a QuickTime udta (©xyz location, ©mak, ©mod, ©aut, ©cmt) and an
 * Apple mdta meta box (keys: location, make, model, serial) added to moov, and dates in mvhd.
 */
export function mp4WithMetadata(): Buffer {
  const udta = box("udta", box("\u00a9xyz", qtString("+48.8566+002.3522/")), box("\u00a9mak", qtString(PLANTED.make)), box("\u00a9mod", qtString(PLANTED.model)), box("\u00a9aut", qtString(PLANTED.author)), box("\u00a9cmt", qtString(PLANTED.comment)));
  const keys = ["com.apple.quicktime.location.ISO6709", "com.apple.quicktime.make", "com.apple.quicktime.model", "com.apple.quicktime.camera.identifier"];
  const values = ["+48.8566+002.3522+035.000/", PLANTED.make, PLANTED.model, PLANTED.serial];
  const keysBox = box("keys", Buffer.from([0, 0, 0, 0, ...u32(keys.length)]), ...keys.map((k) => Buffer.concat([Buffer.from(u32(8 + k.length)), Buffer.from("mdta"), Buffer.from(k)])));
  const ilst = box("ilst", ...values.map((v, i) => Buffer.concat([Buffer.from(u32(8 + 16 + v.length)), Buffer.from(u32(i + 1)), box("data", Buffer.from([0, 0, 0, 1, 0, 0, 0, 0]), Buffer.from(v))])));
  const hdlr = box("hdlr", Buffer.alloc(8), Buffer.from("mdta"), Buffer.alloc(13));
  const meta = box("meta", hdlr, keysBox, ilst);
  const buf = Buffer.from(BASE_MP4);
  const moovAt = buf.indexOf("moov") - 4;
  const moovSize = buf.readUInt32BE(moovAt);
  const moov = Buffer.from(buf.subarray(moovAt, moovAt + moovSize));
  const mvhd = moov.indexOf("mvhd") + 4;
  moov.writeUInt32BE(0xe2000000, mvhd + 4); // creation time
  moov.writeUInt32BE(0xe2000001, mvhd + 8); // modification time
  const grown = Buffer.concat([moov, udta, meta]);
  grown.writeUInt32BE(grown.length, 0);
  return Buffer.concat([buf.subarray(0, moovAt), grown, buf.subarray(moovAt + moovSize)]);
}

/** A two-page PDF with an Info dictionary and XMP, then an incremental update with new values. */
export async function pdfWithMetadata(): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of ["Brief: spring campaign", "Second page, budget section"]) doc.addPage([300, 200]).drawText(text, { x: 20, y: 100, size: 12, font });
  doc.setAuthor(PLANTED.author);
  doc.setCreator("Writer 7.4");
  doc.setProducer("Acme PDF");
  doc.setSubject(PLANTED.comment);
  (doc.context.lookup(doc.context.trailerInfo.Info) as import("pdf-lib").PDFDict).set(PDFName.of("Company"), PDFString.of(PLANTED.company));
  const xmp = doc.context.stream(XMP_PACKET, { Type: "Metadata", Subtype: "XML" });
  doc.catalog.set(PDFName.of("Metadata"), doc.context.register(xmp));
  const first = Buffer.from(await doc.save({ useObjectStreams: false }));
  // Incremental update: a new Info object (same number) with other values, xref section, /Prev.
  const text = first.toString("latin1");
  const prev = Number(/startxref\s+(\d+)/.exec(text.slice(text.lastIndexOf("startxref")))![1]);
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(text)![1];
  const infoRef = /\/Info (\d+) (\d+) R/.exec(trailer)!;
  const size = Number(/\/Size (\d+)/.exec(trailer)![1]);
  const root = /\/Root (\d+ \d+ R)/.exec(trailer)![1];
  const obj = `${infoRef[1]} 0 obj\n<< /Author (Camille Dupont-Martin) /Producer (Acme PDF 2) >>\nendobj\n`;
  const offset = first.length;
  const xrefAt = offset + obj.length;
  const update = `${obj}xref\n${infoRef[1]} 1\n${String(offset).padStart(10, "0")} 00000 n \ntrailer\n<< /Size ${size} /Root ${root} /Info ${infoRef[1]} 0 R /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([first, Buffer.from(update, "latin1")]);
}

export async function pdfPlain(): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage([100, 100]);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

const CT = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/><Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>';
const RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

export function docx(withMetadata: boolean): Buffer {
  const body = withMetadata
    ? `<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00D4E5F6"><w:r><w:t>Le brief du printemps.</w:t></w:r><w:ins w:id="1" w:author="${PLANTED.author}" w:date="2026-05-01T10:00:00Z"><w:r><w:t> Ajout.</w:t></w:r></w:ins><w:commentRangeStart w:id="0"/><w:r><w:t>Budget</w:t></w:r><w:commentRangeEnd w:id="0"/></w:p>`
    : `<w:p><w:r><w:t>Le brief du printemps.</w:t></w:r></w:p>`;
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(CT),
    "_rels/.rels": strToU8(withMetadata ? RELS : RELS.replace(/<Relationship Id="rId[234]"[^>]*\/>/g, "")),
    "word/document.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
  };
  if (withMetadata) {
    files["word/comments.xml"] = strToU8(`<?xml version="1.0"?><w:comments ${W}><w:comment w:id="0" w:author="Jean Mercier" w:initials="JM" w:date="2026-05-02T09:00:00Z"><w:p><w:r><w:t>Trop cher ?</w:t></w:r></w:p></w:comment></w:comments>`);
    files["word/settings.xml"] = strToU8(`<?xml version="1.0"?><w:settings ${W}><w:rsids><w:rsidRoot w:val="00A1B2C3"/><w:rsid w:val="00D4E5F6"/></w:rsids></w:settings>`);
    files["docProps/core.xml"] = strToU8(`<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${PLANTED.author}</dc:creator><cp:lastModifiedBy>Jean Mercier</cp:lastModifiedBy><dc:description>${PLANTED.comment}</dc:description><dcterms:created xsi:type="dcterms:W3CDTF">2026-05-01T10:00:00Z</dcterms:created></cp:coreProperties>`);
    files["docProps/app.xml"] = strToU8(`<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Template>Normal.dotm</Template><TotalTime>42</TotalTime><Application>Microsoft Office Word</Application><Company>${PLANTED.company}</Company><Pages>1</Pages></Properties>`);
    files["docProps/custom.xml"] = strToU8(`<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Client"><vt:lpwstr>${PLANTED.company}</vt:lpwstr></property></Properties>`);
  }
  return Buffer.from(zipSync(files, { mtime: new Date(2026, 4, 1) }));
}

/** xlsx: core/app properties, a legacy comment author, a threaded-comment person, the saved folder path. */
export function xlsx(withMetadata: boolean): Buffer {
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    "xl/workbook.xml": strToU8(`<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac">${withMetadata ? '<mc:AlternateContent><mc:Choice Requires="x15"><x15ac:absPath url="C:\\Users\\camille.dupont\\Mercure Studio\\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent>' : ""}<sheets><sheet name="Budget" sheetId="1"/></sheets></workbook>`),
    "xl/sharedStrings.xml": strToU8('<?xml version="1.0"?><sst><si><t>Total</t></si></sst>'),
  };
  if (withMetadata) {
    files["xl/comments1.xml"] = strToU8(`<?xml version="1.0"?><comments><authors><author>${PLANTED.author}</author></authors><commentList/></comments>`);
    files["xl/persons/person.xml"] = strToU8(`<?xml version="1.0"?><personList><person displayName="${PLANTED.author}" id="{1}" userId="camille@mercure.example" providerId="AD"/></personList>`);
    files["docProps/app.xml"] = strToU8(`<?xml version="1.0"?><Properties><Company>${PLANTED.company}</Company></Properties>`);
  }
  return Buffer.from(zipSync(files, { mtime: new Date(2026, 4, 1) }));
}

/** pptx: comment authors (legacy and modern) and a company. */
export function pptx(withMetadata: boolean): Buffer {
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    "ppt/presentation.xml": strToU8('<?xml version="1.0"?><p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>'),
    "ppt/slides/slide1.xml": strToU8('<?xml version="1.0"?><p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:t>Lancement</a:t></p:sld>'),
  };
  if (withMetadata) {
    files["ppt/commentAuthors.xml"] = strToU8(`<?xml version="1.0"?><p:cmAuthorLst xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:cmAuthor id="0" name="${PLANTED.author}" initials="CD" lastIdx="1" clrIdx="0"/></p:cmAuthorLst>`);
    files["ppt/authors.xml"] = strToU8(`<?xml version="1.0"?><p188:authorLst xmlns:p188="http://schemas.microsoft.com/office/powerpoint/2018/8/main"><p188:author id="{1}" name="Jean Mercier" initials="JM" userId="jean@mercure.example" providerId="AD"/></p188:authorLst>`);
    files["docProps/app.xml"] = strToU8(`<?xml version="1.0"?><Properties><Company>${PLANTED.company}</Company><Manager>Jean Mercier</Manager></Properties>`);
  }
  return Buffer.from(zipSync(files, { mtime: new Date(2026, 4, 1) }));
}
