/** Which paths a scan leaves out besides `--exclude` (src/workspace/globs.ts): default ignores, `.veilignore`. */

/** Directories never walked into unless `--no-default-ignores`; they are named on stderr. */
export const DEFAULT_IGNORED_DIRECTORIES: ReadonlySet<string> = new Set([".git", ".hg", ".svn", "node_modules"]);

/** `.veilignore` lines follow git's rules; the parser is shared with the extension's workspace scan. */
export { IgnoreFile } from "../workspace/ignoreFile";
