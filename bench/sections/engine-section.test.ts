import { describe, expect, it } from 'vitest';
import { engineLimits, engineSizes, skipReason, throughputCell } from './engine-section';

describe('skipReason', () => {
  const limits = engineLimits(1_000_000);

  it('runs a size when nothing smaller was measured or the projection fits the limit', () => {
    expect(skipReason(undefined, 1_000_000, limits)).toBeUndefined();
    expect(skipReason({ records: 100_000, seconds: 10 }, 1_000_000, limits)).toBeUndefined();
  });

  it('skips a size whose linear projection passes three quarters of the limit, naming the figures', () => {
    const reason = skipReason({ records: 100_000, seconds: 36 }, 1_000_000, limits);
    expect(reason).toContain('100k took 36 s');
    expect(reason).toContain('about 360 s');
    expect(reason).toContain('240 s limit');
  });
});

describe('engine sizes and cells', () => {
  it('runs 1k and 10k in quick mode and up to 1M in a full run', () => {
    expect(engineSizes(true)).toEqual([1_000, 10_000]);
    expect(engineSizes(false)).toEqual([1_000, 10_000, 100_000, 1_000_000]);
    expect(engineSizes(false, '10000,100000')).toEqual([10_000, 100_000]);
  });

  it('shows records/s, or "not run" with the reason', () => {
    expect(throughputCell({ ok: true, figures: { recordsPerSecond: 12345.6 } })).toBe(12346);
    expect(throughputCell({ ok: false, reason: 'out of memory (heap capped at 6144 MB)' })).toBe('not run (out of memory (heap capped at 6144 MB))');
  });
});
