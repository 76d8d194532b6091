/** The client against an in-memory fake host, for the paths a real process makes hard to time. */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { EngineHostClient, type EngineHostProcess } from './engine-host-client';
import { decodeHostIn, encodeFileResult, encodeFrame, encodePreview, encodeResult } from './engine-host-protocol';

class FakeHost extends EventEmitter {
  readonly received: string[] = [];
  killed = false;
  readonly pid = 1234;
  postMessage(text: string): void {
    this.received.push(text);
  }
  kill(): void {
    this.killed = true;
  }
  ready(): void {
    this.emit('message', encodeFrame({ type: 'ready' }));
  }
  answer(id: number, value: unknown): void {
    this.emit('message', encodeResult(id, { value, timings: { parseMs: 0, evalMs: 0 } }));
  }
}

function setup() {
  const hosts: FakeHost[] = [];
  const client = new EngineHostClient(() => {
    const host = new FakeHost();
    hosts.push(host);
    return host as unknown as EngineHostProcess;
  }, { startupTimeoutMs: 50 });
  return { client, hosts };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('EngineHostClient', () => {
  it('holds jobs until the host is ready, then sends them in order as strings', async () => {
    const { client, hosts } = setup();
    const first = client.run({ expression: 'a', input: { a: 1 } });
    const second = client.run({ expression: 'b' });
    const host = hosts[0]!;
    expect(host.received).toEqual([]);
    host.ready();
    expect(host.received.map((text) => decodeHostIn(text)?.header)).toMatchObject([{ id: 1, expression: 'a', hasInput: true }, { id: 2, expression: 'b', hasInput: false }]);
    expect(decodeHostIn(host.received[0])?.body).toBe('{"a":1}');
    host.answer(2, 'B');
    host.answer(1, { v: 1 });
    expect(await first).toMatchObject({ value: { v: 1 } });
    expect(await second).toMatchObject({ value: 'B' });
    expect(hosts).toHaveLength(1);
  });

  it('counts a host that never says ready as crashed and starts another for the next run', async () => {
    const { client, hosts } = setup();
    expect((await client.run({ expression: '1' })).error?.code).toBe('RUN_HOST_CRASHED');
    expect(hosts[0]?.killed).toBe(true);
    const next = client.run({ expression: '2' });
    hosts[1]?.ready();
    hosts[1]?.answer(2, 2);
    expect((await next).value).toBe(2);
  });

  it('ends every pending run with RUN_HOST_CRASHED when the host exits, ignoring late answers', async () => {
    const { client, hosts } = setup();
    const runs = [client.run({ expression: '1' }), client.run({ expression: '2' })];
    hosts[0]?.ready();
    hosts[0]?.emit('exit', null, 'SIGABRT');
    hosts[0]?.answer(1, 1);
    for (const result of await Promise.all(runs)) expect(result.error).toMatchObject({ code: 'RUN_HOST_CRASHED', message: expect.stringContaining('SIGABRT') });
  });

  it('answers a cancel at once and forwards it to the host', async () => {
    const { client, hosts } = setup();
    const controller = new AbortController();
    const run = client.run({ expression: 'slow' }, { signal: controller.signal });
    hosts[0]?.ready();
    controller.abort();
    expect((await run).error?.code).toBe('RUN_CANCELLED');
    expect(decodeHostIn(hosts[0]?.received[1])?.header).toEqual({ type: 'cancel', id: 1 });
    expect((await client.run({ expression: 'x' }, { signal: controller.signal })).error?.code).toBe('RUN_CANCELLED');
  });

  it('drops a job cancelled before the host was ready instead of sending it', async () => {
    const { client, hosts } = setup();
    const controller = new AbortController();
    const cancelled = client.run({ expression: 'first' }, { signal: controller.signal });
    const kept = client.run({ expression: 'second' });
    controller.abort();
    expect((await cancelled).error?.code).toBe('RUN_CANCELLED');
    hosts[0]?.ready();
    expect(hosts[0]?.received.map((text) => decodeHostIn(text)?.header)).toMatchObject([{ type: 'run', id: 2, expression: 'second' }]);
    hosts[0]?.answer(2, 'ok');
    expect((await kept).value).toBe('ok');
  });

  it('reports a host that cannot be spawned as RUN_HOST_CRASHED, and input that is not JSON as USAGE', async () => {
    const client = new EngineHostClient(() => {
      throw new Error('no such file');
    });
    expect((await client.run({ expression: '1' })).error?.code).toBe('RUN_HOST_CRASHED');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => client.run({ expression: '1', input: cyclic })).toThrow(expect.objectContaining({ code: 'USAGE' }));
    expect(() => client.run({ expression: '1', bindings: { big: 10n } })).toThrow(expect.objectContaining({ code: 'USAGE' }));
  });

  it('a crashing host during a send ends its runs instead of throwing', async () => {
    const { client, hosts } = setup();
    const warm = client.run({ expression: '0' });
    hosts[0]?.ready();
    hosts[0]?.answer(1, 0);
    await warm;
    vi.spyOn(hosts[0]!, 'postMessage').mockImplementation(() => {
      throw new Error('channel closed');
    });
    expect((await client.run({ expression: '1' })).error?.code).toBe('RUN_HOST_CRASHED');
    await tick();
    expect(hosts[0]?.killed).toBe(true);
  });

  it('sends a preview as a path and gives back the page, or throws the host\'s coded failure', async () => {
    const { client, hosts } = setup();
    const first = client.readPreview({ file: '/data/big.csv', shownAs: 'big.csv', page: 2, pageSize: 10 });
    const second = client.readPreview({ file: '/data/bad.json' });
    hosts[0]?.ready();
    expect(hosts[0]?.received.map((text) => decodeHostIn(text)?.header)).toEqual([
      { type: 'preview', id: 1, request: { file: '/data/big.csv', shownAs: 'big.csv', page: 2, pageSize: 10 } },
      { type: 'preview', id: 2, request: { file: '/data/bad.json' } },
    ]);
    const page = { format: 'csv', page: 2, pageSize: 10, records: [], total: 3, totalExact: true, truncated: false };
    hosts[0]?.emit('message', encodePreview(1, { page }));
    hosts[0]?.emit('message', encodePreview(2, { failure: { code: 'JSON_PARSE', message: 'bad', file: 'bad.json', line: 4 } }));
    expect(await first).toEqual(page);
    await expect(second).rejects.toMatchObject({ name: 'MapwrightError', code: 'JSON_PARSE', file: 'bad.json', line: 4 });
  });

  it('gives a file run its input description, throws its read failure, and ends it as a run when the host dies', async () => {
    const { client, hosts } = setup();
    const ok = client.runFile({ expression: '$', file: '/a.csv' });
    const unreadable = client.runFile({ expression: '$', file: '/gone.csv' });
    const orphan = client.runFile({ expression: '$', file: '/b.csv' });
    const preview = client.readPreview({ file: '/b.csv' });
    hosts[0]?.ready();
    const input = { format: 'csv' as const, meta: { delimiter: ';' }, readMs: 1 };
    hosts[0]?.emit('message', encodeFileResult(1, { value: [{ a: '1' }], timings: { parseMs: 0, evalMs: 1 }, input }));
    hosts[0]?.emit('message', encodeFileResult(2, { failure: { code: 'FILE_READ', message: 'gone' } }));
    hosts[0]?.emit('exit', null, 'SIGKILL');
    expect(await ok).toEqual({ value: [{ a: '1' }], timings: { parseMs: 0, evalMs: 1 }, input });
    await expect(unreadable).rejects.toMatchObject({ code: 'FILE_READ' });
    expect((await orphan).error?.code).toBe('RUN_HOST_CRASHED');
    await expect(preview).rejects.toMatchObject({ code: 'RUN_HOST_CRASHED' });
  });

  it('cancels a file run like a run, and refuses previews once closed', async () => {
    const { client, hosts } = setup();
    const controller = new AbortController();
    const run = client.runFile({ expression: 'slow', file: '/a.json' }, { signal: controller.signal });
    hosts[0]?.ready();
    controller.abort();
    expect((await run).error?.code).toBe('RUN_CANCELLED');
    expect(decodeHostIn(hosts[0]?.received[1])?.header).toEqual({ type: 'cancel', id: 1 });
    await client.close();
    await expect(client.readPreview({ file: '/a.json' })).rejects.toMatchObject({ code: 'RUN_CANCELLED' });
  });
});
