/**
 * PDF: the document information dictionary, every XMP metadata stream (document, pages,
 * images, fonts) and the old revisions an incremental update leaves behind. The file is
 * written anew from its latest revision's objects that the document still reaches, so no
 * earlier value survives anywhere in the bytes. Streams (page content, images, fonts) are
 * copied undecoded.
 *
 * Parsing PDF (xref tables and streams, object streams, recovery) is what pdf-lib does well;
 * it is loaded on first use so it costs nothing at activation.
 */
import { unzlibSync } from "fflate";
import { ascii } from "./bytes";
import { block, collect, personal, plain } from "./describe";
import { describeXmp } from "./xmp";
import { MetadataError, type MetadataItem } from "./types";

type PdfLib = typeof import("pdf-lib");
let pdfLib: Promise<PdfLib> | undefined;
const loadPdfLib = () => (pdfLib ??= import("pdf-lib"));

const INFO_KINDS: Record<string, [MetadataItem["kind"], string]> = {
  Author: ["person", "author"],
  Creator: ["software", "made with"],
  Producer: ["software", "producer"],
  Title: ["comment", "title"],
  Subject: ["comment", "subject"],
  Keywords: ["comment", "keywords"],
  Company: ["organization", "company"],
  Manager: ["person", "manager"],
  CreationDate: ["date", "created"],
  ModDate: ["date", "modified"],
};

function countOf(b: Uint8Array, needle: string): number {
  let n = 0;
  const first = needle.charCodeAt(0);
  outer: for (let i = b.indexOf(first); i !== -1 && i + needle.length <= b.length; i = b.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (b[i + j] !== needle.charCodeAt(j)) continue outer;
    n++;
  }
  return n;
}

function checkEnvelope(b: Uint8Array): void {
  const head = ascii(b, 0, Math.min(b.length, 1024));
  if (!head.includes("%PDF-")) throw new MetadataError("not a PDF file (no %PDF- header)");
  const tail = ascii(b, Math.max(0, b.length - 2048), b.length);
  if (!tail.includes("%%EOF") || !tail.includes("startxref")) throw new MetadataError("the PDF file is truncated (no startxref / %%EOF at its end)");
}

interface Loaded {
  lib: PdfLib;
  doc: import("pdf-lib").PDFDocument;
}

async function load(b: Uint8Array): Promise<Loaded> {
  checkEnvelope(b);
  const lib = await loadPdfLib();
  let doc;
  try {
    doc = await lib.PDFDocument.load(b, { updateMetadata: false, throwOnInvalidObject: true });
    doc.getPages();
  } catch (error) {
    const message = (error as Error)?.message ?? String(error);
    if (/encrypt/i.test(message)) throw new MetadataError("the PDF file is encrypted: Veil cannot rewrite it without its password");
    throw new MetadataError(`the PDF file is corrupt (${message.split("\n")[0].slice(0, 120)})`);
  }
  return { lib, doc };
}

function pdfText(lib: PdfLib, obj: unknown): string {
  if (obj instanceof lib.PDFString || obj instanceof lib.PDFHexString) return obj.decodeText();
  if (obj instanceof lib.PDFName) return obj.decodeText();
  return "";
}

function streamBytes(lib: PdfLib, stream: import("pdf-lib").PDFRawStream): Uint8Array | undefined {
  const filter = stream.dict.get(lib.PDFName.of("Filter"));
  if (!filter) return stream.contents;
  if (filter instanceof lib.PDFName && filter.asString() === "/FlateDecode") {
    try {
      return unzlibSync(stream.contents);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function isMetadataStream(lib: PdfLib, obj: unknown): obj is import("pdf-lib").PDFRawStream {
  if (!(obj instanceof lib.PDFRawStream)) return false;
  const type = obj.dict.get(lib.PDFName.of("Type"));
  return type instanceof lib.PDFName && type.asString() === "/Metadata";
}

function describeLoaded({ lib, doc }: Loaded, bytes: Uint8Array): MetadataItem[] {
  const items: Array<MetadataItem | undefined> = [];
  const info = doc.context.lookup(doc.context.trailerInfo.Info);
  if (info instanceof lib.PDFDict) {
    for (const [key, value] of info.entries()) {
      const name = key.decodeText();
      const text = pdfText(lib, value);
      const [kind, label] = INFO_KINDS[name] ?? ["organization", name.toLowerCase()];
      items.push(kind === "software" || kind === "date" ? plain(kind, label, text) : personal(kind, label, text));
    }
  }
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!isMetadataStream(lib, obj)) continue;
    const xml = streamBytes(lib, obj);
    items.push(...(xml ? describeXmp(xml) : [block("an XMP block")]));
  }
  const revisions = countOf(bytes, "%%EOF") - (countOf(bytes.subarray(0, 1024), "/Linearized") > 0 ? 2 : 1);
  if (revisions > 0) items.push({ kind: "history", text: `${revisions} earlier revision${revisions === 1 ? "" : "s"} kept by incremental updates` });
  return collect(items);
}

export async function describePdf(b: Uint8Array): Promise<MetadataItem[]> {
  return describeLoaded(await load(b), b);
}

export async function stripPdf(b: Uint8Array): Promise<{ data: Uint8Array; removed: MetadataItem[] }> {
  const loaded = await load(b);
  const removed = describeLoaded(loaded, b);
  if (removed.length === 0) return { data: b, removed };
  const { lib, doc } = loaded;
  const context = doc.context;
  const METADATA = lib.PDFName.of("Metadata");
  const PIECE_INFO = lib.PDFName.of("PieceInfo");
  context.trailerInfo.Info = undefined;
  for (const [, obj] of context.enumerateIndirectObjects()) {
    const dict = obj instanceof lib.PDFDict ? obj : obj instanceof lib.PDFRawStream ? obj.dict : undefined;
    if (!dict) continue;
    dict.delete(METADATA);
    dict.delete(PIECE_INFO); // applications' private data (Illustrator, Acrobat): often names and paths
  }
  // Keep only what the document reaches: old revisions' objects and the metadata streams go.
  const reached = new Set<string>();
  const pending: unknown[] = [context.trailerInfo.Root];
  while (pending.length > 0) {
    const item = pending.pop();
    if (item instanceof lib.PDFRef) {
      const key = item.toString();
      if (reached.has(key)) continue;
      reached.add(key);
      pending.push(context.lookup(item));
    } else if (item instanceof lib.PDFDict) {
      for (const [, v] of item.entries()) pending.push(v);
    } else if (item instanceof lib.PDFArray) {
      for (let i = 0; i < item.size(); i++) pending.push(item.get(i));
    } else if (item instanceof lib.PDFRawStream) {
      pending.push(item.dict);
    }
  }
  for (const [ref] of context.enumerateIndirectObjects()) if (!reached.has(ref.toString())) context.delete(ref);
  const data = await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
  return { data, removed };
}

