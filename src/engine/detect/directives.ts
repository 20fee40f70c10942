/**
 * Ignore directives people already write in their code. A `next-line` form silences the
 * line after the comment; the others silence their own line. Checked longest first, since
 * `veil:allow` is a prefix of `veil:allow-next-line`.
 */
const DIRECTIVES: ReadonlyArray<{ token: string; nextLine: boolean }> = [
  { token: "veil:allow-next-line", nextLine: true },
  { token: "pragma: allowlist nextline secret", nextLine: true },
  { token: "secretlint-disable-next-line", nextLine: true },
  { token: "veil:allow", nextLine: false },
  { token: "gitleaks:allow", nextLine: false },
  { token: "pragma: allowlist secret", nextLine: false },
  { token: "secretlint-disable-line", nextLine: false },
];

/** Sorted, merged [start, end) ranges of lines a directive silences. */
export function ignoredRanges(text: string, lower: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const { token, nextLine } of DIRECTIVES) {
    let from = 0;
    // End of the line of the last occurrence recorded: another one on that line adds nothing,
    // and skipping it keeps this linear (a line packed with directives cost O(n²)).
    let lineEnd = -1;
    for (;;) {
      const at = lower.indexOf(token, from);
      if (at < 0) break;
      from = at + token.length;
      // "veil:allow" inside "veil:allow-next-line" was already handled by the longer token.
      if (!nextLine && lower.startsWith("-next-line", from)) continue;
      if (at < lineEnd) continue;
      const lineStart = text.lastIndexOf("\n", at) + 1;
      lineEnd = text.indexOf("\n", at);
      if (lineEnd < 0) lineEnd = text.length;
      if (!nextLine) ranges.push([lineStart, lineEnd]);
      else if (lineEnd < text.length) {
        let nextEnd = text.indexOf("\n", lineEnd + 1);
        if (nextEnd < 0) nextEnd = text.length;
        ranges.push([lineEnd + 1, nextEnd]);
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  return ranges;
}

export function isIgnored(ranges: ReadonlyArray<[number, number]>, start: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = ranges[mid];
    if (start < s) hi = mid - 1;
    else if (start > e) lo = mid + 1;
    else return true;
  }
  // Overlapping ranges: fall back to a scan around the insertion point.
  for (let i = Math.max(0, lo - 2); i < Math.min(ranges.length, lo + 2); i++) if (start >= ranges[i][0] && start <= ranges[i][1]) return true;
  return false;
}
