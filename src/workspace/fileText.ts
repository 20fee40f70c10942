// A workspace file's bytes as the engine sees them, the same for `veil scan` and Scan
// Workspace: which files are binary, how text is decoded, where lines start.
// No `vscode`, no Node built-ins (TextDecoder exists in Node and in the web worker).

/** Extensions whose content is never text worth scanning. */
const BINARY_EXTENSIONS = new Set(
  (
    "png jpg jpeg gif bmp ico icns webp tif tiff psd heic avif " +
    "zip gz tgz bz2 xz 7z rar zst lz4 jar war ear apk ipa deb rpm dmg iso " +
    "pdf doc docx xls xlsx ppt pptx odt ods odp " +
    "exe dll so dylib o a lib obj class pyc pyo wasm node bin dat " +
    "woff woff2 ttf otf eot " +
    "mp3 mp4 m4a mov avi mkv webm wav flac ogg opus " +
    "sqlite sqlite3 db p12 pfx jks keystore der"
  ).split(" "),
);

export function hasBinaryExtension(path: string): boolean {
  const slash = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  const dot = path.lastIndexOf(".");
  if (dot <= slash + 1) return false;
  return BINARY_EXTENSIONS.has(path.slice(dot + 1).toLowerCase());
}

export type TextEncodingName = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be";

/** The encoding a byte-order mark announces; plain UTF-8 without one. */
export function sniffEncoding(bytes: Uint8Array): TextEncodingName {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8-bom";
  return "utf-8";
}

/** A NUL byte in the first 8 KB means binary (as git and ripgrep tell), unless a UTF-16 byte-order mark says otherwise. */
export function looksBinary(bytes: Uint8Array): boolean {
  const encoding = sniffEncoding(bytes);
  if (encoding === "utf-16le" || encoding === "utf-16be") return false;
  // indexOf is memchr: several times faster than a loop over 8 KB of every file.
  return bytes.subarray(0, 8192).indexOf(0) !== -1;
}

declare const TextDecoder: new (label?: string) => { decode(input: Uint8Array): string };

const decoders = new Map<string, { decode(input: Uint8Array): string }>();
function decoder(label: string) {
  let found = decoders.get(label);
  if (!found) decoders.set(label, (found = new TextDecoder(label)));
  return found;
}

/**
 * Decodes a file the way an editor shows it: UTF-16 when a byte-order mark says so, UTF-8
 * otherwise, invalid sequences replaced by U+FFFD (WHATWG rules). A byte-order mark is not
 * part of the text, so offsets count from after it (as `document.positionAt` does).
 * `utf8` lets a caller decode BOM-less UTF-8 its own faster way (the CLI uses Buffer) with
 * the same result.
 */
export function decodeText(bytes: Uint8Array, utf8?: (bytes: Uint8Array) => string): { text: string; encoding: TextEncodingName } {
  const encoding = sniffEncoding(bytes);
  if (encoding === "utf-8" && utf8) return { text: utf8(bytes), encoding };
  // The WHATWG decoders drop the byte-order mark and turn an odd trailing byte into U+FFFD.
  return { text: decoder(encoding === "utf-8-bom" ? "utf-8" : encoding).decode(bytes), encoding };
}

/** Line starts of a text, with the line breaks VS Code knows (\r\n, \n, \r). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}
