import { afterAll, describe, expect, it } from 'vitest';
import { RunnerPool } from './runner-pool';

const pool = new RunnerPool({ size: 2, defaultLimits: { timeoutMs: 1_000, maxDepth: 300, memoryMb: 128 } });
afterAll(() => pool.close());

/** After any failure the pool must still serve an ordinary job. */
async function expectHealthy(): Promise<void> {
  const result = await pool.run({ expression: 'a + b', input: { a: 2, b: 3 } });
  expect(result.error).toBeUndefined();
  expect(result.value).toBe(5);
}

async function timed(expression: string, limits = {}): Promise<{ code: string | undefined; ms: number }> {
  const started = performance.now();
  const result = await pool.run({ expression, input: { a: 1 }, limits });
  return { code: result.error?.code, ms: performance.now() - started };
}

describe('RunnerPool: ordinary jobs', () => {
  it('evaluates against the input and bindings and reports timings', async () => {
    const result = await pool.run({ expression: 'items.(price * $rate)', input: { items: [{ price: 2 }, { price: 5 }] }, bindings: { rate: 10 } });
    expect(result.value).toEqual([20, 50]);
    expect(result.timings.parseMs).toBeGreaterThanOrEqual(0);
    expect(result.timings.evalMs).toBeGreaterThanOrEqual(0);
  });

  it('gives undefined for no result and accepts pre-serialised input', async () => {
    expect((await pool.run({ expression: 'missing', input: { a: 1 } })).value).toBeUndefined();
    expect((await pool.run({ expression: '$count(rows)', inputJson: '{"rows":[1,2,3]}' })).value).toBe(3);
  });

  it('runs more jobs than threads, all of them', async () => {
    const results = await Promise.all(Array.from({ length: 7 }, (_, i) => pool.run({ expression: '$ * 2', input: i })));
    expect(results.map((r) => r.value)).toEqual([0, 2, 4, 6, 8, 10, 12]);
    expect(pool.threadCount).toBeLessThanOrEqual(2);
  });

  it('reports a syntax error as RUN_EXPRESSION with line and column', async () => {
    const result = await pool.run({ expression: '{\n  "a": b +\n}', input: {} });
    expect(result.error).toMatchObject({ code: 'RUN_EXPRESSION', jsonataCode: expect.stringMatching(/^S0/), line: 3 });
  });

  it('reports a runtime error as RUN_EVALUATION with jsonata code and position', async () => {
    const result = await pool.run({ expression: '$number("x")', input: {} });
    expect(result.error).toMatchObject({ code: 'RUN_EVALUATION', jsonataCode: 'D3030', line: 1 });
    expect(result.error?.position).toBeGreaterThan(0);
  });

  it('reports $error as RUN_EVALUATION with its message', async () => {
    const result = await pool.run({ expression: '$error("customer.id is required")', input: {} });
    expect(result.error?.code).toBe('RUN_EVALUATION');
    expect(result.error?.message).toContain('customer.id is required');
  });

  it('applies the sequence limit', async () => {
    const result = await pool.run({ expression: '$map([1..100], function($v){ $v })', input: {}, limits: { maxSequence: 10 } });
    expect(result.error).toMatchObject({ code: 'RUN_MEMORY', jsonataCode: 'D2015' });
    await expectHealthy();
  });

  it('rejects input that is not JSON-safe and invalid limits with USAGE', async () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    await expect(pool.run({ expression: '1', input: circular })).rejects.toMatchObject({ code: 'USAGE' });
    await expect(pool.run({ expression: '1', limits: { timeoutMs: 0 } })).rejects.toMatchObject({ code: 'USAGE' });
  });
});

describe('RunnerPool: no Node capabilities reach the expression', () => {
  it.each([
    '$string(process)',
    'process.env',
    '$eval("require")',
    '$.constructor',
    '$$.constructor.constructor',
    '$lookup($, "constructor")',
    '$lookup($, "__proto__")',
    '$string.constructor',
    '$sum.constructor',
    '(a).constructor',
  ])('%s gives nothing or a coded error', async (expression) => {
    const result = await pool.run({ expression, input: { a: 'x' } });
    if (result.error) expect(result.error.code).toMatch(/^RUN_(EVALUATION|EXPRESSION)$/);
    else expect(result.value === undefined || result.value === '').toBe(true);
  });

  it('cannot call a constructor escape even when the name is bound as data', async () => {
    const result = await pool.run({
      expression: '$lookup($$, "constructor")("return process")()',
      input: {},
      bindings: { constructor: 'data only' },
    });
    expect(result.value).toBeUndefined();
  });

  it('binds only data: a binding arrives as JSON, never as a callable', async () => {
    const result = await pool.run({ expression: '$type($f)', input: {}, bindings: { f: { call: 'x' } } });
    expect(result.value).toBe('object');
  });
});

