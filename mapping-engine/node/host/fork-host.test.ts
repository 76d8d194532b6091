/**
 * The engine host for real: a forked Node process running the worker pool,
 * driven through EngineHostClient. The host is killed and starved of memory
 * on purpose to prove the client survives both.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EngineHostClient } from './engine-host-client';
import { forkEngineHost, type ForkHostOptions } from './fork-host';

/** Backtracks for minutes: only killing its thread (or its process) stops it. */
const CATASTROPHIC = '$match("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", /(a+)+$/)';

const clients: EngineHostClient[] = [];
function client(options: ForkHostOptions = {}): EngineHostClient {
  const created = new EngineHostClient(() => forkEngineHost({ poolSize: 1, ...options }));
  clients.push(created);
  return created;
}

function whenRunning(runner: EngineHostClient, ms = 400): Promise<number> {
  return new Promise((resolve) => setTimeout(() => resolve(runner.hostPid ?? -1), ms));
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

describe('forkEngineHost + EngineHostClient', () => {
  it('runs jobs with input, bindings and coded errors through a forked host', async () => {
    const runner = client();
    expect(await runner.run({ expression: 'order.total * 2', input: { order: { total: 21 } } })).toMatchObject({ value: 42 });
    expect(await runner.run({ expression: '$greeting & ", " & name', inputJson: '{"name":"Ada"}', bindings: { greeting: 'Hello' } })).toMatchObject({
      value: 'Hello, Ada',
    });
    expect((await runner.run({ expression: 'items[' })).error?.code).toBe('RUN_EXPRESSION');
    expect((await runner.run({ expression: 'nothing' }, {})).value).toBeUndefined();
    expect((await runner.run({ expression: '1', limits: { timeoutMs: -5 } })).error?.code).toBe('USAGE');
  });

  it('ends a run with RUN_HOST_CRASHED when the host is SIGKILLed mid-run, and the next job gets a new host', async () => {
    const runner = client();
    expect((await runner.run({ expression: '1' })).value).toBe(1);
    const firstPid = runner.hostPid;
    const long = runner.run({ expression: CATASTROPHIC, limits: { timeoutMs: 60_000 } });
    await whenRunning(runner);
    process.kill(firstPid!, 'SIGKILL');
    const crashed = await long;
    expect(crashed.error?.code).toBe('RUN_HOST_CRASHED');
    expect(crashed.value).toBeUndefined();
    expect(await runner.run({ expression: '"again"' })).toMatchObject({ value: 'again' });
    expect(runner.hostPid).not.toBe(firstPid);
  });

  it('replaces a host that dies of a fatal V8 out-of-memory error in its own heap', async () => {
    // A 24 MB heap cannot even receive a ~20 MB input frame: V8 aborts the host process (SIGABRT), as it would the window.
    const runner = client({ execArgv: ['--max-old-space-size=24'], stderr: 'ignore' });
    expect((await runner.run({ expression: '1' })).value).toBe(1);
    const big = JSON.stringify(Array.from({ length: 400_000 }, (_, i) => ({ id: i, name: `record ${i}`, tags: ['a', 'b'] })));
    const result = await runner.run({ expression: '$count($)', inputJson: big });
    expect(result.error?.code).toBe('RUN_HOST_CRASHED');
    expect(await runner.run({ expression: '$count([1, 2, 3])' })).toMatchObject({ value: 3 });
  });

  it('cancels a running job at once, and the host serves the next one', async () => {
    const runner = client();
    await runner.run({ expression: '1' });
    const pid = runner.hostPid;
    const controller = new AbortController();
    const long = runner.run({ expression: CATASTROPHIC, limits: { timeoutMs: 60_000 } }, { signal: controller.signal });
    await whenRunning(runner);
    controller.abort();
    expect((await long).error?.code).toBe('RUN_CANCELLED');
    // The host itself lives on: its pool killed only the job's thread.
    expect(await runner.run({ expression: '"next"' })).toMatchObject({ value: 'next' });
    expect(runner.hostPid).toBe(pid);
  });

  it('refuses runs after close with RUN_CANCELLED and ends the host', async () => {
    const runner = client();
    await runner.run({ expression: '1' });
    const pending = runner.run({ expression: CATASTROPHIC, limits: { timeoutMs: 60_000 } });
    await runner.close();
    expect((await pending).error?.code).toBe('RUN_CANCELLED');
    expect((await runner.run({ expression: '1' })).error?.code).toBe('RUN_CANCELLED');
    expect(runner.hostPid).toBeUndefined();
  });
});
