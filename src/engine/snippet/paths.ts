/**
 * Path handling in plain string code (the engine has no `node:path`): POSIX and Windows
 * paths, `file://` and `http://` URLs as printed in stack traces.
 */

/** `C:\x`, `C:/x`, `\\server\share`. */
export function isWindowsAbsolute(p: string): boolean {
  return /^[A-Za-z]:[\\/]/.test(p) || p.startsWith("\\\\");
}

export function isAbsolutePath(p: string): boolean {
  return p.startsWith("/") || isWindowsAbsolute(p);
}

/** `file:///home/a/x.js` → `/home/a/x.js`; `file:///C:/x.js` → `C:/x.js`; others unchanged. */
export function fromFileUrl(p: string): string {
  const m = /^file:\/\/(?:localhost)?(\/[A-Za-z]:[\\/].*|\/.*)$/i.exec(p);
  if (!m) return p;
  let path = m[1];
  if (/^\/[A-Za-z]:/.test(path)) path = path.slice(1);
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

interface SplitPath {
  /** `C:` for drive paths, `\\\\server\\share` for UNC, "" for POSIX or relative. */
  root: string;
  absolute: boolean;
  segments: string[];
  windows: boolean;
}

/** Splits on either separator and resolves `.` and `..` (a leading `..` of a relative path stays). */
export function splitPath(p: string): SplitPath {
  const windows = isWindowsAbsolute(p) || (!p.startsWith("/") && p.includes("\\") && !p.includes("/"));
  let root = "";
  let rest = p;
  let absolute = false;
  if (/^[A-Za-z]:[\\/]/.test(p)) {
    root = p.slice(0, 2).toUpperCase();
    rest = p.slice(3);
    absolute = true;
  } else if (p.startsWith("\\\\")) {
    const parts = p.slice(2).split(/[\\/]/);
    root = `\\\\${parts[0] ?? ""}\\${parts[1] ?? ""}`;
    rest = parts.slice(2).join("/");
    absolute = true;
  } else if (p.startsWith("/")) {
    rest = p.slice(1);
    absolute = true;
  }
  const segments: string[] = [];
  for (const s of rest.split(windows ? /[\\/]/ : /\//)) {
    if (s === "" || s === ".") continue;
    if (s === "..") {
      if (segments.length > 0 && segments[segments.length - 1] !== "..") segments.pop();
      else if (!absolute) segments.push("..");
      continue;
    }
    segments.push(s);
  }
  return { root, absolute, segments, windows };
}

/**
 * `path` relative to `root` when it lies inside it (Windows paths compared without case),
 * with "/" separators; undefined otherwise.
 */
export function relativeTo(path: string, root: string): string | undefined {
  const p = splitPath(fromFileUrl(path));
  const r = splitPath(fromFileUrl(root));
  if (!p.absolute || !r.absolute || p.windows !== r.windows) return undefined;
  const same = p.windows ? (a: string, b: string) => a.toLowerCase() === b.toLowerCase() : (a: string, b: string) => a === b;
  if (!same(p.root, r.root) || p.segments.length < r.segments.length) return undefined;
  for (let i = 0; i < r.segments.length; i++) if (!same(p.segments[i], r.segments[i])) return undefined;
  return p.segments.slice(r.segments.length).join("/");
}

/**
 * A relative path safe to hand to `readFile`: "/" separators, no `.` segments, no `..`
 * escape, not absolute. Undefined when it would leave the root.
 */
export function safeRelative(p: string): string | undefined {
  if (p === "" || isAbsolutePath(p) || /^[A-Za-z]:/.test(p) || p.startsWith("~")) return undefined;
  const parts = p.split(/[\\/]/);
  const out: string[] = [];
  for (const s of parts) {
    if (s === "" || s === ".") continue;
    // ".." leaves the root; a colon is a drive or a Windows alternate data stream.
    if (s === ".." || s.includes(":")) return undefined;
    out.push(s);
  }
  return out.length > 0 && out[0] !== "~" ? out.join("/") : undefined;
}

export function baseName(p: string): string {
  const parts = p.split(/[\\/]/);
  return parts[parts.length - 1] ?? p;
}

const LANGUAGE_BY_EXTENSION: Record<string, string> = {
  ts: "typescript", mts: "typescript", cts: "typescript", tsx: "tsx",
  js: "javascript", mjs: "javascript", cjs: "javascript", jsx: "jsx",
  vue: "vue", svelte: "svelte",
  py: "python", pyw: "python",
  java: "java", kt: "kotlin", kts: "kotlin", scala: "scala", groovy: "groovy",
  go: "go", rs: "rust",
  cs: "csharp", fs: "fsharp", vb: "vbnet",
  rb: "ruby", rake: "ruby", erb: "erb",
  php: "php",
  c: "c", h: "c", cc: "cpp", cpp: "cpp", cxx: "cpp", hpp: "cpp", hh: "cpp", hxx: "cpp", m: "objectivec", mm: "objectivec",
  swift: "swift", dart: "dart", ex: "elixir", exs: "elixir", lua: "lua", sh: "bash",
};

/** Markdown fence language from a file name; "text" when unknown. */
export function languageOf(path: string): string {
  const clean = path.replace(/[?#].*$/, "");
  const dot = clean.lastIndexOf(".");
  if (dot === -1 || dot < clean.length - 8) return "text";
  return LANGUAGE_BY_EXTENSION[clean.slice(dot + 1).toLowerCase()] ?? "text";
}

/**
 * The library a path belongs to, or undefined when it looks like the user's own code:
 * `node_modules/express/…` → "express", `node:internal/…` → "node:internal",
 * `site-packages/flask/…` → "flask", `/rustc/…` → "rust std", `.cargo/registry/…/tokio-1.2/` → "tokio".
 */
export function libraryOfPath(raw: string): string | undefined {
  // Stacks repeat the same few files; a long log asks thousands of times.
  if (libraryCache.has(raw)) return libraryCache.get(raw);
  if (libraryCache.size > 4096) libraryCache.clear();
  const library = classifyPath(raw);
  libraryCache.set(raw, library);
  return library;
}

const libraryCache = new Map<string, string | undefined>();

function classifyPath(raw: string): string | undefined {
  const p = raw.replace(/\\/g, "/");
  let m: RegExpExecArray | null;
  if ((m = /^node:([\w-]+)/.exec(p))) return m[1] === "internal" ? "node:internal" : `node:${m[1]}`;
  if (/^internal\/|^<anonymous>|^\[native code\]|^native$/.test(p)) return "node:internal";
  if ((m = /(?:^|\/)node_modules\/\.vite\/deps\/([^/?]+?)(?:\.[cm]?js)?(?:\?|$)/.exec(p))) {
    // Vite pre-bundles `react-dom/client` as `react-dom_client.js`, `@scope/pkg` as `@scope_pkg.js`.
    const name = m[1];
    return name.startsWith("@") ? name.replace("_", "/").replace(/_.*$/, "") : name.replace(/_.*$/, "");
  }
  if ((m = /(?:^|\/)node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(@[^/]+\/[^/]+|[^/@.][^/]*)/.exec(p))) {
    return m[1].replace(/\?.*$/, "").replace(/\.[cm]?js$/, "");
  }
  if ((m = /(?:site|dist)-packages\/([^/]+)/.exec(p))) return m[1].replace(/\.py$/, "").replace(/-[\d.]+.*$/, "");
  if (/\/lib\/python\d(?:\.\d+)?\//.test(p) || /^<frozen /.test(p)) return "python";
  if (/^\/rustc\/|\/lib\/rustlib\/src\//.test(p)) return "rust std";
  if ((m = /\.cargo\/(?:registry\/src\/[^/]+|git\/checkouts)\/([^/]+?)-\d[^/]*\//.exec(p))) return m[1];
  if ((m = /\/pkg\/mod\/(.+?)@v[^/]+\//.exec(p))) return m[1];
  if ((m = /\/gems\/([a-zA-Z][\w.-]*?)-\d[\w.]*\//.exec(p))) return m[1];
  if (/\/lib\/ruby\/\d|^<internal:/.test(p)) return "ruby";
  if ((m = /(?:^|\/)vendor\/([^/]+\/[^/]+)\//.exec(p))) return m[1];
  if ((m = /\.nuget\/packages\/([^/]+)\//i.exec(p))) return m[1];
  if (/^\/usr\/(?:local\/)?lib\//.test(p) || /^\/usr\/include\//.test(p)) return "system";
  if (/(?:^|\/)(?:webpack|vite)\/(?:bootstrap|runtime)/.test(p)) return "bundler runtime";
  return undefined;
}

/** A user name is in any path of these shapes: /home/NAME, /Users/NAME, C:\Users\NAME. */
export const HOME_PATH = /(?:\/home\/|\/Users\/|\b[A-Za-z]:[\\/]+(?:Users|Documents and Settings)[\\/]+)([^\\/\s:'"()<>[\]{},;|*?]+)/g;

/** Names that are accounts of a machine or a container, not a person: never replaced everywhere. */
export const GENERIC_ACCOUNTS = new Set([
  "root", "node", "app", "runner", "user", "admin", "administrator", "ubuntu", "debian", "vagrant", "www-data", "www",
  "circleci", "jenkins", "vscode", "codespace", "codespaces", "public", "default", "default user", "all users", "shared",
  "guest", "docker", "ec2-user", "build", "builder", "ci", "travis", "gitpod", "home", "src", "test", "dev", "local",
]);
