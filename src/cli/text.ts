/** Turning file bytes into the string the engine scans, and offsets into lines and columns. */
import { isAscii } from "node:buffer";
import { lastAtOrBefore } from "../engine";

import { decodeText as decodeFileText, pushLineStarts, type TextEncodingName } from "../workspace/fileText";

export { hasBinaryExtension, looksBinary, type TextEncodingName } from "../workspace/fileText";

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Most source files are pure ASCII: checking that (SIMD) and copying bytes to a one-byte
 * string costs less than UTF-8 decoding, for the same string; Buffer#toString is also faster
 * than TextDecoder on Node 20 for the rest.
 */
function fastUtf8(bytes: Uint8Array): string {
  const buffer = asBuffer(bytes);
  return isAscii(buffer) ? buffer.toString("latin1") : buffer.toString("utf8");
}

/** The shared decoding rules (src/workspace/fileText.ts), with Node's faster UTF-8 path. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  return decodeFileText(bytes, fastUtf8);
}

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

/**
 * Line starts of a text, found only as far as the offsets asked for (findings come in text
 * order, so a file is walked at most once, and not past its last finding), with the line
 * breaks of src/workspace/fileText.ts, so positions agree with the editor.
 */
export class LineIndex {
  private readonly starts: number[] = [0];
  /** Everything before this offset has been walked. */
  private walked = 0;
  private readonly hasCR: boolean;

  constructor(private readonly text: string) {
    this.hasCR = text.includes("\r");
  }

  private walkTo(offset: number): void {
    this.walked = Math.max(this.walked, pushLineStarts(this.text, this.walked, Math.min(offset, this.text.length), this.starts, this.hasCR));
  }

  position(offset: number): Position {
    if (offset > this.walked) this.walkTo(offset);
    const line = lastAtOrBefore(this.starts, offset);
    return { line: line + 1, column: offset - this.starts[line] + 1 };
  }
}
