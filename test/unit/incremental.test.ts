import * as assert from "node:assert/strict";
import fc from "fast-check";
import { IncrementalFindings, Scanner, type Finding, type TextChange } from "../../src/engine";

/** A multi-line "block" finding like a private key: BEGIN …lines… END, found only whole. */
function blockScan(text: string): Finding[] {
  const out: Finding[] = [];
  const re = /BEGIN\n(?:[a-z]+\n){0,40}END|\bKEY[0-9]{3}\b/g;
  for (let m; (m = re.exec(text)); ) {
    const lineStart = text.lastIndexOf("\n", m.index - 1) + 1;
    const prevStart = lineStart === 0 ? -1 : text.lastIndexOf("\n", lineStart - 2) + 1;
    if (prevStart >= 0 && text.slice(prevStart, lineStart).includes("skip-next")) continue;
    out.push({ ruleId: "r", category: "secret", kind: "k", start: m.index, end: m.index + m[0].length, confidence: 1, message: "m", preview: "p" });
  }
  return out;
}

const scanner = new Scanner({ terms: [{ text: "Orion", kind: "CLIENT" }] });
const realScan = (text: string) => scanner.scan(text);

const pieces = ["plain text\n", "k = AKIAIOSFODNN7EXAMPLF\n", "Orion\n", "# veil:allow-next-line\n", "skip-next\n", "KEY123\n", "BEGIN\n", "abc\n", "END\n", "\n", "x"];

const editArb = fc.record({ at: fc.nat(), del: fc.nat({ max: 30 }), insert: fc.array(fc.constantFrom(...pieces, "A", "K", "\n", "E"), { maxLength: 4 }).map((a) => a.join("")) });

function run(scan: (t: string) => Finding[], margin: number, docPieces: string[], batches: Array<Array<{ at: number; del: number; insert: string }>>) {
  let text = docPieces.join("");
  const tracker = new IncrementalFindings(scan(text), margin);
  for (const batch of batches) {
    for (const e of batch) {
      const start = e.at % (text.length + 1);
      const end = Math.min(text.length, start + e.del);
      const change: TextChange = { start, end, newLength: e.insert.length };
      text = text.slice(0, start) + e.insert + text.slice(end);
      tracker.applyChanges([change]);
    }
    const got = tracker.refresh(text, scan).map((f) => [f.start, f.end, f.kind]);
    const want = scan(text).map((f) => [f.start, f.end, f.kind]);
    assert.deepEqual(got, want);
  }
}

describe("incremental findings", () => {
  it("shifts findings after an edit and finds a new one typed in", () => {
    let text = "a KEY111\nb\nc KEY222\n";
    const tracker = new IncrementalFindings(blockScan(text), 2);
    assert.equal(tracker.isDirty, false);
    text = "new line KEY333\n" + text;
    tracker.applyChanges([{ start: 0, end: 0, newLength: 16 }]);
    assert.ok(tracker.isDirty);
    const found = tracker.refresh(text, blockScan).map((f) => text.slice(f.start, f.end));
    assert.deepEqual(found, ["KEY333", "KEY111", "KEY222"]);
    assert.equal(tracker.isDirty, false);
  });

  it("rescans a whole multi-line block cut by the edit region", () => {
    const body = "abc\n".repeat(30);
    let text = `top\nBEGIN\n${body}END\nbottom\n`;
    const tracker = new IncrementalFindings(blockScan(text), 4);
    assert.equal(tracker.findings.length, 1);
    // Delete the END line: the block is no longer whole, the finding must go.
    const at = text.indexOf("END");
    text = text.slice(0, at) + text.slice(at + 4);
    tracker.applyChanges([{ start: at, end: at + 4, newLength: 0 }]);
    assert.deepEqual(tracker.refresh(text, blockScan), []);
  });

  it("honours a next-line directive just before the rescanned region", () => {
    let text = "skip-next\nKEY111\n" + "filler\n".repeat(5);
    const tracker = new IncrementalFindings(blockScan(text), 0);
    assert.equal(tracker.findings.length, 0);
    text = text.replace("KEY111", "KEY112");
    const at = text.indexOf("KEY112") + 5;
    tracker.applyChanges([{ start: at, end: at + 1, newLength: 1 }]);
    assert.deepEqual(tracker.refresh(text, blockScan), []);
  });

  it("matches a full scan after random edits (multi-line blocks, margin larger than a block)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 80 }), fc.array(fc.array(editArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (doc, batches) => run(blockScan, 400, doc, batches)),
      { numRuns: 300 },
    );
  });

  it("matches a full scan of the real scanner after random edits", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 80 }), fc.array(fc.array(editArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (doc, batches) => run(realScan, 64, doc, batches)),
      { numRuns: 300 },
    );
  });
});
