import { languageOf, libraryOfPath } from "../paths";
import type { ErrorParser, ParsedError, ParsedFrame, ParsedItem } from "../model";
import { eachError, text } from "../model";

/**
 * Compiler and linter diagnostics, one error per diagnostic:
 * - tsc: `src/a.ts(12,5): error TS2339: …` and `src/a.ts:12:5 - error TS2339: …` (+ context)
 * - gcc/clang/swiftc/mypy/go build and the like: `file:line:col: error: …`, `file:line: error: …`,
 *   `./main.go:12:5: undefined: x`, with the context lines under them (`12 | x = 3;`, `  |   ^`)
 * - rustc: `error[E0308]: …` with ` --> src/main.rs:12:5` and its gutter block.
 */
const TSC_PAREN = /^(\S.*?)\((\d+),(\d+)\): (error|warning|info|hint) (TS\d+): (.*)$/;
const TSC_PRETTY = /^(\S.*?):(\d+):(\d+) - (error|warning|info|hint) (TS\d+): (.*)$/;
const GCC = /^((?:[A-Za-z]:)?[^\s:][^:]*?\.[\w+]+):(\d+)(?::(\d+))?: (fatal error|error|warning|note|info|hint)(?:\[[\w-]+\])?: (.*)$/;
const GO_BUILD = /^((?:\.{1,2}\/|[\w-]+\/)*[\w.-]+\.go):(\d+):(\d+): (.*)$/;
const RUSTC = /^(error|warning)(\[E\d+\])?: (.*)$/;
const RUSTC_ARROW = /^\s*--> (.+?):(\d+):(\d+)\s*$/;
const CONTEXT = /^\s*(?:\d+\s*\||\|)|^\s+[~^]+\s*$|^\s{2,}\S/;

function diagnostic(family: string, lines: readonly string[], i: number, file: string, line: number, column: number | undefined, severity: "error" | "warning", headline: string, context: (l: string) => boolean): ParsedError {
  const frame: ParsedFrame = { type: "frame", lines: [lines[i]], file, line, column, library: libraryOfPath(file) };
  let j = i + 1;
  while (j < lines.length && j - i <= 12 && lines[j].trim() !== "" && context(lines[j])) frame.lines.push(lines[j++]);
  const lang = languageOf(file);
  return { family, language: lang === "text" ? family : lang, headline, severity, start: i, end: j, items: [frame] };
}

export const tscParser: ErrorParser = {
  id: "tsc",
  parse(lines) {
    return eachError(lines, (i) => {
      const m = TSC_PAREN.exec(lines[i]) ?? TSC_PRETTY.exec(lines[i]);
      if (!m) return undefined;
      const pretty = !TSC_PAREN.test(lines[i]);
      // Pretty output: blank line, `12   code`, `     ~~~~`; both forms: indented message chains.
      const d = diagnostic("tsc", lines, i, m[1], Number(m[2]), Number(m[3]), m[4] === "error" ? "error" : "warning", `${m[5]}: ${m[6]}`, (l) => /^\s+\S/.test(l) || /^\d+\s/.test(l) || /^\s*~+\s*$/.test(l));
      if (pretty && lines[d.end] !== undefined && lines[d.end].trim() === "" && /^\d+\s/.test(lines[d.end + 1] ?? "")) {
        const frame = d.items[0] as ParsedFrame;
        let j = d.end + 1;
        frame.lines.push("");
        while (j < lines.length && j - d.end < 8 && lines[j].trim() !== "" && (/^\d+\s/.test(lines[j]) || /^\s+[~\s]*~/.test(lines[j]) || /^\s+\S/.test(lines[j]))) frame.lines.push(lines[j++]);
        d.end = j;
      }
      d.language = d.language === "tsc" ? "typescript" : d.language;
      return d;
    });
  },
};

