/** Which paths a scan leaves out: `--exclude` globs, a config's `exclude`, `.veilignore`. */
import { Minimatch } from "minimatch";

/** Directories never walked into unless `--no-default-ignores`; they are named on stderr. */
export const DEFAULT_IGNORED_DIRECTORIES: ReadonlySet<string> = new Set([".git", ".hg", ".svn", "node_modules"]);

/**
 * `--exclude` globs, matched against the path relative to the scanned root with forward
 * slashes, dot files included. A glob without a slash also matches a file's base name at
 * any depth (`*.min.js`). A directory that matches is not walked at all.
 */
export class ExcludeGlobs {
  private readonly matchers: Minimatch[];

  constructor(globs: readonly string[]) {
    this.matchers = globs.map((glob) => new Minimatch(glob.replace(/^\.\//, ""), { dot: true, matchBase: true }));
  }

  matches(relative: string, isDirectory: boolean): boolean {
    for (const m of this.matchers) {
      if (m.match(relative)) return true;
      // "build/**" should prune the "build" directory itself.
      if (isDirectory && m.match(relative + "/")) return true;
    }
    return false;
  }
}

/** `.veilignore` lines follow git's rules; the parser is shared with the extension's workspace scan. */
export { IgnoreFile } from "../workspace/ignoreFile";
