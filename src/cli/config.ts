/** The `--config FILE` JSON: what to look for, what to allow, what to skip, how loud. */
import { jsonErrorReason, type ScanOptions } from "../engine";
import { parseJsonc } from "../workspace/jsonc";
import { checkPart, checkSetting, describeValue, expectation, SETTINGS, SETTING_KEYS, termListSpecs, termSpecs, TERM_LISTS, type SettingKey, type SettingValues } from "../workspace/settingsSchema";

export type Severity = "error" | "warning" | "note";
export const SEVERITIES: readonly Severity[] = ["error", "warning", "note"];

export interface CliConfig {
  scan: ScanOptions;
  /** Globs like `--exclude`, relative to each scanned root. */
  exclude: string[];
  /** Severity by rule id, kind or category (looked up in that order). */
  severity: Record<string, Severity>;
  /** One line each for stderr: old key names (with the new one) and settings the CLI ignores. Never a value. */
  notes: string[];
}

export function emptyConfig(): CliConfig {
  return { scan: {}, exclude: [], severity: Object.create(null), notes: [] };
}

export const CONFIG_HELP = `Config file (JSON, comments allowed): the veil.* settings without the prefix,
or a VS Code settings.json with "veil.…" keys. Every field optional:
  {
    "terms": ["Orion", { "text": "prj-\\\\d+", "kind": "CODENAME", "regex": true }],
    "clients": ["Acme"], "brands": [], "products": [], "codenames": [], "people": [],
    "categories": { "secrets": true, "personalData": true, "terms": true, "money": true, "names": true, "addresses": true, "dates": false },
    "allowedValues": ["..."], "allowedPatterns": ["regex matching a whole value"], "allowedHashes": ["sha256 hex"],
    "disabledRules": ["rule-id or kind"],
    "exclude": ["dist/**", "*.min.js"],
    "minConfidence": 0.5,
    "severity": { "pii": "note", "email": "warning", "aws-access-key-id": "error" }
  }
Editor-only settings (workspaceLabel, debounceMs, policies …) are accepted and ignored with a note.
Old names still work with a note: allow.values/patterns/hashes, categories.secret/pii/term, money, dates.`;

/** A config problem, naming the file and the field. */
export class ConfigError extends Error {
  constructor(file: string, message: string) {
    super(`config ${file}: ${message}`);
    this.name = "ConfigError";
  }
}

