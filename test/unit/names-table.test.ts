import * as assert from "node:assert/strict";
import { AMBIGUOUS, GIVEN, nameKind, NOT_LISTED, SURNAME } from "../../src/engine/detect/passes/nameTable";
import { AMBIGUOUS_NAMES_CODED, GIVEN_NAMES_CODED, SURNAMES_CODED } from "../../src/engine/detect/passes/names-data";
import { mayBeKnown, names, NOT_NAMES, STOP } from "../../src/engine/detect/passes/person";

/**
 * The person pass's name lists, read in place from the hash table built over one array of
 * code units, against the representation they replace: names-data.ts's front-coded lists decoded into Sets, with the
 * pass's corrections (NOT_NAMES are ambiguous, no NOT_NAMES or STOP word is a surname).
 */
function decode(coded: string): string[] {
  const out: string[] = [];
  let prev = "";
  for (const item of coded.split(",")) {
    prev = prev.slice(0, item.charCodeAt(0) - 48) + item.slice(1);
    out.push(prev);
  }
  return out;
}

const rawGiven = decode(GIVEN_NAMES_CODED);
const rawAmbiguous = decode(AMBIGUOUS_NAMES_CODED);
const rawSurnames = decode(SURNAMES_CODED);

/** The old names(): decoded Sets, corrected. */
function oldSets(): { plain: Set<string>; ambiguous: Set<string>; surnames: Set<string> } {
  const plain = new Set(rawGiven);
  const ambiguous = new Set(rawAmbiguous);
  const surnames = new Set(rawSurnames);
  for (const w of NOT_NAMES) {
    if (plain.delete(w)) ambiguous.add(w);
    surnames.delete(w);
  }
  for (const w of STOP) surnames.delete(w);
  return { plain, ambiguous, surnames };
}

/** Words near the names that are none: each name with a letter more, a letter less, a letter changed, in capitals; and random letters. */
function nonNames(every: number): string[] {
  const all = new Set([...rawGiven, ...rawAmbiguous, ...rawSurnames]);
  const out = new Set<string>(["", "a", "the", "x".repeat(31), "camille".repeat(5)]);
  const list = [...all];
  for (let i = 0; i < list.length; i += every) {
    const w = list[i];
    out.add(w + "e");
    out.add(w.slice(0, -1));
    out.add(w.slice(1));
    out.add(w.slice(0, w.length >> 1) + "q" + w.slice((w.length >> 1) + 1));
    out.add(w.toUpperCase());
    out.add(w[0].toUpperCase() + w.slice(1));
  }
  let seed = 12345;
  const rand = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  const letters = "abcdefghijklmnopqrstuvwxyzéèàçøñ-'";
  for (let i = 0; i < 3000; i++) {
    let w = "";
    for (let n = 1 + rand(12); n > 0; n--) w += letters[rand(letters.length)];
    out.add(w);
  }
  return [...out].filter((w) => !all.has(w));
}

describe("names table (person pass's lists, read in place)", () => {
  it("gives every listed name its list's kind", () => {
    for (const [list, kind] of [[rawGiven, GIVEN], [rawAmbiguous, AMBIGUOUS], [rawSurnames, SURNAME]] as const) {
      for (const w of list) if (nameKind(w) !== kind) assert.fail(`${JSON.stringify(w)}: kind ${nameKind(w)}, expected ${kind}`);
    }
  });

  it("lists no other word (mutations of every 20th name, capitals, random letters)", () => {
    const others = nonNames(20);
    assert.ok(others.length > 20000, `${others.length} non-names`);
    for (const w of others) if (nameKind(w) !== NOT_LISTED) assert.fail(`${JSON.stringify(w)} is listed as ${nameKind(w)}`);
  });

  it("answers plain, ambiguous and surname membership exactly as the decoded Sets did", () => {
    const old = oldSets();
    const lists = names();
    const words = [...rawGiven, ...rawAmbiguous, ...rawSurnames, ...NOT_NAMES, ...STOP, ...nonNames(50)];
    let checked = 0;
    for (const w of words) {
      for (const key of ["plain", "ambiguous", "surnames"] as const) {
        if (lists[key].has(w) !== old[key].has(w)) assert.fail(`${key}.has(${JSON.stringify(w)}): ${lists[key].has(w)}, the Set said ${old[key].has(w)}`);
        checked++;
      }
    }
    assert.ok(checked > 250000);
  });

  it("lets every listed name, title-cased or in capitals, through mayBeKnown", () => {
    for (const w of [...rawGiven, ...rawAmbiguous, ...rawSurnames]) {
      for (const text of [`x ${w[0].toUpperCase()}${w.slice(1)} y`, `x ${w.toUpperCase()} y`]) {
        const s = 2;
        const e = text.length - 2;
        // A word whose capitals do not lower-case back to it (`İ`) is no concern of the filter: the slow path reads it.
        if (text.slice(s, e).toLowerCase() !== w) continue;
        if (!mayBeKnown(text, s, e)) assert.fail(`mayBeKnown missed ${JSON.stringify(text.slice(s, e))}`);
      }
    }
    for (const w of ["Mme", "Docteur", "Street", "Hunter", "Producer"]) assert.ok(mayBeKnown(w, 0, w.length), w);
    assert.equal(mayBeKnown("Kubernetesx", 0, 11), false);
  });
});
