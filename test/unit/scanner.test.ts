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
