/** The `--config FILE` JSON: what to look for, what to allow, what to skip, how loud. */
import { jsonErrorReason, type ScanOptions, type TermSpec } from "../engine";

export type Severity = "error" | "warning" | "note";
export const SEVERITIES: readonly Severity[] = ["error", "warning", "note"];

export interface CliConfig {
  scan: ScanOptions;
  /** Globs like `--exclude`, relative to each scanned root. */
  exclude: string[];
  /** Severity by rule id, kind or category (looked up in that order). */
  severity: Record<string, Severity>;
}

export function emptyConfig(): CliConfig {
  return { scan: {}, exclude: [], severity: Object.create(null) };
}

export const CONFIG_HELP = `Config file (JSON), every field optional:
  {
    "terms": [{ "text": "Orion", "kind": "CLIENT" }, { "text": "prj-\\\\d+", "kind": "CODENAME", "regex": true }],
    "allow": { "values": ["..."], "patterns": ["regex matching a whole value"], "hashes": ["sha256 hex"] },
    "disabledRules": ["rule-id or kind"],
    "categories": { "secret": true, "pii": true, "term": true },
    "money": true,
    "dates": false,
    "minConfidence": 0.5,
    "exclude": ["dist/**", "*.min.js"],
    "severity": { "pii": "note", "email": "warning", "aws-access-key-id": "error" }
  }`;

/** A config problem, naming the file and the field. */
export class ConfigError extends Error {
  constructor(file: string, message: string) {
    super(`config ${file}: ${message}`);
    this.name = "ConfigError";
  }
}

/** The per-kind term lists, as in the extension's `veil.clients` … settings. */
const TERM_LISTS: Record<string, string> = { clients: "CLIENT", brands: "BRAND", products: "PRODUCT", codenames: "CODENAME", people: "PERSON" };
const TOP_LEVEL = ["$schema", "terms", ...Object.keys(TERM_LISTS), "allow", "disabledRules", "categories", "money", "dates", "minConfidence", "exclude", "severity"];

type Json = unknown;

