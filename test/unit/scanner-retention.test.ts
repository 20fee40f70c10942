/**
 * A scanned text must be garbage once scan() returns. When the passes' context was an object
 * literal with a `lower` getter (a closure over the text), every scanned text stayed reachable
 * until the next full GC, so young-generation GCs copied and promoted every file of a
 * `veil scan`: 20–45 ms of GC in a ~200 ms scan of the bench tree (docs/robustness-notes.md,
 * "Throughput", session 3).
 *
 * Checked on the context itself rather than on heap figures: heapUsed after forced GCs moved by
 * tens of MB between identical runs here (concurrent sweeping, black allocation during
 * incremental marking), with or without the bug, so a heap bound was either flaky or loose
 * enough to miss it. What the bug needs is a function made per scan and kept by the context:
 * an own accessor or an own function-valued property. A class with the getter on its
 * prototype has neither.
 */
import * as assert from "node:assert/strict";
import { Scanner } from "../../src/engine";
import { ALL_PASSES } from "../../src/engine/detect/passes";
import type { PassContext } from "../../src/engine/types";

/** The context every pass receives during one scan, caught by wrapping the passes' run(). */
function contextsOf(scanner: Scanner, text: string): PassContext[] {
  const seen: PassContext[] = [];
  const originals = ALL_PASSES.map((pass) => pass.run);
  ALL_PASSES.forEach((pass, i) => {
    (pass as { run: typeof pass.run }).run = (t, out, context) => {
      seen.push(context);
      originals[i].call(pass, t, out, context);
    };
  });
  try {
    scanner.scan(text);
  } finally {
    ALL_PASSES.forEach((pass, i) => ((pass as { run: typeof pass.run }).run = originals[i]));
  }
  return seen;
}

describe("Scanner: the passes' context keeps no per-scan closure", () => {
  const text = 'contact Jo.Doe@Example.ORG about invoice 42: 1 250,00 €, call +33 6 12 34 56 78, host 10.20.30.40, key ::1';

  it("every pass gets a context, with the lower-cased text on demand", () => {
    const contexts = contextsOf(new Scanner({ dates: true }), text);
    assert.equal(contexts.length, ALL_PASSES.length);
    for (const context of contexts) assert.equal(context.lower, text.toLowerCase());
  });

  it("has no own getter and no own function: nothing made per scan can hold the text", () => {
    const [first, second] = [contextsOf(new Scanner(), text)[0], contextsOf(new Scanner(), text + " ")[0]];
    for (const context of [first, second]) {
      for (const key of Object.getOwnPropertyNames(context)) {
        const descriptor = Object.getOwnPropertyDescriptor(context, key);
        assert.equal(descriptor?.get, undefined, `own getter "${key}"`);
        assert.notEqual(typeof descriptor?.value, "function", `own function "${key}"`);
      }
    }
    // The getter lives once, on a shared prototype.
    assert.equal(Object.getPrototypeOf(first), Object.getPrototypeOf(second));
    assert.notEqual(Object.getPrototypeOf(first), Object.prototype);
  });
});
