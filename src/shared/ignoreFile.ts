// gitignore-style ignore files (`.gitignore`, `.veilignore`), shared by the CLI and the
// extension (Node and web worker): no `vscode`, no Node built-ins, paths with forward slashes.
import { Minimatch } from "minimatch";

interface IgnoreRule {
  negate: boolean;
  directoryOnly: boolean;
  matcher: Minimatch;
}

/**
 * One ignore file, with git's rules for a line: `#` starts a comment, `!` re-includes what an
 * earlier line excluded (not inside an excluded directory: callers check the parents, see
 * {@link IgnoreTree}), a trailing `/` matches directories only, a leading `/` or an inner `/`
 * anchors the glob to the file's folder, otherwise it matches at any depth; `*`, `?`, `[…]`
 * and `**` as in git; `\!` and `\#` for a literal first character. The last matching line wins.
 */
export class IgnoreFile {
  private readonly rules: IgnoreRule[] = [];

  constructor(content: string) {
    for (const raw of content.split(/\r?\n/)) {
      // Trailing spaces are dropped unless escaped with a backslash.
      let line = raw.replace(/(?<!\\)\s+$/, "");
      if (line === "" || line.startsWith("#")) continue;
      let negate = false;
      if (line.startsWith("!")) {
        negate = true;
        line = line.slice(1);
      } else if (line.startsWith("\\!") || line.startsWith("\\#")) line = line.slice(1);
      let directoryOnly = false;
      if (line.endsWith("/")) {
        directoryOnly = true;
        line = line.replace(/\/+$/, "");
      }
      if (line === "") continue;
      const anchored = line.includes("/");
      line = line.replace(/^\/+/, "");
      if (line === "") continue;
      const glob = anchored ? line : `**/${line}`;
      this.rules.push({ negate, directoryOnly, matcher: new Minimatch(glob, { dot: true }) });
    }
  }

  get size(): number {
    return this.rules.length;
  }

  /**
   * What this file says of a path relative to its folder: `true` ignored, `false` re-included
   * by a `!` line, `undefined` no line matches. Parent folders are not looked at.
   */
  decide(relative: string, isDirectory: boolean): boolean | undefined {
    for (let i = this.rules.length - 1; i >= 0; i--) {
      const rule = this.rules[i];
      if (rule.directoryOnly && !isDirectory) continue;
      if (rule.matcher.match(relative)) return !rule.negate;
    }
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
