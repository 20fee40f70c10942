/**
 * User terms: literal terms are anchored on their first word through the keyword automaton
 * (no pass of their own over the text); regex terms and first words the automaton cannot
 * spell are swept with one regex. Both must find exactly what one case-insensitive,
 * accent-tolerant, word-bounded regex over the whole text finds — the reference below.
 */
import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { anonymize, extractErrorSnippet, restore, Scanner, Vault, type TermSpec } from "../../src/engine";
import { ACCENTS, foldWord } from "../../src/engine/detect/fold";

/**
 * The reference, written apart from terms.ts: each term as a case-insensitive, accent-tolerant
 * regex whose words may be apart, joined by one of `-_.+'’` or `%20`, or run together; tried
 * at every position where a term may start (no letter or digit before, or a lower-case letter
 * before an upper-case one), longest term first, and kept where it may end.
 */
function referenceTerms(text: string, terms: readonly TermSpec[]): [number, number, string][] {
  const letter = (ch: string) => {
    const base = Object.entries(ACCENTS).find(([, v]) => v.includes(ch.toLowerCase()))?.[0];
    return (base ? `[${ACCENTS[base]}]` : ch.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")) + (/\p{L}/u.test(ch) ? "\\p{M}*" : "");
  };
  const source = (term: string) => {
    const words = term.trim().normalize("NFC").split(/[\s\u00a0\-_.+'’]+/u);
    return words.map((w) => [...w].map((ch) => (/\s/.test(ch) ? "[\\s\\u00a0]+" : letter(ch))).join("")).join(String.raw`(?:[\s\u00a0]+|[\-_.+'’]|%20)?`);
  };
  const ordered = [...terms].sort((a, b) => b.text.length - a.text.length).map((t) => ({ re: new RegExp(source(t.text), "iuy"), kind: t.kind!.toUpperCase() }));
  const before = (i: number) => Array.from(text.slice(Math.max(0, i - 2), i)).pop() ?? "";
  const at = (i: number) => String.fromCodePoint(text.codePointAt(i)!);
  const camel = (i: number) => /\p{Ll}/u.test(before(i)) && /\p{Lu}/u.test(at(i));
  const startOk = (i: number) => i === 0 || !/[\p{L}\p{N}\p{M}]/u.test(before(i)) || camel(i);
  const endOk = (j: number) => j >= text.length || !/[\p{L}\p{N}\p{M}]/u.test(at(j)) || camel(j);
  const out: [number, number, string][] = [];
  for (let i = 0; i < text.length; i++) {
    if (!startOk(i) || (i > 0 && (text.charCodeAt(i) & 0xfc00) === 0xdc00)) continue;
    for (const { re, kind } of ordered) {
      re.lastIndex = i;
      const m = re.exec(text);
      if (m && m[0].length > 0 && endOk(i + m[0].length)) {
        out.push([i, i + m[0].length, kind]);
        i += m[0].length - 1;
        break;
      }
    }
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
    const text = "ORION CLOUD and orion, societe  generale, Société\u00a0Générale, zoe, ZOË, at&t, ΩMEGA; not Orionis, xnebula, nebula2 nor Zoëlle.";
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

  describe("client names in every form (issue 13)", () => {
    const CLIENTS: TermSpec[] = [
      { text: "Maison Aubergine", kind: "client" },
      { text: "Colibri", kind: "brand" },
    ];
    const found = (text: string) => veilTerms(text, CLIENTS).map(([s, e, k]) => [text.slice(s, e), k]);

    it("finds a term in any case, with or without accents, as a slug, in a host, a path or an identifier", () => {
      for (const form of ["maison-aubergine", "maisonaubergine", "maison_aubergine", "MaisonAubergine", "MAISON_AUBERGINE", "Maison Aubergine", "maison.aubergine", "Maison%20Aubergine", "MAISON-AUBERGINE"]) {
        assert.deepEqual(found(`voir ${form} demain`), [[form, "CLIENT"]], form);
      }
      assert.deepEqual(found("https://www.maison-aubergine.fr/brief and /Users/ana/Clients/maison_aubergine/brief.md"), [["maison-aubergine", "CLIENT"], ["maison_aubergine", "CLIENT"]]);
      assert.deepEqual(found("Colibri colibri COLIBRÍ Colibrí colibri_api ColibriService getColibri()"), [
        ["Colibri", "BRAND"], ["colibri", "BRAND"], ["COLIBRÍ", "BRAND"], ["Colibrí", "BRAND"], ["colibri", "BRAND"], ["Colibri", "BRAND"], ["Colibri", "BRAND"],
      ]);
      // A decomposed accent, as macOS writes file names.
      assert.deepEqual(found("Colibri\u0301.key"), [["Colibri\u0301", "BRAND"]]);
    });

    it("terms with punctuation of their own: AT&T, C++ and L'Oréal keep it, or drop a joiner", () => {
      const terms: TermSpec[] = [{ text: "AT&T", kind: "brand" }, { text: "C++", kind: "lang" }, { text: "L'Oréal", kind: "brand" }];
      const text = "at&t, ATT, c++ code, C, L'Oreal, loreal, L’ORÉAL, l oreal, large";
      assert.deepEqual(veilTerms(text, terms).map(([s, e]) => text.slice(s, e)), ["at&t", "c++", "L'Oreal", "loreal", "L’ORÉAL", "l oreal"]);
    });

    it("hard negatives: the term inside a longer word, or its words apart", () => {
      for (const text of ["Colibrilogique", "colibris", "supercolibri", "COLIBRIAPP", "Colibri2", "aubergine farcie", "la maison", "maison d'aubergine", "maison aubergines", "maisonnette aubergine", "MaisonAubergineRie".toLowerCase()]) {
        assert.deepEqual(found(text), [], text);
      }
    });

    it("an e-mail at a term-bearing domain: found as an e-mail, its preview shows no domain", () => {
      const scanner = new Scanner({ terms: CLIENTS });
      const [finding] = scanner.scan("écrire à camille@maison-aubergine.fr");
      assert.equal(finding.kind, "email");
      assert.ok(!finding.preview.includes("aubergine") && !finding.message.includes("aubergine"), finding.message);
      assert.equal(finding.preview, "c•••@•••.fr");
      // Other domains keep theirs (what a person needs to tell e-mails apart).
      assert.equal(scanner.scan("écrire à camille@orange.fr")[0].preview, "c•••@orange.fr");
    });

    it("the error-snippet neutralizer replaces a client's name in paths and hosts", async () => {
      const log = [
        "Error: getaddrinfo ENOTFOUND api.maison-aubergine.fr",
        "    at Object.load (/srv/builds/maison_aubergine/src/loader.js:12:5)",
        "    at main (/srv/builds/maison_aubergine/src/index.js:3:1)",
      ].join("\n");
      const vault = new Vault();
      const snippet = await extractErrorSnippet(log, { vault, scan: { terms: CLIENTS } });
      assert.ok(snippet, "an error is found");
      assert.ok(!/aubergine/i.test(snippet.markdown), snippet.markdown);
      assert.match(restore(snippet.markdown, vault).text, /aubergine/i);
    });

    it("every form is one placeholder, in a fresh vault and across calls", () => {
      const vault = new Vault();
      const options = { scan: { terms: CLIENTS } };
      const first = anonymize("Colibri / colibri / Colibrí", vault, options);
      assert.equal(first.text, "[BRAND_1] / [BRAND_1] / [BRAND_1]");
      assert.equal(anonymize("COLIBRI_KEY=1", vault, options).text, "[BRAND_1]_KEY=1");
      assert.equal(vault.size, 1);
    });

    it("one placeholder per term: a property over random spellings", () => {
      const spelling = fc.tuple(fc.constantFrom("maison", "Maison", "MAISON", "màison"), fc.constantFrom(" ", "-", "_", "", "  ", "."), fc.constantFrom("aubergine", "Aubergine", "AUBERGINE", "aubèrgine"));
      fc.assert(
        fc.property(fc.array(fc.tuple(spelling, fc.constantFrom(" ", ", ", "\n", "/", "@")), { minLength: 1, maxLength: 8 }), (parts) => {
          const text = parts.map(([[a, gap, b], sep]) => a + gap + b + sep).join("");
          const result = anonymize(text, new Vault(), { scan: { terms: CLIENTS } });
          const placeholders = new Set(result.replacements.filter((r) => r.category === "term").map((r) => r.placeholder));
          // One placeholder for every form (none when e-mails made of the words took them all).
          assert.ok([...placeholders].every((p) => p === "[CLIENT_1]"), `${text} → ${[...placeholders].join()}`);
          assert.ok(!/aub[eè]rgine/i.test(result.text), result.text);
        }),
        { numRuns: 300 },
      );
    });
  });
});
