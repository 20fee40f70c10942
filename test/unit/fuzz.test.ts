/**
 * Fuzzing the engine with hostile Unicode (issue 8): full-range code points, lone surrogates,
 * NUL, bidi controls (U+202E, U+200F), combining accents, byte-order marks, CR / CRLF,
 * mixed with fragments that wake the detectors (rule keywords and examples, e-mails, digit
 * runs, IBAN-like groups, key blocks, placeholder lookalikes).
 *
 * Properties: `scan` never throws; findings lie inside the text, on code-point boundaries
 * (a surrogate pair is never split), sorted and never overlapping, and their message and
 * preview never carry the whole value; text put in front of a finding shifts it by exactly
 * its length; `anonymize` then `restore` gives the text back exactly, and anonymizing the
 * output again changes nothing.
 *
 * VEIL_FUZZ_RUNS raises the number of runs for a deeper local session.
 */
import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { anonymize, listRules, restore, scan, Vault, type Finding, type ScanOptions } from "../../src/engine";

const RUNS = Number(process.env.VEIL_FUZZ_RUNS) || 400;

const OPTIONS: ScanOptions[] = [
  {},
  { terms: [{ text: "Orion Cloud", kind: "CLIENT" }, { text: "Société Générale", kind: "CLIENT" }, { text: "Nebula", kind: "CODENAME" }] },
  { minConfidence: 0 },
  { money: false, directives: false },
];

// Detector food: every rule keyword and match example, plus personal data of every kind.
const RULES = listRules();
const keyword = fc.constantFrom(...RULES.flatMap((r) => r.keywords));
const example = fc.constantFrom(...RULES.flatMap((r) => r.examples?.match ?? []));
const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const base64 = fc.string({ unit: fc.constantFrom(...BASE64), minLength: 0, maxLength: 120 });
const keyBlock = fc
  .tuple(fc.constantFrom("RSA ", "EC ", "OPENSSH ", ""), base64, fc.boolean(), fc.constantFrom("\n", "\r\n", "\\n"))
  .map(([type, body, end, nl]) => `-----BEGIN ${type}PRIVATE KEY-----${nl}${body}${nl}${end ? `-----END ${type}PRIVATE KEY-----` : ""}`);
const pii = fc.constantFrom(
  "jo.doe@example.fr",
  "a@a@a@b.co",
  "x@y",
  "+33 6 12 34 56 78",
  "06 12 34 56 78",
  "(555) 234-5678",
  "4111 1111 1111 1111",
  "FR76 3000 6000 0112 3456 7890 189",
  "GB82WEST12345698765432",
  "FR40303265045",
  "1 84 12 76 451 089 46",
  "732 829 320",
  "078-05-1120",
  "192.168.1.10",
  "2001:db8::8a2e:370:7334",
  "::ffff:10.0.0.1",
  "1 250,50 €",
  "$1,200.00",
  "EUR 300",
  "[EMAIL_1]",
  "\\[EMAIL\\_1\\]",
  "veil:allow",
  "// veil:allow-next-line\n",
  "Orion Cloud",
  "Société Générale",
);
const digits = fc.string({ unit: fc.constantFrom(..."0123456789 .-+()"), minLength: 1, maxLength: 30 });
const ibanLike = fc
  .tuple(fc.constantFrom("FR", "DE", "GB", "ES", "IT", "NL", "BE", "CH"), fc.string({ unit: fc.constantFrom(..."0123456789ABCDEFGHIJ "), minLength: 10, maxLength: 34 }))
  .map(([cc, rest]) => cc + rest);
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const control = fc.constantFrom("\u0000", "\u202E", "\u202D", "\u200F", "\u200E", "\u2066", "\u2069", "\u0301", "\u0308\u0301", "\uFEFF", "\r", "\r\n", "\n", "\t", "\u00a0", "\u2028", "\u200B");
const unicode = fc.string({ unit: "binary", maxLength: 12 });
const grapheme = fc.string({ unit: "grapheme", maxLength: 6 });
const glue = fc.constantFrom(" ", "", "=", ": ", '"', "'", "\n", "\r\n", "@", ".", ":", "/", "-", "_");

