import { describe, expect, it } from 'vitest';
import { MapwrightError } from '../../../mapping-engine/errors';
import type { RunOutcome } from '../../contract/methods/engine-methods';
import { MAX_REMEMBERED_RUNS, RunRegistry, type RunWork } from './run-registry';

const OUTCOME: RunOutcome = { outputText: '{}', outputChars: 2, outputTruncated: false, fieldErrors: [], violations: [], validated: false, timings: {} };

/** Work that reports progress, then waits until the test releases or the signal aborts it. */
function controllable(): { work: RunWork; report: (phase: string, fraction: number) => void; finish: (outcome: RunOutcome | Error) => void; aborted: () => boolean } {
  let report: (phase: string, fraction: number) => void = () => undefined;
  let finish: (outcome: RunOutcome | Error) => void = () => undefined;
  let signal: AbortSignal | undefined;
  const work: RunWork = (s, progress) => {
    signal = s;
    report = (phase, fraction) => progress({ phase, fraction });
    return new Promise<RunOutcome>((resolve, reject) => {
      finish = (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome));
    });
  };
  return { work, report: (p, f) => report(p, f), finish: (o) => finish(o), aborted: () => signal?.aborted ?? false };
}

describe('RunRegistry', () => {
  it('reports progress while running and the outcome when done', async () => {
    const runs = new RunRegistry();
    const job = controllable();
    const id = runs.start(job.work);
    job.report('running', 1.7);
    expect(runs.poll(id)).toEqual({ runId: id, state: 'running', progress: { phase: 'running', fraction: 1 } });
    job.finish(OUTCOME);
    await runs.settled(id);
    expect(runs.poll(id)).toEqual({ runId: id, state: 'done', progress: { phase: 'done', fraction: 1 }, result: OUTCOME });
  });

  it('keeps a failure as a coded error', async () => {
    const runs = new RunRegistry();
    const job = controllable();
    const id = runs.start(job.work);
    job.finish(new MapwrightError('RUN_TIMEOUT', 'too slow'));
    await runs.settled(id);
    expect(runs.poll(id)).toMatchObject({ state: 'failed', error: { code: 'RUN_TIMEOUT', message: 'too slow' } });
  });

  it('cancels through the signal, and a late outcome does not undo the cancel', async () => {
    const runs = new RunRegistry();
    const job = controllable();
    const id = runs.start(job.work);
    expect(runs.cancel(id).state).toBe('cancelled');
    expect(job.aborted()).toBe(true);
    job.finish(OUTCOME);
    await runs.settled(id);
    expect(runs.poll(id)).toMatchObject({ state: 'cancelled' });
    expect(runs.poll(id).result).toBeUndefined();
  });

  it('forgets the oldest finished runs, never a running one', async () => {
    const runs = new RunRegistry();
    const first = controllable();
    const runningId = runs.start(first.work);
    const finished: string[] = [];
    for (let i = 0; i < MAX_REMEMBERED_RUNS; i++) {
      const job = controllable();
      const id = runs.start(job.work);
      job.finish(OUTCOME);
      await runs.settled(id);
      finished.push(id);
    }
    runs.start(controllable().work);
    expect(runs.poll(runningId).state).toBe('running');
    expect(() => runs.poll(finished[0]!)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(runs.poll(finished.at(-1)!).state).toBe('done');
  });
});
