/**
 * Reasons for parse errors without the input they quote. V8's JSON.parse quotes up to ten
 * characters each side of an unexpected token (the whole input when it is short), and its
 * RegExp errors quote the whole pattern; a map holds real values and a config or pattern may
 * hold a client's name or a literal secret. Shared by the engine, the CLI and the extension.
 */

/** What JSON.parse objected to, without the input. Positions ("in JSON at position 33") are kept. */
export function jsonErrorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const reason = message
    // Node 20: `Unexpected token 'x', "…{"a":x}…" is not valid JSON`; also `… is not valid JSON` alone.
    .replace(/,?\s*(?:\.\.\.)?"[\s\S]*"(?:\.\.\.)?\s+is not valid JSON$/, "")
    // Older V8: `Unexpected token x in JSON at position 3` quotes one character only; keep it.
    .trim();
  return reason === "" ? "unexpected content" : reason;
}

/** A RegExp SyntaxError's reason without the pattern ("Invalid regular expression: /…/u: Unterminated group"). */
export function regexErrorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.startsWith("Invalid regular expression:") ? message.slice(message.lastIndexOf(": ") + 2) : "invalid";
}
