import * as assert from "node:assert/strict";
import { Scanner } from "../../src/engine";

/** Postal addresses written with the US street abbreviations (USPS Publication 28: St, Rd, Pkwy, Hwy), each positive beside a hard negative. */
describe("address pass: street abbreviations", () => {
  const scanner = new Scanner();
  const addresses = (text: string) => scanner.scan(text).filter((f) => f.kind === "address").map((f) => text.slice(f.start, f.end));

  it("finds a house number, a street name and St / Rd", () => {
    assert.deepEqual(addresses("Ship to 2450 Crown St, Springfield"), ["2450 Crown St, Springfield"]);
    assert.deepEqual(addresses("Office: 88 Elm Rd."), ["88 Elm Rd."]);
  });

  it("stays silent on a lower-case st, a number right before St, versions and code", () => {
    assert.deepEqual(addresses("the 3 st of them"), []);
    assert.deepEqual(addresses("paid 12 EUR on 3 Dec st"), []);
    assert.deepEqual(addresses("We met at 10 St Paul's"), []);
    assert.deepEqual(addresses("see version 2.1 Main St"), []);
    assert.deepEqual(addresses("import x from './12 Main.ts'"), []);
  });
});

/** Postal address forms beyond the first pass: each positive beside hard negatives, in French and English. */
describe("address pass: one finding per address", () => {
  const scanner = new Scanner();
  const addresses = (text: string) => scanner.scan(text).filter((f) => f.kind === "address").map((f) => text.slice(f.start, f.end));

  it("a numbered line and the unit on it are one address, never an empty or clipped finding", () => {
    assert.deepEqual(addresses("Ship to: Anna Berg\n  4410 Kerkplein 8 Suite 12\n  Zwolle"), ["4410 Kerkplein 8 Suite 12\n  Zwolle"]);
    assert.deepEqual(addresses("Envoyer à :\n 17 Lindenhof 3 Apt. 9\n Genève\n Suisse"), ["17 Lindenhof 3 Apt. 9\n Genève\n Suisse"]);
  });
});

describe("address pass: numbers that are no house numbers", () => {
  const scanner = new Scanner();
  const addresses = (text: string) => scanner.scan(text).filter((f) => f.kind === "address").map((f) => text.slice(f.start, f.end));

  it("stays silent on section, chapter, room and level numbers, scores, and title words after a street type", () => {
    assert.deepEqual(addresses("Section 12 Street Fighter"), []);
    assert.deepEqual(addresses("Chapter 3 Main Street Blues"), []);
    assert.deepEqual(addresses("Room 12 Avenue Q"), []);
    assert.deepEqual(addresses("Level 5 Road Runner"), []);
    assert.deepEqual(addresses("Chapitre 4 rue des Martyrs"), []);
    assert.deepEqual(addresses("Score: 3-1 Road to the final, 2026 Edition"), []);
    assert.deepEqual(addresses("We watched 3 Main Street Blues episodes"), []);
    assert.deepEqual(addresses("12 Street Fighter"), []);
  });

  it("still finds ranges, directions, units and a street type followed by a postal line", () => {
    assert.deepEqual(addresses("12-14 rue des Lilas, 75011 Paris"), ["12-14 rue des Lilas, 75011 Paris"]);
    assert.deepEqual(addresses("1111 Main Street North, Springfield, IL 62704"), ["1111 Main Street North, Springfield, IL 62704"]);
    assert.deepEqual(addresses("350 Fifth Avenue Suite 200, New York, NY 10118"), ["350 Fifth Avenue Suite 200, New York, NY 10118"]);
    assert.deepEqual(addresses("221 Baker Street Irregulars, London NW1 6XE"), ["221 Baker Street Irregulars, London NW1 6XE"]);
  });
});
