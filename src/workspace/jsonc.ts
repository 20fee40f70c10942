// JSON with comments and trailing commas, as VS Code's settings files and `veil scan --config` allow.

/** Whether `text[i]` starts a `//` or `/* *\/` comment, and where it ends if so. */
function commentEnd(text: string, i: number): number | undefined {
  if (text[i] !== "/") return undefined;
  if (text[i + 1] === "/") {
    const end = text.indexOf("\n", i + 2);
    return end === -1 ? text.length : end;
  }
  if (text[i + 1] === "*") {
    const end = text.indexOf("*/", i + 2);
    return end === -1 ? text.length : end + 2;
  }
  return undefined;
}

/**
 * Removes comments, and commas that only a `}` or `]` follows, outside strings; every other
 * character stays, so what JSON.parse then rejects is what the file holds.
 */
export function stripJsonComments(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const comment = commentEnd(text, i);
    if (comment !== undefined) {
      i = comment;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === ",") {
      let j = i + 1;
      for (;;) {
        while (j < text.length && /\s/.test(text[j])) j++;
        const end = commentEnd(text, j);
        if (end === undefined) break;
        j = end;
      }
      if (text[j] !== "}" && text[j] !== "]") out += c;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Parses JSONC text (a leading byte-order mark allowed); throws JSON.parse's SyntaxError. */
export function parseJsonc(text: string): unknown {
  return JSON.parse(stripJsonComments(text.replace(/^\uFEFF/, "")));
}
