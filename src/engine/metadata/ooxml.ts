/**
 * Office Open XML (docx, xlsx, pptx), read and written with fflate: the document
 * properties (core, app, custom), the names of comment and tracked-change authors, Word's
 * revision ids (rsid) and Excel's saved folder path. Text, tables, slides and images are
 * copied as they are; entries keep their order and get a fixed 1980 timestamp.
 */
import { unzipSync, zipSync, type Zippable } from "fflate";
import { decodeUtf8, encodeUtf8 } from "./bytes";
import { collect, personal, plain } from "./describe";
import { MetadataError, type MetadataFormat, type MetadataItem } from "./types";


const CORE_EMPTY =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"></cp:coreProperties>';
const CUSTOM_EMPTY =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"></Properties>';
const APP_FIELDS = ["Company", "Manager", "Template", "TotalTime", "Application", "AppVersion", "HyperlinkBase"];
const AUTHOR = "Author";

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

export function ooxmlFormat(files: Record<string, Uint8Array>): MetadataFormat | undefined {
  if (!files["[Content_Types].xml"]) return undefined;
  if (files["word/document.xml"]) return "docx";
  if (files["xl/workbook.xml"]) return "xlsx";
  if (files["ppt/presentation.xml"]) return "pptx";
  return undefined;
}

export function readZip(b: Uint8Array): Record<string, Uint8Array> {
  try {
    return unzipSync(b);
  } catch (error) {
    throw new MetadataError(`the document is not a readable ZIP archive (${(error as Error).message}); it may be truncated or corrupt`);
  }
}

interface Edit {
  items: Array<MetadataItem | undefined>;
  text: string;
}

const elementValue = (xml: string, tag: string): string => {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xml);
  return m ? unescapeXml(m[1].replace(/<[^>]*>/g, "")) : "";
};

function editCore(xml: string): Edit {
  const items = [
    personal("person", "author", elementValue(xml, "dc:creator")),
    personal("person", "last edited by", elementValue(xml, "cp:lastModifiedBy")),
    personal("comment", "title", elementValue(xml, "dc:title")),
    personal("comment", "subject", elementValue(xml, "dc:subject")),
    personal("comment", "keywords", elementValue(xml, "cp:keywords")),
    personal("comment", "description", elementValue(xml, "dc:description")),
    personal("comment", "category", elementValue(xml, "cp:category")),
    plain("date", "created", elementValue(xml, "dcterms:created")),
    plain("date", "modified", elementValue(xml, "dcterms:modified")),
    plain("date", "printed", elementValue(xml, "cp:lastPrinted")),
    plain("history", "revision", elementValue(xml, "cp:revision")),
  ];
  return { items, text: CORE_EMPTY };
}

function editApp(xml: string): Edit {
  const items: Array<MetadataItem | undefined> = [
    personal("organization", "company", elementValue(xml, "Company")),
    personal("person", "manager", elementValue(xml, "Manager")),
    plain("software", "template", elementValue(xml, "Template")),
    plain("software", "made with", [elementValue(xml, "Application"), elementValue(xml, "AppVersion")].filter(Boolean).join(" ")),
    plain("history", "editing minutes", elementValue(xml, "TotalTime")),
    personal("organization", "link base", elementValue(xml, "HyperlinkBase")),
  ];
  let text = xml;
  for (const tag of APP_FIELDS) text = text.replace(new RegExp(`<${tag}(?:\\s[^>]*)?(?:/>|>[\\s\\S]*?</${tag}>)`, "g"), "");
  return { items, text };
}

function editCustom(xml: string): Edit {
  const items: Array<MetadataItem | undefined> = [];
  for (const m of xml.matchAll(/<property\b[^>]*\bname="([^"]*)"[^>]*>([\s\S]*?)<\/property>/g)) {
    items.push(personal("organization", `custom property ${unescapeXml(m[1])}`, unescapeXml(m[2].replace(/<[^>]*>/g, ""))));
  }
  return { items, text: CUSTOM_EMPTY };
}

/** Replaces an attribute's value everywhere and reports the distinct values it had. */
function replaceAttribute(xml: string, attr: string, value: string | undefined, label: string, kind: MetadataItem["kind"], items: Array<MetadataItem | undefined>): string {
  const re = new RegExp(`(\\s${attr.replace(/[.:]/g, "\\$&")})="([^"]*)"`, "g");
  return xml.replace(re, (_, name: string, old: string) => {
    if (old && old !== value) items.push(personal(kind, label, unescapeXml(old)));
    return value === undefined ? "" : `${name}="${value}"`;
  });
}

