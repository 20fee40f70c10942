import * as vscode from "vscode";
import type { ScanOptions, TermSpec } from "../engine";
import { SETTING_DEFAULTS } from "../workspace/settingDefaults";
import { engine } from "./engine";
import type { VeilConfig, WorkspaceLabel } from "./services";

export const SECTION = "veil";

/**
 * Settings a cloned repository must not be able to set for itself: in an untrusted
 * workspace they are read from the user's settings only. (VS Code already ignores the
 * workspace's value of `restrictedConfigurations` there; reading `inspect().globalValue`
 * makes it hold whatever the host does.) Same list as package.json's `restrictedConfigurations`.
 */
export const RESTRICTED_SETTINGS = [
  "workspaceLabel",
  "allowedValues",
  "allowedPatterns",
  "allowedHashes",
  "exclude",
  "disabledRules",
  "categories",
  "policies",
] as const;

const DEFAULTS = {
  debounceMs: SETTING_DEFAULTS.debounceMs,
  maxFileSizeKB: SETTING_DEFAULTS.maxFileSizeKB,
  contextLines: SETTING_DEFAULTS["snippet.contextLines"],
  ttlDays: SETTING_DEFAULTS["vault.ttlDays"],
};

type Reader = <T>(key: string, fallback: T) => T;

function readerFor(scope: vscode.Uri | undefined, trusted: boolean): Reader {
  const section = vscode.workspace.getConfiguration(SECTION, scope ?? null);
  return <T>(key: string, fallback: T): T => {
    if (!trusted && (RESTRICTED_SETTINGS as readonly string[]).includes(key)) {
      const inspected = section.inspect<T>(key);
      return inspected?.globalValue ?? inspected?.defaultValue ?? fallback;
    }
    return section.get<T>(key, fallback);
  };
}

function stringList(value: unknown, name: string, problems: string[]): string[] {
  if (!Array.isArray(value)) {
    if (value !== undefined && value !== null) problems.push(`veil.${name} must be a list of strings`);
    return [];
  }
  const out: string[] = [];
  for (const item of value) {
    if (typeof item === "string" && item.length > 0) out.push(item);
    else problems.push(`veil.${name}: ignored an entry that is not a non-empty string`);
  }
  return out;
}

/** The per-kind lists the Settings UI edits (`veil.clients` …) and the kind each one gives. */
export const TERM_LISTS = { clients: "CLIENT", brands: "BRAND", products: "PRODUCT", codenames: "CODENAME", people: "PERSON" } as const;

/** `veil.clients`, `veil.brands` …: plain strings, each a term of that list's kind. */
function termsByKind(read: <T>(key: string, fallback: T) => T | undefined, problems: string[]): TermSpec[] {
  const terms: TermSpec[] = [];
  for (const [key, kind] of Object.entries(TERM_LISTS)) {
    for (const text of stringList(read<unknown>(key, []), key, problems)) if (text.trim()) terms.push({ text, kind });
  }
  return terms;
}

/** `veil.terms`: plain strings (kind TERM) or `{ text, kind, regex? }`. */
export function parseTerms(value: unknown, problems: string[]): TermSpec[] {
  if (!Array.isArray(value)) return [];
  const terms: TermSpec[] = [];
  for (const item of value) {
    if (typeof item === "string") {
      if (item.trim()) terms.push({ text: item, kind: "TERM" });
      continue;
    }
    if (item && typeof item === "object" && typeof (item as TermSpec).text === "string" && (item as TermSpec).text.trim()) {
      const raw = item as Partial<TermSpec>;
      const kind = typeof raw.kind === "string" && /^[A-Za-z][A-Za-z0-9_-]*$/.test(raw.kind) ? raw.kind.toUpperCase() : "TERM";
      terms.push({ text: raw.text as string, kind, regex: raw.regex === true });
      continue;
    }
    problems.push("veil.terms: ignored an entry that is neither a string nor { text, kind }");
  }
  return terms;
}

function positiveNumber(value: unknown, fallback: number, min = 0): number {
  return typeof value === "number" && Number.isFinite(value) && value >= min ? value : fallback;
}

/**
 * `veil.terms` as the engine gets it. In an untrusted workspace, the regex terms of the
 * workspace's own settings are dropped (a cloned repository could ship one that floods the
 * editor with findings), while its literal terms still apply: they can only add findings.
 * `veil.terms` is therefore not in `restrictedConfigurations`, where VS Code would drop the
 * workspace's literal terms too. Returns how many regex terms were dropped.
 */
