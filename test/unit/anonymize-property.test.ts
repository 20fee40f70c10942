/**
 * Property tests: texts built from pieces of code, French and English prose, secrets,
 * personal data, configured terms and placeholder lookalikes, glued in any order.
 */
import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { termFormKey } from "../../src/engine/detect/terms";
import { isPlaceholderSecret } from "../../src/engine/rules/placeholder";
import { anonymize, findPlaceholderTokens, restore, scan, Vault, type AnonymizeOptions, type AnonymizeResult, type ScanOptions } from "../../src/engine";

const SCAN: ScanOptions = {
  terms: [
    { text: "Orion", kind: "brand" },
    { text: "Société Générale", kind: "client" },
    { text: "Nebula", kind: "codename" },
  ],
};
const WITH_MONEY: AnonymizeOptions = { scan: SCAN };
const WITHOUT_MONEY: AnonymizeOptions = { scan: SCAN, money: false };
// VEIL_PROPERTY_RUNS raises the count for a deeper local run.
const RUNS = Number(process.env.VEIL_PROPERTY_RUNS) || 300;

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
/**
 * Fake AWS access key ids matching the core rule AKIA[A-Z2-7]{16}; not the masks and runs the
 * engine takes for a stand-in on purpose (`AKIAAAAAAAAAAAAAAAAA`).
 */
const awsKey = fc
  .array(fc.constantFrom(...BASE32), { minLength: 16, maxLength: 16 })
  .map((c) => `AKIA${c.join("")}`)
  .filter((key) => !isPlaceholderSecret(key));
const lower = (min: number, max: number) => fc.array(fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz"), { minLength: min, maxLength: max }).map((c) => c.join(""));
const email = fc
  .tuple(lower(1, 8), fc.option(lower(1, 6), { nil: undefined }), lower(2, 8), fc.constantFrom("com", "fr", "org", "io"))
  .map(([user, dotted, domain, tld]) => `${user}${dotted ? `.${dotted}` : ""}@${domain}.${tld}`);
const term = fc.constantFrom("Orion", "ORION", "orion", "Société Générale", "SOCIETE GENERALE", "Nebula");
// Valid by their checksums, so they are found once the detectors for them exist.
const phone = fc.constantFrom("+33 6 12 34 56 78", "06 12 34 56 78", "+33612345678", "+1 415 555 0134", "tél. 01 42 68 53 00");
const iban = fc.constantFrom("FR76 3000 6000 0112 3456 7890 189", "DE89370400440532013000", "GB82 WEST 1234 5698 7654 32", "IBAN FR1420041010050500013M02606");
const card = fc.constantFrom("4111 1111 1111 1111", "5555555555554444", "carte 4012 8888 8888 1881");
const amount = fc.constantFrom("1 234,56 €", "$1,200.00", "EUR 300", "12k€", "300 euros", "CHF 1'250.50", "£99");
const ip = fc.constantFrom("192.168.1.10", "10.0.0.1", "2001:db8::8a2e:370:7334");
const frId = fc.constantFrom("SIREN 732 829 320", "SIRET 732 829 320 00074", "TVA FR44732829320", "NIR 1 84 12 76 451 089 46");
const lookalike = fc.constantFrom("[EMAIL_1]", "[AWS_ACCESS_KEY_1]", "\\[EMAIL\\_2\\]", "[email_1]", "[BRAND_2]", "[AMOUNT_1]", "[PHONE_1]", "`[EMAIL_1]`", "[X_1", "[BRAND\\_1]", "\\[", "\\");
const prose = fc.constantFrom(
  "Bonjour,",
  "la facture de",
  "est réglée",
  "Merci d'avance",
  "à l'équipe",
  "déjà vu",
  "Ça marche !",
  "Hello",
  "the invoice for",
  "is paid.",
  "please call",
  "thanks",
  "contact",
  "password",
  "key:",
);
const code = fc.constantFrom("const x = ", '"', "'", "`", ";", "{", "}", "(", ")", " = ", ": ", "//", "# ", "$&", "$1", "\\", "=>", "<a href=", ">", ",");
const space = fc.constantFrom(" ", "  ", "\n", "\r\n", "\t", "\u00a0", "");
const exotic = fc.constantFrom("🙂", "👩‍💻", "é", "e\u0301", "\uFEFF", "😀€", "日本");
const noise = fc.oneof(fc.string({ unit: "grapheme", maxLength: 6 }), fc.string({ unit: "binary", maxLength: 4 }));

const piece = fc.oneof(
  { weight: 4, arbitrary: prose },
  { weight: 4, arbitrary: code },
  { weight: 6, arbitrary: space },
  { weight: 3, arbitrary: awsKey },
  { weight: 3, arbitrary: email },
  { weight: 2, arbitrary: term },
  { weight: 1, arbitrary: phone },
  { weight: 1, arbitrary: iban },
  { weight: 1, arbitrary: card },
  { weight: 1, arbitrary: amount },
  { weight: 1, arbitrary: ip },
  { weight: 1, arbitrary: frId },
  { weight: 2, arbitrary: lookalike },
  { weight: 1, arbitrary: exotic },
  { weight: 1, arbitrary: noise },
);
const text = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(""));
const options = fc.constantFrom(WITH_MONEY, WITHOUT_MONEY);

