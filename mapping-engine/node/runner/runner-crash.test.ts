import { describe, expect, it } from 'vitest';
import { RunnerPool } from './runner-pool';

/** A stand-in worker entry given as a data: URL, the way a bundled host passes its built entry. */
function entry(source: string): URL {
  return new URL(`data:text/javascript,${encodeURIComponent(source)}`);
}

const READY = `import { parentPort } from 'node:worker_threads'; parentPort.postMessage({ type: 'ready' });`;

describe('RunnerPool with a custom entry (entryUrl)', () => {
  it('uses the given entry for jobs', async () => {
    const pool = new RunnerPool({
      size: 1,
      entryUrl: entry(`${READY} parentPort.on('message', (job) => parentPort.postMessage({ type: 'result', id: job.id, valueJson: JSON.stringify(job.expression.length), timings: { parseMs: 0, evalMs: 0 } }));`),
    });
    try {
      expect((await pool.run({ expression: 'abc' })).value).toBe(3);
    } finally {
      await pool.close();
    }
  });

  it('ends a job with RUN_WORKER_CRASHED when its thread exits, and starts a new thread for the next', async () => {
    const pool = new RunnerPool({ size: 1, entryUrl: entry(`${READY} parentPort.on('message', () => process.exit(7));`) });
    try {
      const first = await pool.run({ expression: '1' });
      expect(first.error?.code).toBe('RUN_WORKER_CRASHED');
      const second = await pool.run({ expression: '1' });
      expect(second.error?.code).toBe('RUN_WORKER_CRASHED');
    } finally {
      await pool.close();
    }
  });

  it('ends a job with RUN_WORKER_CRASHED when the entry fails to load', async () => {
    const pool = new RunnerPool({ size: 1, entryUrl: entry(`throw new Error('broken build');`) });
    try {
      const result = await pool.run({ expression: '1' });
      expect(result.error?.code).toBe('RUN_WORKER_CRASHED');
      expect(result.error?.message).toContain('broken build');
    } finally {
      await pool.close();
    }
  });

  it('rejects a pool size that is not a positive whole number', () => {
    expect(() => new RunnerPool({ size: 0 })).toThrow(expect.objectContaining({ code: 'USAGE' }));
  });
});