export const gccParser: ErrorParser = {
  id: "gcc",
  parse(lines) {
    return eachError(lines, (i, found) => {
      const m = GCC.exec(lines[i]);
      const g = m ? null : GO_BUILD.exec(lines[i]);
      if (!m && !g) return undefined;
      let d: ParsedError;
      const previous = found[found.length - 1];
      if (m && m[4] === "note" && previous && previous.end === i) {
        // "note: declared here" belongs to the error above it.
        const note = diagnostic("gcc", lines, i, m[1], Number(m[2]), undefined, "warning", "", (l) => CONTEXT.test(l) && !GCC.test(l));
        previous.items.push(text(...(note.items[0] as ParsedFrame).lines));
        previous.end = note.end;
        return note.end;
      }
      if (m) {
        const severity = /error/.test(m[4]) ? "error" : "warning";
        d = diagnostic("gcc", lines, i, m[1], Number(m[2]), m[3] ? Number(m[3]) : undefined, severity, `${m[4]}: ${m[5]}`, (l) => CONTEXT.test(l) && !GCC.test(l));
      } else {
        d = diagnostic("go", lines, i, g![1], Number(g![2]), Number(g![3]), "error", g![4], (l) => /^\t\S/.test(l));
      }
      // "In file included from …" / "file.c: In function 'main':" lines say where we are.
      let s = i;
      while (s > 0 && s > i - 4 && /^(?:In file included from|\s+from |.+: In (?:function|member function|constructor|instantiation|lambda)|.+: At (?:top level|global scope))/.test(lines[s - 1])) s--;
      if (s < i) {
        d.items.unshift(text(...lines.slice(s, i)));
        d.start = s;
      }
      return d;
    });
  },
};

export const rustcParser: ErrorParser = {
  id: "rustc",
  parse(lines) {
    return eachError(lines, (i) => {
      const m = RUSTC.exec(lines[i]);
      if (!m) return undefined;
      let arrow: RegExpExecArray | null = null;
      for (let k = i + 1; k < lines.length && k <= i + 3 && !arrow; k++) arrow = RUSTC_ARROW.exec(lines[k]);
      if (!arrow) return undefined;
      const frame: ParsedFrame = { type: "frame", lines: [lines[i]], file: arrow[1], line: Number(arrow[2]), column: Number(arrow[3]), library: libraryOfPath(arrow[1]) };
      let j = i + 1;
      // The block runs to the first blank line (rustc ends each diagnostic with one).
      while (j < lines.length && j - i < 60 && lines[j].trim() !== "") frame.lines.push(lines[j++]);
      const items: ParsedItem[] = [frame];
      return { family: "rustc", language: "rust", headline: `${m[1]}${m[2] ?? ""}: ${m[3]}`, severity: m[1] === "error" ? "error" : "warning", start: i, end: j, items };
    });
  },
};

/**
 * ESLint's default "stylish" output: a file path line, then `  12:5  error  message  rule`
 * lines, then `✖ N problems (E errors, W warnings)`. One error per file, holding its errors
 * (its warnings too when it has no error).
 */
const ESLINT_PROBLEM = /^\s+(\d+):(\d+)\s+(error|warning)\s+(.+?)(?:\s{2,}([@\w/-]+))?\s*$/;
const ESLINT_FILE = /^(?:[A-Za-z]:\\|\/|\.{0,2}\/?)?[^\s:]*[\w-]\.(?:[cm]?[jt]sx?|vue|svelte|astro|json|md|html?)\s*$/;

export const eslintParser: ErrorParser = {
  id: "eslint",
  parse(lines) {
    const out = eachError(lines, (i) => {
      if (!ESLINT_FILE.test(lines[i]) || !ESLINT_PROBLEM.test(lines[i + 1] ?? "")) return undefined;
      const file = lines[i].trim();
      const problems: { line: string; row: number; col: number; severity: string; message: string; rule?: string }[] = [];
      let j = i + 1;
      let m: RegExpExecArray | null;
      while (j < lines.length && (m = ESLINT_PROBLEM.exec(lines[j]))) {
        problems.push({ line: lines[j], row: Number(m[1]), col: Number(m[2]), severity: m[3], message: m[4], rule: m[5] });
        j++;
      }
      const errors = problems.filter((p) => p.severity === "error");
      const shown = errors.length > 0 ? errors : problems;
      const items: ParsedItem[] = [text(file)];
      for (const p of shown) items.push({ type: "frame", lines: [p.line], file, line: p.row, column: p.col, library: libraryOfPath(file) });
      const end = j;
      const first = shown[0];
      const lang = languageOf(file);
      return {
        family: "eslint",
        language: lang === "text" ? "javascript" : lang,
        headline: `${first.message}${first.rule ? ` (${first.rule})` : ""}`,
        severity: errors.length > 0 ? "error" : "warning",
        start: i,
        end,
        items,
      };
    });
    // "✖ 3 problems (1 error, 2 warnings)" after the last file goes with the last file that has errors.
    const last = out[out.length - 1];
    if (last) {
      let k = last.end;
      while (k < lines.length && k - last.end < 2 && lines[k].trim() === "") k++;
      const summary = lines.slice(k).find((l, n) => n < 40 && /^\s*[✖×x] \d+ problems?/.test(l));
      const target = [...out].reverse().find((e) => e.severity === "error") ?? last;
      if (summary) target.items.push(text("", summary));
    }
    return out;
  },
};
