// The one wrapper of minimatch: `exclude` globs (`veil.exclude`, `veil scan --exclude` and a
// config's `exclude`) and the glob in a shell word, matched the same way by the CLI and the extension.
import { Minimatch } from "minimatch";

/**
 * Globs over paths relative to a root, `/`-separated, dot files included. A glob without a
 * slash also matches a base name at any depth (`*.min.js`); a leading `./` is dropped. A
 * directory that matches takes everything under it along (`dist`, `build/**`).
 */
export class PathGlobs {
  private readonly matchers: Minimatch[];

  constructor(globs: readonly string[]) {
    this.matchers = globs.map((glob) => new Minimatch(glob.replace(/^\.\//, ""), { dot: true, matchBase: true }));
  }

  get empty(): boolean {
    return this.matchers.length === 0;
  }

  /** The path itself, as a file or a directory (a walk prunes a directory that matches). */
  matches(relative: string, isDirectory: boolean): boolean {
    for (const m of this.matchers) {
      if (m.match(relative)) return true;
      // "build/**" should prune the "build" directory itself.
      if (isDirectory && m.match(relative + "/")) return true;
    }
    return false;
  }

  /** A file found without a walk (a file search, an open document): it, or a folder above it. */
  matchesFile(relative: string): boolean {
    if (this.matchers.length === 0) return false;
    const path = relative.replace(/\\/g, "/");
    for (let slash = path.indexOf("/"); slash !== -1; slash = path.indexOf("/", slash + 1)) {
      if (this.matches(path.slice(0, slash), true)) return true;
    }
    return this.matches(path, false);
  }
}

/** Whether a file name matches the glob in a shell word's last segment (`*.env`); as a shell does, `*` skips dot files. */
export function nameGlob(pattern: string): (name: string) => boolean {
  const matcher = new Minimatch(pattern, { dot: false });
  return (name) => matcher.match(name);
}
