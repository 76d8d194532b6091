/**
 * Timing and memory helpers of the measurement children. Wall-clock time of
 * the best run (the least disturbed by other work on a shared machine) and
 * the process's peak resident set, which covers its worker threads too.
 */

/** How many times to repeat a measurement. */
export interface RepeatOptions {
  /** At most this many timed runs. */
  runs: number;
  /** Stop repeating once this much time has been spent (the first run always completes). */
  budgetMs: number;
}

/** Runs `work` up to `runs` times within `budgetMs`; resolves with the best time in seconds. */
export async function bestOf(work: () => unknown, options: RepeatOptions): Promise<number> {
  let best = Infinity;
  const started = performance.now();
  for (let i = 0; i < options.runs; i++) {
    const start = performance.now();
    await work();
    best = Math.min(best, (performance.now() - start) / 1000);
    if (performance.now() - started > options.budgetMs) break;
  }
  return best;
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Peak resident set of this process (all its threads) so far, in MB. */
export function peakRssMb(): number {
  // resourceUsage().maxRSS is in kilobytes.
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** Current resident set after a collection when the child runs with --expose-gc, in MB. */
export function settledRssMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round(process.memoryUsage().rss / 2 ** 20);
}

/** How often to repeat a measurement over `records` records: small sizes often, large ones once. */
export function repeatFor(records: number): RepeatOptions {
  if (records <= 10_000) return { runs: 3, budgetMs: 2_000 };
  if (records <= 100_000) return { runs: 2, budgetMs: 10_000 };
  return { runs: 1, budgetMs: 0 };
}
