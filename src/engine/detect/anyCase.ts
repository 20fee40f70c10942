/**
 * The same regex without the `i` flag: every ASCII letter spelled in both cases (`p` → `[pP]`,
 * `[a-f]` → `[a-fA-F]`).
 *
 * Why: V8 compares a case-insensitive backreference (`(?=(value))\2`, the rules' way to take
 * a value atomically) through a slow path on two-byte strings, which is every text holding
 * one character above U+00FF (an emoji, "’", "€"); figures in docs/speed.md. Without the `u` flag, `i` folds
 * ASCII letters only among themselves and never maps a character above U+007F to one below,
 * so spelling ASCII letters in both cases matches exactly the same strings as long as the
 * pattern itself is ASCII (checked; otherwise the regex is returned as it is).
 */
export function withoutIgnoreCase(pattern: RegExp): RegExp {
  if (!pattern.ignoreCase || pattern.unicode || pattern.flags.includes("v")) return pattern;
  const source = pattern.source;
  // Non-ASCII literals fold beyond ASCII; \p{…} needs the u flag, excluded above.
  if (/[^\x00-\x7f]/.test(source)) return pattern;
  const spelled = spellBothCases(source);
  return spelled === undefined ? pattern : new RegExp(spelled, pattern.flags.replace("i", ""));
}

const isLetter = (c: string) => (c >= "a" && c <= "z") || (c >= "A" && c <= "Z");
const other = (c: string) => (c >= "a" && c <= "z" ? c.toUpperCase() : c.toLowerCase());

/** Length of the escape starting at `source[i]` (a backslash), letters in it left alone. */
function escapeLength(source: string, i: number): number {
  const c = source[i + 1];
  if (c === "x") return 4; // \xHH
  if (c === "u") return source[i + 2] === "{" ? source.indexOf("}", i) - i + 1 : 6; // \uHHHH, \u{…}
  if (c === "c") return 3; // \cX
  if (c === "k" && source[i + 2] === "<") return source.indexOf(">", i) - i + 1; // \k<name>
  if (c === "p" || c === "P") return source.indexOf("}", i) - i + 1;
  return 2; // \w \s \d \b \1 \. …
}

/** The source with ASCII letters in both cases, or undefined for a range it cannot mirror (`[A-z]`). */
function spellBothCases(source: string): string | undefined {
  let out = "";
  let i = 0;
  let inClass = false;
  while (i < source.length) {
    const c = source[i];
    if (c === "\\") {
      const n = escapeLength(source, i);
      // "[\x20-z]": a range from an escape to a letter covers letters of both cases unevenly.
      if (inClass && source[i + n] === "-" && isLetter(source[i + n + 1] ?? "")) return undefined;
      out += source.slice(i, i + n);
      i += n;
      continue;
    }
    if (inClass) {
      if (c === "]") {
        inClass = false;
        out += c;
        i++;
        continue;
      }
      if (source[i + 1] === "-" && source[i + 2] !== "]" && source[i + 2] !== undefined) {
        const to = source[i + 2];
        // A range of letters of one case gets the same range in the other case; a range with
        // a letter at one end only ("[+-z]", "[A-z]") has no such mirror.
        if (isLetter(c) && isLetter(to) && (c <= "Z") === (to <= "Z")) {
          out += `${c}-${to}${other(c)}-${other(to)}`;
          i += 3;
          continue;
        }
        if (isLetter(c) || isLetter(to) || to === "\\") return undefined;
        out += source.slice(i, i + 3);
        i += 3;
        continue;
      }
      out += isLetter(c) ? c + other(c) : c;
      i++;
      continue;
    }
    if (c === "[") {
      inClass = true;
      out += c;
      // A leading ^ or ] is part of the class syntax, not a letter.
      if (source[i + 1] === "^") {
        out += "^";
        i++;
      }
      i++;
      continue;
    }
    if (c === "(" && source[i + 1] === "?" && source[i + 2] === "<" && source[i + 3] !== "=" && source[i + 3] !== "!") {
      // A named group: its name stays as written.
      const end = source.indexOf(">", i);
      out += source.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    out += isLetter(c) ? `[${c}${other(c)}]` : c;
    i++;
  }
  return out;
}
