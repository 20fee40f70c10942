// package.json's contributed configuration is the settings schema of src/workspace, both ways:
// the same keys, types, defaults, enums, ranges and item shapes (they had drifted: veil.maxFileSizeKB
// was 5120 there and 2048 in the extension's reader). The policies' four copies there and the
// labels' descriptions follow the engine's label policies.
import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultPolicy, POLICY_SEVERITIES, resolvePolicy, WORKSPACE_LABELS, type PolicySeverity } from "../../src/engine";
import { ASSISTANT_IDS } from "../../src/workspace/guard";
import {
  checkSetting,
  POLICY_KEYS,
  POLICY_OVERRIDE_SCHEMA,
  SETTING_DEFAULTS,
  SETTING_KEYS,
  SETTINGS,
  settingDefault,
  type SettingKey,
  type ValueSchema,
} from "../../src/workspace/settingsSchema";

const ROOT = join(__dirname, "../../..");

interface Contributed extends ValueSchema {
  scope?: string;
  enumDescriptions?: string[];
  enumItemLabels?: string[];
}

const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
  contributes: { configuration: { properties: Record<string, Contributed> } };
};
const properties = manifest.contributes.configuration.properties;
const nls = JSON.parse(readFileSync(join(ROOT, "package.nls.json"), "utf8")) as Record<string, string>;
const nlsFr = JSON.parse(readFileSync(join(ROOT, "package.nls.fr.json"), "utf8")) as Record<string, string>;

/** The validation part of a JSON schema: descriptions, labels, order and the like left out. */
const SCHEMA_FIELDS = ["type", "default", "enum", "minimum", "maximum", "minLength", "pattern", "items", "uniqueItems", "properties", "required", "additionalProperties", "anyOf"] as const;
function validationPart(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(validationPart);
  if (schema === null || typeof schema !== "object") return schema;
  const record = schema as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of SCHEMA_FIELDS) {
    if (record[field] === undefined) continue;
    if (field === "properties") out[field] = Object.fromEntries(Object.entries(record[field] as object).map(([k, v]) => [k, validationPart(v)]));
    else if (field === "items" || field === "anyOf") out[field] = validationPart(record[field]);
    else out[field] = record[field];
  }
  return out;
}

