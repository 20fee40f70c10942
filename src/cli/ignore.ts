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

interface IgnoreRule {
  negate: boolean;
  directoryOnly: boolean;
  matcher: Minimatch;
}

/**
 * A `.veilignore` file: gitignore-like lines. `#` starts a comment, `!` re-includes what an
 * earlier line excluded (not inside an excluded directory, as in git), a trailing `/`
 * matches directories only, a leading `/` or an inner `/` anchors the glob to the root,
 * otherwise it matches at any depth. The last matching line wins.
 */
export class IgnoreFile {
  private readonly rules: IgnoreRule[] = [];

  constructor(content: string) {
    for (const raw of content.split(/\r?\n/)) {
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
      const glob = anchored ? line : `**/${line}`;
      this.rules.push({ negate, directoryOnly, matcher: new Minimatch(glob, { dot: true }) });
    }
  }

  get size(): number {
    return this.rules.length;
  }

  ignores(relative: string, isDirectory: boolean): boolean {
    let ignored = false;
    for (const rule of this.rules) {
      if (rule.directoryOnly && !isDirectory) continue;
      if (rule.negate === ignored && rule.matcher.match(relative)) ignored = !rule.negate;
    }
    return ignored;
  }
}
