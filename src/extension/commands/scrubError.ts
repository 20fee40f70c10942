import type { ScanOptions } from "../../engine";
import { engine } from "../engine";

/** URIs, absolute paths (POSIX and Windows, a folder name with spaces included) and quoted strings: they may name a client or a person. */
const PATH_LIKE = /\b[a-z][\w+.-]*:\/\/[^\s'"]*|'[^'\n]*'|"[^"\n]*"|(?<![\w.])\/[^\s'"]+(?: [^\s'"/]*\/[^\s'"]*)*|\b[a-z]:\\[^\s'"]*(?: [^\s'"\\]*\\[^\s'"]*)*/gi;

/**
 * An error for the Output channel. Its message could quote the text being processed or a
 * path (a folder named after a client, an e-mail as a file name): values the engine
 * recognizes, the workspace's terms included, are replaced by placeholders of a throwaway
 * vault, then URIs, paths and quoted strings are dropped.
 */
export function describeError(error: unknown, scan?: ScanOptions): string {
  if (!(error instanceof Error)) return typeof error;
  const { anonymize, Vault } = engine();
  const message = anonymize(error.message.slice(0, 2000), new Vault(), { scan }).text.replace(PATH_LIKE, "‹path›");
  return `${error.name}: ${message.length > 300 ? `${message.slice(0, 300)}…` : message}`;
}