function readTerms(scope: vscode.Uri | undefined, trusted: boolean, problems: string[]): { terms: TermSpec[]; ignoredPatterns: number } {
  const section = vscode.workspace.getConfiguration(SECTION, scope ?? null);
  if (trusted) return { terms: parseTerms(section.get<unknown>("terms", []), problems), ignoredPatterns: 0 };
  const inspected = section.inspect<unknown>("terms");
  const user = inspected?.globalValue ?? inspected?.defaultValue ?? [];
  // In a single-folder workspace the folder's settings are the workspace's: inspect() gives them twice.
  const folder = JSON.stringify(inspected?.workspaceFolderValue) === JSON.stringify(inspected?.workspaceValue) ? undefined : inspected?.workspaceFolderValue;
  const workspace = [inspected?.workspaceValue, folder].flatMap((v) => parseTerms(v, problems));
  const literal = workspace.filter((t) => !t.regex);
  return { terms: [...parseTerms(user, problems), ...literal], ignoredPatterns: workspace.length - literal.length };
}

/** Reads every Veil setting for one scope into one typed object. */
export function readConfig(scope: vscode.Uri | undefined, trusted = vscode.workspace.isTrusted): VeilConfig {
  const read = readerFor(scope, trusted);
  const problems: string[] = [];
  const rawLabel = read<unknown>("workspaceLabel", undefined);
  let label: WorkspaceLabel | undefined;
  if (engine().isWorkspaceLabel(rawLabel)) label = rawLabel;
  else if (rawLabel !== undefined && rawLabel !== null && rawLabel !== "") problems.push("veil.workspaceLabel must be public, sandbox or pro");
  const categories = read<Record<string, unknown>>("categories", {}) ?? {};
  const flag = (key: string) => (typeof categories[key] === "boolean" ? (categories[key] as boolean) : true);
  const { terms, ignoredPatterns } = readTerms(scope, trusted, problems);
  const scanOptions: ScanOptions = {
    terms: [...terms, ...termsByKind(read, problems)],
    allow: {
      values: stringList(read<unknown>("allowedValues", []), "allowedValues", problems),
      patterns: stringList(read<unknown>("allowedPatterns", []), "allowedPatterns", problems),
      hashes: stringList(read<unknown>("allowedHashes", []), "allowedHashes", problems).map((h) => h.toLowerCase()),
    },
    // `names` and `addresses` switch a kind off, as disabledRules would.
    disabledRules: [...stringList(read<unknown>("disabledRules", []), "disabledRules", problems), ...(flag("names") ? [] : ["person"]), ...(flag("addresses") ? [] : ["address"])],
    categories: { secret: flag("secrets"), pii: flag("personalData"), term: flag("terms") },
    money: flag("money"),
  };
  const { policy, problems: policyProblems } = engine().resolvePolicy(label, read<unknown>("policies", {}));
  problems.push(...policyProblems.map((p) => `veil.policies: ${p}`));
  // Dates follow the label (on in `pro`) unless veil.categories says otherwise.
  scanOptions.dates = typeof categories.dates === "boolean" ? categories.dates : policy.dates;
  return {
    label,
    scanOptions,
    exclude: stringList(read<unknown>("exclude", []), "exclude", problems),
    debounceMs: positiveNumber(read<unknown>("debounceMs", DEFAULTS.debounceMs), DEFAULTS.debounceMs),
    maxFileSizeBytes: positiveNumber(read<unknown>("maxFileSizeKB", DEFAULTS.maxFileSizeKB), DEFAULTS.maxFileSizeKB, 1) * 1024,
    snippetContextLines: Math.floor(positiveNumber(read<unknown>("snippet.contextLines", DEFAULTS.contextLines), DEFAULTS.contextLines)),
    vaultTtlDays: positiveNumber(read<unknown>("vault.ttlDays", DEFAULTS.ttlDays), DEFAULTS.ttlDays),
    copyGuard: policy.copyGuard && read<boolean>("copyGuard.enabled", true) !== false,
    policy,
    screenShareAutoForPro: read<boolean>("screenShare.autoForPro", false) === true,
    ignoredRegexTerms: ignoredPatterns,
    problems,
  };
}

/**
 * Settings read once per workspace folder and kept until they change. `onDidChange` fires
 * after the cache is cleared, so listeners read fresh values.
 */
export class ConfigStore implements vscode.Disposable {
  private readonly cache = new Map<string, VeilConfig>();
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly listeners: vscode.Disposable[];

  constructor() {
    this.listeners = [
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SECTION)) this.invalidate();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.invalidate()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidate()),
    ];
  }

  /** Settings for a resource: those of its workspace folder, or of the workspace. */
  get(scope?: vscode.Uri): VeilConfig {
    const folder = scope ? vscode.workspace.getWorkspaceFolder(scope) : undefined;
    const key = folder ? folder.uri.toString() : "";
    let config = this.cache.get(key);
    if (!config) {
      config = readConfig(folder?.uri);
      this.cache.set(key, config);
    }
    return config;
  }

  private invalidate(): void {
    this.cache.clear();
    this.emitter.fire();
  }

  dispose(): void {
    for (const d of this.listeners) d.dispose();
    this.emitter.dispose();
  }
}
