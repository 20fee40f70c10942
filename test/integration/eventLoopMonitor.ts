// Shared by the suites that check the extension host stays responsive.

/**
 * Watches the extension host's event loop from inside it: a 10 ms interval timer, and the
 * longest time between two of its ticks. `restart()` forgets what was seen so far.
 */
export class EventLoopMonitor {
  maxGapMs = 0;
  ticks = 0;
  /** The longest gaps, [duration, ms after the (re)start], longest first. */
  longest: Array<[number, number]> = [];
  private origin = performance.now();
  private last = this.origin;
  private readonly handle = setInterval(() => {
    const now = performance.now();
    const gap = now - this.last;
    this.maxGapMs = Math.max(this.maxGapMs, gap);
    if (gap > 50) this.longest = [...this.longest, [gap, this.last - this.origin] as [number, number]].sort((a, b) => b[0] - a[0]).slice(0, 4);
    this.last = now;
    this.ticks++;
  }, 10);

  /** The longest gap so far, counting the one still open. */
  gapSoFarMs(): number {
    return Math.max(this.maxGapMs, performance.now() - this.last);
  }

  restart(): void {
    this.maxGapMs = 0;
    this.ticks = 0;
    this.longest = [];
    this.origin = this.last = performance.now();
  }

  stop(): { maxGapMs: number; ticks: number } {
    clearInterval(this.handle);
    // The time since the last tick counts too (a block at the very end).
    this.maxGapMs = Math.max(this.maxGapMs, performance.now() - this.last);
    return { maxGapMs: this.maxGapMs, ticks: this.ticks };
  }
}
