// The one description of Veil's `veil.*` settings: types, defaults, allowed values, ranges and
// item shapes. The extension's reader and `veil scan --config` validate through it, and a unit
// test holds package.json's contributed configuration to it, both ways.
// Only type imports from the engine: the extension evaluates this module at activation, before
// the engine is loaded (the test checks the enums against the engine's own lists).
import type { PolicyKey, PolicySeverity, TermSpec, WorkspaceLabelName } from "../engine";
import type { AssistantId } from "./guard";

export type JsonType = "string" | "boolean" | "number" | "integer" | "array" | "object" | "null";

/** The subset of JSON Schema that package.json's `contributes.configuration` uses, as it is written there. */
export interface ValueSchema {
  readonly type?: JsonType | readonly JsonType[];
  readonly default?: unknown;
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly maximum?: number;
  /** Counted on the trimmed text: a blank entry is an empty one. */
  readonly minLength?: number;
  readonly pattern?: string;
  readonly items?: ValueSchema;
  /** For the Settings UI only: a repeated entry is harmless and not reported. */
  readonly uniqueItems?: boolean;
  readonly properties?: Readonly<Record<string, ValueSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: false;
  readonly anyOf?: readonly ValueSchema[];
  /** What a wrong value is told it should be, when the generic wording is not clear (not in package.json). */
  readonly expected?: string;
}

export interface SettingSpec {
  readonly schema: ValueSchema;
  /** package.json's `scope`. */
  readonly scope: "window" | "resource";
  /** In `restrictedConfigurations`: an untrusted workspace cannot set it. */
  readonly restricted: boolean;
  /** Whether `veil scan --config` uses it; editor settings are accepted there and ignored with a note. */
  readonly cli: "scan" | "editor";
  /** Its values may be secrets or client names: a problem shows a value's type, never the value. */
  readonly sensitive: boolean;
}

const WORKSPACE_LABEL_VALUES = ["public", "sandbox", "pro"] as const satisfies readonly WorkspaceLabelName[];
export const POLICY_KEYS = ["public", "sandbox", "pro", "unlabeled"] as const satisfies readonly PolicyKey[];
const SEVERITY_VALUES = ["error", "warning", "information", "hint", "off"] as const satisfies readonly PolicySeverity[];
const ASSISTANT_VALUES = ["claude-code", "cursor", "windsurf", "gemini-code-assist", "gemini-cli", "aider", "jetbrains-ai", "cline", "roo"] as const satisfies readonly AssistantId[];

/** Term kinds: a word, as placeholders are named after it (`[CLIENT_1]`). */
export const TERM_KIND_PATTERN = "^[A-Za-z][A-Za-z0-9_-]*$";
const SHA256_PATTERN = "^[0-9a-fA-F]{64}$";

/** The per-kind lists the Settings UI edits (`veil.clients` …) and the kind each one gives. */
export const TERM_LISTS = { clients: "CLIENT", brands: "BRAND", products: "PRODUCT", codenames: "CODENAME", people: "PERSON" } as const;

const nonEmptyString: ValueSchema = { type: "string", minLength: 1 };
const stringList = (items: ValueSchema = nonEmptyString): ValueSchema => ({ type: "array", items, default: [] });
const severity: ValueSchema = { type: "string", enum: SEVERITY_VALUES };
const flag = (on: boolean | undefined): ValueSchema => (on === undefined ? { type: "boolean" } : { type: "boolean", default: on });

/** What `veil.policies` may change in one label's policy. */
export const POLICY_OVERRIDE_SCHEMA: ValueSchema = {
  type: "object",
  additionalProperties: false,
  properties: { secrets: severity, personalData: severity, terms: severity, copyGuard: flag(undefined), masking: flag(undefined), dates: flag(undefined), names: severity },
};

const CATEGORY_DEFAULTS = { secrets: true, personalData: true, terms: true, money: true, names: true, addresses: true };

const termList: SettingSpec = { schema: { ...stringList(), uniqueItems: true }, scope: "resource", restricted: false, cli: "scan", sensitive: true };

