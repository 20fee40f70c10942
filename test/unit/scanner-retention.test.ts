/**
 * A scanned text must be garbage once scan() returns. When something the engine builds per
 * scan (it was the pass context's getter) keeps texts reachable until a full GC, every
 * file of a `veil scan` gets copied and promoted by the young-generation GC: a fifth of the
 * whole scan's time, and memory that grows with the tree. Measured, not timed: heap still in
 * use after young-generation collections.
 */
import * as assert from "node:assert/strict";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Scanner } from "../../src/engine";

type Gc = (options?: { type?: "major" | "minor"; execution?: "sync" | "async" }) => void;

function garbageCollector(): Gc {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as Gc;
}

/** ~64 KB of code-like text with a few findings, different each time (so nothing is shared). */
function sample(seed: number): string {
  const lines: string[] = [];
  for (let i = 0; lines.join("\n").length < 64 * 1024; i++) {
    lines.push(
      i % 50 === 0
        ? `  log.info("contact user${seed}.${i}@example.org about invoice ${seed}-${i}: 1 250,00 €");`
        : `  const value${i} = compute(${seed}, ${i}, "label-${seed}-${i}") ?? fallback${i % 7};`,
    );
  }
  return lines.join("\n");
}

describe("Scanner: scanned texts are not kept", () => {
  it("texts scanned with every rule and pass on are collectable by young-generation GCs", function () {
    const gc = garbageCollector();
    const scanner = new Scanner({ terms: [{ text: "Orion Cloud", kind: "CLIENT" }] });
    const count = 160; // 160 × 64 KB ≈ 10 MB of text
    let findings = 0;
    scanner.scan(sample(-1)); // build the rule set and automaton before measuring
    gc({ type: "major" });
    const before = process.memoryUsage().heapUsed;
    let scanned = 0;
    for (let i = 0; i < count; i++) {
      const text = sample(i);
      scanned += text.length;
      findings += scanner.scan(text).length;
    }
    gc({ type: "minor" });
    gc({ type: "minor" });
    const kept = process.memoryUsage().heapUsed - before;
    assert.ok(findings >= count * 2, `the samples should hold findings (got ${findings})`);
    // One-byte strings: `scanned` characters are as many bytes. Before the fix, ~100% stayed.
    assert.ok(kept < scanned / 4, `${(kept / 1048576).toFixed(1)} MB still in use after scanning ${(scanned / 1048576).toFixed(1)} MB of text`);
  });
});
