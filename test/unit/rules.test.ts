import * as assert from "node:assert/strict";
import { listRules, maskValue, scan, Scanner } from "../../src/engine";

const rules = listRules().filter((r) => r.category === "secret");
// Candidates of every rule, before overlap resolution: a rule must fire on its own examples
// even where a more specific rule wins the final finding.
const secretsOnly = new Scanner({ categories: { pii: false, term: false }, directives: false });

function show(text: string): string {
  return JSON.stringify(text.length > 70 ? `${text.slice(0, 40)}…(${text.length} chars)` : text);
}

describe("secret rules: shape", () => {
  it("has at least 60 credential types, with unique kebab-case ids", () => {
    const ids = rules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, "rule ids must be unique");
    assert.ok(ids.length >= 60, `only ${ids.length} secret rules`);
    for (const id of ids) assert.match(id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, id);
  });

  it("names a kind for each credential family (at least 50 distinct kinds)", () => {
    const kinds = new Set(rules.map((r) => r.kind));
    assert.ok(kinds.size >= 50, `only ${kinds.size} kinds`);
    for (const kind of kinds) assert.match(kind, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, kind);
  });

  for (const rule of rules) {
    it(`${rule.id}: is complete data (keywords, global pattern, title, advice, examples)`, () => {
      assert.ok(rule.keywords.length > 0, "needs keywords");
      for (const k of rule.keywords) {
        assert.equal(k, k.toLowerCase(), `keyword ${k} must be lower-case`);
        assert.ok(k.length >= 3, `keyword "${k}" is too short to be selective`);
      }
      assert.ok(rule.pattern.global, "pattern needs the g flag");
      assert.ok(rule.title.length > 3);
      assert.ok(rule.advice && rule.advice.length > 10 && !rule.advice.endsWith("."), "advice: one short sentence, no final dot");
      assert.ok((rule.examples?.match.length ?? 0) >= 1, "needs a match example");
      assert.ok((rule.examples?.noMatch.length ?? 0) >= 1, "needs a noMatch example");
    });
  }
});

describe("secret rules: examples", () => {
  for (const rule of rules) {
    for (const example of rule.examples?.match ?? []) {
      it(`${rule.id} finds ${show(example)}`, () => {
        const mine = secretsOnly.candidates(example).filter((c) => c.ruleId === rule.id);
        assert.ok(mine.length > 0, `${rule.id} found nothing`);
        for (const c of mine) {
          const value = example.slice(c.start, c.end);
          // Keypad codes and PINs are four digits by nature; every other secret is six characters or more.
          const floor = rule.id === "prose-door-code" || rule.id === "prose-pin" ? 4 : 6;
          assert.ok(value.length >= floor, `value ${maskValue(value, "secret", rule.kind)} is too short`);
          // The finding covers a whole value, not a piece cut out of a longer token.
          assert.doesNotMatch(example.slice(c.start - 1, c.start), /[A-Za-z0-9]/, "starts inside a word");
          assert.doesNotMatch(example.slice(c.end, c.end + 1), /[A-Za-z0-9]/, "ends inside a word");
        }
        // After overlap resolution some secret finding still covers the value.
        const findings = scan(example, { categories: { pii: false, term: false } });
        assert.ok(
          mine.some((c) => findings.some((f) => f.category === "secret" && f.start <= c.start && f.end >= c.end)),
          "the value is not covered by a final finding",
        );
        for (const f of findings) assert.ok(!f.message.includes(example.slice(f.start, f.end)) || f.end - f.start < 6, "message leaks the value");
      });
    }
    for (const example of rule.examples?.noMatch ?? []) {
      it(`${rule.id} ignores ${show(example)}`, () => {
        const mine = secretsOnly.candidates(example).filter((c) => c.ruleId === rule.id);
        assert.deepEqual(
          mine.map((c) => maskValue(example.slice(c.start, c.end), "secret", rule.kind)),
          [],
        );
      });
    }
  }
});

describe("personal-data rules: examples", () => {
  const piiOnly = new Scanner({ categories: { secret: false, term: false }, directives: false, dates: true });
  for (const rule of listRules().filter((r) => r.category === "pii")) {
    for (const example of rule.examples?.match ?? []) {
      it(`${rule.id} finds ${show(example)}`, () => {
        assert.ok(piiOnly.candidates(example).some((c) => c.ruleId === rule.id), `${rule.id} found nothing`);
      });
    }
    for (const example of rule.examples?.noMatch ?? []) {
      it(`${rule.id} ignores ${show(example)}`, () => {
        assert.deepEqual(piiOnly.candidates(example).filter((c) => c.ruleId === rule.id).map((c) => maskValue(example.slice(c.start, c.end), "pii", rule.kind)), []);
      });
    }
  }
});

describe("secret rules: private keys", () => {
  const body = Array.from({ length: 12 }, (_, i) => "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC" + String.fromCharCode(65 + i) + "Kcw" + "ggSjAgEAAoIBAQDndJt7NaG8T64/qM".slice(i) + "x9Q".repeat(i % 3)).join("\n");
  const pem = `-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----`;

  it("reports a whole PEM block as one finding", () => {
    const text = `key:\n${pem}\nafter`;
    const found = scan(text, { categories: { pii: false } });
    assert.equal(found.length, 1);
    assert.equal(text.slice(found[0].start, found[0].end), pem);
    assert.equal(found[0].kind, "private-key");
    assert.equal(found[0].preview, "-----BEGIN …-----");
  });

  it("reports a key inside a JSON string with literal \\n as one finding", () => {
    const json = JSON.stringify({ private_key: pem + "\n" });
    const found = scan(json, { categories: { pii: false } });
    assert.equal(found.length, 1);
    assert.ok(json.slice(found[0].start, found[0].end).startsWith("-----BEGIN RSA PRIVATE KEY-----\\n"));
    assert.ok(json.slice(found[0].start, found[0].end).includes("-----END RSA PRIVATE KEY-----"));
  });

  it("reports two blocks as two findings", () => {
    const found = scan(`${pem}\n\n${pem.replace(/RSA/g, "EC")}\n`, { categories: { pii: false } });
    assert.deepEqual(found.map((f) => f.kind), ["private-key", "private-key"]);
  });
});

describe("secret rules: offsets", () => {
  it("keeps UTF-16 offsets after emoji and accents for a prefixed token", () => {
    const token = "ghp_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z5A";
    const text = `🙂 clé — été: ${token} 👍`;
    const [f] = scan(text, { categories: { pii: false } });
    assert.equal(text.slice(f.start, f.end), token);
    assert.equal(f.kind, "github-token");
  });

  it("finds a Telegram bot token inside the Bot API URL, without the `bot` prefix", () => {
    const token = "7391046285:AAHk3mPq9XvB2nM7pR4tW6yZ1cD5fG8hJ0k";
    const text = `curl https://api.telegram.org/bot${token}/getMe`;
    const found = scan(text, { categories: { pii: false } });
    assert.deepEqual(found.map((f) => [f.kind, text.slice(f.start, f.end)]), [["telegram-bot-token", token]]);
  });
});
