/**
 * Makes a piece of a snippet safe to share: workspace paths become relative, other home
 * paths lose the home folder, then every engine finding, e-mail, host, IP and user name
 * becomes a placeholder of the caller's vault, so restore works on the answer.
 */
import { anonymize } from "../anonymize/anonymize";
import { isCanonicalPlaceholder } from "../anonymize/placeholders";
import type { Vault } from "../anonymize/vault";
import type { PiiKind, ScanOptions } from "../types";
import { GENERIC_ACCOUNTS, HOME_PATH, baseName, isWindowsAbsolute } from "./paths";

export interface NeutralizeSettings {
  workspaceRoots: readonly string[];
  homeDir?: string;
  userName?: string;
  vault: Vault;
  scan?: ScanOptions;
  now?: number;
}

/** Hosts whose name says nothing about the user or the client: registries, docs, forges. */
const PUBLIC_DOMAINS = [
  "github.com", "githubusercontent.com", "github.dev", "gitlab.com", "bitbucket.org", "npmjs.org", "npmjs.com", "yarnpkg.com",
  "unpkg.com", "jsdelivr.net", "pypi.org", "pythonhosted.org", "python.org", "crates.io", "rust-lang.org", "docs.rs", "golang.org",
  "go.dev", "maven.org", "apache.org", "gradle.org", "spring.io", "nuget.org", "microsoft.com", "aka.ms", "visualstudio.com",
  "rubygems.org", "ruby-lang.org", "rubyonrails.org", "packagist.org", "php.net", "symfony.com", "laravel.com", "nodejs.org",
  "mozilla.org", "stackoverflow.com", "w3.org", "whatwg.org", "schema.org", "json-schema.org", "google.com", "googleapis.com",
  "gstatic.com", "typescriptlang.org", "react.dev", "reactjs.org", "vuejs.org", "angular.io", "angular.dev", "svelte.dev",
  "nextjs.org", "vercel.com", "docker.com", "docker.io", "kubernetes.io", "jetbrains.com", "eslint.org", "pytest.org",
  "djangoproject.com", "palletsprojects.com", "oracle.com", "openjdk.org", "kotlinlang.org", "example.com", "example.org",
  "example.net", "mdn.io", "webpack.js.org", "vitejs.dev", "vite.dev", "babeljs.io", "deno.land", "bun.sh", "openssl.org",
];

