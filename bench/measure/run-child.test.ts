import { describe, expect, it } from 'vitest';
import { parseChildAnswer, runChild } from './run-child';

describe('parseChildAnswer', () => {
  it('reads the answer from the last line and ignores anything printed before it', () => {
    expect(parseChildAnswer('warming up\n\n{"ok":true,"figures":{"seconds":1}}\n')).toEqual({ ok: true, figures: { seconds: 1 } });
  });

  it('gives nothing for output that is not an answer', () => {
    expect(parseChildAnswer('')).toBeUndefined();
    expect(parseChildAnswer('Segmentation fault')).toBeUndefined();
    expect(parseChildAnswer('[1,2]')).toBeUndefined();
  });
});

describe('runChild', () => {
  it('measures in a fresh process and reports its own peak RSS', async () => {
    const result = await runChild({ kind: 'engine', workload: 'flat-rename', records: 500, impl: 'hand-written' }, { timeoutMs: 30_000, heapMb: 512 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.figures.recordsPerSecond).toBeGreaterThan(0);
    expect(result.figures.peakRssMb).toBeGreaterThanOrEqual(result.figures.inputRssMb ?? Infinity);
  });

  it('turns a failing measurement into a reason instead of a crash', async () => {
    const result = await runChild({ kind: 'engine', workload: 'no-such' as 'flat-rename', records: 10, impl: 'jsonata' }, { timeoutMs: 30_000, heapMb: 512 });
    expect(result.ok).toBe(false);
  });

  it('kills a child that outlives its time limit and says so', async () => {
    const result = await runChild({ kind: 'engine', workload: 'crm-to-erp', records: 200_000, impl: 'jsonata' }, { timeoutMs: 1_500, heapMb: 512 });
    expect(result).toEqual({ ok: false, reason: 'not finished within 2 s' });
  });
});