/** The settings `veil scan` reads, and those of the editor only (UI, timers, vault, label, policies, guard list): accepted, not used, one note. */
const SCAN_KEYS = SETTING_KEYS.filter((key) => SETTINGS[key].cli === "scan");
const EDITOR_ONLY_KEYS: readonly string[] = SETTING_KEYS.filter((key) => SETTINGS[key].cli === "editor");
/** Old CLI keys that still work, with the setting that replaces each. */
const DEPRECATED_KEYS: Record<string, string> = { allow: "allowedValues / allowedPatterns / allowedHashes", money: "categories.money", dates: "categories.dates" };
const OLD_CATEGORIES: Record<string, string> = { secret: "secrets", pii: "personalData", term: "terms" };
const TOP_LEVEL = ["$schema", ...SCAN_KEYS, ...EDITOR_ONLY_KEYS, ...Object.keys(DEPRECATED_KEYS), "minConfidence", "severity"];

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Parses and validates a config file's text; throws ConfigError naming the bad field. */
export function parseConfig(text: string, file: string): CliConfig {
  const fail = (message: string): never => {
    throw new ConfigError(file, message);
  };
  let parsed: Json;
  try {
    parsed = parseJsonc(text);
  } catch (error) {
    return fail(`not valid JSON (${jsonErrorReason(error)})`);
  }
  if (!isObject(parsed)) return fail(`must be a JSON object, got ${describeValue(parsed)}`);
  let root = parsed;

  const checkKeys = (object: Record<string, Json>, allowed: readonly string[], where: string) => {
    for (const key of Object.keys(object)) {
      if (!allowed.includes(key)) fail(`unknown field ${where}${JSON.stringify(key)} (known: ${allowed.filter((k) => k !== "$schema").join(", ")})`);
    }
  };
  /** A setting checked by the settings' schema: the first problem is the error. */
  const setting = <K extends SettingKey>(key: K, value: Json, path: string = key): SettingValues[K] => {
    const problems: string[] = [];
    const checked = checkSetting(key, value, problems, path);
    return problems.length > 0 ? fail(problems[0]) : checked;
  };

  const notes: string[] = [];
  // A VS Code settings.json: keep the `veil.` keys without their prefix, leave the other extensions' keys alone.
  if (Object.keys(root).some((key) => key.startsWith("veil."))) {
    const own: Record<string, Json> = {};
    for (const [key, value] of Object.entries(root)) if (key.startsWith("veil.")) own[key.slice(5)] = value;
    root = own;
  }
  checkKeys(root, TOP_LEVEL, "");
  const scan: ScanOptions = {};
  const config: CliConfig = { scan, exclude: [], severity: Object.create(null), notes };
  for (const key of Object.keys(root)) {
    if (DEPRECATED_KEYS[key]) notes.push(`"${key}" is an old name: use ${DEPRECATED_KEYS[key]} (the veil.* settings' names)`);
    if (EDITOR_ONLY_KEYS.includes(key)) notes.push(`"${key}" is an editor setting: the command line ignores it`);
  }

  if (root.terms !== undefined) scan.terms = termSpecs(setting("terms", root.terms));
  const lists: Partial<Record<keyof typeof TERM_LISTS, string[]>> = {};
  for (const key of Object.keys(TERM_LISTS) as (keyof typeof TERM_LISTS)[]) if (root[key] !== undefined) lists[key] = setting(key, root[key]);
  if (Object.keys(lists).length > 0) scan.terms = [...(scan.terms ?? []), ...termListSpecs(lists)];
  const allowKeys = { values: "allowedValues", patterns: "allowedPatterns", hashes: "allowedHashes" } as const;
  if (root.allow !== undefined) {
    if (!isObject(root.allow)) return fail(`allow must be an object { "values", "patterns", "hashes" }, got ${describeValue(root.allow)}`);
    checkKeys(root.allow, Object.keys(allowKeys), "in allow: ");
    scan.allow = {};
    for (const [field, key] of Object.entries(allowKeys) as [keyof typeof allowKeys, (typeof allowKeys)[keyof typeof allowKeys]][]) {
      if (root.allow[field] !== undefined) scan.allow[field] = setting(key, root.allow[field], `allow.${field}`);
    }
  }
  for (const [field, key] of Object.entries(allowKeys) as [keyof typeof allowKeys, (typeof allowKeys)[keyof typeof allowKeys]][]) {
    if (root[key] === undefined) continue;
    scan.allow ??= {};
    scan.allow[field] = [...(scan.allow[field] ?? []), ...setting(key, root[key])];
  }
  if (scan.allow?.hashes) scan.allow.hashes = scan.allow.hashes.map((h) => h.toLowerCase());
  if (root.disabledRules !== undefined) scan.disabledRules = setting("disabledRules", root.disabledRules);
  if (root.categories !== undefined) {
    const fields = SETTINGS.categories.schema.properties;
    if (!isObject(root.categories)) return fail(`categories must be ${expectation(SETTINGS.categories.schema)}, got ${describeValue(root.categories)}`);
    checkKeys(root.categories, [...Object.keys(fields), ...Object.keys(OLD_CATEGORIES)], "in categories: ");
    scan.categories = {};
    const flags: Record<string, boolean> = {};
    for (const [key, value] of Object.entries(root.categories)) {
      const name = (OLD_CATEGORIES[key] ?? key) as keyof typeof fields;
      const problems: string[] = [];
      // Checked under the name the file uses, so the error names what the user wrote.
      const flag = checkPart(fields[name], value, `categories.${key}`, problems, false);
      if (problems.length > 0) return fail(problems[0]);
      flags[name] = flag as boolean;
      if (OLD_CATEGORIES[key]) notes.push(`"categories.${key}" is an old name: use categories.${OLD_CATEGORIES[key]} (the veil.* settings' names)`);
    }
    if (flags.secrets !== undefined) scan.categories.secret = flags.secrets;
    if (flags.personalData !== undefined) scan.categories.pii = flags.personalData;
    if (flags.terms !== undefined) scan.categories.term = flags.terms;
    if (flags.money !== undefined) scan.money = flags.money;
    if (flags.dates !== undefined) scan.dates = flags.dates;
    // `names` and `addresses` switch a kind off, as in the extension's reader.
    const off = [...(flags.names === false ? ["person"] : []), ...(flags.addresses === false ? ["address"] : [])];
    if (off.length > 0) scan.disabledRules = [...(scan.disabledRules ?? []), ...off];
  }
  const boolean = (value: Json, field: string): boolean => (typeof value === "boolean" ? value : fail(`${field} must be true or false, got ${describeValue(value, false)}`));
  if (root.money !== undefined) scan.money = boolean(root.money, "money");
  if (root.dates !== undefined) scan.dates = boolean(root.dates, "dates");
  if (root.minConfidence !== undefined) {
    const value = root.minConfidence;
    if (typeof value !== "number" || !(value >= 0 && value <= 1)) return fail(`minConfidence must be a number from 0 to 1, got ${describeValue(value, false)}`);
    scan.minConfidence = value;
  }
  if (root.exclude !== undefined) config.exclude = setting("exclude", root.exclude);
  if (root.severity !== undefined) {
    if (!isObject(root.severity)) return fail(`severity must be an object like { "pii": "note" }, got ${describeValue(root.severity)}`);
    for (const [key, value] of Object.entries(root.severity)) {
      if (typeof value !== "string" || !(SEVERITIES as readonly string[]).includes(value)) {
        return fail(`severity.${key} must be one of ${SEVERITIES.join(", ")}, got ${describeValue(value, false)}`);
      }
      config.severity[key] = value as Severity;
    }
  }
  return config;
}

const DEFAULT_SEVERITY: Record<string, Severity> = { secret: "error", pii: "warning", term: "warning" };
/** People's names in code and docs are mostly authors and contributors: a note, like the extension's information outside `pro`. */
const DEFAULT_KIND_SEVERITY: Record<string, Severity> = { person: "note" };

export function severityOf(config: CliConfig, finding: { ruleId: string; kind: string; category: string }): Severity {
  const s = config.severity;
  return s[finding.ruleId] ?? s[finding.kind] ?? s[finding.category] ?? DEFAULT_KIND_SEVERITY[finding.kind] ?? DEFAULT_SEVERITY[finding.category] ?? "warning";
}

/** A config's notes (old key names, ignored editor settings), one line each for stderr. */
export function formatConfigNotes(command: string, file: string | undefined, notes: readonly string[]): string {
  return notes.map((n) => `${command}: note: config ${file ?? "(none)"}: ${n}\n`).join("");
}

/**
 * The scanner's warnings about a config's patterns (one Veil cannot run, one that is not a
 * regex), one line each for stderr: the scan goes on without those patterns.
 */
export function formatPatternWarnings(command: string, file: string | undefined, warnings: readonly string[]): string {
  return warnings.map((w) => `${command}: warning: config ${file ?? "(none)"}: ${w}\n`).join("");
}