/** Suffixes that only resolve inside a company or a home network. */
const INTERNAL_HOST = /(?<![\w.-])((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:internal|local|lan|corp|intranet|intra|private|localdomain|home\.arpa|priv|svc))(?!\.?[\w-])/gi;
const URL = /\b([a-z][a-z0-9+.-]{1,15}):\/\/(?:((?:\[[A-Z][A-Z0-9_]*\]|[^\s/?#@:[\]"'<>])+)(?::((?:\[[A-Z][A-Z0-9_]*\]|[^\s/?#@[\]"'<>])*))?@)?([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)/g;
/** A host named by a network error or a connection setting. */
const HOST_AFTER_KEYWORD = /\b(?:ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ECONNRESET|resolve host:?|[Hh]ost(?:name)?\s*[=:]|[Ss]erver\s*[=:]|Data Source\s*=|connect(?:ing|ion)? to|getaddrinfo \w+)\s*['"(]?((?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]*[A-Za-z])\b/g;

/** Personal data a snippet leaves to the caller's settings; e-mails and IPs are always hidden. */
const OTHER_PII: Record<Exclude<PiiKind, "email" | "ip-address">, true> = {
  phone: true, iban: true, "credit-card": true, "fr-nir": true, "fr-siren": true, "fr-siret": true, "fr-vat": true, "us-ssn": true, money: true, person: true, "private-link": true, "promo-code": true, date: true, address: true,
};
/**
 * The engine's e-mail and IP detectors alone, whatever the caller's settings switch off: a
 * shared log must not carry them. Same kinds as the first pass, so placeholders agree.
 */
const EMAIL_AND_IP: ScanOptions = {
  categories: { secret: false, pii: true, term: false },
  disabledRules: Object.keys(OTHER_PII),
  money: false,
  directives: false,
};

export function isPublicHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, "");
  if (h === "localhost" || h.endsWith(".localhost")) return true;
  return PUBLIC_DOMAINS.some((d) => h === d || h.endsWith(`.${d}`));
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A regex for a folder in every spelling a log may use: as given, with either separator,
 * JSON-escaped backslashes, behind `file://`. Windows paths match without case.
 */
function folderPattern(folder: string): RegExp | undefined {
  const trimmed = folder.replace(/[\\/]+$/, "");
  if (trimmed === "" || trimmed.length < 2) return undefined;
  const windows = isWindowsAbsolute(trimmed);
  const segments = trimmed.split(/[\\/]+/).filter((s, i) => s !== "" || i === 0);
  if (windows) {
    const body = segments.map(escapeRegex).join("(?:\\\\\\\\|\\\\|/)");
    return new RegExp(`(?<![\\w.~/\\\\-])(?:file:///)?${body}((?:\\\\\\\\|\\\\|/)|(?![\\w.-]))`, "gi");
  }
  const body = segments.map(escapeRegex).join("/");
  // Not inside another path or an URL: "https://host/app/x" keeps its "/app" even when the root is /app.
  return new RegExp(`(?<![\\w.~/\\\\-])(?:file://)?${body}(/|(?![\\w.-]))`, "g");
}

/**
 * Where a log shows a user name: a path segment (`/srv/alice/app`, `\\nas\alice`, `~alice/`),
 * `user@host` (a prompt, an ssh target; the host may be a placeholder already) and the end of
 * a prompt (`host:dir alice$ `). Case-sensitive, as user names are: "mark" in a path is a
 * user, "Mark" in a sentence is a word, and prose is left alone.
 */
function userNamePattern(names: readonly string[]): RegExp {
  const name = `(?:${names.map(escapeRegex).join("|")})`;
  return new RegExp(
    [
      String.raw`(?<=[\\/~])${name}(?=[\\/]|(?![\w.-]))`,
      String.raw`(?<![\w.~/\\-])${name}(?=[\\/])`,
      String.raw`(?<![\w.%+-])${name}(?=@[\w[])`,
      String.raw`(?<=\s)${name}(?=[$%#](?:\s|$))`,
    ].join("|"),
    "gm",
  );
}

/** `/home/alice`, `C:\Users\carol`: the user name they name, or undefined for system accounts. */
function personalName(name: string): string | undefined {
  const clean = name.trim();
  if (clean.length < 2 || GENERIC_ACCOUNTS.has(clean.toLowerCase()) || clean.startsWith("[") || clean.startsWith("~")) return undefined;
  return clean;
}

const HOME_POSIX = /(?<![\w.~/-])(?:file:\/\/)?\/(?:home|Users)\/([^/\s:'"()<>[\]{},;|*?]+)(?=\/|(?![\w.-]))/g;
const HOME_WINDOWS = /(?:file:\/\/\/)?\b[A-Za-z]:(\\\\|\\|\/)(?:Users|Documents and Settings)\1([^\\/\r\n:'"()<>[\]{},;|*?]{1,64}?(?=\\|\/)|[^\\/\s:'"()<>[\]{},;|*?]+)/gi;

export class Neutralizer {
  private readonly roots: RegExp[];
  private readonly home?: RegExp;
  private readonly names: string[];
  private readonly namePattern?: RegExp;
  /** Placeholders issued or reused, over every call with `count`. */
  replacements = 0;
  /**
   * The caller's scan options, less the internal-host link rule: in a log, the host alone
   * is replaced (below) so the path and port that locate the error stay readable.
   */
  private readonly scanOptions: ScanOptions;

  constructor(
    private readonly settings: NeutralizeSettings,
    wholeInput: string,
  ) {
    this.scanOptions = { ...settings.scan, disabledRules: [...(settings.scan?.disabledRules ?? []), "link-internal-host"] };
    // Longer roots first, so a nested workspace folder wins over its parent.
    this.roots = [...settings.workspaceRoots]
      .sort((a, b) => b.length - a.length)
      .map(folderPattern)
      .filter((r): r is RegExp => r !== undefined);
    if (settings.homeDir) this.home = folderPattern(settings.homeDir);
    const names = new Set<string>();
    const add = (n: string | undefined) => {
      const p = n === undefined ? undefined : personalName(n);
      if (!p) return;
      names.add(p);
      // "Carol Smith": each part is a name too.
      for (const part of p.split(/[\s._-]+/)) if (part.length >= 3 && !GENERIC_ACCOUNTS.has(part.toLowerCase())) names.add(part);
    };
    add(settings.userName);
    if (settings.homeDir) add(baseName(settings.homeDir.replace(/[\\/]+$/, "")));
    for (const m of wholeInput.matchAll(new RegExp(HOME_PATH.source, "g"))) add(m[1]);
    this.names = [...names].sort((a, b) => b.length - a.length);
    if (this.names.length > 0) this.namePattern = userNamePattern(this.names);
  }

  /** User names found in home paths and options, for the caller's tests and reports. */
  get userNames(): readonly string[] {
    return this.names;
  }

  /** Paths only: workspace-relative, or `~` for the home folder. No placeholders. */
  paths(text: string): string {
    let out = text;
    for (const root of this.roots) out = out.replace(root, (_m, sep: string) => (sep ? "" : "."));
    if (this.home) out = out.replace(this.home, (_m, sep: string) => `~${sep ?? ""}`);
    out = out.replace(HOME_WINDOWS, (m, _sep: string, name: string) => (personalName(name) ? "~" : m));
    out = out.replace(HOME_POSIX, (m, name: string) => (personalName(name) ? "~" : m));
    return out;
  }

  /** Everything: paths, engine findings, e-mails, URL hosts and credentials, internal hosts, IPs, user names. */
  neutralize(text: string, count = true): string {
    const { vault } = this.settings;
    let n = 0;
    const hosts = new Set<string>();
    const put = (value: string, kind: string) => {
      n++;
      if (kind === "HOST") hosts.add(value);
      return vault.placeholderFor(value, kind, this.settings.now);
    };
    let out = this.paths(text);
    const result = anonymize(out, vault, { scan: this.scanOptions, money: this.settings.scan?.money ?? false, now: this.settings.now });
    out = result.text;
    n += result.replacements.length;
    // What the caller's settings may have switched off, or the engine not report on its own in a log:
    // e-mails and IPs, hosts, user names.
    const floor = anonymize(out, vault, { scan: EMAIL_AND_IP, now: this.settings.now });
    out = floor.text;
    n += floor.replacements.length;
    out = out.replace(URL, (m, scheme: string, user: string | undefined, password: string | undefined, host: string) => {
      if (/^(?:file|data|blob|about|javascript)$/i.test(scheme)) return m;
      let auth = "";
      // The engine may have replaced the password already (a connection-string rule).
      const hide = (value: string, kind: string) => (value === "" || isCanonicalPlaceholder(value) ? value : put(value, kind));
      if (user !== undefined) auth = `${hide(user, "USER")}${password !== undefined ? `:${hide(password, "password")}` : ""}@`;
      const keepHost = isPublicHost(host) || isLoopback(host) || /^\d+(?:\.\d+){3}$/.test(host);
      return `${scheme}://${auth}${keepHost ? host : put(host.toLowerCase(), "HOST")}`;
    });
    out = out.replace(INTERNAL_HOST, (m) => put(m.toLowerCase(), "HOST"));
    out = out.replace(HOST_AFTER_KEYWORD, (m, host: string) => (isPublicHost(host) || /\.(?:js|ts|py|rb|go|rs|java|php|cs|json|ya?ml|log|txt|html?)$/i.test(host) ? m : m.slice(0, m.length - host.length) + put(host.toLowerCase(), "HOST")));
    // A host hidden once is hidden wherever else the text names it (`on host "db.internal.x.fr"` after its URL).
    if (hosts.size > 0) {
      const again = new RegExp(`(?<![\\w.-])(?:${[...hosts].map(escapeRegex).join("|")})(?![\\w-]|\\.[\\w-])`, "gi");
      out = out.replace(again, (m) => put(m.toLowerCase(), "HOST"));
    }
    if (this.namePattern) out = out.replace(this.namePattern, (m) => put(this.canonicalName(m), "USER"));
    if (count) this.replacements += n;
    return out;
  }

  /** The spelling first listed for a name matched without case, so "Alice" and "alice" share a placeholder. */
  private canonicalName(m: string): string {
    return this.names.find((n) => n.toLowerCase() === m.toLowerCase()) ?? m;
  }
}

function isLoopback(host: string): boolean {
  return /^(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|::1|\[::1\])$/i.test(host) || host.toLowerCase().endsWith(".localhost");
}
