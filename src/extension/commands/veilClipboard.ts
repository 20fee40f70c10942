/**
 * What Veil itself last put on the clipboard, in this window: an anonymized copy of the
 * user's own text. Pasting exactly that text back is the user's own text coming home, and
 * every value comes back; any other text is an assistant's answer (untrusted). Placeholders
 * only are kept here, never a value, and only in memory.
 */
let last: string | undefined;

export function rememberVeilCopy(text: string): void {
  last = text;
}

export function forgetVeilCopy(): void {
  last = undefined;
}

/** Whether a text is exactly what Veil put on the clipboard (and holds a placeholder). */
export function isVeilCopy(text: string): boolean {
  return last !== undefined && text === last;
}