const piece = fc.oneof(
  { weight: 3, arbitrary: keyword },
  { weight: 3, arbitrary: example },
  { weight: 3, arbitrary: pii },
  { weight: 1, arbitrary: keyBlock },
  { weight: 2, arbitrary: digits },
  { weight: 1, arbitrary: ibanLike },
  { weight: 3, arbitrary: loneSurrogate },
  { weight: 3, arbitrary: control },
  { weight: 3, arbitrary: unicode },
  { weight: 2, arbitrary: grapheme },
  { weight: 4, arbitrary: glue },
);
/** A hostile text: pieces glued in any order, sometimes cut at an arbitrary code unit. */
const hostile = fc
  .tuple(fc.array(piece, { maxLength: 24 }), fc.nat(), fc.boolean())
  .map(([pieces, cut, truncate]) => {
    const text = pieces.join("");
    return truncate && text.length > 0 ? text.slice(0, cut % text.length) : text;
  });
const options = fc.constantFrom(...OPTIONS);

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** An offset that falls between the two halves of a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

function checkFindings(text: string, findings: Finding[]): void {
  let previousEnd = 0;
  for (const f of findings) {
    const where = `${f.ruleId} [${f.start}, ${f.end}) in a text of ${text.length}`;
    assert.ok(Number.isInteger(f.start) && Number.isInteger(f.end), where);
    assert.ok(f.start >= 0 && f.start < f.end && f.end <= text.length, `outside the text: ${where}`);
    assert.ok(f.start >= previousEnd, `unsorted or overlapping: ${where} after one ending at ${previousEnd}`);
    assert.ok(!splitsPair(text, f.start) && !splitsPair(text, f.end), `splits a surrogate pair: ${where}`);
    const value = text.slice(f.start, f.end);
    if (value.length >= 6) {
      assert.ok(!f.preview.includes(value), `preview shows the whole value: ${where}`);
      assert.ok(!f.message.includes(value), `message shows the whole value: ${where}`);
    }
    previousEnd = f.end;
  }
}

describe("fuzz: hostile Unicode through scan, anonymize and restore", function () {
  this.timeout(120_000);

  it("scan never throws; findings are inside the text, on code-point boundaries, sorted, disjoint, masked", () => {
    fc.assert(
      fc.property(hostile, options, (text, opts) => {
        checkFindings(text, scan(text, opts));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it("holds on raw full-range strings with lone surrogates too (no detector food)", () => {
    const raw = fc.string({ unit: fc.oneof(fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), fc.constantFrom("@", ".", ":", "1", "a")), maxLength: 200 });
    fc.assert(
      fc.property(raw, options, (text, opts) => {
        checkFindings(text, scan(text, opts));
      }),
      { numRuns: RUNS },
    );
  });

  it("text put in front (emoji, accents, bidi marks, on their own lines) shifts every finding by its length", () => {
    const prefix = fc.array(fc.constantFrom("🙂", "👩‍💻", "é", "e\u0301", "\u202E", "\u200F", "日本", "\uFEFF", "\u0000"), { minLength: 1, maxLength: 6 }).map((p) => p.join("") + "\n\n");
    fc.assert(
      fc.property(hostile, prefix, (text, before) => {
        const alone = scan(text);
        const shifted = scan(before + text).map((f) => ({ ...f, start: f.start - before.length, end: f.end - before.length }));
        assert.deepEqual(shifted, alone);
      }),
      { numRuns: RUNS },
    );
  });

  it("anonymize then restore gives the text back exactly, and anonymizing the output again changes nothing", () => {
    fc.assert(
      fc.property(hostile, fc.boolean(), (text, money) => {
        const vault = new Vault();
        const once = anonymize(text, vault, { money, now: 1 });
        assert.equal(restore(once.text, vault).text, text);
        for (const r of once.replacements) assert.ok(r.start >= 0 && r.start < r.end && r.end <= text.length, `replacement [${r.start}, ${r.end}) outside the input`);
        const size = vault.size;
        const twice = anonymize(once.text, vault, { money, now: 2 });
        assert.equal(twice.text, once.text);
        assert.equal(vault.size, size);
      }),
      { numRuns: RUNS },
    );
  });
});