export const SETTINGS = {
  workspaceLabel: { schema: { type: ["string", "null"], enum: [...WORKSPACE_LABEL_VALUES, null], default: null }, scope: "window", restricted: true, cli: "editor", sensitive: false },
  // Not restricted: an untrusted workspace's literal terms still apply (they only add findings); the extension drops its regex terms.
  terms: {
    schema: {
      type: "array",
      default: [],
      expected: 'an array of strings and { "text", "kind" } objects',
      items: {
        anyOf: [
          nonEmptyString,
          {
            type: "object",
            required: ["text"],
            additionalProperties: false,
            expected: 'an object like { "text": "Orion", "kind": "CLIENT" }',
            properties: {
              text: nonEmptyString,
              kind: { type: "string", pattern: TERM_KIND_PATTERN, default: "TERM", expected: 'a word like "CLIENT" or "BRAND" (letters, digits, _ or -)' },
              regex: { type: "boolean", default: false },
            },
          },
        ],
      },
    },
    scope: "resource",
    restricted: false,
    cli: "scan",
    sensitive: true,
  },
  clients: termList,
  brands: termList,
  products: termList,
  codenames: termList,
  people: termList,
  categories: {
    schema: {
      type: "object",
      additionalProperties: false,
      default: CATEGORY_DEFAULTS,
      properties: {
        secrets: flag(true),
        personalData: flag(true),
        terms: flag(true),
        money: flag(true),
        // No default: unset, dates follow the workspace label.
        dates: flag(undefined),
        names: flag(true),
        addresses: flag(true),
      },
    },
    scope: "resource",
    restricted: true,
    cli: "scan",
    sensitive: false,
  },
  allowedValues: { schema: stringList(), scope: "resource", restricted: true, cli: "scan", sensitive: true },
  allowedPatterns: { schema: stringList(), scope: "resource", restricted: true, cli: "scan", sensitive: true },
  allowedHashes: { schema: stringList({ type: "string", pattern: SHA256_PATTERN, expected: "a SHA-256 as 64 hex digits" }), scope: "resource", restricted: true, cli: "scan", sensitive: true },
  disabledRules: { schema: stringList(), scope: "resource", restricted: true, cli: "scan", sensitive: false },
  exclude: { schema: stringList(), scope: "resource", restricted: true, cli: "scan", sensitive: true },
  debounceMs: { schema: { type: "number", default: 150, minimum: 0, maximum: 5000 }, scope: "window", restricted: false, cli: "editor", sensitive: false },
  /** Files above this are not scanned (the CLI's --max-size default too). */
  maxFileSizeKB: { schema: { type: "number", default: 5120, minimum: 1 }, scope: "window", restricted: false, cli: "editor", sensitive: false },
  "workspaceScan.respectGitignore": { schema: flag(true), scope: "resource", restricted: false, cli: "editor", sensitive: false },
  "snippet.contextLines": { schema: { type: "integer", default: 3, minimum: 0, maximum: 50 }, scope: "window", restricted: false, cli: "editor", sensitive: false },
  "vault.ttlDays": { schema: { type: "number", default: 30, minimum: 0 }, scope: "window", restricted: false, cli: "editor", sensitive: false },
  "copyGuard.enabled": { schema: flag(true), scope: "window", restricted: false, cli: "editor", sensitive: false },
  policies: {
    schema: { type: "object", default: {}, additionalProperties: false, properties: Object.fromEntries(POLICY_KEYS.map((key) => [key, POLICY_OVERRIDE_SCHEMA])) },
    scope: "window",
    restricted: true,
    cli: "editor",
    sensitive: false,
  },
  "guard.assistants": {
    schema: { type: "array", uniqueItems: true, items: { type: "string", enum: ASSISTANT_VALUES }, default: [...ASSISTANT_VALUES] },
    scope: "resource",
    restricted: false,
    cli: "editor",
    sensitive: false,
  },
  "screenShare.autoForPro": { schema: flag(false), scope: "window", restricted: false, cli: "editor", sensitive: false },
} as const satisfies Record<string, SettingSpec>;

export type SettingKey = keyof typeof SETTINGS;
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

export interface TermEntry {
  text: string;
  kind?: string;
  regex?: boolean;
}
type PolicyOverrideValue = Partial<Record<"secrets" | "personalData" | "terms" | "names", PolicySeverity> & Record<"copyGuard" | "masking" | "dates", boolean>>;
type CategoryFlags = Partial<Record<keyof typeof SETTINGS.categories.schema.properties, boolean>>;