describe("Settings schema", () => {
  const contributedKeys = Object.keys(properties).filter((key) => key.startsWith("veil."));

  it("has every key package.json contributes, and package.json every key of the schema", () => {
    assert.deepEqual(contributedKeys.filter((key) => !(SETTING_KEYS as string[]).includes(key.slice(5))), [], "contributed but not in the schema");
    assert.deepEqual(SETTING_KEYS.filter((key) => !properties[`veil.${key}`]), [], "in the schema but not contributed");
    assert.deepEqual(Object.keys(properties).filter((key) => !key.startsWith("veil.")), []);
  });

  for (const key of SETTING_KEYS) {
    it(`veil.${key}: package.json has the schema's type, default, enum, range, item shape and scope`, () => {
      const contributed = properties[`veil.${key}`];
      assert.ok(contributed, `package.json contributes no veil.${key}`);
      assert.deepEqual(validationPart(contributed), validationPart(SETTINGS[key].schema));
      assert.equal(contributed.scope, SETTINGS[key].scope, "scope");
    });
  }

  it("restricts in untrusted workspaces the settings the schema marks restricted", () => {
    const restricted = SETTING_KEYS.filter((key) => SETTINGS[key].restricted).map((key) => `veil.${key}`);
    assert.deepEqual([...manifest.capabilities.untrustedWorkspaces.restrictedConfigurations].sort(), restricted.sort());
  });

  it("produces the defaults, and each default passes its own schema", () => {
    assert.deepEqual(Object.keys(SETTING_DEFAULTS), SETTING_KEYS);
    for (const key of SETTING_KEYS) {
      const problems: string[] = [];
      assert.deepEqual(checkSetting(key, SETTINGS[key].schema.default, problems), SETTING_DEFAULTS[key], key);
      assert.deepEqual(problems, [], key);
    }
    assert.equal(SETTING_DEFAULTS.maxFileSizeKB, 5120);
    const copy = settingDefault("guard.assistants");
    copy.pop();
    assert.equal(settingDefault("guard.assistants").length, ASSISTANT_IDS.length, "a default is a fresh copy each time");
  });

  it("takes its enums from the engine and the guard", () => {
    assert.deepEqual(SETTINGS.workspaceLabel.schema.enum, [...WORKSPACE_LABELS, null]);
    assert.deepEqual(SETTINGS["guard.assistants"].schema.items.enum, ASSISTANT_IDS);
    assert.deepEqual(SETTINGS["guard.assistants"].schema.default, ASSISTANT_IDS);
    assert.deepEqual(POLICY_KEYS, [...WORKSPACE_LABELS, "unlabeled"]);
    for (const [field, schema] of Object.entries(POLICY_OVERRIDE_SCHEMA.properties ?? {})) {
      if (schema.enum) assert.deepEqual(schema.enum, POLICY_SEVERITIES, field);
    }
  });

  describe("the four label policies in package.json", () => {
    const policies = properties["veil.policies"];

    for (const key of POLICY_KEYS) {
      it(`veil.policies.${key} lists exactly the fields the engine's resolvePolicy takes`, () => {
        const entry = policies.properties?.[key] as Contributed | undefined;
        assert.ok(entry, `package.json's veil.policies has no ${key}`);
        assert.deepEqual(validationPart(entry), validationPart(POLICY_OVERRIDE_SCHEMA));
        const label = key === "unlabeled" ? undefined : key;
        for (const [field, schema] of Object.entries(entry.properties ?? {})) {
          const value = schema.enum ? "off" : true;
          assert.deepEqual(resolvePolicy(label, { [key]: { [field]: value } }).problems, [], `${key}.${field} is a field the engine reads`);
          const contributed = schema as Contributed;
          if (schema.enum) assert.equal(contributed.enumDescriptions?.length, schema.enum.length, `${key}.${field}: one description per severity`);
        }
        assert.equal(resolvePolicy(label, { [key]: { notAField: true } }).problems.length, 1);
      });
    }

    it("the engine's policies take no field that package.json leaves out", () => {
      // Every field of a resolved policy is reachable through an override named in the schema.
      const fields = Object.keys(POLICY_OVERRIDE_SCHEMA.properties ?? {});
      const overrides = Object.fromEntries(fields.map((f) => [f, POLICY_OVERRIDE_SCHEMA.properties![f].enum ? "off" : true]));
      const { policy } = resolvePolicy(undefined, { unlabeled: overrides });
      assert.deepEqual(policy, { severity: { secret: "off", pii: "off", term: "off" }, names: "off", copyGuard: true, masking: true, dates: true });
    });

    // The severities' words in each language, and how each names a workspace without a label.
    const LANGUAGES = [
      { name: "English", strings: nls, words: { error: "error", warning: "warning", information: "information", hint: "hint" }, unlabeled: "unlabeled", separators: ", | and " },
      { name: "French", strings: nlsFr, words: { error: "erreur", warning: "avertissement", information: "information", hint: "indication" }, unlabeled: "sans étiquette", separators: ", | et " },
    ];

    for (const language of LANGUAGES) {
      it(`the labels' descriptions give the engine's severities (${language.name})`, () => {
        const byWord = new Map(Object.entries(language.words).map(([severity, word]) => [word, severity]));
        // Each description names the severities of secrets, personal data and terms in that order.
        const words = (text: string) => [...text.matchAll(new RegExp(`(?<![\\p{L}])(${[...byWord.keys()].join("|")})s?(?![\\p{L}])`, "gu"))].map((m) => byWord.get(m[1]));
        const dedupe = (list: readonly string[]) => list.filter((s, i) => s !== list[i - 1]);
        for (const [label, key] of [["public", "public"], ["sandbox", "sandbox"], ["pro", "pro"], [undefined, "none"]] as const) {
          const { severity } = defaultPolicy(label);
          const expected = dedupe([severity.secret, severity.pii, severity.term]);
          assert.deepEqual(words(language.strings[`config.workspaceLabel.${key}`]).slice(0, expected.length), expected, `config.workspaceLabel.${key}`);
        }
        const names = language.strings["config.policies.names"];
        for (const label of POLICY_KEYS) {
          const severity: PolicySeverity = defaultPolicy(label === "unlabeled" ? undefined : label).names;
          const word = language.words[severity as keyof typeof language.words];
          const labelName = label === "unlabeled" ? language.unlabeled : label;
          const inLabel = language.name === "English" ? "in" : "en";
          assert.match(names, new RegExp(`${word} ${inLabel} ([\\p{L} ]+?(${language.separators}))*${labelName}(?![\\p{L}])`, "u"), `names in ${label}: ${severity}`);
        }
      });
    }
  });

  describe("checking a value", () => {
    const check = (key: SettingKey, value: unknown) => {
      const problems: string[] = [];
      return { value: checkSetting(key, value, problems), problems };
    };

    it("keeps a good value and gives the default for a missing or null one, without a problem", () => {
      assert.deepEqual(check("debounceMs", 300), { value: 300, problems: [] });
      assert.deepEqual(check("debounceMs", undefined), { value: 150, problems: [] });
      assert.deepEqual(check("allowedValues", null), { value: [], problems: [] });
      assert.deepEqual(check("workspaceLabel", "pro"), { value: "pro", problems: [] });
    });

    it("brings a number into its range and an integer down to a whole number, saying so", () => {
      assert.deepEqual(check("debounceMs", 99999), { value: 5000, problems: ["debounceMs must be a number from 0 to 5000, got number 99999: 5000 is used"] });
      assert.equal(check("maxFileSizeKB", 0).value, 1);
      assert.equal(check("vault.ttlDays", -3).value, 0);
      assert.equal(check("snippet.contextLines", 4.7).value, 4);
      assert.deepEqual(check("snippet.contextLines", 80).value, 50);
    });

    it("gives the default for a value of the wrong type or outside the enum", () => {
      assert.deepEqual(check("debounceMs", "fast"), { value: 150, problems: ["debounceMs must be a number from 0 to 5000, got a string (4 characters)"] });
      assert.deepEqual(check("workspaceLabel", "secret"), { value: null, problems: ["workspaceLabel must be one of public, sandbox, pro, null, got a string (6 characters)"] });
      assert.deepEqual(check("copyGuard.enabled", "no").value, true);
      assert.deepEqual(check("guard.assistants", ["cursor", "vim"]).value, ["cursor"]);
    });

    it("drops the bad entries of a list and the bad fields of an object, keeping the rest", () => {
      assert.deepEqual(check("clients", ["Acme", "", "  ", 3, "Orion"]).value, ["Acme", "Orion"]);
      assert.equal(check("clients", ["Acme", "", 3]).problems.length, 2);
      assert.deepEqual(check("categories", { personalData: false, money: "no", colour: true }), {
        value: { personalData: false },
        problems: ["categories.money must be true or false, got a string (2 characters)", 'unknown field "colour" in categories (known: secrets, personalData, terms, money, dates, names, addresses)'],
      });
      assert.deepEqual(check("allowedHashes", ["a".repeat(64), "abc"]), { value: ["a".repeat(64)], problems: ["allowedHashes[1] must be a SHA-256 as 64 hex digits, got a string (3 characters)"] });
      assert.deepEqual(check("policies", { pro: { secrets: "loud", copyGuard: false } }).value, { pro: { copyGuard: false } });
    });

    it("keeps a term whose kind is wrong, with the default kind, and drops one without text", () => {
      const { value, problems } = check("terms", ["Orion", { text: "Zephyr", kind: "no spaces" }, { kind: "CLIENT" }, { text: "prj-\\d+", kind: "CODENAME", regex: true }, 7]);
      assert.deepEqual(value, ["Orion", { text: "Zephyr" }, { text: "prj-\\d+", kind: "CODENAME", regex: true }]);
      assert.deepEqual(problems, [
        'terms[1].kind must be a word like "CLIENT" or "BRAND" (letters, digits, _ or -), got a string (9 characters)',
        "terms[2].text must be a non-empty string, got nothing",
        'terms[4] must be a non-empty string or an object like { "text": "Orion", "kind": "CLIENT" }, got a number',
      ]);
    });

    it("never shows a sensitive setting's value, nor a field name that could be one", () => {
      const secret = "AKIAIOSFODNN7EXAMPLE";
      const problems: string[] = [];
      checkSetting("allowedValues", secret, problems);
      checkSetting("allowedValues", [12345678], problems);
      checkSetting("terms", [{ text: "Acme", [secret]: 1 }], problems);
      checkSetting("clients", [true], problems);
      checkSetting("workspaceLabel", secret, problems);
      assert.equal(problems.length, 5);
      for (const problem of problems) {
        assert.ok(!problem.includes(secret) && !problem.includes("12345678") && !problem.includes("true"), problem);
      }
    });
  });
});
