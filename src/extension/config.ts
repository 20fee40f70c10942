import * as vscode from "vscode";
import type { ScanOptions, TermSpec } from "../engine";
import { checkSetting, SETTINGS, SETTING_KEYS, settingDefault, termListSpecs, termSpecs, TERM_LISTS, type SettingKey, type SettingValues } from "../workspace/settingsSchema";
import { PathGlobs } from "../workspace/globs";
import { engine } from "./engine";
import type { VeilConfig, WorkspaceLabel } from "./services";

export const SECTION = "veil";

/**
 * Settings a cloned repository must not be able to set for itself: in an untrusted
 * workspace they are read from the user's settings only. (VS Code already ignores the
 * workspace's value of `restrictedConfigurations` there; reading `inspect().globalValue`
 * makes it hold whatever the host does.) Same list as package.json's `restrictedConfigurations`.
 */
export const RESTRICTED_SETTINGS: readonly SettingKey[] = SETTING_KEYS.filter((key) => SETTINGS[key].restricted);

type Reader = (key: SettingKey) => unknown;

function readerFor(scope: vscode.Uri | undefined, trusted: boolean): Reader {
  const section = vscode.workspace.getConfiguration(SECTION, scope ?? null);
  return (key: SettingKey): unknown => {
    if (!trusted && RESTRICTED_SETTINGS.includes(key)) {
      const inspected = section.inspect<unknown>(key);
      return inspected?.globalValue ?? inspected?.defaultValue;
    }
    return section.get<unknown>(key);
  };
}

/** One setting, checked against the schema: problems name it with its `veil.` prefix. */
function checked<K extends SettingKey>(read: Reader, key: K, problems: string[]): SettingValues[K] {
  return checkSetting(key, read(key), problems, `veil.${key}`);
}

/** `veil.terms`: plain strings (kind TERM) or `{ text, kind, regex? }`. */
export function parseTerms(value: unknown, problems: string[]): TermSpec[] {
  return termSpecs(checkSetting("terms", value, problems, "veil.terms"));
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
  if (trusted) return { terms: parseTerms(section.get<unknown>("terms"), problems), ignoredPatterns: 0 };
  const inspected = section.inspect<unknown>("terms");
  const user = inspected?.globalValue ?? inspected?.defaultValue;
  // In a single-folder workspace the folder's settings are the workspace's: inspect() gives them twice.
  const folder = JSON.stringify(inspected?.workspaceFolderValue) === JSON.stringify(inspected?.workspaceValue) ? undefined : inspected?.workspaceFolderValue;
  const workspace = [inspected?.workspaceValue, folder].flatMap((v) => (v === undefined ? [] : parseTerms(v, problems)));
  const literal = workspace.filter((t) => !t.regex);
  return { terms: [...parseTerms(user, problems), ...literal], ignoredPatterns: workspace.length - literal.length };
}

/** Reads every Veil setting for one scope into one typed object. */
export function readConfig(scope: vscode.Uri | undefined, trusted = vscode.workspace.isTrusted): VeilConfig {
  const read = readerFor(scope, trusted);
  const problems: string[] = [];
  const setting = <K extends SettingKey>(key: K): SettingValues[K] => checked(read, key, problems);
  // An empty string (a hand-edited settings.json) is no label, without a problem.
  const label: WorkspaceLabel | undefined = read("workspaceLabel") === "" ? undefined : (setting("workspaceLabel") ?? undefined);
  const categories = setting("categories");
  const categoryDefaults = settingDefault("categories");
  const flag = (key: "secrets" | "personalData" | "terms" | "money" | "names" | "addresses") => categories[key] ?? categoryDefaults[key] ?? true;
  const { terms, ignoredPatterns } = readTerms(scope, trusted, problems);
  const lists = Object.fromEntries(Object.keys(TERM_LISTS).map((key) => [key, setting(key as keyof typeof TERM_LISTS)]));
  const scanOptions: ScanOptions = {
    terms: [...terms, ...termListSpecs(lists)],
    allow: {
      values: setting("allowedValues"),
      patterns: setting("allowedPatterns"),
      hashes: setting("allowedHashes").map((h) => h.toLowerCase()),
    },
    // `names` and `addresses` switch a kind off, as disabledRules would.
    disabledRules: [...setting("disabledRules"), ...(flag("names") ? [] : ["person"]), ...(flag("addresses") ? [] : ["address"])],
    categories: { secret: flag("secrets"), pii: flag("personalData"), term: flag("terms") },
    money: flag("money"),
  };
  const { policy, problems: policyProblems } = engine().resolvePolicy(label, setting("policies"));
  problems.push(...policyProblems.map((p) => `veil.policies: ${p}`));
  // Dates follow the label (on in `pro`) unless veil.categories says otherwise.
  scanOptions.dates = categories.dates ?? policy.dates;
  return {
    label,
    scanOptions,
    exclude: new PathGlobs(setting("exclude")),
    debounceMs: setting("debounceMs"),
    maxFileSizeBytes: setting("maxFileSizeKB") * 1024,
    snippetContextLines: setting("snippet.contextLines"),
    vaultTtlDays: setting("vault.ttlDays"),
    respectGitignore: setting("workspaceScan.respectGitignore"),
    copyGuard: policy.copyGuard && setting("copyGuard.enabled"),
    policy,
    screenShareAutoForPro: setting("screenShare.autoForPro"),
    guardAssistants: setting("guard.assistants"),
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
