// gitignore-style ignore files (`.gitignore`, `.veilignore`), shared by the CLI and the
// extension (Node and web worker): no `vscode`, no Node built-ins, paths with forward slashes.
// Lines are read by the `ignore` package, which follows git's own rules (braces and extglobs
// are literal in git, unlike minimatch); the test compares it with `git check-ignore`.
import ignore, { type Ignore } from "ignore";

/**
 * The `ignore` package's rule list, which judges a path by itself. Its public `test()` also
 * applies the parents' verdicts, but only those of the same file: across files a deeper one
 * may re-include a folder that a shallower one excludes (IgnoreTree walks the parents as git
 * does), so each file is asked about the path alone. Checked at construction: an `ignore`
 * release without it fails every ignore-file test instead of reading the files wrong.
 */
interface RuleTester {
  test(path: string, mode: "regex"): { ignored: boolean; unignored: boolean };
}

function rulesOf(matcher: Ignore): RuleTester {
  const rules = (matcher as unknown as { _rules?: Partial<RuleTester> })._rules;
  if (typeof rules?.test !== "function") throw new Error("the ignore package no longer exposes its rule list: IgnoreFile needs updating");
  return rules as RuleTester;
}

/**
 * One ignore file, with git's rules for a line (comments, `!`, trailing `/`, anchoring, `**`,
 * escapes). Parent folders are not looked at here: see {@link IgnoreTree}.
 */
export class IgnoreFile {
  private readonly rules: RuleTester;
  readonly size: number;

  constructor(content: string) {
    const lines = content.split(/\r?\n/);
    this.rules = rulesOf(ignore({ allowRelativePaths: true }).add(lines));
    this.size = lines.filter((line) => line.trim() !== "" && !line.startsWith("#")).length;
  }

  /**
   * What this file says of a path relative to its folder: `true` ignored, `false` re-included
   * by a `!` line, `undefined` no line matches. Parent folders are not looked at.
   */
  decide(relative: string, isDirectory: boolean): boolean | undefined {
    if (relative === "") return undefined;
    const verdict = this.rules.test(isDirectory ? `${relative}/` : relative, "regex");
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
    return undefined;
  }

  /** Whether the path is ignored by this file alone (parent folders not looked at). */
  ignores(relative: string, isDirectory: boolean): boolean {
    return this.decide(relative, isDirectory) === true;
  }
}

/**
 * The ignore files of a whole tree, as git reads them: a file in folder `a/b` applies to the
 * paths under `a/b`, relative to it; a deeper file overrides a shallower one; nothing under an
 * ignored folder can be re-included. Paths are relative to the tree's root, `/`-separated.
 */
export class IgnoreTree {
  private readonly files = new Map<string, IgnoreFile>();
  private readonly sources = new Map<string, string>();
  private readonly folderCache = new Map<string, boolean>();

  /** `files`: the folder of each ignore file ("" for the root, "a/b" below it) and its content. */
  constructor(files: Iterable<readonly [folder: string, content: string]> = []) {
    for (const [folder, content] of files) this.add(folder, content);
  }

  /** Adds an ignore file; a second file for the same folder adds its lines after the first's. */
  add(folder: string, content: string): void {
    const key = trimSlashes(folder);
    const existing = this.sources.get(key);
    const source = existing === undefined ? content : `${existing}\n${content}`;
    this.sources.set(key, source);
    this.files.set(key, new IgnoreFile(source));
    this.folderCache.clear();
  }

  /** How many ignore files (folders with one). */
  get size(): number {
    return this.files.size;
  }

  ignores(relative: string, isDirectory = false): boolean {
    const path = trimSlashes(relative);
    if (path === "" || this.files.size === 0) return false;
    const slash = path.lastIndexOf("/");
    if (slash > 0 && this.folderIgnored(path.slice(0, slash))) return true;
    return this.decide(path, isDirectory);
  }

  private folderIgnored(folder: string): boolean {
    const cached = this.folderCache.get(folder);
    if (cached !== undefined) return cached;
    const slash = folder.lastIndexOf("/");
    const ignored = (slash > 0 && this.folderIgnored(folder.slice(0, slash))) || this.decide(folder, true);
    this.folderCache.set(folder, ignored);
    return ignored;
  }

  /** The deepest ignore file with a say on the path decides. */
  private decide(path: string, isDirectory: boolean): boolean {
    let end = path.lastIndexOf("/");
    for (;;) {
      const folder = end < 0 ? "" : path.slice(0, end);
      const file = this.files.get(folder);
      if (file) {
        const verdict = file.decide(end < 0 ? path : path.slice(end + 1), isDirectory);
        if (verdict !== undefined) return verdict;
      }
      if (end < 0) return false;
      end = path.lastIndexOf("/", end - 1);
    }
  }
}

function trimSlashes(path: string): string {
  return path.replace(/\\/g, "/").replace(/^\.\/+/, "").replace(/^\/+|\/+$/g, "");
}
