/**
 * The file walk of `veil scan`: which files the paths on the command line stand for, in a
 * stable order, and which paths it leaves out and why (`--exclude`, `.veilignore`,
 * `--gitignore`, default ignores, links). It reads directories and ignore files, never the files.
 */
import { readdirSync, readFileSync, statSync, type Dirent } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { DEFAULT_IGNORED_DIRECTORIES, IgnoreFile } from "./ignore";
import { PathGlobs } from "../workspace/globs";
import { IgnoreTree } from "../workspace/ignoreFile";
import { fsErrorText, type FileJob } from "./scanFile";

export type SkipReason = "binary" | "too-large" | "excluded" | "veilignore" | "gitignore" | "default-ignore" | "symlink" | "special";

/** What the walk meets, in walk order: files to scan, paths it skips, paths it cannot read. */
export type WalkEvent = { kind: "file"; job: FileJob } | { kind: "skip"; reason: SkipReason; absolute: string } | { kind: "error"; path: string; message: string };

export interface WalkOptions {
  defaultIgnores: boolean;
  gitignore: boolean;
  excludes: PathGlobs;
}

interface Root {
  excludes: PathGlobs;
  ignoreFile?: IgnoreFile;
  /** With --gitignore: the .gitignore files met so far on the walk, and .git/info/exclude. */
  gitIgnore?: IgnoreTree;
}

/** Relative to the working directory with forward slashes, or absolute outside it. */
export function displayPath(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute);
  if (rel === "") return ".";
  const path = rel.startsWith("..") || isAbsolute(rel) ? absolute : rel;
  return sep === "/" ? path : path.split(sep).join("/");
}

/** Walks the paths given to it, one `walkPath` call each; a file met twice is listed once. */
export class ScanWalk {
  readonly events: WalkEvent[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly cwd: string,
    private readonly options: WalkOptions,
  ) {}

  private display(absolute: string): string {
    return displayPath(this.cwd, absolute);
  }

  private error(path: string, message: string): void {
    this.events.push({ kind: "error", path, message });
  }

  private skip(reason: SkipReason, absolute: string): void {
    this.events.push({ kind: "skip", reason, absolute });
  }

  walkPath(argument: string): void {
    const absolute = resolve(this.cwd, argument);
    let stats;
    try {
      stats = statSync(absolute);
    } catch (error) {
      this.error(argument, fsErrorText(error));
      return;
    }
    if (stats.isDirectory()) {
      const root: Root = { excludes: this.options.excludes };
      const ignorePath = join(absolute, ".veilignore");
      try {
        root.ignoreFile = new IgnoreFile(readFileSync(ignorePath, "utf8"));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") this.error(this.display(ignorePath), fsErrorText(error));
      }
      if (this.options.gitignore) {
        root.gitIgnore = new IgnoreTree();
        const exclude = this.readIgnoreFile(join(absolute, ".git", "info", "exclude"));
        if (exclude !== undefined) root.gitIgnore.add("", exclude);
      }
      this.walk(absolute, "", root);
    } else if (stats.isFile()) this.addFile(absolute);
    else this.error(argument, "not a regular file or directory");
  }

  private walk(directory: string, relativeDirectory: string, root: Root): void {
    let entries: Dirent[];
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      this.error(this.display(directory), fsErrorText(error));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // A folder's .gitignore applies to what is in it, so it is read before its entries are judged.
    if (root.gitIgnore && entries.some((e) => e.name === ".gitignore" && e.isFile())) {
      const text = this.readIgnoreFile(join(directory, ".gitignore"));
      if (text !== undefined) root.gitIgnore.add(relativeDirectory, text);
    }
    for (const entry of entries) {
      const absolute = join(directory, entry.name);
      const rel = relativeDirectory === "" ? entry.name : `${relativeDirectory}/${entry.name}`;
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        this.skip("symlink", absolute);
        continue;
      }
      if (!isDirectory && !isFile) {
        // Some file systems do not report the type in readdir.
        try {
          const s = statSync(absolute, { throwIfNoEntry: true });
          isDirectory = s.isDirectory();
          isFile = s.isFile();
        } catch (error) {
          this.error(this.display(absolute), fsErrorText(error));
          continue;
        }
        if (!isDirectory && !isFile) {
          this.skip("special", absolute);
          continue;
        }
      }
      if (isDirectory && this.options.defaultIgnores && DEFAULT_IGNORED_DIRECTORIES.has(entry.name)) this.skip("default-ignore", absolute);
      else if (root.excludes.matches(rel, isDirectory)) this.skip("excluded", absolute);
      else if (root.ignoreFile?.ignores(rel, isDirectory)) this.skip("veilignore", absolute);
      else if (root.gitIgnore?.ignores(rel, isDirectory)) this.skip("gitignore", absolute);
      else if (isDirectory) this.walk(absolute, rel, root);
      else this.addFile(absolute);
    }
  }

  /** An ignore file's text; undefined when there is none (an unreadable one is reported). */
  private readIgnoreFile(path: string): string | undefined {
    try {
      return readFileSync(path, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "ENOTDIR") this.error(this.display(path), fsErrorText(error));
      return undefined;
    }
  }

  private addFile(absolute: string): void {
    if (this.seen.has(absolute)) return;
    this.seen.add(absolute);
    this.events.push({ kind: "file", job: { absolute, display: this.display(absolute) } });
  }
}
