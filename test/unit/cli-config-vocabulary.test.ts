import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseConfig } from "../../src/cli/config";
import { stripJsonComments } from "../../src/workspace/jsonc";
import { Scanner } from "../../src/engine";
import { FAKE_AWS_KEY, scanJson, tempTree } from "./cli-helpers";

const root = join(__dirname, "..", "..", "..");

describe("CLI config: the veil.* settings' vocabulary", () => {
  it("reads the settings' keys without the prefix", () => {
    const config = parseConfig(
      JSON.stringify({
        terms: ["Orion", { text: "Zephyr", kind: "codename" }, { text: "Bluebird" }],
        clients: ["Acme"],
        categories: { secrets: true, personalData: false, terms: true, money: false, names: false, dates: true },
        allowedValues: ["keep-me"],
        allowedPatterns: ["^x+$"],
        allowedHashes: ["A".repeat(64)],
        disabledRules: ["email"],
        exclude: ["dist/**"],
      }),
      "veil.json",
    );
    assert.deepEqual(config.scan.terms, [
      { text: "Orion", kind: "TERM" },
      { text: "Zephyr", kind: "CODENAME" },
      // A term without a kind is a TERM, as in the veil.terms setting.
      { text: "Bluebird", kind: "TERM" },
      { text: "Acme", kind: "CLIENT" },
    ]);
    assert.deepEqual(config.scan.categories, { secret: true, pii: false, term: true });
    assert.equal(config.scan.money, false);
    assert.equal(config.scan.dates, true);
    assert.deepEqual(config.scan.disabledRules, ["email", "person"]);
    assert.deepEqual(config.scan.allow, { values: ["keep-me"], patterns: ["^x+$"], hashes: ["a".repeat(64)] });
    assert.deepEqual(config.exclude, ["dist/**"]);
    assert.deepEqual(config.notes, []);
  });

  it("reads a VS Code settings.json with veil.* keys and comments, leaving other extensions' keys alone", () => {
    const text = `{
      // my settings
      "editor.fontSize": 14,
      "veil.clients": ["Acme", ], /* trailing comma and block comment */
      "veil.categories": { "personalData": false },
      "veil.workspaceLabel": "pro",
      "url": "http://not-a-comment//x"
    }`;
    const config = parseConfig(text, ".vscode/settings.json");
    assert.deepEqual(config.scan.terms, [{ text: "Acme", kind: "CLIENT" }]);
    assert.equal(config.scan.categories?.pii, false);
    assert.deepEqual(config.notes, ['"workspaceLabel" is an editor setting: the command line ignores it']);
    assert.match(stripJsonComments('{"a": "x//y/*z*/"}'), /x\/\/y\/\*z\*\//);
  });

  it("keeps the old CLI keys with a note naming the new key, never a value", () => {
    const config = parseConfig(JSON.stringify({ allow: { values: ["s3cr3t-value"] }, categories: { pii: false }, money: false, dates: true }), "old.json");
    assert.deepEqual(config.scan.allow?.values, ["s3cr3t-value"]);
    assert.equal(config.scan.categories?.pii, false);
    assert.equal(config.scan.money, false);
    assert.equal(config.scan.dates, true);
    assert.equal(config.notes.length, 4);
    assert.ok(config.notes.some((n) => n.includes("categories.personalData")));
    assert.ok(config.notes.some((n) => n.includes("allowedValues")));
    for (const note of config.notes) assert.ok(!note.includes("s3cr3t"));
  });

  it("names the key and the expected type on a wrong value, without the value", () => {
    assert.throws(() => parseConfig('{"allowedValues": "hunter2-secret"}', "c.json"), (e: Error) => /allowedValues must be an array of strings/.test(e.message) && !e.message.includes("hunter2"));
    assert.throws(() => parseConfig('{"categories": {"personalData": "no"}}', "c.json"), /categories\.personalData must be true or false/);
    assert.throws(() => parseConfig('{"allowedHashes": ["abc"]}', "c.json"), /allowedHashes\[0\] must be a SHA-256/);
    assert.throws(() => parseConfig('{"veil.colour": 1}', "c.json"), /unknown field "colour"/);
    assert.throws(() => parseConfig('{"categorie": {}}', "c.json"), /unknown field "categorie"/);
  });

  it("checks the settings' keys with the settings' schema, as the extension does, never echoing a value", () => {
    const secret = "AKIAIOSFODNN7EXAMPLE";
    const cases: [object, RegExp][] = [
      [{ allowedValues: [secret, 42] }, /^config c\.json: allowedValues\[1\] must be a non-empty string, got a number$/],
      [{ allowedValues: [""] }, /allowedValues\[0\] must be a non-empty string, got a string \(0 characters\)/],
      [{ "veil.terms": [{ text: secret, kind: secret.slice(0, 4) + " x" }] }, /^config c\.json: terms\[0\]\.kind must be a word like "CLIENT"/],
      [{ terms: [{ text: "Acme", [secret]: true }] }, /^config c\.json: an unknown field in terms\[0\] \(known: text, kind, regex\)$/],
      [{ terms: [{ kind: "CLIENT" }] }, /terms\[0\]\.text must be a non-empty string, got nothing/],
      [{ clients: secret }, /^config c\.json: clients must be an array of strings, got a string \(20 characters\)$/],
      [{ categories: { names: 1 } }, /categories\.names must be true or false, got number 1/],
      [{ categories: [] }, /categories must be an object with the fields secrets, personalData, terms, money, dates, names, addresses, got an array/],
      [{ allow: { patterns: [secret, null] } }, /allow\.patterns\[1\] must be a non-empty string, got null/],
    ];
    for (const [settings, expected] of cases) {
      assert.throws(
        () => parseConfig(JSON.stringify(settings), "c.json"),
        (e: Error) => expected.test(e.message) && !e.message.includes(secret) && !e.message.includes("AKIA"),
        `${Object.keys(settings)[0]}: ${expected}`,
      );
    }
  });

  it("accepts every key package.json contributes", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    const properties: Record<string, { default?: unknown }> = Object.assign({}, ...[pkg.contributes.configuration].flat().map((c: { properties: object }) => c.properties));
    const settings: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(properties)) settings[key] = schema.default;
    const config = parseConfig(JSON.stringify(settings), "defaults.json");
    // Every category switch the Settings UI offers is a key the CLI takes.
    const categories = properties["veil.categories"] as { properties: Record<string, unknown> };
    const allOff = Object.fromEntries(Object.keys(categories.properties).map((key) => [key, false]));
    assert.doesNotThrow(() => parseConfig(JSON.stringify({ categories: allOff }), "categories.json"));
    // The settings' defaults find the same as no config at all.
    const text = "mail jane.doe@example.org, key AKIAIOSFODNN7EXAMPLE, 1 200 €";
    const plain = new Scanner({}).scan(text).map((f) => f.kind);
    assert.deepEqual(new Scanner(config.scan).scan(text).map((f) => f.kind), plain);
  });

  it("veil scan gives the same findings from a settings.json, the unprefixed keys and the old keys, with a note only for the old ones", async () => {
    const brief = `Launch plan for Orion Cloud, mail jane.doe@example.org\nkey ${FAKE_AWS_KEY}\nallowed: keep@example.org\n`;
    const tree = tempTree({
      "brief.md": brief,
      ".vscode/settings.json": `{\n  // the editor's settings\n  "editor.tabSize": 2,\n  "veil.clients": ["Orion Cloud"],\n  "veil.allowedValues": ["keep@example.org"],\n  "veil.categories": { "secrets": false },\n}\n`,
      "new.json": JSON.stringify({ clients: ["Orion Cloud"], allowedValues: ["keep@example.org"], categories: { secrets: false } }),
      "old.json": JSON.stringify({ terms: [{ text: "Orion Cloud", kind: "CLIENT" }], allow: { values: ["keep@example.org"] }, categories: { secret: false } }),
    });
    try {
      const runs = await Promise.all([".vscode/settings.json", "new.json", "old.json"].map((file) => scanJson(tree.root, "--config", file, "brief.md")));
      const kinds = runs.map((r) => r.report.findings.map((f) => `${f.kind}@${f.line}:${f.column}`));
      assert.deepEqual(kinds[0], ["CLIENT@1:17", "email@1:35"]);
      assert.deepEqual(kinds[1], kinds[0]);
      assert.deepEqual(kinds[2], kinds[0]);
      assert.equal(runs[0].stderr, "");
      assert.equal(runs[1].stderr, "");
      assert.match(runs[2].stderr, /note: config old\.json: "allow" is an old name: use allowedValues/);
      assert.match(runs[2].stderr, /"categories\.secret" is an old name: use categories\.secrets/);
      assert.ok(!runs[2].stderr.includes("keep@"));
    } finally {
      tree.cleanup();
    }
  });
});
