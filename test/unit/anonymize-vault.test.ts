import * as assert from "node:assert/strict";
import { anonymize, restore, Vault } from "../../src/engine";

const DAY = 24 * 60 * 60 * 1000;

describe("Vault", () => {
  it("gives the same placeholder to the same value and numbers each kind from 1", () => {
    const v = new Vault();
    assert.equal(v.placeholderFor("a@example.com", "email", 1), "[EMAIL_1]");
    assert.equal(v.placeholderFor("+33 6 12 34 56 78", "phone", 2), "[PHONE_1]");
    assert.equal(v.placeholderFor("b@example.com", "email", 3), "[EMAIL_2]");
    assert.equal(v.placeholderFor("a@example.com", "email", 4), "[EMAIL_1]");
    assert.equal(v.size, 3);
    assert.deepEqual(v.lookup("[EMAIL_2]"), { placeholder: "[EMAIL_2]", kind: "email", value: "b@example.com", createdAt: 3 });
    assert.equal(v.lookup("[EMAIL_3]"), undefined);
  });

  it("never issues a reserved placeholder, and keeps reservations in its JSON", () => {
    const v = new Vault();
    v.placeholderFor("a@example.com", "email", 0);
    v.reserve(["[EMAIL_1]", "[EMAIL_2]", "[EMAIL_3]", "[PHONE_1]", "[email_5]", "not one"]);
    assert.ok(!v.isReserved("[EMAIL_1]"), "a placeholder the vault issued stays its own");
    assert.ok(v.isReserved("[EMAIL_2]") && !v.isReserved("[email_5]"));
    assert.equal(v.placeholderFor("x@example.com", "email", 0), "[EMAIL_4]");
    assert.equal(v.placeholderFor("+33 6 12 34 56 78", "phone", 0), "[PHONE_2]");
    const copy = Vault.fromJSON(JSON.parse(JSON.stringify(v)));
    assert.deepEqual(copy.toJSON().reserved, ["[EMAIL_2]", "[EMAIL_3]", "[PHONE_1]"]);
    assert.equal(copy.placeholderFor("y@example.com", "email", 0), "[EMAIL_5]");
  });

  it("reserves placeholder lookalikes of an input for every later call", () => {
    const v = new Vault();
    const terms = { scan: { terms: [{ text: "Orion", kind: "brand" }] } };
    const first = anonymize("I typed [BRAND_1] and \\[aws\\_access\\_key\\_1\\] myself.", v, terms);
    const second = anonymize("Orion key AKIAIOSFODNN7EXAMPLF", v, terms);
    assert.equal(second.text, "[BRAND_2] key [AWS_ACCESS_KEY_2]");
    assert.deepEqual(restore(first.text, v), { text: first.text, restored: 0, unknown: [] });
  });

  it("does not let callers change entries through lookup or toJSON", () => {
    const v = new Vault();
    v.placeholderFor("secret-value", "token", 0);
    const entry = v.lookup("[TOKEN_1]")!;
    entry.value = "changed";
    v.toJSON().entries[0].value = "changed too";
    assert.equal(v.lookup("[TOKEN_1]")!.value, "secret-value");
  });

  it("round-trips through JSON text and keeps numbering", () => {
    const v = new Vault();
    v.placeholderFor("Orion", "BRAND", 10);
    v.placeholderFor("1 200 €", "money", 20);
    const copy = Vault.fromJSON(JSON.parse(JSON.stringify(v)));
    assert.deepEqual(copy.toJSON(), v.toJSON());
    assert.equal(copy.placeholderFor("Nebula", "BRAND", 30), "[BRAND_2]");
    assert.equal(Vault.fromJSON(JSON.stringify(v)).size, 2, "accepts the JSON text too");
  });

  it("keeps a quoted bare-number entry apart from the same value in text", () => {
    const v = new Vault();
    assert.equal(v.placeholderFor("4111111111111111", "credit-card", 0, true), "[CARD_1]");
    assert.equal(v.placeholderFor("4111111111111111", "credit-card", 0), "[CARD_2]");
    assert.equal(v.placeholderFor("4111111111111111", "credit-card", 0, true), "[CARD_1]");
    const copy = Vault.fromJSON(JSON.parse(JSON.stringify(v)));
    assert.equal(copy.lookup("[CARD_1]")!.quoted, true);
    assert.equal(copy.lookup("[CARD_2]")!.quoted, undefined);
    assert.equal(copy.placeholderFor("4111111111111111", "credit-card", 0, true), "[CARD_1]");
    const other = new Vault();
    other.placeholderFor("4111111111111111", "credit-card", 0); // [CARD_1] unquoted: a conflict
    assert.deepEqual(v.merge(other), { added: 0, renumbered: [{ from: "[CARD_1]", to: "[CARD_2]" }] });
  });

  it("derives counters from entries when the data has none", () => {
    const v = Vault.fromJSON({ version: 1, entries: [{ placeholder: "[EMAIL_4]", kind: "email", value: "a@b.c", createdAt: 0 }] });
    assert.equal(v.placeholderFor("d@e.f", "email", 0), "[EMAIL_5]");
  });

  const corrupt: [string, unknown, RegExp][] = [
    ["null", null, /expected an object/],
    ["an array", [], /expected an object/],
    ["bad JSON text", "{not json", /not valid JSON/],
    ["wrong version", { version: 2, entries: [] }, /unsupported version 2/],
    ["no entries", { version: 1 }, /entries must be an array/],
    ["entry not an object", { version: 1, entries: [42] }, /entries\[0\] must be an object/],
    ["bad placeholder", { version: 1, entries: [{ placeholder: "EMAIL_1", kind: "email", value: "x", createdAt: 0 }] }, /entries\[0\]\.placeholder/],
    ["lower-case placeholder", { version: 1, entries: [{ placeholder: "[email_1]", kind: "email", value: "x", createdAt: 0 }] }, /placeholder/],
    ["number zero", { version: 1, entries: [{ placeholder: "[EMAIL_0]", kind: "email", value: "x", createdAt: 0 }] }, /placeholder/],
    ["missing value", { version: 1, entries: [{ placeholder: "[EMAIL_1]", kind: "email", createdAt: 0 }] }, /value must be a non-empty string/],
    ["empty kind", { version: 1, entries: [{ placeholder: "[EMAIL_1]", kind: "", value: "x", createdAt: 0 }] }, /kind/],
    ["bad date", { version: 1, entries: [{ placeholder: "[EMAIL_1]", kind: "email", value: "x", createdAt: "yesterday" }] }, /createdAt/],
    [
      "duplicate placeholder",
      {
        version: 1,
        entries: [
          { placeholder: "[EMAIL_1]", kind: "email", value: "x", createdAt: 0 },
          { placeholder: "[EMAIL_1]", kind: "email", value: "y", createdAt: 0 },
        ],
      },
      /appears twice/,
    ],
    ["bad counters", { version: 1, entries: [], counters: [] }, /counters must be an object/],
    ["bad counter kind", { version: 1, entries: [], counters: { "no good": 1 } }, /not a placeholder kind/],
    ["bad counter value", { version: 1, entries: [], counters: { EMAIL: -1 } }, /whole number/],
    ["bad quoted flag", { version: 1, entries: [{ placeholder: "[CARD_1]", kind: "credit-card", value: "4111", createdAt: 0, quoted: "yes" }] }, /quoted must be true/],
    ["bad reserved", { version: 1, entries: [], reserved: "[EMAIL_1]" }, /reserved must be an array/],
    ["bad reserved item", { version: 1, entries: [], reserved: ["[email_1]"] }, /reserved\[0\]/],
  ];
  for (const [name, data, message] of corrupt) {
    it(`fromJSON rejects corrupt data: ${name}`, () => {
      assert.throws(() => Vault.fromJSON(data), (error: Error) => message.test(error.message) && /Veil map is corrupt/.test(error.message));
    });
  }

  it("never puts a value into the error message", () => {
    const data = { version: 1, entries: [{ placeholder: "[EMAIL_1]", kind: "email", value: "hunter2-very-secret", createdAt: "x" }] };
    assert.throws(() => Vault.fromJSON(data), (error: Error) => !error.message.includes("hunter2"));
  });

  it("expires entries older than a maximum age, and never reuses their numbers", () => {
    const v = new Vault();
    v.placeholderFor("old@example.com", "email", 0);
    v.placeholderFor("new@example.com", "email", 9 * DAY);
    assert.equal(v.expire(7 * DAY, 10 * DAY), 1);
    assert.equal(v.size, 1);
    assert.equal(v.lookup("[EMAIL_1]"), undefined);
    assert.equal(v.lookup("[EMAIL_2]")!.value, "new@example.com");
    assert.equal(v.placeholderFor("old@example.com", "email", 10 * DAY), "[EMAIL_3]");
    assert.equal(v.expire(7 * DAY, 10 * DAY), 0);
    assert.deepEqual(restore("[EMAIL_1] [EMAIL_2]", v), { text: "[EMAIL_1] new@example.com", restored: 1, unknown: ["[EMAIL_1]"] });
  });

  it("purges every value but keeps counting", () => {
    const v = new Vault();
    v.placeholderFor("a@example.com", "email", 0);
    v.placeholderFor("Orion", "BRAND", 0);
    v.purge();
    assert.equal(v.size, 0);
    assert.ok(!JSON.stringify(v.toJSON()).includes("example"));
    assert.equal(v.placeholderFor("a@example.com", "email", 0), "[EMAIL_2]");
  });

  it("merges another vault without giving one placeholder two values", () => {
    const a = new Vault();
    const b = Vault.fromJSON(a.toJSON());
    a.placeholderFor("shared@example.com", "email", 1); // [EMAIL_1] in both
    b.placeholderFor("shared@example.com", "email", 2);
    a.placeholderFor("only-a@example.com", "email", 3); // [EMAIL_2] in a
    b.placeholderFor("only-b@example.com", "email", 4); // [EMAIL_2] in b: conflict
    b.placeholderFor("third-b@example.com", "email", 5); // [EMAIL_3] in b only
    b.placeholderFor("Orion", "BRAND", 6);
    const report = a.merge(b);
    assert.deepEqual(report, { added: 3, renumbered: [{ from: "[EMAIL_2]", to: "[EMAIL_4]" }] });
    const values = new Map(a.toJSON().entries.map((e) => [e.placeholder, e.value]));
    assert.deepEqual(Object.fromEntries(values), {
      "[EMAIL_1]": "shared@example.com",
      "[EMAIL_2]": "only-a@example.com",
      "[EMAIL_3]": "third-b@example.com",
      "[BRAND_1]": "Orion",
      "[EMAIL_4]": "only-b@example.com",
    });
    assert.equal(a.lookup("[EMAIL_1]")!.createdAt, 1, "keeps the earliest creation time");
    assert.equal(a.placeholderFor("next@example.com", "email", 7), "[EMAIL_5]");
    assert.equal(a.placeholderFor("only-b@example.com", "email", 7), "[EMAIL_4]");
  });

  it("maps a conflicting incoming value to the placeholder this vault already has for it", () => {
    const a = new Vault();
    const b = new Vault();
    a.placeholderFor("x@example.com", "email", 0); // a: [EMAIL_1] = x
    a.placeholderFor("y@example.com", "email", 0); // a: [EMAIL_2] = y
    b.placeholderFor("y@example.com", "email", 0); // b: [EMAIL_1] = y, conflicts with a's x
    b.placeholderFor("z@example.com", "email", 0); // b: [EMAIL_2] = z, conflicts with a's y
    const report = a.merge(b);
    assert.deepEqual(report.renumbered, [
      { from: "[EMAIL_1]", to: "[EMAIL_2]" },
      { from: "[EMAIL_2]", to: "[EMAIL_3]" },
    ]);
    assert.equal(a.size, 3);
  });

  it("keeps both placeholders when two windows gave one value different numbers", () => {
    const a = new Vault();
    const b = new Vault();
    a.placeholderFor("v@example.com", "email", 0); // a: [EMAIL_1]
    b.placeholderFor("w@example.com", "email", 0); // b: [EMAIL_1] (conflict)
    b.placeholderFor("v@example.com", "email", 0); // b: [EMAIL_2] = v, free in a
    a.merge(b);
    assert.equal(restore("[EMAIL_1] [EMAIL_2]", a).text, "v@example.com v@example.com");
    assert.equal(a.placeholderFor("v@example.com", "email", 0), "[EMAIL_1]");
    assert.equal(new Set(a.toJSON().entries.map((e) => e.placeholder)).size, a.size);
  });

  it("renumbers an incoming entry whose placeholder this vault reserved", () => {
    const a = new Vault();
    a.reserve(["[EMAIL_1]"]);
    const b = new Vault();
    b.placeholderFor("b@example.com", "email", 0);
    b.reserve(["[PHONE_1]"]);
    assert.deepEqual(a.merge(b), { added: 1, renumbered: [{ from: "[EMAIL_1]", to: "[EMAIL_2]" }] });
    assert.ok(a.isReserved("[PHONE_1]"));
    assert.equal(a.placeholderFor("+33 6 12 34 56 78", "phone", 0), "[PHONE_2]");
  });

  it("merging a vault into itself or a copy changes nothing", () => {
    const v = new Vault();
    anonymize("k = AKIAIOSFODNN7EXAMPLF", v);
    const before = JSON.stringify(v.toJSON());
    assert.deepEqual(v.merge(v), { added: 0, renumbered: [] });
    assert.deepEqual(v.merge(Vault.fromJSON(v.toJSON())), { added: 0, renumbered: [] });
    assert.equal(JSON.stringify(v.toJSON()), before);
  });
});
