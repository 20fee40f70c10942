/**
 * The keyword automaton: every occurrence of every keyword, in text order, case-insensitive
 * for ASCII and with accented Latin letters folded — checked against a naive search.
 */
import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { KeywordAutomaton } from "../../src/engine/detect/ahoCorasick";
import { foldWord } from "../../src/engine/detect/fold";

/** Every (keyword, end) by brute force: fold each character, compare at each offset. */
function naive(text: string, keywords: readonly string[]): [number, number][] {
  const folded = [...text].flatMap((ch) => (ch.length === 2 ? ["\u0000", "\u0000"] : [foldWord(ch) ?? "\u0000"])).join("");
  const hits: [number, number][] = [];
  for (let end = 1; end <= folded.length; end++) {
    keywords.forEach((k, index) => {
      if (end >= k.length && folded.slice(end - k.length, end) === k) hits.push([index, end]);
    });
  }
  return hits;
}

function automaton(text: string, keywords: readonly string[]): [number, number][] {
  const hits: [number, number][] = [];
  new KeywordAutomaton(keywords).search(text, (keyword, end) => hits.push([keyword, end]));
  // Same end: the automaton reports the longest keyword first; naive order is by index.
  return hits.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
}

describe("keyword automaton", () => {
  it("finds overlapping keywords, in any case, across accents", () => {
    const keywords = ["token", "secret", "ret", "://", "he", "she", "hers", "societe"];
    const text = "SHE said: Token=x; SECRET, https://h, hers, Société";
    assert.deepEqual(automaton(text, keywords), naive(text, keywords));
    assert.ok(automaton(text, keywords).some(([k]) => keywords[k] === "societe"));
  });

  it("refuses keywords that are not ASCII", () => {
    assert.throws(() => new KeywordAutomaton(["clé"]), /must be ASCII/);
  });

  it("agrees with a naive search on random text", () => {
    const keywords = ["ab", "abc", "bca", "c", "a-b", "zz", "e1", "bb"];
    const unit = fc.constantFrom("a", "A", "b", "B", "c", "é", "É", "-", "z", "Z", "1", " ", "\n", "à", "🙂", "\ud800", "x");
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
        assert.deepEqual(automaton(text, keywords), naive(text, keywords));
      }),
      { numRuns: 2000 },
    );
  });

  it("agrees with a naive search for random keyword sets, longest keyword first at each end", () => {
    // Deep failure chains (aaa, aa, a) and shared prefixes, the paths the table's construction takes.
    const letter = fc.constantFrom("a", "b", "c", "-", ":");
    const keywordsArb = fc.array(fc.string({ unit: letter, minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 });
    const unit = fc.constantFrom("a", "A", "b", "B", "c", "-", ":", " ", "á", "x");
    fc.assert(
      fc.property(keywordsArb, fc.string({ unit, maxLength: 60 }), (keywords, text) => {
        const raw: [number, number][] = [];
        new KeywordAutomaton(keywords).search(text, (keyword, end) => raw.push([keyword, end]));
        const expected = naive(text, keywords).sort((a, b) => a[1] - b[1] || keywords[b[0]].length - keywords[a[0]].length || a[0] - b[0]);
        assert.deepEqual(raw, expected);
      }),
      { numRuns: 3000 },
    );
  });
});