/**
 * What restore gives back: x itself, except that every form of one term (`Orion`, `ORION`)
 * has one placeholder, so each comes back as the first form the vault saw.
 */
function expectedRestore(x: string, a: AnonymizeResult, vault: Vault): string {
  let out = "";
  let last = 0;
  for (const r of a.replacements) {
    if (r.category !== "term") continue;
    out += x.slice(last, r.start) + vault.lookup(r.placeholder)!.value;
    last = r.end;
  }
  return out + x.slice(last);
}

function overlapsToken(tokens: readonly { start: number; end: number }[], start: number, end: number): boolean {
  return tokens.some((t) => t.start < end && start < t.end);
}

describe("anonymize: properties", () => {
  it("restore(anonymize(x)) === x, on a fresh vault", () => {
    fc.assert(
      fc.property(text, options, (x, o) => {
        const vault = new Vault();
        const a = anonymize(x, vault, o);
        assert.equal(restore(a.text, vault).text, expectedRestore(x, a, vault));
      }),
      { numRuns: RUNS },
    );
  });

  it("anonymizing its own output changes nothing, and restore still gives x", () => {
    fc.assert(
      fc.property(text, options, (x, o) => {
        const vault = new Vault();
        const once = anonymize(x, vault, o);
        const size = vault.size;
        const twice = anonymize(once.text, vault, o);
        assert.equal(twice.text, once.text);
        assert.equal(twice.replacements.length, 0);
        assert.equal(vault.size, size);
        assert.equal(restore(twice.text, vault).text, expectedRestore(x, once, vault));
      }),
      { numRuns: RUNS },
    );
  });

  it("re-scanning the output finds nothing outside placeholder-looking tokens", () => {
    fc.assert(
      fc.property(text, options, (x, o) => {
        const out = anonymize(x, new Vault(), o).text;
        const tokens = findPlaceholderTokens(out);
        const scanOptions = o.money === false ? { ...SCAN, money: false } : SCAN;
        for (const f of scan(out, scanOptions)) {
          assert.ok(overlapsToken(tokens, f.start, f.end), `${f.kind} left at ${f.start} in ${JSON.stringify(out)}`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("replacement offsets point at the values in the input, and each value has one placeholder", () => {
    fc.assert(
      fc.property(text, (x) => {
        const vault = new Vault();
        const a = anonymize(x, vault, WITH_MONEY);
        let last = 0;
        const byValue = new Map<string, string>();
        for (const r of a.replacements) {
          assert.ok(r.start >= last && r.end > r.start, "sorted, non-empty, disjoint");
          last = r.end;
          const value = x.slice(r.start, r.end);
          // A term's other forms share the placeholder of the first form seen.
          if (r.category === "term") assert.equal(termFormKey(vault.lookup(r.placeholder)!.value), termFormKey(value));
          else assert.equal(vault.lookup(r.placeholder)?.value, value);
          assert.equal(byValue.get(value) ?? r.placeholder, r.placeholder);
          byValue.set(value, r.placeholder);
        }
        assert.equal(a.report.total, a.replacements.length);
      }),
      { numRuns: RUNS },
    );
  });

  it("a vault shared by two calls keeps placeholders and restores both outputs", () => {
    fc.assert(
      fc.property(text, text, (x1, x2) => {
        const vault = new Vault();
        const a1 = anonymize(x1, vault, WITH_MONEY);
        const issued = new Set(vault.toJSON().entries.map((e) => e.placeholder));
        // A placeholder issued by the first call, typed in the second text, is taken for ours.
        fc.pre(findPlaceholderTokens(x2).every((t) => !issued.has(t.normalized)));
        const a2 = anonymize(x2, vault, WITH_MONEY);
        assert.equal(restore(a2.text, vault).text, expectedRestore(x2, a2, vault));
        assert.equal(restore(a1.text, vault).text, expectedRestore(x1, a1, vault));
        const first = new Map(a1.replacements.map((r) => [x1.slice(r.start, r.end), r.placeholder]));
        for (const r of a2.replacements) {
          const before = first.get(x2.slice(r.start, r.end));
          if (before) assert.equal(r.placeholder, before);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("replaces every AWS key, term and detected e-mail written as its own word", () => {
    const emailsDetected = scan("write to jeanne.dupont@example.fr today").some((f) => f.kind === "email");
    const word = fc.oneof(
      { weight: 3, arbitrary: prose },
      { weight: 2, arbitrary: awsKey.map((v) => ({ v, kind: "key" })) },
      { weight: 2, arbitrary: email.map((v) => ({ v, kind: "email" })) },
      { weight: 1, arbitrary: term.map((v) => ({ v, kind: "term" })) },
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(word, fc.constantFrom(" ", "\n", "\r\n", " 🙂 ", "\t")), { maxLength: 30 }), (parts) => {
        const x = parts.map(([w, sep]) => (typeof w === "string" ? w : w.v) + sep).join("");
        const out = anonymize(x, new Vault(), WITH_MONEY).text;
        for (const [w] of parts) {
          if (typeof w === "string") continue;
          if (w.kind === "key" || (w.kind === "email" && emailsDetected)) assert.ok(!out.includes(w.v), `${w.kind} left in ${JSON.stringify(out)}`);
          if (w.kind === "term") assert.ok(!/(^|[\s])(orion|nebula|soci[ée]t[ée] g[ée]n[ée]rale)(?=\s|$)/i.test(out), `term left in ${JSON.stringify(out)}`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("JSON stays valid, with the same shape, and restores exactly", () => {
    const jsonText = fc.array(fc.oneof({ weight: 5, arbitrary: piece }, { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 4 }) }), { maxLength: 6 }).map((p) => p.join(""));
    const value = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        jsonText,
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        // Numbers the detectors report when written bare: card, SIREN, phone.
        fc.constantFrom(4111111111111111, 732829320, 33612345678, 5555555555554444),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(jsonText, tie("value"), { maxKeys: 4 }),
      ),
    })).value;
    const shape = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(shape);
      if (v && typeof v === "object") return Object.values(v).map(shape);
      // A reported number goes out as a quoted placeholder: a string.
      return typeof v === "number" ? "string" : typeof v;
    };
    // Keys that differ only in case or accents (`"Orion"` and `"orion"`) hold one term in two
    // forms, which get one placeholder by design: the two keys become one, so the shape changes.
    const foldedKeysDistinct = (v: unknown): boolean => {
      if (Array.isArray(v)) return v.every(foldedKeysDistinct);
      if (!v || typeof v !== "object") return true;
      const keys = Object.keys(v).map((k) => k.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase());
      return new Set(keys).size === keys.length && Object.values(v).every(foldedKeysDistinct);
    };
    // A document, not a lone scalar: a text that is just a number is prose, not JSON.
    const documentArb = fc.oneof(fc.array(value, { maxLength: 5 }), fc.dictionary(jsonText, value, { maxKeys: 5 }));
    fc.assert(
      fc.property(documentArb, fc.constantFrom(0, 2, "\t"), (doc, indent) => {
        const x = JSON.stringify(doc, null, indent);
        fc.pre(!/[\ud800-\udfff]/.test(x) && foldedKeysDistinct(doc));
        const vault = new Vault();
        const result = anonymize(x, vault, WITH_MONEY);
        const out = result.text;
        let parsed: unknown;
        assert.doesNotThrow(() => (parsed = JSON.parse(out)), `not JSON: ${out}`);
        assert.deepEqual(shape(parsed), shape(doc));
        assert.equal(restore(out, vault).text, expectedRestore(x, result, vault));
      }),
      { numRuns: RUNS },
    );
  });

  it("YAML keeps its lines, indentation, keys and quotes", () => {
    // Values that YAML takes as plain or quoted scalars on one line.
    const inline = fc
      .array(fc.oneof(prose, awsKey, email, term, amount, phone, iban, fc.constantFrom(" ", "-", "/", "é", "🙂")), { minLength: 1, maxLength: 5 })
      .map((p) => p.join(" ").trim())
      .filter((v) => v !== "" && !/["'#]|: /.test(v));
    const key = fc.constantFrom("name", "contact", "api_key", "budget", "client", "notes");
    const line = fc.tuple(fc.constantFrom("", "  ", "    ", "\t"), fc.constantFrom("", "- "), key, fc.constantFrom("", '"', "'"), inline);
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.constantFrom("\n", "\r\n"), (lines, eol) => {
        const x = lines.map(([indent, dash, k, q, v]) => `${indent}${dash}${k}: ${q}${v}${q}`).join(eol) + eol;
        const vault = new Vault();
        const result = anonymize(x, vault, WITH_MONEY);
        const out = result.text;
        const outLines = out.split(eol);
        assert.equal(outLines.length, lines.length + 1);
        lines.forEach(([indent, dash, k, q], i) => {
          const l = outLines[i];
          assert.ok(l.startsWith(`${indent}${dash}${k}: ${q}`), `line ${i}: ${JSON.stringify(l)}`);
          if (q) assert.ok(l.endsWith(q) && l.length > indent.length + dash.length + k.length + 3, `line ${i} lost its closing quote`);
          assert.ok(!l.includes("\r") && !l.includes("\n"));
        });
        assert.equal(restore(out, vault).text, expectedRestore(x, result, vault));
      }),
      { numRuns: RUNS },
    );
  });
});
