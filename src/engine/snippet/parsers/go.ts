import type { ErrorParser, ParsedItem } from "../model";
import { eachError, text, walkFrames, type FrameReader } from "../model";

/**
 * Go panics and goroutine dumps: `panic: …` / `fatal error: …`, then `goroutine N [state]:`
 * sections of `pkg.fn(args)` + `\t/path/file.go:42 +0x1c` pairs. The first goroutine is
 * kept whole; of the others, only those that run the user's code, a few at most.
 * Also `go test` failures: `--- FAIL: TestX (0.00s)` with `    file_test.go:12: message`.
 */
const START = /^(?:panic: |fatal error: |runtime: |SIG[A-Z]+: )/;
const GOROUTINE = /^goroutine \d+ \[[^\]]*\]:\s*$/;
const FUNC = /^(?:created by )?([\w./*()$%~-]+?(?:\.[\w$*()%~-]+)+)(?:\((.*)\))?(?: in goroutine \d+)?\s*$/;
/** `go test`'s `    file_test.go:12: message`. */
const TEST_LOG = /^\s+(\S+?\.go):(\d+): (.*)$/;
const FILE = /^\t(.+?\.(?:go|s|c)):(\d+)(?: \+0x[0-9a-f]+)?\s*$/;
const MAX_OTHER_GOROUTINES = 3;

const STDLIB = new Set(
  ("archive bufio builtin bytes cmp compress container context crypto database debug embed encoding errors expvar flag fmt go " +
    "hash html image index internal io iter log maps math mime net os path plugin reflect regexp runtime slices sort strconv " +
    "strings sync syscall testing text time unicode unique unsafe weak").split(" "),
);

/** Package path of a Go function name: `net/http.(*conn).serve` → `net/http`. */
function goPackage(fn: string): string {
  const slash = fn.lastIndexOf("/");
  const dot = fn.indexOf(".", slash + 1);
  return dot === -1 ? fn : fn.slice(0, dot);
}

function goLibrary(fn: string, file: string | undefined): string | undefined {
  const path = file?.replace(/\\/g, "/");
  if (path) {
    const m = /\/pkg\/mod\/(.+?)@v[^/]+\//.exec(path);
    if (m) return m[1];
    if (/(?:^|\/)vendor\//.test(path)) return "vendor";
  }
  const pkg = goPackage(fn);
  // Standard library: its top-level packages, never a module path with a domain.
  if (!STDLIB.has(pkg.split("/")[0])) return undefined;
  return pkg.startsWith("runtime") ? "runtime" : pkg;
}

/** A goroutine's frame: the function line, then its `\tfile.go:42 +0x1c` line. */
const GOROUTINE_FRAMES: FrameReader = {
  frame(line) {
    if (!FUNC.test(line) || line.startsWith("\t")) return undefined;
    const fn = line.replace(/^created by /, "").replace(/\(.*$/, "").replace(/ in goroutine \d+$/, "").trim();
    return { type: "frame", lines: [line], function: fn, library: goLibrary(fn, undefined) };
  },
  continues(line, frame) {
    const loc = frame.file === undefined ? FILE.exec(line) : null;
    if (!loc) return false;
    frame.file = loc[1];
    frame.line = Number(loc[2]);
    frame.library = goLibrary(frame.function!, frame.file);
    return true;
  },
  text: (line) => /^\.\.\.additional frames elided\.\.\.$/.test(line),
};

export const goParser: ErrorParser = {
  id: "go",
  parse(lines) {
    return eachError(lines, (i) => {
      const line = lines[i];
      const failTest = /^\s*--- FAIL: (\S+)/.exec(line);
      if (failTest) {
        const items: ParsedItem[] = [text(line)];
        let message = "";
        const j = walkFrames(lines, i + 1, items, {
          frame(at) {
            const m = TEST_LOG.exec(at);
            if (!m) return undefined;
            message ||= m[3];
            return { type: "frame", lines: [at], file: m[1], line: Number(m[2]) };
          },
          continues: (more) => /^\s{8,}\S/.test(more),
        });
        let m: RegExpExecArray | null;
        // With -v, the test's log lines come before its "--- FAIL" line.
        let start = i;
        if (j === i + 1) {
          while (start > 0 && (m = TEST_LOG.exec(lines[start - 1]))) {
            start--;
            items.splice(0, 0, { type: "frame", lines: [lines[start]], file: m[1], line: Number(m[2]) });
            message = m[3];
          }
          if (start < i) items.push(items.shift()!);
        }
        if (j > i + 1 || start < i) return { family: "go", language: "go", headline: `${failTest[1]}: ${message}`, severity: "error", start, end: j, items };
      }
      if (!START.test(line) && !GOROUTINE.test(line)) return undefined;
      const start = i;
      const items: ParsedItem[] = [];
      let j = i;
      // The message: lines up to the first goroutine header.
      const head: string[] = [];
      while (j < lines.length && !GOROUTINE.test(lines[j]) && j - i < 30) {
        if (lines[j].trim() === "" && !lines.slice(j + 1, j + 3).some((l) => GOROUTINE.test(l))) break;
        head.push(lines[j++]);
      }
      if (!GOROUTINE.test(lines[j] ?? "")) {
        // A panic without a dump is still an error worth sharing.
        if (START.test(line) && /^(?:panic|fatal error)/.test(line)) return { family: "go", language: "go", headline: line.trim(), severity: "error", start, end: j, items: [text(...head)] };
        return j;
      }
      if (head.length > 0) items.push(text(...head));
      let goroutines = 0;
      let skipped = 0;
      let kept = 0;
      while (j < lines.length && GOROUTINE.test(lines[j])) {
        const section: ParsedItem[] = [text(lines[j])];
        j = walkFrames(lines, j + 1, section, GOROUTINE_FRAMES);
        goroutines++;
        const userCode = section.some((it) => it.type === "frame" && !it.library);
        if (goroutines === 1 || (userCode && kept < MAX_OTHER_GOROUTINES)) {
          if (goroutines > 1) {
            kept++;
            items.push(text(""));
          }
          items.push(...section);
        } else skipped++;
        while (j < lines.length && lines[j].trim() === "" && GOROUTINE.test(lines[j + 1] ?? "")) j++;
      }
      if (skipped > 0) items.push(text("", `… ${skipped} other goroutine${skipped === 1 ? "" : "s"} not shown`));
      if (/^exit status \d+/.test(lines[j] ?? "")) items.push(text(lines[j++]));
      const headline = head.find((l) => /^(?:panic|fatal error): /.test(l))?.trim() ?? head[0]?.trim() ?? lines[start].trim();
      return { family: "go", language: "go", headline, severity: "error", start, end: j, items };
    });
  },
};
