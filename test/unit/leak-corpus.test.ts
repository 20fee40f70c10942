import * as assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Vault, anonymize, maskValue, type Replacement } from "../../src/engine";
import { parseConfig } from "../../src/cli/config";

/**
 * Issue 13's leak corpus (test/fixtures/leak-corpus): briefs, e-mails, contracts, meeting
 * notes, chats and CSV exports in French and English, with every value a client would call
 * confidential labelled inline as `⟦kind|value⟧`. Each document goes through anonymize the
 * way `veil anonymize --config` runs it (the config holds the corpus's client terms and
 * `dates: true`, as in a `pro` workspace); a labelled value any character of which is not
 * inside a replacement has leaked. Printed: recall and leaks per kind (masked, never the
 * value), and replacements that cover no label, per 100 KB of text.
 */
const ROOT = join(__dirname, "..", "..", "..", "test", "fixtures", "leak-corpus");
const KINDS = ["person", "address", "private-link", "password", "promo-code", "phone", "email", "date", "client", "money"] as const;
type LabelKind = (typeof KINDS)[number];
/** `money` is not an issue 13 kind: invoice amounts are labelled so that replacing them is not counted as a false positive. */
/**
 * Values Veil still misses, each `document|kind|value` (the corpus's own fake values), with
 * why in known-leaks.json. A leak not listed fails its kind's test; a listed one that no
 * longer leaks fails too, so the list only shrinks. The table above prints every figure.
 */
const KNOWN_LEAKS: ReadonlySet<string> = new Set(
  (JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "test", "fixtures", "leak-corpus", "known-leaks.json"), "utf8")) as { leaks: { doc: string; kind: string; value: string }[] }).leaks.map(
    (l) => `${l.doc}|${l.kind}|${l.value}`,
  ),
);

interface Label {
  kind: LabelKind;
  start: number;
  end: number;
  value: string;
}

interface Doc {
  name: string;
  text: string;
  labels: Label[];
}

const LABEL = /⟦([a-z-]+)\|([^⟦⟧]*)⟧/g;

/** The document without its markup, and where each label's value lies in it. */
export function parseLabelled(name: string, source: string): Doc {
  const labels: Label[] = [];
  let text = "";
  let last = 0;
  for (const m of source.matchAll(LABEL)) {
    const kind = m[1] as LabelKind;
    if (!KINDS.includes(kind)) throw new Error(`${name}: unknown label kind ${m[1]}`);
    text += source.slice(last, m.index);
    labels.push({ kind, start: text.length, end: text.length + m[2].length, value: m[2] });
    text += m[2];
    last = (m.index ?? 0) + m[0].length;
  }
  text += source.slice(last);
  if (/[⟦⟧]/.test(text)) throw new Error(`${name}: unbalanced label markup`);
  return { name, text, labels };
}

function loadCorpus(): Doc[] {
  return readdirSync(join(ROOT, "docs"))
    .sort()
    .map((name) => parseLabelled(name, readFileSync(join(ROOT, "docs", name), "utf8")));
}

function covered(label: Label, replacements: readonly Replacement[]): boolean {
  for (let i = label.start; i < label.end; i++) {
    if (/\s/.test(label.value[i - label.start])) continue;
    if (!replacements.some((r) => r.start <= i && r.end > i)) return false;
  }
  return true;
}

interface KindResult {
  total: number;
  found: number;
  /** Masked, for messages. */
  leaks: string[];
  /** `document|kind|value`, to compare with KNOWN_LEAKS. */
  leakKeys: string[];
}

describe("issue 13 leak corpus: veil anonymize on 40+ labelled documents", function () {
  const docs = loadCorpus();
  const { terms } = JSON.parse(readFileSync(join(ROOT, "terms.json"), "utf8")) as { terms: unknown };
  const config = parseConfig(JSON.stringify({ terms, dates: true }), "leak-corpus.json");
  const results = new Map<LabelKind, KindResult>(KINDS.map((k) => [k, { total: 0, found: 0, leaks: [], leakKeys: [] }]));
  let bytes = 0;
  let unlabelled = 0;
  const unlabelledByKind = new Map<string, number>();

  before(() => {
    for (const doc of docs) {
      bytes += Buffer.byteLength(doc.text, "utf8");
      const { replacements } = anonymize(doc.text, new Vault(), { scan: config.scan, money: config.scan.money ?? true });
      for (const label of doc.labels) {
        const r = results.get(label.kind)!;
        r.total++;
        if (covered(label, replacements)) r.found++;
        else {
          r.leaks.push(`${doc.name}: ${maskValue(label.value, label.kind === "password" ? "secret" : "pii", label.kind)}`);
          r.leakKeys.push(`${doc.name}|${label.kind}|${label.value}`);
        }
      }
      for (const r of replacements) {
        if (doc.labels.some((l) => l.start < r.end && l.end > r.start)) continue;
        unlabelled++;
        unlabelledByKind.set(r.kind, (unlabelledByKind.get(r.kind) ?? 0) + 1);
      }
    }
    const rows = KINDS.map((k) => {
      const r = results.get(k)!;
      const recall = r.total === 0 ? "—" : (r.found / r.total).toFixed(3);
      return `  ${k.padEnd(13)} ${String(r.total).padStart(6)} ${String(r.found).padStart(6)} ${String(r.total - r.found).padStart(6)} ${recall.padStart(7)}`;
    });
    const per100k = (unlabelled / (bytes / 100_000)).toFixed(1);
    const fpKinds = [...unlabelledByKind].map(([k, n]) => `${k} ${n}`).join(", ");
    console.log(
      [
        "",
        `  leak corpus: ${docs.length} documents, ${(bytes / 1024).toFixed(1)} KB`,
        `  ${"kind".padEnd(13)} ${"labels".padStart(6)} ${"found".padStart(6)} ${"leaks".padStart(6)} ${"recall".padStart(7)}`,
        ...rows,
        `  unlabelled replacements (false positives): ${unlabelled} = ${per100k} per 100 KB${fpKinds ? ` (${fpKinds})` : ""}`,
        "",
      ].join("\n"),
    );
  });

  it("has at least 40 documents in French and English, every kind labelled", () => {
    assert.ok(docs.length >= 40, `${docs.length} documents`);
    const french = docs.filter((d) => /\b(?:le|la|les|des|est|pour)\b/.test(d.text)).length;
    assert.ok(french >= 15 && docs.length - french >= 15, `${french} French of ${docs.length}`);
    for (const kind of KINDS.filter((k) => k !== "money")) assert.ok(results.get(kind)!.total >= 10, `only ${results.get(kind)!.total} labels of ${kind}`);
  });

  for (const kind of KINDS) {
    it(`${kind}: no labelled value survives but the known leaks listed in known-leaks.json`, () => {
      const r = results.get(kind)!;
      const unexpected = r.leaks.filter((_, i) => !KNOWN_LEAKS.has(r.leakKeys[i]));
      assert.deepEqual(unexpected, [], `${unexpected.length} ${kind} values leak that known-leaks.json does not list (${r.total - r.found} of ${r.total} leak in all)`);
      const fixed = [...KNOWN_LEAKS].filter((key) => key.split("|")[1] === kind && !r.leakKeys.includes(key));
      assert.equal(fixed.length, 0, `${fixed.length} ${kind} values listed in known-leaks.json no longer leak: take them off the list`);
    });
  }
});
