import * as assert from "node:assert/strict";
import { anonymize, describeReport, findPlaceholderTokens, placeholderKind, restore, scan, Vault, type AnonymizeOptions } from "../../src/engine";

// Fake AWS access key ids matching the core rule AKIA[A-Z2-7]{16} (not real keys).
const KEY_A = "AKIAIOSFODNN7EXAMPLF";
const KEY_B = "AKIAQQQQ2222RRRR3333";
const KEY_C = "AKIAZZZZ7777YYYY6666";

const TERMS: AnonymizeOptions = { scan: { terms: [{ text: "Orion", kind: "brand" }, { text: "Nebula", kind: "codename" }] } };

/** Whether the engine in this checkout detects `kind` in `sample` (detectors land over time). */
function detects(kind: string, sample: string): boolean {
  return scan(sample).some((f) => f.kind === kind);
}

function roundTrip(text: string, vault = new Vault(), options: AnonymizeOptions = TERMS) {
  const result = anonymize(text, vault, options);
  const back = restore(result.text, vault);
  assert.equal(back.text, text, "restore(anonymize(x)) must give x back");
  return { result, back, vault };
}

describe("anonymize: placeholders", () => {
  it("replaces a key and terms with typed, numbered placeholders in order of first sight", () => {
    const { result } = roundTrip(`Orion uses ${KEY_A}; Nebula uses ${KEY_B} and ${KEY_A} again. Orion.`);
    assert.equal(result.text, "[BRAND_1] uses [AWS_ACCESS_KEY_1]; [CODENAME_1] uses [AWS_ACCESS_KEY_2] and [AWS_ACCESS_KEY_1] again. [BRAND_1].");
    assert.deepEqual(result.report, { total: 6, byKind: { BRAND: 2, AWS_ACCESS_KEY: 3, CODENAME: 1 } });
    assert.deepEqual(
      result.replacements.map((r) => [r.placeholder, r.kind, r.category]),
      [
        ["[BRAND_1]", "BRAND", "term"],
        ["[AWS_ACCESS_KEY_1]", "aws-access-key-id", "secret"],
        ["[CODENAME_1]", "CODENAME", "term"],
        ["[AWS_ACCESS_KEY_2]", "aws-access-key-id", "secret"],
        ["[AWS_ACCESS_KEY_1]", "aws-access-key-id", "secret"],
        ["[BRAND_1]", "BRAND", "term"],
      ],
    );
  });

  it("gives every form of one term one placeholder, and restores the first form seen", () => {
    const options: AnonymizeOptions = { scan: { terms: [{ text: "Colibri", kind: "brand" }, { text: "Maison Aubergine", kind: "client" }] } };
    const vault = new Vault();
    const text = "Colibri, colibri, Colibrí, COLIBRI_API; Maison Aubergine, maison-aubergine.fr, /srv/maison_aubergine/, MaisonAubergine.";
    const result = anonymize(text, vault, options);
    assert.equal(result.text, "[BRAND_1], [BRAND_1], [BRAND_1], [BRAND_1]_API; [CLIENT_1], [CLIENT_1].fr, /srv/[CLIENT_1]/, [CLIENT_1].");
    assert.equal(restore("Ask [BRAND_1] and [CLIENT_1].", vault).text, "Ask Colibri and Maison Aubergine.");
    // Not a form of the term: a longer word, or its words apart.
    const apart = anonymize("Colibrilogique; aubergine farcie; la maison", new Vault(), options);
    assert.equal(apart.replacements.length, 0);
    // A vault read back from JSON keeps the forms together.
    const again = Vault.fromJSON(JSON.parse(JSON.stringify(vault.toJSON())));
    assert.equal(anonymize("MAISON AUBERGINE", again, options).text, "[CLIENT_1]");
  });

  it("gives replacement offsets of the values in the input, in UTF-16 units after emoji", () => {
    const text = `🙂🎉 é ${KEY_A} and 👩‍💻 Orion`;
    const { result } = roundTrip(text);
    assert.deepEqual(
      result.replacements.map((r) => text.slice(r.start, r.end)),
      [KEY_A, "Orion"],
    );
    assert.equal(result.text, "🙂🎉 é [AWS_ACCESS_KEY_1] and 👩‍💻 [BRAND_1]");
  });

  it("keeps the same placeholder for a value across calls on one vault", () => {
    const vault = new Vault();
    const first = anonymize(`a ${KEY_A} b ${KEY_B}`, vault, TERMS);
    const second = anonymize(`${KEY_C}\n${KEY_B} ${KEY_A}`, vault, TERMS);
    assert.equal(first.text, "a [AWS_ACCESS_KEY_1] b [AWS_ACCESS_KEY_2]");
    assert.equal(second.text, "[AWS_ACCESS_KEY_3]\n[AWS_ACCESS_KEY_2] [AWS_ACCESS_KEY_1]");
    assert.equal(vault.size, 3);
    assert.equal(restore(`${first.text} / ${second.text}`, vault).text, `a ${KEY_A} b ${KEY_B} / ${KEY_C}\n${KEY_B} ${KEY_A}`);
  });

  it("keeps CRLF, tabs, indentation and a BOM byte for byte", () => {
    const text = `\uFEFFconfig:\r\n\t  key: ${KEY_A}\r\n    brand: Orion\r\n\r\n`;
    const { result } = roundTrip(text);
    assert.equal(result.text, "\uFEFFconfig:\r\n\t  key: [AWS_ACCESS_KEY_1]\r\n    brand: [BRAND_1]\r\n\r\n");
  });

  it("keeps the quotes around a value, so JSON stays valid", () => {
    const doc = { aws: { key: KEY_A, keys: [KEY_B, `${KEY_C}`] }, client: "Orion", note: "Nebula 🙂 “quoted” \\ path", nested: { "Orion key": KEY_A } };
    const text = JSON.stringify(doc, null, 2);
    const { result } = roundTrip(text);
    const parsed = JSON.parse(result.text);
    assert.deepEqual(parsed, {
      aws: { key: "[AWS_ACCESS_KEY_1]", keys: ["[AWS_ACCESS_KEY_2]", "[AWS_ACCESS_KEY_3]"] },
      client: "[BRAND_1]",
      note: "[CODENAME_1] 🙂 “quoted” \\ path",
      nested: { "[BRAND_1] key": "[AWS_ACCESS_KEY_1]" },
    });
    assert.equal(result.text.split("\n").length, text.split("\n").length);
  });

  it("quotes a bare JSON number it replaces, and takes the quotes away on restore", function () {
    const text = '{"card": 4111111111111111, "again": "4111111111111111",\r\n  "n": [4111111111111111], "siren": 732829320 }';
    if (!detects("credit-card", text)) this.skip();
    const vault = new Vault();
    const result = anonymize(text, vault);
    assert.equal(result.text, '{"card": "[CARD_1]", "again": "[CARD_2]",\r\n  "n": ["[CARD_1]"], "siren": "[SIREN_1]" }');
    JSON.parse(result.text);
    assert.equal(restore(result.text, vault).text, text);
    assert.equal(anonymize(result.text, vault).text, result.text);
    assert.equal(restore("card: [CARD_1]", vault).text, "card: 4111111111111111", "without its quotes it is still restored");
  });

  it("keeps YAML structure: same lines, indentation, keys and quoting", () => {
    const text = [
      "# Orion deployment",
      "aws:",
      `  access_key: ${KEY_A}`,
      `  quoted: "${KEY_B}"`,
      `  single: '${KEY_C}'`,
      "  list:",
      "    - Orion",
      `    - "Nebula ${KEY_A}"`,
      "  block: |",
      `    line with ${KEY_B}`,
      "    plain line",
      "",
    ].join("\n");
    const { result } = roundTrip(text);
    const before = text.split("\n");
    const after = result.text.split("\n");
    assert.equal(after.length, before.length);
    // Indentation, list marker, key, and the quote that opens and closes the value.
    const shape = (line: string) => {
      const m = /^(\s*)(- )?(?:([A-Za-z_]\w*):(?: |$))?(["']?)/.exec(line) as RegExpExecArray;
      const last = line.slice(-1);
      return { indent: m[1], dash: m[2], key: m[3], open: m[4], close: m[4] && last === m[4] ? last : "" };
    };
    for (let i = 0; i < before.length; i++) assert.deepEqual(shape(after[i]), shape(before[i]), `line ${i + 1}: ${after[i]}`);
    assert.equal(after[3], '  quoted: "[AWS_ACCESS_KEY_2]"');
    assert.equal(after[4], "  single: '[AWS_ACCESS_KEY_3]'");
    assert.equal(after[7], '    - "[CODENAME_1] [AWS_ACCESS_KEY_1]"');
  });

  it("turns a multi-line value into one placeholder and restores its CRLF inside", () => {
    const pem = "-----BEGIN FAKE KEY-----\r\nQUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=\r\nMDEyMzQ1Njc4OQ==\r\n-----END FAKE KEY-----";
    const options: AnonymizeOptions = { scan: { terms: [{ text: "-----BEGIN FAKE KEY-----[\\s\\S]*?-----END FAKE KEY-----", kind: "private_key", regex: true }] } };
    const text = `key: |\r\n  ${pem}\r\nnext: 1\r\n`;
    const vault = new Vault();
    const result = anonymize(text, vault, options);
    assert.equal(result.text, "key: |\r\n  [PRIVATE_KEY_1]\r\nnext: 1\r\n");
    assert.equal(restore(result.text, vault).text, text);
  });

  it("replaces a private key block as one placeholder, in a file, in YAML with CRLF and in JSON", function () {
    // A fake PEM body: pseudo-random base64 from a fixed seed, not a key.
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let seed = 7;
    const line = () => Array.from({ length: 64 }, () => alphabet[(seed = (seed * 48271) % 2147483647) % 64]).join("");
    const lines = Array.from({ length: 6 }, line);
    const pem = (eol: string) => `-----BEGIN PRIVATE KEY-----${eol}${lines.join(eol)}${eol}-----END PRIVATE KEY-----`;
    if (!detects("private-key", pem("\n"))) this.skip();
    const cases: [string, string][] = [
      [`const key = \`${pem("\n")}\`;\n`, "const key = `[PRIVATE_KEY_1]`;\n"],
      [`tls:\r\n  key: |\r\n    ${pem("\r\n    ")}\r\n  port: 443\r\n`, "tls:\r\n  key: |\r\n    [PRIVATE_KEY_1]\r\n  port: 443\r\n"],
      [JSON.stringify({ key: pem("\n"), port: 443 }, null, 2), JSON.stringify({ key: "[PRIVATE_KEY_1]", port: 443 }, null, 2)],
    ];
    for (const [text, expected] of cases) {
      const vault = new Vault();
      const result = anonymize(text, vault);
      assert.equal(result.text, expected);
      assert.equal(restore(result.text, vault).text, text);
    }
  });

  it("leaves money alone with money: false", function () {
    if (!detects("money", "Budget: 12 500 € HT")) this.skip();
    const text = "Budget: 12 500 € HT";
    assert.match(anonymize(text, new Vault()).text, /\[AMOUNT_1\]/);
    assert.equal(anonymize(text, new Vault(), { money: false }).text, text);
  });

  it("replaces e-mails when the engine detects them", function () {
    const text = "Contact: jeanne.dupont@example.fr, or bob@example.com.\r\n";
    if (!detects("email", text)) this.skip();
    const { result } = roundTrip(text);
    assert.equal(result.text, "Contact: [EMAIL_1], or [EMAIL_2].\r\n");
  });

  it("does nothing to text without findings, and returns it as is", () => {
    const text = "Nothing to see here: [not a placeholder] and [X_] and [_1].";
    const vault = new Vault();
    const result = anonymize(text, vault);
    assert.equal(result.text, text);
    assert.deepEqual(result.replacements, []);
    assert.equal(vault.size, 0);
    assert.equal(describeReport(result.report), "Nothing replaced");
  });
});

describe("anonymize: placeholder-looking text in the input", () => {
  it("never issues a placeholder that the input already contains, in any form", () => {
    const text = `[AWS_ACCESS_KEY_1] \\[aws\\_access\\_key\\_2\\] [Aws_Access_Key_3] ${KEY_A} [BRAND_1] Orion`;
    const { result, back } = roundTrip(text);
    assert.equal(result.text, `[AWS_ACCESS_KEY_1] \\[aws\\_access\\_key\\_2\\] [Aws_Access_Key_3] [AWS_ACCESS_KEY_4] [BRAND_1] [BRAND_2]`);
    assert.equal(back.restored, 2);
  });

  it("does not touch a finding inside a placeholder-looking token", () => {
    // The term would match inside the brackets; the token is someone else's text.
    const options: AnonymizeOptions = { scan: { terms: [{ text: "ORION_2_1", kind: "brand" }] } };
    const text = "see [ORION_2_1] and ORION_2_1";
    const vault = new Vault();
    const result = anonymize(text, vault, options);
    assert.equal(result.text, "see [ORION_2_1] and [BRAND_1]");
    assert.equal(restore(result.text, vault).text, text);
  });

  it("cuts a finding that straddles a token to the parts outside it", () => {
    const options: AnonymizeOptions = { scan: { terms: [{ text: "alpha\\[X_1\\]beta", kind: "code", regex: true }] } };
    const text = "k=alpha[X_1]beta;";
    const vault = new Vault();
    const result = anonymize(text, vault, options);
    assert.equal(result.text, "k=[CODE_1][X_1][CODE_2];");
    assert.equal(restore(result.text, vault).text, text);
  });

  it("keeps a backslash that precedes a value (Windows path) when restoring", () => {
    const text = `C:\\Users\\${KEY_A}\\Orion\\`;
    const { result } = roundTrip(text);
    assert.equal(result.text, "C:\\Users\\[AWS_ACCESS_KEY_1]\\[BRAND_1]\\");
  });

  it("changes nothing when run again on its own output, with the same vault", () => {
    const vault = new Vault();
    const text = `Orion: ${KEY_A} [AWS_ACCESS_KEY_2] "${KEY_B}"\r\n\\[BRAND\\_1\\]`;
    const once = anonymize(text, vault, TERMS);
    const size = vault.size;
    const twice = anonymize(once.text, vault, TERMS);
    assert.equal(twice.text, once.text);
    assert.equal(twice.report.total, 0);
    assert.equal(vault.size, size);
    assert.equal(restore(twice.text, vault).text, text);
  });

  it("takes a placeholder this vault issued earlier for its own (the documented ambiguity)", () => {
    const vault = new Vault();
    anonymize(`k=${KEY_A}`, vault);
    const later = anonymize("As we said, [AWS_ACCESS_KEY_1] was rotated.", vault);
    assert.equal(later.text, "As we said, [AWS_ACCESS_KEY_1] was rotated.");
    assert.equal(restore(later.text, vault).text, `As we said, ${KEY_A} was rotated.`);
  });
});

describe("restore", () => {
  const vault = new Vault();
  const text = `Orion key ${KEY_A}, Nebula key ${KEY_B}`;
  const anon = anonymize(text, vault, TERMS).text;

  it("puts the values back", () => {
    assert.equal(anon, "[BRAND_1] key [AWS_ACCESS_KEY_1], [CODENAME_1] key [AWS_ACCESS_KEY_2]");
    assert.deepEqual(restore(anon, vault), { text, restored: 4, unknown: [] });
  });

  it("accepts what chat tools do to placeholders", () => {
    const rewritten = "[BRAND\\_1] key \\[AWS\\_ACCESS\\_KEY\\_1\\], [codename_1] key `[Aws_Access_Key_2]`";
    assert.equal(restore(rewritten, vault).text, `Orion key ${KEY_A}, Nebula key \`${KEY_B}\``);
    assert.equal(restore("**[BRAND_1]**, ([AWS_ACCESS_KEY_1]).", vault).text, `**Orion**, (${KEY_A}).`);
  });

  it("reports placeholders it does not know and leaves them as they are", () => {
    const answer = "[BRAND_1] and [BRAND_7] and [EMAIL_1] and [brand_9] and [link_1] and [Note_2]";
    const result = restore(answer, vault);
    assert.equal(result.text, "Orion and [BRAND_7] and [EMAIL_1] and [brand_9] and [link_1] and [Note_2]");
    assert.equal(result.restored, 1);
    // [link_1] and [Note_2] are not our form and not a kind this vault uses: ordinary text.
    assert.deepEqual(result.unknown, ["[BRAND_7]", "[EMAIL_1]", "[BRAND_9]"]);
  });

  it("inserts values literally, even with $& and $1 in them", () => {
    const v = new Vault();
    const value = "p$&ss$1w$$rd$'$`";
    const placeholder = v.placeholderFor(value, "password-assignment", 0);
    assert.equal(placeholder, "[PASSWORD_1]");
    assert.equal(restore(`a ${placeholder} b ${placeholder}`, v).text, `a ${value} b ${value}`);
    const termOptions: AnonymizeOptions = { scan: { terms: [{ text: "Cost$&$1Co", kind: "client" }] } };
    const text = "x Cost$&$1Co y";
    const w = new Vault();
    const result = anonymize(text, w, termOptions);
    assert.equal(result.text, "x [CLIENT_1] y");
    assert.equal(restore(result.text, w).text, text);
  });

  it("returns text without placeholders unchanged", () => {
    assert.deepEqual(restore("plain [text] here", vault), { text: "plain [text] here", restored: 0, unknown: [] });
  });
});

describe("placeholder kinds and tokens", () => {
  it("maps engine kinds to names a model reads naturally, deriving the rest", () => {
    const cases: Record<string, string> = {
      email: "EMAIL",
      phone: "PHONE",
      iban: "IBAN",
      "credit-card": "CARD",
      "ip-address": "IP",
      "fr-nir": "NIR",
      "fr-siren": "SIREN",
      "fr-siret": "SIRET",
      "fr-vat": "VAT_NUMBER",
      "us-ssn": "SSN",
      money: "AMOUNT",
      "private-key": "PRIVATE_KEY",
      "password-assignment": "PASSWORD",
      "github-token": "GITHUB_TOKEN",
      "aws-access-key-id": "AWS_ACCESS_KEY",
      "generic-api-key": "API_KEY",
      "slack-bot-token": "SLACK_BOT_TOKEN",
      "stripe secret.key": "STRIPE_SECRET_KEY",
      BRAND: "BRAND",
      "123": "X_123",
      "--": "VALUE",
    };
    for (const [kind, expected] of Object.entries(cases)) assert.equal(placeholderKind(kind), expected, kind);
    assert.ok(placeholderKind("a".repeat(100)).length <= 40);
  });

  it("finds every issued placeholder back as a token", () => {
    for (const kind of ["email", "a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t-u-v-w-x-y-z", "x".repeat(90), "V2", "9lives"]) {
      const v = new Vault();
      const p = v.placeholderFor("value", kind, 0);
      assert.deepEqual(findPlaceholderTokens(`(${p})`).map((t) => t.normalized), [p], p);
    }
  });

  it("finds tokens in linear time on adversarial input", () => {
    // Not a timing assertion: this would hang for minutes if the pattern backtracked badly.
    const text = "[" + "A_".repeat(200_000) + "[a\\_1" + "\\_b".repeat(50_000);
    assert.deepEqual(findPlaceholderTokens(text), []);
  });
});

describe("describeReport", () => {
  it("counts values and kinds with the right singular and plural", () => {
    assert.equal(describeReport({ total: 3, byKind: { EMAIL: 2, API_KEY: 1 } }), "3 values replaced: 2 e-mails, 1 API key");
    assert.equal(describeReport({ total: 1, byKind: { IBAN: 1 } }), "1 value replaced: 1 IBAN");
    assert.equal(
      describeReport({ total: 9, byKind: { IP: 2, IBAN: 2, PHONE: 1, AMOUNT: 2, PERSON: 2 } }),
      "9 values replaced: 2 amounts, 2 IBANs, 2 IP addresses, 2 names, 1 phone number",
    );
    assert.equal(describeReport({ total: 2, byKind: { SLACK_BOT_TOKEN: 1, CODENAME: 1 } }), "2 values replaced: 1 codename, 1 slack bot token");
    assert.equal(describeReport({ total: 2, byKind: { GITHUB_TOKEN: 2 } }), "2 values replaced: 2 GitHub tokens");
    assert.equal(describeReport({ total: 0, byKind: {} }), "Nothing replaced");
  });

  it("describes a real anonymize report without any value in it", () => {
    const result = anonymize(`Orion ${KEY_A} ${KEY_B}`, new Vault(), TERMS);
    const line = describeReport(result.report);
    assert.equal(line, "3 values replaced: 2 AWS access keys, 1 brand");
    assert.ok(!line.includes("AKIA") && !line.includes("Orion"));
  });
});
