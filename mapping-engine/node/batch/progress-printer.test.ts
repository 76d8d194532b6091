import { describe, expect, it } from 'vitest';
import { progressLine, summaryLine, throttledProgress } from './progress-printer';

describe('batch progress lines', () => {
  it('says records, megabytes read of the total with a share, and time', () => {
    expect(progressLine({ records: 120_000, bytesRead: 12.5 * 1024 * 1024, totalBytes: 200 * 1024 * 1024, elapsedMs: 10_400 })).toBe(
      'progress: 120,000 records, 12.5 of 200.0 MB read (6%), 10.4 s',
    );
    expect(progressLine({ records: 0, bytesRead: 0, totalBytes: 0, elapsedMs: 0 })).toBe('progress: 0 records, 0.0 of 0.0 MB read, 0.0 s');
  });

  it('ends with the throughput', () => {
    expect(summaryLine({ records: 50_000, elapsedMs: 2_000 })).toBe('done: 50,000 records in 2.0 s (25,000 records/s)');
  });

  it('prints at most one line per interval', () => {
    let clock = 0;
    const lines: string[] = [];
    const report = throttledProgress((line) => lines.push(line), 500, () => clock);
    for (const [time, records] of [[0, 1], [100, 2], [499, 3], [500, 4], [1200, 5]] as const) {
      clock = time;
      report({ records, bytesRead: 0, totalBytes: 0, elapsedMs: time });
    }
    expect(lines.map((line) => line.split(' ')[1])).toEqual(['1', '4', '5']);
  });
});
