// The schedule of a large document's first scan in the extension host: read a few thousand
// lines, or scan one slice, then let the event loop run; the next slice sized from the speed
// just measured. No `vscode`: the diagnostics controller supplies the document and the clock,
// and the unit tests a fake clock.

/** What the scheduler drives: the engine's SlicedScan has this shape. */
export interface SliceStepper {
  /** Characters scanned so far. */
  readonly progress: number;
  sliceChars: number;
  /** Scans the next slice; false when the scan is complete. */
  step(): boolean;
}

export interface SliceSchedule {
  /** What each slice aims at, and the bounds of a slice. */
  targetMs: number;
  minChars: number;
  maxChars: number;
}

export const DEFAULT_SLICE_SCHEDULE: SliceSchedule = { targetMs: 20, minChars: 64 * 1024, maxChars: 2 * 1024 * 1024 };

export interface SlicedRun {
  /** Reads the next piece of the text; returns the stepper once all of it is read. */
  read(): SliceStepper | undefined;
  /** True once the work is pointless (the document changed or closed, the settings changed). */
  isStale(): boolean;
  /** Lets the event loop run. */
  yieldToEventLoop(): Promise<void>;
  /** Milliseconds, fractional (performance.now()). */
  now(): number;
  /** Called after each read or slice with the time it took. */
  onStep?(ms: number, kind: "read" | "slice"): void;
}

export type SlicedOutcome = { done: true; stepper: SliceStepper; longestMs: number } | { done: false; longestMs: number };

/** Runs the reads and slices to the end, yielding before each; stops as soon as the work is stale. */
export async function runSliced(run: SlicedRun, schedule: SliceSchedule = DEFAULT_SLICE_SCHEDULE): Promise<SlicedOutcome> {
  let longestMs = 0;
  let stepper: SliceStepper | undefined;
  for (;;) {
    // Yield first: the caller (an event handler) returns before any work runs.
    await run.yieldToEventLoop();
    if (run.isStale()) return { done: false, longestMs };
    const t0 = run.now();
    if (!stepper) {
      stepper = run.read();
      const elapsed = run.now() - t0;
      longestMs = Math.max(longestMs, elapsed);
      run.onStep?.(elapsed, "read");
      continue;
    }
    const before = stepper.progress;
    const more = stepper.step();
    const elapsed = run.now() - t0;
    // The last step counts too: it may have scanned the last slice.
    longestMs = Math.max(longestMs, elapsed);
    run.onStep?.(elapsed, "slice");
    if (!more) break;
    const chars = stepper.progress - before;
    // A step spent on a long line's directives scans nothing: it says nothing of the speed.
    if (chars === 0) continue;
    stepper.sliceChars = nextSliceChars(stepper.sliceChars, chars, elapsed, schedule);
  }
  if (run.isStale()) return { done: false, longestMs };
  return { done: true, stepper, longestMs };
}

/** The next slice, aimed at `targetMs` from the speed just measured, at most doubling, within bounds. */
export function nextSliceChars(current: number, chars: number, elapsedMs: number, schedule: SliceSchedule = DEFAULT_SLICE_SCHEDULE): number {
  const next = Math.min(2 * current, (chars * schedule.targetMs) / Math.max(elapsedMs, 1));
  return Math.round(Math.min(schedule.maxChars, Math.max(schedule.minChars, next)));
}