/** Each setting's value once checked: what the readers get. */
export interface SettingValues {
  workspaceLabel: WorkspaceLabelName | null;
  terms: (string | TermEntry)[];
  clients: string[];
  brands: string[];
  products: string[];
  codenames: string[];
  people: string[];
  categories: CategoryFlags;
  allowedValues: string[];
  allowedPatterns: string[];
  allowedHashes: string[];
  disabledRules: string[];
  exclude: string[];
  debounceMs: number;
  maxFileSizeKB: number;
  "workspaceScan.respectGitignore": boolean;
  "snippet.contextLines": number;
  "vault.ttlDays": number;
  "copyGuard.enabled": boolean;
  policies: Partial<Record<PolicyKey, PolicyOverrideValue>>;
  "guard.assistants": AssistantId[];
  "screenShare.autoForPro": boolean;
}

/** A fresh copy of a setting's default (callers may change what they get). */
export function settingDefault<K extends SettingKey>(key: K): SettingValues[K] {
  const value: unknown = SETTINGS[key].schema.default;
  return (value === null || typeof value !== "object" ? value : JSON.parse(JSON.stringify(value))) as SettingValues[K];
}

/** Every setting's default, produced from the schema. */
export const SETTING_DEFAULTS: Readonly<SettingValues> = Object.fromEntries(SETTING_KEYS.map((key) => [key, settingDefault(key)])) as unknown as SettingValues;

/**
 * Checks one setting's value. Returns the value to use: the default when it is missing or
 * unusable; a list without its bad entries; an object without its bad fields; a number brought
 * into range. Each thing left out or changed adds one line to `problems`, naming the key
 * (`path`, without the `veil.` prefix) and what was expected — a value's type, never its text.
 * `null` counts as unset, as in settings.json.
 */
export function checkSetting<K extends SettingKey>(key: K, value: unknown, problems: string[], path: string = key): SettingValues[K] {
  if (value === undefined || value === null) return settingDefault(key);
  const spec: SettingSpec = SETTINGS[key];
  const checked = checkValue(spec.schema, value, path, problems, spec.sensitive);
  return (checked === DROPPED ? settingDefault(key) : checked) as SettingValues[K];
}

/**
 * Checks a value against one part of a setting's schema (a field of `veil.categories` under an
 * old name, say): the checked value, or undefined when it is unusable (with its problem).
 */
export function checkPart(schema: ValueSchema, value: unknown, path: string, problems: string[], sensitive = true): unknown {
  const checked = checkValue(schema, value, path, problems, sensitive);
  return checked === DROPPED ? undefined : checked;
}

const DROPPED = Symbol("dropped");

function typesOf(schema: ValueSchema): readonly JsonType[] {
  return schema.type === undefined ? [] : typeof schema.type === "string" ? [schema.type] : schema.type;
}

function jsonType(value: unknown): JsonType | "other" {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  if (typeof value === "string" || typeof value === "boolean" || typeof value === "object") return typeof value as JsonType;
  return "other";
}

function accepts(schema: ValueSchema, value: unknown): boolean {
  const types = typesOf(schema);
  const type = jsonType(value);
  return types.includes(type as JsonType) || (type === "integer" && types.includes("number")) || (type === "number" && types.includes("integer"));
}

/** What a value is, for a problem: a string's text is never shown, nor anything of a sensitive setting. */
export function describeValue(value: unknown, sensitive = true): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `a string (${value.length} character${value.length === 1 ? "" : "s"})`;
  if (typeof value === "object") return "an object";
  if (sensitive || (typeof value !== "number" && typeof value !== "boolean")) return `a ${typeof value}`;
  return `${typeof value} ${String(value)}`;
}

/** The wording of what a schema expects, as in "debounceMs must be <a number from 0 to 5000>". */
export function expectation(schema: ValueSchema): string {
  if (schema.expected) return schema.expected;
  if (schema.enum) return `one of ${schema.enum.map((v) => (v === null ? "null" : String(v))).join(", ")}`;
  const types = typesOf(schema);
  if (types.includes("boolean")) return "true or false";
  if (types.includes("number") || types.includes("integer")) {
    const what = types.includes("integer") ? "a whole number" : "a number";
    if (schema.minimum !== undefined && schema.maximum !== undefined) return `${what} from ${schema.minimum} to ${schema.maximum}`;
    if (schema.minimum !== undefined) return `${what} of at least ${schema.minimum}`;
    if (schema.maximum !== undefined) return `${what} of at most ${schema.maximum}`;
    return what;
  }
  if (types.includes("string")) return schema.minLength ? "a non-empty string" : "a string";
  if (types.includes("array")) {
    const items = schema.items;
    if (items && typesOf(items).includes("string") && !items.enum && !items.pattern) return "an array of strings";
    return items ? `an array, each entry ${expectation(items)}` : "an array";
  }
  if (types.includes("object")) return schema.properties ? `an object with the fields ${Object.keys(schema.properties).join(", ")}` : "an object";
  return schema.anyOf ? schema.anyOf.map(expectation).join(" or ") : "a value";
}

