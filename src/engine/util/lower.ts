/**
 * Lower-cased text with the original's offsets. `toLowerCase` keeps the UTF-16 length for
 * nearly all text; where it does not ("İ" becomes two code units), only ASCII is lowered, so
 * offsets found in the result still point into the original (directives, the passes).
 */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}
