/**
 * Patterns Veil did not write (issue 21): regex terms and allow patterns run on a linear-time
 * engine. The catastrophic patterns of the literature stay within the adversarial bound of
 * the built-in rules (test/unit/adversarial.test.ts: a ratio to an indexOf sweep of the same
 * text, never milliseconds); ordinary patterns find exactly what JavaScript's backtracking
 * engine finds; what cannot run in linear time is refused with a masked warning.
 */
import * as assert from "node:assert/strict";
import { performance } from "node:perf_hooks";
import * as fc from "fast-check";
import { Scanner, type TermSpec } from "../../src/engine";
import { fill, SIZE } from "../adversarial-inputs";

/** The same baseline and bound as adversarial.test.ts (see there why). */
function sweep(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i += 8) sum += text.indexOf(text[i], i);
  return sum;
}
const BASE_RATIO = 100;
const PER_FINDING = 0.03 * ((1 << 20) / SIZE);

function time(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

function termsOnly(terms: TermSpec[]): Scanner {
  return new Scanner({ terms, categories: { secret: false, pii: false } });
}

/** The scan's ratio to the sweep, best of three (a loaded machine slows one run, not three). */
function ratio(scanner: Scanner, text: string): { ratio: number; findings: number; ms: number } {
  let best = { ratio: Infinity, findings: 0, ms: 0 };
  for (let run = 0; run < 3; run++) {
    let findings = 0;
    const ms = time(() => (findings = scanner.scan(text).length));
    const base = time(() => [0, 1, 2, 3].forEach(() => sweep(text))) / 4;
    if (ms / base < best.ratio) best = { ratio: ms / base, findings, ms };
    if (best.ratio <= BASE_RATIO + PER_FINDING * best.findings) break;
  }
  return best;
}

const CATASTROPHIC = ["(a+)+$", "(a|aa)+$", "(.*a){20}", "^(\\w+\\s?)*$", /* a DFA of 2^13 states */ "(a|b)*a(a|b){12}"];

/** `a` and `b` at random (a fixed seed): what makes a DFA for `(a|b)*a(a|b){12}` visit all its states. */
function randomAB(size: number): string {
  let seed = 1;
  let out = "";
  for (let i = 0; i < size; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    out += seed < 1073741824 ? "a" : "b";
  }
  return fill(out, size);
}

/** 1 MB lines that make a backtracking engine try an exponential or polynomial number of paths. */
const HOSTILE_LINES: [string, string][] = [
  ["a… then !", fill("a", SIZE - 1) + "!"],
  ["a… to the end", fill("a")],
  ["'a ' repeated, then !", fill("a ", SIZE - 1) + "!"],
  ["'ab' repeated", fill("ab")],
  ["words and spaces, then !", fill("word ", SIZE - 1) + "!"],
  ["a and b at random", randomAB(SIZE)],
];

/** JavaScript's own engine with the scanner's word edges: the reference for ordinary patterns. */
function backtracking(text: string, source: string): [number, number][] {
  const regex = new RegExp(`(?:${source})(?![\\p{L}\\p{N}])`, "giu");
  const out: [number, number][] = [];
  let m: RegExpExecArray | null;
  while ((m = regex.exec(text)) !== null) {
    const before = Array.from(text.slice(Math.max(0, m.index - 2), m.index)).pop() ?? "";
    if (m[0].length === 0 || /[\p{L}\p{N}]/u.test(before)) {
      regex.lastIndex = m.index + 1;
      continue;
    }
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

const ORDINARY = [
  "prj-\\d+",
  "[A-Z]{3}-\\d{4}",
  "(?:foo|bar)-\\d{2,3}",
  "colou?r",
  "^prj",
  "\\d+$",
  "[a-c]+x",
  "(ab|a)c",
  "x.y",
  "a\\sb",
  "[^\\s-]+-[0-9]",
  "(?<code>[A-Z]{2})_\\d",
  "z{2,}",
  "\\bprj\\b",
  "é+t",
];

describe("term patterns: linear time", () => {
  for (const source of CATASTROPHIC) {
    it(`${source} as a term over 1 MB hostile lines stays within the adversarial bound`, function () {
      this.timeout(120_000);
      const scanner = termsOnly([{ text: source, kind: "X", regex: true }]);
      assert.deepEqual(scanner.warnings, []);
      const over: string[] = [];
      for (const [shape, text] of HOSTILE_LINES) {
        const m = ratio(scanner, text);
        const bound = BASE_RATIO + PER_FINDING * m.findings;
        if (m.ratio > bound) over.push(`${shape}: ratio ${m.ratio.toFixed(0)} > ${bound.toFixed(0)} (${m.ms.toFixed(0)} ms, ${m.findings} findings)`);
      }
      assert.deepEqual(over, []);
    });
  }

  it("ordinary regex terms find exactly what the backtracking engine finds, on random texts", () => {
    const piece = fc.constantFrom(
      "prj-", "PRJ-", "prj", "12", "7", "2024", "ABC", "abc", "XYZ-", "foo", "bar", "-", "_", " ", "  ", "\n", "\t", "\u00a0",
      "colour", "color", "x", "y", "ab", "a", "c", "b", "é", "Ét", "zz", "z", ".", ",", "!", "😀", "日本", "AB_", "9",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom(...ORDINARY), (parts, source) => {
        const text = parts.join("");
        const found = termsOnly([{ text: source, kind: "X", regex: true }]).scan(text).map((f) => [f.start, f.end]);
        assert.deepEqual(found, backtracking(text, source));
      }),
      { numRuns: 3000 },
    );
  });

  it("finds the same across the engine's search windows, on long texts", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("prj-12 ", "ABC-1234 ", "lorem ipsum ", "x", "😀", "\n", "PRJ-9999,"), { minLength: 500, maxLength: 1500 }), (parts) => {
        const text = parts.join("");
        for (const source of ["prj-\\d+", "[A-Z]{3}-\\d{4}"]) {
          const found = termsOnly([{ text: source, kind: "X", regex: true }]).scan(text).map((f) => [f.start, f.end]);
          assert.deepEqual(found, backtracking(text, source));
        }
      }),
      { numRuns: 40 },
    );
  });

  it("refuses what cannot run in linear time, with a warning that quotes a few characters at most", () => {
    const refused: [string, RegExp][] = [
      ["(secretname)\\1", /uses a backreference/],
      ["(?<n>secretname)\\k<n>", /uses a backreference/],
      ["secretname(?=x)", /uses a lookahead/],
      ["secretname(?!x)", /uses a lookahead/],
      ["(?<=x)secretname", /uses a lookbehind/],
      ["(?<!x)secretname", /uses a lookbehind/],
      ["(secretname", /is not a valid regex/],
      ["secretname{1001}", /cannot be run by Veil's linear-time engine \(invalid repeat count\): ignored$/],
    ];
    for (const [source, reason] of refused) {
      const scanner = new Scanner({ terms: [{ text: source, kind: "X", regex: true }, { text: "Orion", kind: "CLIENT" }], allow: { patterns: [source] } });
      assert.equal(scanner.warnings.length, 2, source);
      for (const warning of scanner.warnings) {
        assert.match(warning, reason);
        assert.ok(!warning.includes("secretname"), warning);
      }
      // The other terms still apply.
      assert.deepEqual(scanner.scan("Orion").map((f) => f.kind), ["CLIENT"]);
    }
    // In a class, `(?=` and `\1` are characters, not constructs.
    assert.deepEqual(new Scanner({ terms: [{ text: "[(?=]x[\\\\1]", kind: "X", regex: true }] }).warnings, []);
  });

  it("allow patterns match whole values in linear time, with JavaScript's meaning of \\s and .", () => {
    const key = "AKIAIOSFODNN7EXAMPLF";
    const scanner = new Scanner({ allow: { patterns: ["AKIA[A-Z0-9]{16}", "(a+)+$"] } });
    assert.equal(scanner.scan(`key ${key}`).length, 0);
    assert.equal(new Scanner({ allow: { patterns: ["AKIA[A-Z0-9]{15}"] } }).scan(`key ${key}`).length, 1);
    // A value long enough to hang a backtracking `(a+)+$`: nothing to allow, and no hang.
    const long = new Scanner({ terms: [{ text: "a+!", kind: "X", regex: true }], allow: { patterns: ["(a+)+$"] } });
    assert.equal(long.scan("a".repeat(200) + "!").length, 1);
  });
});