function checkValue(schema: ValueSchema, value: unknown, path: string, problems: string[], sensitive: boolean): unknown {
  const fail = (): typeof DROPPED => {
    problems.push(`${path} must be ${expectation(schema)}, got ${describeValue(value, sensitive)}`);
    return DROPPED;
  };
  if (schema.anyOf) {
    // The alternative of the value's own type says best what is wrong with it.
    const alternative = schema.anyOf.find((a) => accepts(a, value));
    return alternative ? checkValue(alternative, value, path, problems, sensitive) : fail();
  }
  if (!accepts(schema, value)) return fail();
  if (schema.enum && !schema.enum.includes(value)) return fail();
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return fail();
    let number = value;
    if (typesOf(schema).includes("integer") && !Number.isInteger(number)) number = Math.floor(number);
    if (schema.minimum !== undefined && number < schema.minimum) number = schema.minimum;
    if (schema.maximum !== undefined && number > schema.maximum) number = schema.maximum;
    if (number !== value) problems.push(`${path} must be ${expectation(schema)}, got ${describeValue(value, sensitive)}: ${number} is used`);
    return number;
  }
  if (typeof value === "string") {
    if (schema.minLength !== undefined && value.trim().length < schema.minLength) return fail();
    if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value)) return fail();
    return value;
  }
  if (Array.isArray(value)) {
    if (!schema.items) return [...value];
    const out: unknown[] = [];
    value.forEach((item, i) => {
      const checked = checkValue(schema.items!, item, `${path}[${i}]`, problems, sensitive);
      if (checked !== DROPPED) out.push(checked);
    });
    return out;
  }
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    const properties = schema.properties ?? {};
    for (const field of schema.required ?? []) {
      if (record[field] === undefined) {
        problems.push(`${path}.${field} must be ${expectation(properties[field] ?? {})}, got nothing`);
        return DROPPED;
      }
    }
    const out: Record<string, unknown> = {};
    for (const [field, item] of Object.entries(record)) {
      const property = Object.prototype.hasOwnProperty.call(properties, field) ? properties[field] : undefined;
      if (!property) {
        if (schema.additionalProperties === false) {
          // A field's name could be the value itself in a sensitive setting ({ "Acme": … }).
          const name = sensitive ? "an unknown field" : `unknown field ${JSON.stringify(field)}`;
          problems.push(`${name} in ${path} (known: ${Object.keys(properties).join(", ")})`);
        } else out[field] = item;
        continue;
      }
      if (item === undefined) continue;
      const checked = checkValue(property, item, `${path}.${field}`, problems, sensitive);
      if (checked === DROPPED) {
        // A required field that is wrong makes the whole entry unusable.
        if (schema.required?.includes(field)) return DROPPED;
        continue;
      }
      out[field] = checked;
    }
    return out;
  }
  return value;
}

/** `veil.terms` entries as the engine takes them: a plain string is a term of kind TERM. */
export function termSpecs(terms: SettingValues["terms"]): TermSpec[] {
  return terms.map((term): TermSpec => {
    if (typeof term === "string") return { text: term, kind: "TERM" };
    const spec: TermSpec = { text: term.text, kind: (term.kind ?? "TERM").toUpperCase() };
    if (term.regex === true) spec.regex = true;
    return spec;
  });
}

/** The terms of the per-kind lists (`veil.clients` …), each of its list's kind. */
export function termListSpecs(lists: Partial<Record<keyof typeof TERM_LISTS, readonly string[]>>): TermSpec[] {
  return Object.entries(TERM_LISTS).flatMap(([key, kind]) => (lists[key as keyof typeof TERM_LISTS] ?? []).map((text): TermSpec => ({ text, kind })));
}
