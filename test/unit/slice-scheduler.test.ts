// The large-document scan schedule (src/workspace/sliceScheduler.ts) on a fake clock and a fake
// sliced scan: reads first, a yield before every step, slices sized from the measured speed.
import * as assert from "node:assert/strict";
import { DEFAULT_SLICE_SCHEDULE, nextSliceChars, runSliced, type SliceStepper } from "../../src/workspace/sliceScheduler";

/** A scan of `total` characters whose every step costs `msPerChar` on the fake clock. */
function fakeScan(total: number, clock: { t: number }, msPerChar: (step: number) => number): SliceStepper & { progress: number; sizes: number[] } {
  let steps = 0;
  return {
    progress: 0,
    sliceChars: 256 * 1024,
    sizes: [],
    step() {
      const chars = Math.min(this.sliceChars, total - this.progress);
      this.sizes.push(this.sliceChars);
      clock.t += chars * msPerChar(steps++);
      this.progress += chars;
      return this.progress < total;
    },
  };
}

describe("Slice scheduler", () => {
  it("reads until the text is in, yields before every step, then slices to the end", async () => {
    const clock = { t: 0 };
    const events: string[] = [];
    let reads = 0;
    const scan = fakeScan(3_000_000, clock, () => 1e-5);
    const outcome = await runSliced({
      read: () => {
        events.push("read");
        clock.t += 3;
        return ++reads === 3 ? scan : undefined;
      },
      isStale: () => false,
      yieldToEventLoop: async () => void events.push("yield"),
      now: () => clock.t,
    });
    assert.equal(outcome.done, true);
    assert.equal(scan.progress, 3_000_000);
    assert.equal(events.slice(0, 6).join(" "), "yield read yield read yield read");
    // Every read and every slice comes right after a yield.
    for (let i = 0; i < events.length; i++) if (events[i] === "read") assert.equal(events[i - 1], "yield");
    assert.ok(outcome.longestMs >= 3);
  });

  it("sizes each slice for the target from the last one's speed, at most doubling, within bounds", () => {
    const { targetMs, minChars, maxChars } = DEFAULT_SLICE_SCHEDULE;
    assert.equal(nextSliceChars(100_000, 100_000, targetMs / 4), 200_000, "fast: doubles, no more");
    assert.equal(nextSliceChars(400_000, 400_000, targetMs * 2), 200_000, "slow: halves");
    assert.equal(nextSliceChars(minChars, minChars, targetMs * 100), minChars, "never below the minimum");
    assert.equal(nextSliceChars(maxChars, maxChars, 0.01), maxChars, "never above the maximum");
  });

  it("shrinks the slices when the scan slows down and grows them back", async () => {
    const clock = { t: 0 };
    // Slow (a busy machine) for the first 4 steps, then 10× faster.
    const scan = fakeScan(40_000_000, clock, (step) => (step < 4 ? 2e-4 : 2e-5));
    const outcome = await runSliced({ read: () => scan, isStale: () => false, yieldToEventLoop: async () => undefined, now: () => clock.t });
    assert.equal(outcome.done, true);
    const min = Math.min(...scan.sizes.slice(0, 5));
    assert.ok(min < scan.sizes[0], "slices shrank while slow");
    assert.ok(Math.max(...scan.sizes.slice(5)) > min, "and grew again");
    for (let i = 1; i < scan.sizes.length; i++) assert.ok(scan.sizes[i] <= 2 * scan.sizes[i - 1], "at most doubling");
  });

  it("stops at the next yield once the work is stale, and says so", async () => {
    const clock = { t: 0 };
    const scan = fakeScan(10_000_000, clock, () => 1e-5);
    let yields = 0;
    const outcome = await runSliced({ read: () => scan, isStale: () => yields > 3, yieldToEventLoop: async () => void yields++, now: () => clock.t });
    assert.equal(outcome.done, false);
    assert.ok(scan.progress < 10_000_000);
  });

  it("does not resize after a step that scanned nothing (a long line's directives)", async () => {
    const clock = { t: 0 };
    let calls = 0;
    const stepper: SliceStepper & { progress: number } = {
      progress: 0,
      sliceChars: 300_000,
      step() {
        calls++;
        clock.t += 50;
        if (calls > 1) this.progress += this.sliceChars;
        return calls < 3;
      },
    };
    await runSliced({ read: () => stepper, isStale: () => false, yieldToEventLoop: async () => undefined, now: () => clock.t });
    assert.equal(calls, 3);
    assert.ok(stepper.sliceChars < 300_000, "resized after the step that scanned");
  });
});
