import { describe, expect, it } from 'vitest';
import { MapwrightError } from '../../errors';
import type { ExpressionRunner, RunJob, RunResult } from '../../run/run-types';
import { decodeHostOut, encodeFrame } from './engine-host-protocol';
import { serveEngineHost } from './engine-host-server';
import type { HostPort } from './host-port';

function fakePort() {
  let listener: (message: unknown) => void = () => undefined;
  const sent: string[] = [];
  const port: HostPort = { send: (text) => sent.push(text), onMessage: (l) => (listener = l), onParentGone: () => undefined };
  return { port, sent, deliver: (message: unknown) => listener(message), decoded: () => sent.map((text) => decodeHostOut(text)) };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('serveEngineHost', () => {
  it('says ready, then answers each job once with the runner result; the input reaches the runner as JSON text', async () => {
    const jobs: RunJob[] = [];
    const runner: ExpressionRunner = {
      run: async (job) => {
        jobs.push(job);
        return { value: { echoed: job.inputJson }, timings: { parseMs: 0, evalMs: 1 } };
      },
    };
    const { port, deliver, decoded } = fakePort();
    serveEngineHost(port, runner);
    deliver(encodeFrame({ type: 'run', id: 1, expression: 'x', hasInput: true, bindings: { b: 2 }, limits: { timeoutMs: 50 } }, '{"x":1}'));
    await tick();
    expect(jobs).toEqual([{ expression: 'x', inputJson: '{"x":1}', bindings: { b: 2 }, limits: { timeoutMs: 50 } }]);
    const [ready, result] = decoded();
    expect(ready?.header).toEqual({ type: 'ready' });
    expect(result?.header).toMatchObject({ type: 'result', id: 1, hasValue: true });
    expect(JSON.parse(result?.body ?? '')).toEqual({ echoed: '{"x":1}' });
  });

  it('aborts the signal of a cancelled job and still answers it', async () => {
    const runner: ExpressionRunner = {
      run: (_job, options) =>
        new Promise<RunResult>((resolve) =>
          options?.signal?.addEventListener('abort', () => resolve({ value: undefined, timings: { parseMs: 0, evalMs: 0 }, error: { code: 'RUN_CANCELLED', message: 'x' } })),
        ),
    };
    const { port, deliver, decoded } = fakePort();
    serveEngineHost(port, runner);
    deliver(encodeFrame({ type: 'run', id: 9, expression: 'x', hasInput: false }));
    deliver(encodeFrame({ type: 'cancel', id: 9 }));
    await tick();
    expect(decoded()[1]?.header).toMatchObject({ id: 9, error: { code: 'RUN_CANCELLED' } });
  });

  it('turns a runner that throws into a coded result and ignores garbage', async () => {
    const runner: ExpressionRunner = {
      run: async () => {
        throw new MapwrightError('USAGE', 'bad limits');
      },
    };
    const { port, deliver, decoded } = fakePort();
    serveEngineHost(port, runner);
    deliver('garbage');
    deliver({ not: 'a string' });
    deliver(encodeFrame({ type: 'run', id: 2, expression: 'x', hasInput: false }));
    await tick();
    expect(decoded()).toHaveLength(2);
    expect(decoded()[1]?.header).toMatchObject({ id: 2, error: { code: 'USAGE' } });
  });
});
