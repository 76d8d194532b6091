import { describe, expect, it } from 'vitest';
import type { SizeTimes } from '../size/measure-size';
import { sizeRows } from './size-section';

const times = (scale: number): SizeTimes => ({ validateMs: 10, compileMs: 2 * scale, reverseMs: 5 * scale, runMs: 8 * scale, runJsonataMs: 20 * scale, xlsxMs: 100 * scale, htmlMs: 10 * scale, saveMs: 1 * scale });

describe('sizeRows', () => {
  it('gives one row of times per size, then the growth of each step per doubling', () => {
    const rows = sizeRows([
      { rules: 250, times: times(1) },
      { rules: 500, times: times(2) },
    ]);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ rules: '250', compileMs: 2, runMs: 8, compileRunMs: 10 });
    expect(rows[2]).toMatchObject({ rules: 'growth 250 → 500', validateMs: 1, compileMs: 2, xlsxMs: 2, compileRunMs: 2 });
  });
});
