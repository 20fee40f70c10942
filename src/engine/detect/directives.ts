/**
 * Ignore directives people already write in their code. A `next-line` form silences the
 * line after the comment; the others silence their own line. Checked longest first, since
 * `veil:allow` is a prefix of `veil:allow-next-line`.
 *
 * Veil's own directives may name what they allow — `veil:allow pii-phone, pii-email` — by
 * rule id, kind or category; a bare `veil:allow` silences the whole line, as `gitleaks:allow`
 * does.
 */
const DIRECTIVES: ReadonlyArray<{ token: string; nextLine: boolean; named: boolean }> = [
  { token: "veil:allow-next-line", nextLine: true, named: true },
  { token: "pragma: allowlist nextline secret", nextLine: true, named: false },
  { token: "secretlint-disable-next-line", nextLine: true, named: false },
  { token: "veil:allow", nextLine: false, named: true },
  { token: "gitleaks:allow", nextLine: false, named: false },
  { token: "pragma: allowlist secret", nextLine: false, named: false },
  { token: "secretlint-disable-line", nextLine: false, named: false },
];

/**
 * `[start, end)` of a silenced line, and the ids it allows (lower case); no ids = everything.
 * Ranges are whole lines, so two of them are either the same line or disjoint.
 */
export type IgnoredRange = [start: number, end: number, ids?: Set<string>];

/**
 * Words without a hyphen that still name something (categories, kinds, the usual term kinds).
 * Any other word is prose after a bare directive ("veil:allow test fixture"), which must keep
 * silencing the line; a hyphenated word is taken as an id even when unknown, so a typo
 * silences nothing rather than everything.
 */
const PLAIN_IDS: ReadonlySet<string> = new Set([
  "secret", "pii", "term", "jwt", "email", "phone", "iban", "money", "person", "address", "date",
  "client", "brand", "product", "codename", "people",
]);

const ID_CHAR = /[a-z0-9_-]/;

/** The ids written after a named directive, from `from` in the lower-cased text; empty = bare. */
export function directiveIds(lower: string, from: number): { ids: string[]; end: number } {
  const ids: string[] = [];
  let at = from;
  let end = from;
  for (;;) {
    let i = at;
    // Separators: spaces, tabs and commas (never a line break).
    while (i < lower.length && (lower[i] === " " || lower[i] === "\t" || lower[i] === ",")) i++;
    // Ids come after a blank or a comma: "veil:allowed" stays a bare directive.
    if (i === at) break;
    let j = i;
    while (j < lower.length && ID_CHAR.test(lower[j])) j++;
    const word = lower.slice(i, j);
    if (!word || word.startsWith("-") || !(word.includes("-") || PLAIN_IDS.has(word))) break;
    ids.push(word);
    at = j;
    end = j;
  }
  return { ids, end };
}

/** Sorted `[start, end)` ranges of lines a directive silences, with what they allow. */
export function ignoredRanges(text: string, lower: string): IgnoredRange[] {
  const ranges: IgnoredRange[] = [];
  for (const { token, nextLine, named } of DIRECTIVES) {
    let from = 0;
    // End of the line of the last occurrence recorded, and its range: another occurrence on
    // that line adds its ids to it (or nothing after a bare one), which keeps this linear
    // (a line packed with directives cost O(n²)).
    let lineEnd = -1;
    let last: IgnoredRange | undefined;
    for (;;) {
      const at = lower.indexOf(token, from);
      if (at < 0) break;
      from = at + token.length;
      // "veil:allow" inside "veil:allow-next-line" was already handled by the longer token.
      if (!nextLine && lower.startsWith("-next-line", from)) continue;
      const ids = named ? directiveIds(lower, from) : undefined;
      if (ids) from = Math.max(from, ids.end);
      if (at < lineEnd) {
        if (last?.[2] && ids) {
          if (ids.ids.length === 0) last.length = 2;
          else for (const id of ids.ids) last[2].add(id);
        }
        continue;
      }
      const lineStart = text.lastIndexOf("\n", at) + 1;
      lineEnd = text.indexOf("\n", at);
      if (lineEnd < 0) lineEnd = text.length;
      let range: IgnoredRange | undefined;
      if (!nextLine) range = [lineStart, lineEnd];
      else if (lineEnd < text.length) {
        let nextEnd = text.indexOf("\n", lineEnd + 1);
        if (nextEnd < 0) nextEnd = text.length;
        range = [lineEnd + 1, nextEnd];
      }
      if (range && ids && ids.ids.length > 0) range[2] = new Set(ids.ids);
      last = range;
      if (range) ranges.push(range);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  return ranges;
}

/** What a finding is known by in a directive: its rule id, kind and category. */
export interface DirectiveTarget {
  ruleId: string;
  kind: string;
  category: string;
}

function allows(range: IgnoredRange, target: DirectiveTarget | undefined): boolean {
  const ids = range[2];
  if (!ids) return true;
  if (!target) return false;
  return ids.has(target.ruleId.toLowerCase()) || ids.has(target.kind.toLowerCase()) || ids.has(target.category.toLowerCase());
}

/** Whether a finding starting at `start` is silenced by one of `ranges` (from ignoredRanges). */
export function isIgnored(ranges: readonly IgnoredRange[], start: number, target?: DirectiveTarget): boolean {
  // The last range starting at or before `start`.
  let lo = 0;
  let hi = ranges.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid][0] <= start) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Every range of that line (several directives on one line give equal ranges).
  for (let i = found; i >= 0 && ranges[i][0] === ranges[found][0]; i--) {
    if (start <= ranges[i][1] && allows(ranges[i], target)) return true;
  }
  return false;
}