/** What a value is, for error messages; a string's content is never shown (it may be a term or a secret). */
function describe(value: Json): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `a string (${value.length} characters)`;
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value).slice(0, 40)}`;
}

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Parses and validates a config file's text; throws ConfigError naming the bad field. */
export function parseConfig(text: string, file: string): CliConfig {
  const fail = (message: string): never => {
    throw new ConfigError(file, message);
  };
  let root: Json;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return fail(`not valid JSON (${jsonErrorReason(error)})`);
  }
  if (!isObject(root)) return fail(`must be a JSON object, got ${describe(root)}`);

  const checkKeys = (object: Record<string, Json>, allowed: readonly string[], where: string) => {
    for (const key of Object.keys(object)) {
      if (!allowed.includes(key)) fail(`unknown field ${where}${JSON.stringify(key)} (known: ${allowed.filter((k) => k !== "$schema").join(", ")})`);
    }
  };
  const stringArray = (value: Json, field: string, check?: (s: string, field: string) => void): string[] => {
    if (!Array.isArray(value)) return fail(`${field} must be an array of strings, got ${describe(value)}`);
    return value.map((item, i) => {
      if (typeof item !== "string") return fail(`${field}[${i}] must be a string, got ${describe(item)}`);
      check?.(item, `${field}[${i}]`);
      return item;
    });
  };
  const boolean = (value: Json, field: string): boolean => (typeof value === "boolean" ? value : fail(`${field} must be true or false, got ${describe(value)}`));

  checkKeys(root, TOP_LEVEL, "");
  const scan: ScanOptions = {};
  const config: CliConfig = { scan, exclude: [], severity: Object.create(null) };

  if (root.terms !== undefined) {
    if (!Array.isArray(root.terms)) return fail(`terms must be an array of { "text", "kind" } objects, got ${describe(root.terms)}`);
    scan.terms = root.terms.map((term: Json, i: number): TermSpec => {
      const field = `terms[${i}]`;
      if (!isObject(term)) return fail(`${field} must be an object like { "text": "Orion", "kind": "CLIENT" }, got ${describe(term)}`);
      checkKeys(term, ["text", "kind", "regex"], `in ${field}: `);
      if (typeof term.text !== "string" || term.text.trim() === "") return fail(`${field}.text must be a non-empty string`);
      if (typeof term.kind !== "string" || !/^[A-Za-z][A-Za-z0-9_-]*$/.test(term.kind)) {
        return fail(`${field}.kind must be a word like "CLIENT" or "BRAND" (letters, digits, _ or -), got ${describe(term.kind)}`);
      }
      const spec: TermSpec = { text: term.text, kind: term.kind };
      // A pattern Veil cannot run is the scanner's warning, not a config error: the other terms still apply.
      if (term.regex !== undefined) spec.regex = boolean(term.regex, `${field}.regex`);
      return spec;
    });
  }
  for (const [key, kind] of Object.entries(TERM_LISTS)) {
    if (root[key] === undefined) continue;
    const texts = stringArray(root[key], key, (text, field) => {
      if (text.trim() === "") fail(`${field} must be a non-empty string`);
    });
    scan.terms = [...(scan.terms ?? []), ...texts.map((text): TermSpec => ({ text, kind }))];
  }
  if (root.allow !== undefined) {
    if (!isObject(root.allow)) return fail(`allow must be an object { "values", "patterns", "hashes" }, got ${describe(root.allow)}`);
    checkKeys(root.allow, ["values", "patterns", "hashes"], "in allow: ");
    scan.allow = {};
    if (root.allow.values !== undefined) scan.allow.values = stringArray(root.allow.values, "allow.values");
    if (root.allow.patterns !== undefined) scan.allow.patterns = stringArray(root.allow.patterns, "allow.patterns");
    if (root.allow.hashes !== undefined) {
      scan.allow.hashes = stringArray(root.allow.hashes, "allow.hashes", (s, field) => {
        if (!/^[0-9a-fA-F]{64}$/.test(s)) fail(`${field} must be a SHA-256 as 64 hex digits`);
      });
    }
  }
  if (root.disabledRules !== undefined) scan.disabledRules = stringArray(root.disabledRules, "disabledRules");
  if (root.categories !== undefined) {
    if (!isObject(root.categories)) return fail(`categories must be an object like { "pii": false }, got ${describe(root.categories)}`);
    checkKeys(root.categories, ["secret", "pii", "term"], "in categories: ");
    scan.categories = {};
    for (const key of ["secret", "pii", "term"] as const) {
      if (root.categories[key] !== undefined) scan.categories[key] = boolean(root.categories[key], `categories.${key}`);
    }
  }
  if (root.money !== undefined) scan.money = boolean(root.money, "money");
  if (root.dates !== undefined) scan.dates = boolean(root.dates, "dates");
  if (root.minConfidence !== undefined) {
    const value = root.minConfidence;
    if (typeof value !== "number" || !(value >= 0 && value <= 1)) return fail(`minConfidence must be a number from 0 to 1, got ${describe(value)}`);
    scan.minConfidence = value;
  }
  if (root.exclude !== undefined) config.exclude = stringArray(root.exclude, "exclude");
  if (root.severity !== undefined) {
    if (!isObject(root.severity)) return fail(`severity must be an object like { "pii": "note" }, got ${describe(root.severity)}`);
    for (const [key, value] of Object.entries(root.severity)) {
      if (typeof value !== "string" || !(SEVERITIES as readonly string[]).includes(value)) {
        return fail(`severity.${key} must be one of ${SEVERITIES.join(", ")}, got ${describe(value)}`);
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

/**
 * The scanner's warnings about a config's patterns (one Veil cannot run, one that is not a
 * regex), one line each for stderr: the scan goes on without those patterns.
 */
export function formatPatternWarnings(command: string, file: string | undefined, warnings: readonly string[]): string {
  return warnings.map((w) => `${command}: warning: config ${file ?? "(none)"}: ${w}\n`).join("");
}
