import { libraryOfPath } from "../paths";
import type { ErrorParser, ParsedFrame, ParsedItem } from "../model";
import { eachError, LOG_RECORD_START, text, walkFrames, type FrameReader } from "../model";

/**
 * Rust panics: `thread 'main' panicked at src/main.rs:4:5:` + message (1.73+) or
 * `thread 'main' panicked at 'message', src/main.rs:4:5` (older), the `note:` line, and
 * `stack backtrace:` frames (`  12: shop::orders::total` + `at ./src/orders.rs:12:5`).
 */
const PANIC_NEW = /^thread '([^']*)' panicked at (.+?):(\d+):(\d+):\s*$/;
const PANIC_OLD = /^thread '([^']*)' panicked at '(.*)', (.+?):(\d+):(\d+)\s*$/;
const FRAME = /^\s*\d+:\s+(?:0x[0-9a-f]+ - )?(.+?)\s*$/;
const AT = /^\s+at (.+?):(\d+)(?::(\d+))?\s*$/;

function rustLibrary(fn: string, file: string | undefined): string | undefined {
  const byPath = file ? libraryOfPath(file) : undefined;
  if (byPath) return byPath;
  if (/^(?:std|core|alloc|backtrace|test|panic_unwind)::|^<(?:std|core|alloc)::|^rust_begin_unwind|^__rust|^_?rust_|^rust_panic/.test(fn)) return "rust std";
  if (/^(?:__libc_start|_start$|__libc_start_call_main|start_thread|clone3?$|<unknown>|BaseThreadInitThunk|RtlUserThreadStart)/.test(fn)) return "system";
  if (file === undefined && /^(?:tokio|futures|hyper|axum|actix|async_std|tower|rayon)[_:]/.test(fn)) return fn.split(/::|_/)[0];
  return undefined;
}

/** A backtrace frame: `  12: shop::orders::total`, then its `at ./src/orders.rs:12:5` lines (the first one is the call site). */
const BACKTRACE_FRAMES: FrameReader = {
  frame(line) {
    const f = AT.test(line) ? null : FRAME.exec(line);
    return f ? { type: "frame", lines: [line], function: f[1], library: rustLibrary(f[1], undefined) } : undefined;
  },
  continues(line, frame) {
    const at = AT.exec(line);
    if (!at) return false;
    if (frame.file === undefined) {
      frame.file = at[1];
      frame.line = Number(at[2]);
      frame.column = at[3] ? Number(at[3]) : undefined;
      frame.library = rustLibrary(frame.function!, frame.file);
    }
    return true;
  },
};

export const rustParser: ErrorParser = {
  id: "rust",
  parse(lines) {
    return eachError(lines, (i) => {
      const line = lines[i];
      const mNew = PANIC_NEW.exec(line);
      const mOld = mNew ? null : PANIC_OLD.exec(line);
      if (!mNew && !mOld) return undefined;
      let start = i;
      const items: ParsedItem[] = [];
      // `---- tests::total stdout ----` names the failing test.
      if (i > 0 && /^---- .+ stdout ----\s*$/.test(lines[i - 1])) {
        start = i - 1;
        items.push(text(lines[i - 1]));
      }
      const file = mNew ? mNew[2] : mOld![3];
      const panicFrame: ParsedFrame = { type: "frame", lines: [line], file, line: Number(mNew ? mNew[3] : mOld![4]), column: Number(mNew ? mNew[4] : mOld![5]), library: libraryOfPath(file) };
      items.push(panicFrame);
      let j = i + 1;
      let message = mOld ? mOld[2] : "";
      if (mNew) {
        const from = j;
        while (j < lines.length && j - from < 20 && lines[j].trim() !== "" && !/^note: |^stack backtrace:/.test(lines[j]) && !LOG_RECORD_START.test(lines[j])) j++;
        message = lines.slice(from, j).join(" ").trim();
        if (j > from) items.push(text(...lines.slice(from, j)));
      }
      const notes: string[] = [];
      while (j < lines.length && /^note: /.test(lines[j])) notes.push(lines[j++]);
      if (notes.length) items.push(text(...notes));
      if (/^stack backtrace:/.test(lines[j] ?? "")) {
        items.push(text(lines[j++]));
        j = walkFrames(lines, j, items, BACKTRACE_FRAMES);
        while (j < lines.length && /^note: /.test(lines[j])) items.push(text(lines[j++]));
      }
      const thread = mNew ? mNew[1] : mOld![1];
      return { family: "rust", language: "rust", headline: `thread '${thread}' panicked: ${message}`.trim(), severity: "error", start, end: j, items };
    });
  },
};
