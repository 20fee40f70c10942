/** Shared shapes of the metadata module: what a file carries, and what stripping did. */

export type MetadataFormat = "jpeg" | "png" | "webp" | "gif" | "mp4" | "pdf" | "docx" | "xlsx" | "pptx";

/** What a metadata field tells about the person or the place, for the plain-words list. */
export type MetadataKind = "location" | "device" | "person" | "organization" | "comment" | "software" | "date" | "history" | "block";

export interface MetadataItem {
  kind: MetadataKind;
  /** Plain words with the value masked like other previews: "author Ca•••nt". */
  text: string;
}

/** A file Veil cannot read as the format it claims, or a format it does not know. */
export class MetadataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MetadataError";
  }
}

/** Same-size overwrites: what an MP4/MOV strip is, so large files are never loaded whole. */
export interface BytePatch {
  offset: number;
  bytes: Uint8Array;
}

/** Random access to a file's bytes: the CLI reads ranges from disk, the editor wraps a buffer. */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export interface StripResult {
  format: MetadataFormat;
  /** What was there and is gone (empty: the file had nothing to remove). */
  removed: MetadataItem[];
  /** Either the whole cleaned file, or the source with these same-size patches applied. */
  output: { kind: "bytes"; data: Uint8Array } | { kind: "patches"; patches: BytePatch[] };
}

export function bytesSource(data: Uint8Array): ByteSource {
  return {
    size: data.length,
    read: async (offset, length) => data.subarray(offset, Math.min(data.length, offset + length)),
  };
}
