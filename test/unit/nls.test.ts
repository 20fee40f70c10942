// English and French stay in step: package.nls*.json hold the same keys, and every string
// the extension sends through vscode.l10n.t has a French translation.
import * as assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "../../..");

function readJson(relative: string): Record<string, string> {
  return JSON.parse(readFileSync(join(ROOT, relative), "utf8")) as Record<string, string>;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts"))
    .map((name) => join(dir, name));
}

/** Decodes a JavaScript string literal's body the way the bundle will see it. */
function unquote(quote: string, body: string): string {
  if (quote === "`") return body;
  return JSON.parse(`"${body.replace(/\\'/g, "'").replace(/(^|[^\\])"/g, '$1\\"')}"`) as string;
}

/** Every `l10n.t("…")` message in a source text (string and template literals without `${}`). */
export function l10nMessages(source: string): string[] {
  const messages: string[] = [];
  const call = /\bl10n\.t\(\s*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\$]|\\.)*)`)/g;
  for (const m of source.matchAll(call)) {
    if (m[1] !== undefined) messages.push(unquote('"', m[1]));
    else if (m[2] !== undefined) messages.push(unquote("'", m[2]));
    else if (m[3] !== undefined) messages.push(unquote("`", m[3]));
  }
  return messages;
}

/** `l10n.t(` calls whose first argument is not a literal: they cannot be checked here. */
function dynamicCalls(source: string): number {
  return [...source.matchAll(/\bl10n\.t\(\s*(?=[^\s"'`{])/g)].length;
}

const english = readJson("package.nls.json");
const french = readJson("package.nls.fr.json");
const bundle = readJson("l10n/bundle.l10n.fr.json");
const files = sourceFiles("src/extension");
const used = new Map<string, string>();
let dynamic = 0;
for (const file of files) {
  const source = readFileSync(join(ROOT, file), "utf8");
  for (const message of l10nMessages(source)) if (!used.has(message)) used.set(message, file);
  dynamic += dynamicCalls(source);
}

describe("nls: package.nls.json and package.nls.fr.json", () => {
  it("hold the same keys", () => {
    const en = Object.keys(english).sort();
    const fr = Object.keys(french).sort();
    assert.deepEqual(fr.filter((k) => !en.includes(k)), [], "keys only in French");
    assert.deepEqual(en.filter((k) => !fr.includes(k)), [], "keys without a French string");
  });

  it("have no empty string, and French keeps the {placeholders} and `code` of English", () => {
    for (const [key, value] of Object.entries(english)) {
      assert.ok(value.trim(), `${key} is empty in English`);
      const fr = french[key] ?? "";
      assert.ok(fr.trim(), `${key} is empty in French`);
      const tokens = (text: string) => [...text.matchAll(/\{\d+\}|`[^`]+`/g)].map((m) => m[0]).sort();
      assert.deepEqual(tokens(fr), tokens(english[key]), `${key}: placeholders or code differ`);
    }
  });
});

describe("nls: l10n/bundle.l10n.fr.json", () => {
  it("finds the extension's messages (the regex reads the sources)", () => {
    assert.ok(used.size > 20, `only ${used.size} messages found`);
    assert.deepEqual(l10nMessages(`vscode.l10n.t("Say \\"hi\\" to {0}", name); l10n.t('it\\'s'); l10n.t(\`tpl\`)`), ['Say "hi" to {0}', "it's", "tpl"]);
    assert.equal(dynamic, 0, "l10n.t called with a computed message: its translation cannot be checked");
  });

  it("translates every vscode.l10n.t message of src/extension", () => {
    const missing = [...used].filter(([message]) => typeof bundle[message] !== "string").map(([message, file]) => `${file}: ${message}`);
    assert.deepEqual(missing, []);
  });

  it("keeps each message's {0} placeholders", () => {
    for (const message of used.keys()) {
      const fr = bundle[message];
      if (fr === undefined) continue;
      const placeholders = (text: string) => [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
      assert.deepEqual(placeholders(fr), placeholders(message), `placeholders differ for "${message}"`);
    }
  });

  it("has no stale entry that no source uses any more", () => {
    const stale = Object.keys(bundle).filter((key) => !used.has(key));
    assert.deepEqual(stale, []);
  });
});