function editWordPart(path: string, xml: string): Edit {
  const items: Array<MetadataItem | undefined> = [];
  const isComments = /comments/i.test(path);
  let text = replaceAttribute(xml, "w:author", AUTHOR, isComments ? "comment author" : "tracked-change author", "person", items);
  text = replaceAttribute(text, "w:initials", undefined, "comment initials", "person", []);
  text = replaceAttribute(text, "w:date", undefined, "", "date", []);
  text = replaceAttribute(text, "w15:author", AUTHOR, "comment author", "person", items);
  text = replaceAttribute(text, "w15:userId", undefined, "account", "person", items);
  text = text.replace(/<w15:presenceInfo\b[^>]*\/>/g, "");
  const before = text.length;
  text = text.replace(/\sw:rsid\w*="[0-9A-Fa-f]*"/g, "").replace(/<w:rsids>[\s\S]*?<\/w:rsids>/g, "").replace(/<w:rsid\s[^>]*\/>/g, "");
  if (text.length !== before) items.push({ kind: "history", text: "editing-session ids (rsid)" });
  return { items, text };
}

function editSheetPart(path: string, xml: string): Edit {
  const items: Array<MetadataItem | undefined> = [];
  let text = xml;
  if (/^xl\/comments\d*\.xml$/.test(path)) {
    text = text.replace(/<author>([\s\S]*?)<\/author>/g, (_, name: string) => {
      if (name !== AUTHOR) items.push(personal("person", "comment author", unescapeXml(name)));
      return `<author>${AUTHOR}</author>`;
    });
  }
  if (path.startsWith("xl/persons/")) {
    text = replaceAttribute(text, "displayName", AUTHOR, "comment author", "person", items);
    text = replaceAttribute(text, "userId", "", "account", "person", items);
  }
  if (path === "xl/workbook.xml") {
    const re = /<mc:AlternateContent\b[^>]*>(?:(?!<\/mc:AlternateContent>)[\s\S])*?<x15ac:absPath\b[\s\S]*?<\/mc:AlternateContent>/g;
    text = text.replace(re, (m) => {
      const url = /url="([^"]*)"/.exec(m);
      items.push(personal("person", "saved in folder", url ? unescapeXml(url[1]) : "?"));
      return "";
    });
  }
  return { items, text };
}

function editSlidesPart(path: string, xml: string): Edit {
  const items: Array<MetadataItem | undefined> = [];
  let text = xml;
  if (path === "ppt/commentAuthors.xml" || path === "ppt/authors.xml") {
    text = replaceAttribute(text, "name", AUTHOR, "comment author", "person", items);
    text = replaceAttribute(text, "initials", "A", "comment initials", "person", []);
    text = replaceAttribute(text, "userId", "", "account", "person", items);
  }
  return { items, text };
}

function editPart(format: MetadataFormat, path: string, data: Uint8Array): Edit | undefined {
  if (path === "docProps/core.xml") return editCore(decodeUtf8(data));
  if (path === "docProps/app.xml") return editApp(decodeUtf8(data));
  if (path === "docProps/custom.xml") return editCustom(decodeUtf8(data));
  if (!path.endsWith(".xml")) return undefined;
  if (format === "docx" && path.startsWith("word/")) return editWordPart(path, decodeUtf8(data));
  if (format === "xlsx" && path.startsWith("xl/")) return editSheetPart(path, decodeUtf8(data));
  if (format === "pptx" && path.startsWith("ppt/")) return editSlidesPart(path, decodeUtf8(data));
  return undefined;
}

function process(b: Uint8Array): { format: MetadataFormat; files: Record<string, Uint8Array>; changed: Map<string, string>; items: MetadataItem[] } {
  const files = readZip(b);
  const format = ooxmlFormat(files);
  if (!format) throw new MetadataError("a ZIP archive that is not a Word, Excel or PowerPoint document");
  const changed = new Map<string, string>();
  const items: Array<MetadataItem | undefined> = [];
  for (const [path, data] of Object.entries(files)) {
    const edit = editPart(format, path, data);
    if (!edit) continue;
    items.push(...edit.items);
    if (edit.text !== decodeUtf8(data)) changed.set(path, edit.text);
  }
  return { format, files, changed, items: collect(items) };
}

export function describeOoxml(b: Uint8Array): MetadataItem[] {
  return process(b).items;
}

export function stripOoxml(b: Uint8Array): { format: MetadataFormat; data: Uint8Array; removed: MetadataItem[] } {
  const { format, files, changed, items } = process(b);
  if (changed.size === 0) return { format, data: b, removed: [] };
  const mtime = new Date(1980, 0, 1, 0, 0, 0);
  const out: Zippable = {};
  for (const [path, data] of Object.entries(files)) {
    const text = changed.get(path);
    const bytes = text === undefined ? data : encodeUtf8(text);
    out[path] = [bytes, { mtime, level: /\.(png|jpe?g|gif|mp4|wdp|zip)$/i.test(path) ? 0 : 6 }];
  }
  return { format, data: zipSync(out), removed: items };
}
