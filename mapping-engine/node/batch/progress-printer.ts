/**
 * Progress lines of a batch run for a terminal or a CI log: at most one line
 * per interval while the run goes, and a summary line with the throughput at
 * the end. Lines, not a redrawn bar, because logs keep every byte.
 */
import type { BatchProgress } from './run-batch';

const number = (n: number): string => Math.round(n).toLocaleString('en-US');
const megabytes = (bytes: number): string => (bytes / (1024 * 1024)).toFixed(1);

/** One progress line. */
export function progressLine(progress: BatchProgress): string {
  const share = progress.totalBytes > 0 ? ` (${Math.min(100, Math.floor((progress.bytesRead / progress.totalBytes) * 100))}%)` : '';
  return `progress: ${number(progress.records)} records, ${megabytes(progress.bytesRead)} of ${megabytes(progress.totalBytes)} MB read${share}, ${(progress.elapsedMs / 1000).toFixed(1)} s`;
}

/** The closing line: records, time and records per second. */
export function summaryLine(progress: Pick<BatchProgress, 'records' | 'elapsedMs'>): string {
  const seconds = progress.elapsedMs / 1000;
  const rate = seconds > 0 ? progress.records / seconds : progress.records;
  return `done: ${number(progress.records)} records in ${seconds.toFixed(1)} s (${number(rate)} records/s)`;
}

/** A progress callback that prints through `write` at most every `intervalMs`. */
export function throttledProgress(write: (line: string) => void, intervalMs = 500, now: () => number = () => performance.now()): (progress: BatchProgress) => void {
  let last = Number.NEGATIVE_INFINITY;
  return (progress) => {
    const time = now();
    if (time - last < intervalMs) return;
    last = time;
    write(`${progressLine(progress)}\n`);
  };
}
