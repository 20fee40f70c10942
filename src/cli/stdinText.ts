/** Standard input as text, for the commands that rewrite it (`veil anonymize`, `veil restore`). */

/** A problem with a file or the input that ends the command with exit code 2; the message starts with the command's name. */
export class CommandError extends Error {}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Decodes standard input as UTF-8, keeping a byte-order mark; refuses invalid bytes. */
export function decodeInput(bytes: Uint8Array, command: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new CommandError(`${command}: standard input is not valid UTF-8; convert it first (for example with iconv) so that nothing is rewritten by accident`);
  }
}
