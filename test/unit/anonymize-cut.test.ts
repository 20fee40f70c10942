/**
 * A selection cuts the document's findings: `findingsCutToRange` and `anonymize`'s
 * `findings` option must leave no character of a finding that lies inside the range.
 */
import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { anonymize, findingsCutToRange, restore, scan, unionFindings, Vault, type Finding, type ScanOptions } from "../../src/engine";

const RUNS = Number(process.env.VEIL_PROPERTY_RUNS) || 200;
const SCAN: ScanOptions = { terms: [{ text: "Orion", kind: "brand" }, { text: "Nebula", kind: "codename" }] };

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const awsKey = fc.array(fc.constantFrom(...BASE32), { minLength: 16, maxLength: 16 }).map((c) => `AKIA${c.join("")}`);
const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const ghToken = fc.array(fc.constantFrom(...alnum), { minLength: 36, maxLength: 36 }).map((c) => `ghp_${c.join("")}`);
const lower = (min: number, max: number) => fc.array(fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz"), { minLength: min, maxLength: max }).map((c) => c.join(""));
const email = fc.tuple(lower(1, 8), lower(2, 8), fc.constantFrom("com", "fr", "org")).map(([u, d, t]) => `${u}@${d}.${t}`);
const KEY_BODY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\nMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\nNMoSfm76oqFvAp8Gy0iz5sxjZmSnXyCdPEovGhLa0VzMaQ8s+CLOyS56YyCFGeJZ\n";
const privateKey = fc.constant(`-----BEGIN PRIVATE KEY-----\n${KEY_BODY}-----END PRIVATE KEY-----\n`);
const phone = fc.constantFrom("+33 6 12 34 56 78", "06 12 34 56 78", "+1 415 555 0134");
const iban = fc.constantFrom("FR76 3000 6000 0112 3456 7890 189", "DE89370400440532013000");
const assignment = fc.tuple(fc.constantFrom("password", "api_key", "secret"), fc.constantFrom(" = ", ": ", "="), fc.constantFrom("'", '"', ""), fc.array(fc.constantFrom(...alnum), { minLength: 14, maxLength: 24 }))
  .map(([k, op, q, v]) => `${k}${op}${q}${v.join("")}${q}`);
const prose = fc.constantFrom("Bonjour,", "the invoice for", "is paid.", "please call", "contact", "Orion", "Nebula", "key:", "const x = ", "{", "}", ";");
const space = fc.constantFrom(" ", "\n", "\r\n", "\t", "");
const piece = fc.oneof(
  { weight: 4, arbitrary: prose },
  { weight: 4, arbitrary: space },
  { weight: 2, arbitrary: awsKey },
  { weight: 2, arbitrary: ghToken },
  { weight: 2, arbitrary: email },
  { weight: 1, arbitrary: privateKey },
  { weight: 1, arbitrary: phone },
  { weight: 1, arbitrary: iban },
  { weight: 2, arbitrary: assignment },
);
const documentText = fc.array(fc.tuple(piece, space), { minLength: 1, maxLength: 14 }).map((parts) => parts.map(([p, s]) => p + s).join(""));
/** A document with a range in it, as fractions so that they fit any length. */
const documentAndRange = fc.tuple(documentText, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })).map(([doc, x, y]) => {
  const a = Math.floor(Math.min(x, y) * doc.length);
  const b = Math.ceil(Math.max(x, y) * doc.length);
  return { doc, start: a, end: Math.max(a, b) };
});

/** Offsets of `text` covered by a replacement. */
function covered(length: number, replacements: readonly { start: number; end: number }[]): Uint8Array {
  const mask = new Uint8Array(length);
  for (const r of replacements) mask.fill(1, r.start, r.end);
  return mask;
}

describe("anonymize: findings cut to a selection", () => {
  it("findingsCutToRange keeps exactly the part of each overlapping finding inside the range", () => {
    fc.assert(
      fc.property(documentAndRange, ({ doc, start, end }) => {
        const findings = scan(doc, SCAN);
        const cut = findingsCutToRange(findings, start, end, 5);
        const expected = findings.filter((f) => f.start < end && f.end > start).map((f) => [Math.max(f.start, start) - start + 5, Math.min(f.end, end) - start + 5]);
        assert.deepEqual(cut.map((f) => [f.start, f.end]), expected);
        for (let i = 0; i < cut.length; i++) assert.equal(cut[i].kind, findings.filter((f) => f.start < end && f.end > start)[i].kind);
      }),
      { numRuns: RUNS },
    );
  });

  it("no letter or digit of a document finding inside the range survives anonymize", () => {
    fc.assert(
      fc.property(documentAndRange, ({ doc, start, end }) => {
        const findings = scan(doc, SCAN);
        const text = doc.slice(start, end);
        const result = anonymize(text, new Vault(), { scan: SCAN, findings: findingsCutToRange(findings, start, end) });
        const mask = covered(text.length, result.replacements);
        for (const f of findings) {
          for (let i = Math.max(f.start, start); i < Math.min(f.end, end); i++) {
            if (/[\p{L}\p{N}]/u.test(doc[i])) assert.equal(mask[i - start], 1, `${f.kind} character at ${i} left in clear (range ${start}-${end})`);
          }
        }
        // And what is copied still restores to the selected text.
        assert.equal(restore(result.text, new Vault()).text, result.text);
      }),
      { numRuns: RUNS },
    );
  });

  it("restore gives back the selection exactly, cut values included", () => {
    fc.assert(
      fc.property(documentAndRange, ({ doc, start, end }) => {
        const vault = new Vault();
        const text = doc.slice(start, end);
        const result = anonymize(text, vault, { scan: SCAN, findings: findingsCutToRange(scan(doc, SCAN), start, end) });
        assert.equal(restore(result.text, vault).text, text);
      }),
      { numRuns: RUNS },
    );
  });

  it("a key body without its header, a cut token and a value without its key name are replaced", () => {
    const token = "ghp_7fQm2Lx9Rk4Tz8Wb1Nc6Vd3Hj5Gs0Pa2Xy4";
    const doc = `-----BEGIN PRIVATE KEY-----\n${KEY_BODY}-----END PRIVATE KEY-----\ntoken: ${token}\napi_key = "Vr8kq2LmZ9xpT4wQ"\n`;
    const findings = scan(doc, SCAN);
    const cases = [
      doc.slice(doc.indexOf("MIIE"), doc.indexOf("-----END")),
      doc.slice(doc.indexOf(token) + 10, doc.indexOf(token) + 30),
      doc.slice(doc.indexOf('"Vr8')),
    ];
    for (const text of cases) {
      const start = doc.indexOf(text);
      const out = anonymize(text, new Vault(), { scan: SCAN, findings: findingsCutToRange(findings, start, start + text.length) }).text;
      for (const secret of ["MIIEvQIBADAN", "Gs0Pa2", "Rk4Tz8", "Vr8kq2Lm", "ictGeurT8"]) assert.ok(!out.includes(secret), `${secret} left in ${out}`);
    }
  });

  it("unionFindings merges overlapping findings into one that covers both", () => {
    const f = (start: number, end: number, kind: string): Finding => ({ ruleId: kind, category: "secret", kind, start, end, confidence: 1, message: "", preview: "" });
    assert.deepEqual(
      unionFindings([f(0, 5, "a"), f(10, 12, "b")], [f(3, 9, "c"), f(11, 20, "d"), f(30, 31, "e")]).map((x) => [x.start, x.end, x.kind]),
      [[0, 9, "c"], [10, 20, "d"], [30, 31, "e"]],
    );
  });
});
