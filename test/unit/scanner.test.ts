import * as assert from "node:assert/strict";
import { scan, Scanner } from "../../src/engine";

describe("scanner core", () => {
  it("finds an AWS key at the right UTF-16 offsets after emoji and accents", () => {
    const text = "🙂 café é — key=AKIAIOSFODNN7EXAMPLF";
    const [f] = scan(text);
    assert.equal(text.slice(f.start, f.end), "AKIAIOSFODNN7EXAMPLF");
    assert.equal(f.kind, "aws-access-key-id");
    assert.ok(!f.message.includes("AKIAIOSFODNN7EXAMPLF"));
  });

  for (const directive of ["veil:allow", "gitleaks:allow", "pragma: allowlist secret", "secretlint-disable-line"]) {
    it(`honours "${directive}" on the same line, last line without newline too`, () => {
      assert.equal(scan(`x\nk = "AKIAIOSFODNN7EXAMPLF" # ${directive}`).length, 0);
      assert.equal(scan(`k = "AKIAIOSFODNN7EXAMPLF" # ${directive}\n`).length, 0);
      assert.equal(scan(`# ${directive}\nk = "AKIAIOSFODNN7EXAMPLF"`).length, 1);
    });
  }
  for (const directive of ["veil:allow-next-line", "pragma: allowlist nextline secret", "secretlint-disable-next-line"]) {
    it(`honours "${directive}" for the next line only`, () => {
      assert.equal(scan(`# ${directive}\nk = "AKIAIOSFODNN7EXAMPLF"`).length, 0);
      assert.equal(scan(`# ${directive}\r\nk = "AKIAIOSFODNN7EXAMPLF"\r\n`).length, 0);
      assert.equal(scan(`k = "AKIAIOSFODNN7EXAMPLF" # ${directive}`).length, 1);
      assert.equal(scan(`# ${directive}\n\nk = "AKIAIOSFODNN7EXAMPLF"`).length, 1);
    });
  }

  it("allowlists by value, by regex and by SHA-256", () => {
    const text = "k = AKIAIOSFODNN7EXAMPLF";
    assert.equal(new Scanner({ allow: { values: ["AKIAIOSFODNN7EXAMPLF"] } }).scan(text).length, 0);
    assert.equal(new Scanner({ allow: { patterns: ["AKIA.*PLF"] } }).scan(text).length, 0);
    assert.equal(new Scanner({ allow: { patterns: ["AKIA"] } }).scan(text).length, 1, "a pattern must match the whole value");
    assert.equal(new Scanner({ allow: { hashes: ["0000"] } }).scan(text).length, 1);
  });

  it("finds terms case-insensitively on word boundaries, with or without accents", () => {
    const s = new Scanner({ terms: [{ text: "Société Orion", kind: "client" }, { text: "Nebula", kind: "codename" }] });
    const text = "Brief for SOCIETE ORION: project nebula, not nebulas nor Nebula2.";
    const found = s.scan(text).map((f) => [text.slice(f.start, f.end), f.kind]);
    assert.deepEqual(found, [["SOCIETE ORION", "CLIENT"], ["nebula", "CODENAME"]]);
  });
});

describe("named ignore directives", () => {
  const PHONE = "06 12 34 56 78";
  const EMAIL = "claire.martin@maison-aubergine.fr";
  const kinds = (text: string) => scan(text).map((f) => f.kind);

  it("veil:allow pii-phone silences the phone of the line and nothing else", () => {
    assert.deepEqual(kinds(`Claire: ${PHONE}, ${EMAIL} <!-- veil:allow pii-phone -->`), ["email"]);
    assert.deepEqual(kinds(`Claire: ${PHONE}, ${EMAIL} # veil:allow pii-phone\nnext ${PHONE}`), ["email", "phone"]);
  });

  it("takes several ids, by rule id, kind or category, separated by spaces or commas", () => {
    assert.deepEqual(kinds(`${PHONE} ${EMAIL} // veil:allow pii-phone, pii-email`), []);
    assert.deepEqual(kinds(`${PHONE} ${EMAIL} // veil:allow phone email`), []);
    assert.deepEqual(kinds(`${PHONE} ${EMAIL} k="AKIAIOSFODNN7EXAMPLF" // veil:allow pii`), ["aws-access-key-id"]);
    assert.deepEqual(kinds(`${PHONE} k="AKIAIOSFODNN7EXAMPLF" // veil:allow aws-access-key-id`), ["phone"]);
  });

  it("a bare veil:allow, or one followed by prose, still silences the whole line", () => {
    assert.deepEqual(kinds(`${PHONE} ${EMAIL} // veil:allow`), []);
    assert.deepEqual(kinds(`${PHONE} ${EMAIL} // veil:allow test fixture`), []);
    assert.deepEqual(kinds(`${PHONE} ${EMAIL} <!-- veil:allow -->`), []);
    assert.deepEqual(kinds(`${PHONE} ${EMAIL} /* veil:allow */`), []);
  });

  it("an unknown hyphenated id silences nothing (a typo never widens the directive)", () => {
    assert.deepEqual(kinds(`${PHONE} ${EMAIL} // veil:allow pii-phon`), ["phone", "email"]);
  });

  it("veil:allow-next-line takes ids too", () => {
    assert.deepEqual(kinds(`# veil:allow-next-line pii-email\n${PHONE} ${EMAIL}\n${EMAIL}`), ["phone", "email"]);
  });

  it("two directives on one line add up; a bare one wins", () => {
    assert.deepEqual(kinds(`${PHONE} ${EMAIL} // veil:allow pii-phone veil:allow pii-email`), []);
    assert.deepEqual(kinds(`${PHONE} ${EMAIL} // veil:allow pii-phone gitleaks:allow`), []);
  });
});
