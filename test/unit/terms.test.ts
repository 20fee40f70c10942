/**
 * User terms: literal terms are anchored on their first word through the keyword automaton
 * (no pass of their own over the text); regex terms and first words the automaton cannot
 * spell are swept with one regex. Both must find exactly what one case-insensitive,
 * accent-tolerant, word-bounded regex over the whole text finds — the reference below.
 */
import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { Scanner, type TermSpec } from "../../src/engine";
import { ACCENTS, foldWord } from "../../src/engine/detect/fold";

/** The reference: every term in one regex with a lookbehind, run over the whole text. */
function referenceTerms(text: string, terms: readonly TermSpec[]): [number, number, string][] {
  const source = (term: string) => {
    let s = "";
    for (const ch of term.trim().normalize("NFC")) {
      const base = Object.entries(ACCENTS).find(([, v]) => v.includes(ch.toLowerCase()))?.[0];
      if (base) s += `[${ACCENTS[base]}]`;
      else if (/\s/.test(ch)) s += "[\\s\\u00a0]+";
      else s += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }
    return s;
  };
  const ordered = [...terms].sort((a, b) => b.text.length - a.text.length);
  const regex = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${ordered.map((t) => `(${source(t.text)})`).join("|")})(?![\\p{L}\\p{N}_])`, "giu");
  const out: [number, number, string][] = [];
  for (const m of text.matchAll(regex)) {
    const group = m.slice(1).findIndex((g) => g !== undefined);
    out.push([m.index, m.index + m[0].length, ordered[group].kind!.toUpperCase()]);
  }
  return out;
}

function veilTerms(text: string, terms: readonly TermSpec[]): [number, number, string][] {
  return new Scanner({ terms, categories: { secret: false, pii: false } }).scan(text).map((f) => [f.start, f.end, f.kind]);
}

const TERMS: TermSpec[] = [
  { text: "Orion Cloud", kind: "client" },
  { text: "Orion", kind: "brand" },
  { text: "Société Générale", kind: "client" },
  { text: "Nebula", kind: "codename" },
  { text: "Zoë", kind: "person" },
  { text: "AT&T", kind: "brand" },
  { text: "Ωmega", kind: "product" },
];

describe("terms", () => {
  it("fold: spells accented Latin letters in ASCII, refuses what it cannot spell", () => {
    assert.equal(foldWord("SOCIÉTÉ"), "societe");
    assert.equal(foldWord("Zoë"), "zoe");
    assert.equal(foldWord("ſtore"), "store");
    assert.equal(foldWord("Ωmega"), undefined);
    assert.equal(foldWord("Łódź"), undefined);
  });

  it("finds anchored and swept terms with the kinds they were given", () => {
    const text = "ORION CLOUD and orion, societe  generale, Société\u00a0Générale, zoe, ZOË, at&t, ΩMEGA; not Orionis, xNebula, nebula_2 nor Zoëlle.";
    const found = veilTerms(text, TERMS).map(([s, e, k]) => [text.slice(s, e), k]);
    assert.deepEqual(found, [
      ["ORION CLOUD", "CLIENT"],
      ["orion", "BRAND"],
      ["societe  generale", "CLIENT"],
      ["Société\u00a0Générale", "CLIENT"],
      ["zoe", "PERSON"],
      ["ZOË", "PERSON"],
      ["at&t", "BRAND"],
      ["ΩMEGA", "PRODUCT"],
    ]);
  });

  it("a term found does not hide the rule findings next to it, and works with rules on", () => {
    const text = "Orion Cloud token: ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8" + " mail nebula@example.org";
    const kinds = new Scanner({ terms: TERMS }).scan(text).map((f) => f.kind);
    assert.ok(kinds.includes("CLIENT"), kinds.join());
    assert.ok(kinds.some((k) => k.startsWith("github")), kinds.join());
    assert.ok(kinds.includes("email"), kinds.join());
  });

  it("matches the one-regex reference on random texts made of term variants and noise", () => {
    const pieces = fc.constantFrom(
      "Orion", "ORION", "orion", "Orion Cloud", "orion\ncloud", "Orion\u00a0Cloud", "Orionis", "xOrion", "Orion_", "2Orion",
      "Société", "SOCIETE", "société générale", "SOCIÉTÉ  GÉNÉRALE", "Nebula", "nébula", "NEBULA", "nebulas", "Zoë", "zoe", "ZOË",
      "AT&T", "at&t", "Ωmega", "ωmega", "ſociété", "𝐀Orion", "é", " ", "  ", "\n", "\r\n", ".", ",", "-", "_", "token", "a", "1",
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        assert.deepEqual(veilTerms(text, TERMS), referenceTerms(text, TERMS));
      }),
      { numRuns: 1500 },
    );
  });

  it("user regex terms are swept, and an invalid one is a warning", () => {
    const scanner = new Scanner({ terms: [{ text: "PRJ-\\d{4}", kind: "codename", regex: true }, { text: "(unclosed", kind: "x", regex: true }] });
    const text = "see PRJ-2024 and prj-7 and XPRJ-1234";
    assert.deepEqual(scanner.scan(text).map((f) => text.slice(f.start, f.end)), ["PRJ-2024"]);
    assert.equal(scanner.warnings.length, 1);
  });
});
