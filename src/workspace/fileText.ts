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

/** Bytes looked at for UTF-16 without a byte-order mark, as VS Code does when it opens a file. */
const UTF16_GUESS_BYTES = 512;

/**
 * UTF-16 without a byte-order mark, guessed the way VS Code guesses it: in the first 512
 * bytes every other byte is NUL and the ones between are not (ASCII-range text, as Windows
 * tools write it). Anything else with a NUL stays binary.
 */
function guessBomlessUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const n = Math.min(bytes.length, UTF16_GUESS_BYTES) & ~1;
  if (n < 2) return undefined;
  let le = true;
  let be = true;
  for (let i = 0; i < n && (le || be); i += 2) {
    const even = bytes[i];
    const odd = bytes[i + 1];
    if (even === 0 || odd !== 0) le = false;
    if (even !== 0 || odd === 0) be = false;
  }
  return le ? "utf-16le" : be ? "utf-16be" : undefined;
}

/** The encoding a byte-order mark announces, UTF-16 guessed without one (see guessBomlessUtf16), else plain UTF-8. */
export function sniffEncoding(bytes: Uint8Array): TextEncodingName {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8-bom";
  // Only a file with a NUL near its start can be UTF-16: the cheap test first.
  if (bytes.length >= 2 && (bytes[0] === 0 || bytes[1] === 0)) return guessBomlessUtf16(bytes) ?? "utf-8";
  return "utf-8";
}

/** A NUL byte in the first 8 KB means binary (as git and ripgrep tell), unless the text is UTF-16 (a byte-order mark, or the pattern VS Code recognises). */
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
 * Decodes a file the way an editor shows it: UTF-16 when a byte-order mark says so (or
 * VS Code would guess it without one), UTF-8
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

/**
 * Line breaks as VS Code counts them (LF, CRLF, a lone CR): pushes to `starts` the start of
 * each line after a break in [from, limit), and returns where the walk stopped. A text
 * without CR is walked with indexOf.
 */
export function pushLineStarts(text: string, from: number, limit: number, starts: number[], hasCR = text.includes("\r")): number {
  if (!hasCR) {
    for (let nl = text.indexOf("\n", from); nl !== -1 && nl < limit; nl = text.indexOf("\n", nl + 1)) starts.push(nl + 1);
    return limit;
  }
  let i = from;
  for (; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return i;
}

/** Offsets where the text's lines start, the first one 0. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  pushLineStarts(text, 0, text.length, starts);
  return starts;
}