describe('RunnerPool: runaway expressions end with their coded error and the pool goes on', () => {
  it('endless recursion in tail position: RUN_TIMEOUT within the limit', async () => {
    const { code, ms } = await timed('($f := function($x){$f($x)}; $f(1))', { timeoutMs: 500 });
    expect(code).toBe('RUN_TIMEOUT');
    expect(ms).toBeLessThan(500 + 1_000);
    await expectHealthy();
  });

  it('endless non-tail recursion: RUN_STACK from the depth limit', async () => {
    const { code } = await timed('($f := function($x){ 1 + $f($x) }; $f(1))');
    expect(code).toBe('RUN_STACK');
    await expectHealthy();
  });

  it('tail recursion loop counting far: RUN_TIMEOUT', async () => {
    const { code, ms } = await timed('($f := function($x){ $x > 1e12 ? $x : $f($x + 1) }; $f(1))', { timeoutMs: 500 });
    expect(code).toBe('RUN_TIMEOUT');
    expect(ms).toBeLessThan(1_500);
    await expectHealthy();
  });

  it('huge $pad: RUN_MEMORY', async () => {
    const { code } = await timed('$pad("", 1e9)');
    expect(code).toBe('RUN_MEMORY');
    await expectHealthy();
  });

  it('catastrophic regex: the thread is terminated, RUN_TIMEOUT within the limit plus the grace', async () => {
    const { code, ms } = await timed('$match("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", /(a+)+$/)', { timeoutMs: 400 });
    expect(code).toBe('RUN_TIMEOUT');
    expect(ms).toBeLessThan(400 + 1_000);
    await expectHealthy();
  });

  it('memory bomb building a huge array: RUN_MEMORY, and the host survives', async () => {
    const { code } = await timed('$map([1..10000000], function($v){ { "k": $v, "s": "padding-" & $v } })', { timeoutMs: 10_000 });
    expect(code).toBe('RUN_MEMORY');
    await expectHealthy();
  });

  it.each([
    ['an array doubling at every step', '$reduce([1..60], function($a, $v){ $append($a, $a) }, [1])'],
    ['nested ten-million ranges', '$count([1..10000000].[1..10000000])'],
  ])('memory bomb with %s: RUN_MEMORY, and the next job runs in a fresh heap', async (_name, expression) => {
    const { code } = await timed(expression, { timeoutMs: 10_000 });
    expect(code).toBe('RUN_MEMORY');
    await expectHealthy();
  });

  it('cancel of a running job: RUN_CANCELLED at once, the thread replaced', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const running = pool.run({ expression: '$match("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", /(a+)+$/)', input: {}, limits: { timeoutMs: 20_000 } }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    const result = await running;
    expect(result.error?.code).toBe('RUN_CANCELLED');
    expect(performance.now() - started).toBeLessThan(5_000);
    await expectHealthy();
  });

  it('cancel of a queued job and of an already aborted signal', async () => {
    const one = new RunnerPool({ size: 1, defaultLimits: { timeoutMs: 2_000, memoryMb: 64 } });
    try {
      const blocker = one.run({ expression: '($f := function($x){$f($x)}; $f(1))', limits: { timeoutMs: 300 } });
      const controller = new AbortController();
      const queued = one.run({ expression: '1' }, { signal: controller.signal });
      controller.abort();
      expect((await queued).error?.code).toBe('RUN_CANCELLED');
      expect((await blocker).error?.code).toBe('RUN_TIMEOUT');
      expect((await one.run({ expression: '1' }, { signal: AbortSignal.abort() })).error?.code).toBe('RUN_CANCELLED');
      expect((await one.run({ expression: '"ok"' })).value).toBe('ok');
    } finally {
      await one.close();
    }
  });

  it('restarts a thread for a job with another memory cap, and close() cancels what is left', async () => {
    const one = new RunnerPool({ size: 1, defaultLimits: { memoryMb: 64 } });
    expect((await one.run({ expression: '1' })).value).toBe(1);
    expect((await one.run({ expression: '2', limits: { memoryMb: 96 } })).value).toBe(2);
    const pending = one.run({ expression: '($f := function($x){$f($x)}; $f(1))', limits: { timeoutMs: 10_000 } });
    await one.close();
    expect((await pending).error?.code).toBe('RUN_CANCELLED');
    expect((await one.run({ expression: '1' })).error?.code).toBe('RUN_CANCELLED');
    expect(one.threadCount).toBe(0);
  });
});
