import * as assert from "node:assert/strict";
import fc from "fast-check";
import { listRules } from "../../src/engine";
import { withoutIgnoreCase } from "../../src/engine/detect/anyCase";

/** Every match of `re` in `text`: index, whole match and groups. */
function matches(re: RegExp, text: string): string {
  const global = new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g");
  const found: (string | number | undefined)[][] = [];
  for (let m = global.exec(text); m !== null; m = global.exec(text)) {
    found.push([m.index, ...m]);
    if (m[0].length === 0) global.lastIndex++;
  }
  return JSON.stringify(found);
}

function flipCase(text: string, flips: number[]): string {
  const chars = [...text];
  for (const f of flips) {
    const i = f % Math.max(1, chars.length);
    const c = chars[i] ?? "";
    chars[i] = c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
  }
  return chars.join("");
}

describe("withoutIgnoreCase", () => {
  it("spells ASCII letters in both cases and leaves escapes, classes of symbols and group names alone", () => {
    assert.equal(withoutIgnoreCase(/ab/gi).source, "[aA][bB]");
    assert.equal(withoutIgnoreCase(/[a-f0-9_]x/i).source, "[a-fA-F0-9_][xX]");
    assert.equal(withoutIgnoreCase(/\w+\s\x41\u00e9\d/i).source, "\\w+\\s\\x41\\u00e9\\d");
    assert.equal(withoutIgnoreCase(/(?<key>k)\k<key>(?=v)(?<!w)/i).source, "(?<key>[kK])\\k<key>(?=[vV])(?<![wW])");
    assert.equal(withoutIgnoreCase(/[^\s"'=:]{5,120}/gi).source, '[^\\s"\'=:]{5,120}');
    assert.equal(withoutIgnoreCase(/x/gi).flags, "g");
  });

  it("keeps the i flag where spelling out would change the meaning", () => {
    for (const re of [/[A-z]/i, /[+-z]/i, /[\x20-a]/i, /é/i, /\p{L}/iu, /x/]) assert.equal(withoutIgnoreCase(re), re);
  });

  it("matches exactly what each rule's case-insensitive pattern matches (examples, case flips, random text)", () => {
    const rules = listRules().filter((r) => r.pattern.ignoreCase);
    assert.ok(rules.length > 20, `${rules.length} case-insensitive rules`);
    let rewritten = 0;
    for (const rule of rules) {
      const original = new RegExp(rule.pattern.source, rule.pattern.flags.replace("d", "") + "d");
      const spelled = withoutIgnoreCase(original);
      if (spelled === original) continue;
      rewritten++;
      const samples = [...(rule.examples?.match ?? []), ...(rule.examples?.noMatch ?? []), ...rule.keywords];
      for (const sample of samples) assert.equal(matches(spelled, sample), matches(original, sample), `${rule.id} on an example`);
      fc.assert(
        fc.property(
          fc.constantFrom(...samples),
          fc.array(fc.nat(), { maxLength: 12 }),
          fc.string({ unit: fc.constantFrom(..."aZ09=:\"' _-.@/+\n\tß\u0130\u212a\u017f€🙂"), maxLength: 12 }),
          (sample, flips, noise) => {
            const text = noise + flipCase(sample, flips) + noise;
            return matches(spelled, text) === matches(original, text);
          },
        ),
        { numRuns: 200 },
      );
    }
    assert.ok(rewritten > 20, `${rewritten} rules rewritten`);
  });
});
