/**
 * Milliseconds from a fixed point. process.hrtime rather than the global
 * `performance`, whose first use loads perf_hooks: some milliseconds of a
 * synth of a small platform.
 */
const now = (): number => Number(process.hrtime.bigint()) / 1e6;

/** Where synth spends its time, by phase, in milliseconds (`chartwright synth --timings`). */
export class Timings {
  private readonly totals = new Map<string, number>();

  /** Runs `fn`, adding its duration to `phase`. */
  measure<T>(phase: string, fn: () => T): T {
    const start = now();
    try {
      return fn();
    } finally {
      this.totals.set(phase, (this.totals.get(phase) ?? 0) + now() - start);
    }
  }

  /** Adds time measured elsewhere (a worker thread's phases): with worker threads, a phase's time is the sum over the threads. */
  add(entries: ReadonlyArray<readonly [string, number]>): void {
    for (const [phase, ms] of entries) this.totals.set(phase, (this.totals.get(phase) ?? 0) + ms);
  }

  /** The phases in the order they first ran, with their total milliseconds. */
  entries(): Array<[string, number]> {
    return [...this.totals];
  }

  /** One line: `load 120 ms, build 300 ms, …`. */
  toString(): string {
    return this.entries()
      .map(([phase, ms]) => `${phase} ${ms.toFixed(0)} ms`)
      .join(', ');
  }
}
