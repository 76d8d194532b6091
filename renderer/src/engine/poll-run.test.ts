import { describe, expect, it } from 'vitest';
import type { RunStatus } from '../../../electron/contract/methods/engine-methods';
import type { StudioResult } from '../../../electron/contract/studio-api';
import { followRun } from './poll-run';

const status = (state: RunStatus['state'], fraction: number): RunStatus => ({ runId: 'r1', state, progress: { phase: state, fraction } });

/** A pollRun that answers the given results in turn and counts its calls. */
function scripted(results: Array<StudioResult<RunStatus>>): { pollRun: (id: string) => Promise<StudioResult<RunStatus>>; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    pollRun: async (id) => {
      calls.push(id);
      return results[Math.min(calls.length - 1, results.length - 1)]!;
    },
  };
}

describe('followRun', () => {
  it('polls until the run leaves running, reporting every status, waiting between polls', async () => {
    const api = scripted([
      { ok: true, value: status('running', 0.1) },
      { ok: true, value: status('running', 0.5) },
      { ok: true, value: status('done', 1) },
    ]);
    const seen: number[] = [];
    const waits: number[] = [];
    const last = await followRun(api, 'r1', { onStatus: (s) => seen.push(s.progress.fraction), sleep: async (ms) => void waits.push(ms), intervalMs: 7 });
    expect(last).toEqual({ ok: true, value: status('done', 1) });
    expect(seen).toEqual([0.1, 0.5, 1]);
    expect(waits).toEqual([7, 7]);
    expect(api.calls).toEqual(['r1', 'r1', 'r1']);
  });

  it('stops at a coded error of the poll', async () => {
    const error = { code: 'NOT_FOUND' as const, message: 'no run r1' };
    const api = scripted([{ ok: false, error }]);
    expect(await followRun(api, 'r1', { onStatus: () => undefined, sleep: async () => undefined })).toEqual({ ok: false, error });
  });

  it('stops polling once the caller abandons the run', async () => {
    const api = scripted([{ ok: true, value: status('running', 0.2) }]);
    let polls = 0;
    const result = await followRun(api, 'r1', { onStatus: () => polls++, abandoned: () => polls >= 2, sleep: async () => undefined });
    expect(result).toBeUndefined();
    expect(api.calls).toHaveLength(2);
  });
});
