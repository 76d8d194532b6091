import { describe, expect, it } from 'vitest';
import type { SizeTimes } from '../size/measure-size';
import { sizeRows } from './size-section';

const at = (cpuMs: number) => ({ cpuMs, wallMs: 3 * cpuMs });
const times = (scale: number): SizeTimes => ({ validateMs: at(10), compileMs: at(2 * scale), reverseMs: at(5 * scale), runMs: at(8 * scale), runJsonataMs: at(20 * scale), xlsxMs: at(100 * scale), htmlMs: at(10 * scale), saveMs: at(1 * scale) });

describe('sizeRows', () => {
  it('gives one row of times per size, then the growth of each step per doubling', () => {
    const rows = sizeRows([
      { rules: 250, times: times(1) },
      { rules: 500, times: times(2) },
    ]);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ rules: '250', compileMs: 2, runMs: 8, compileRunMs: 10, compileRunWallMs: 30 });
    expect(rows[2]).toMatchObject({ rules: 'growth 250 → 500', validateMs: 1, compileMs: 2, xlsxMs: 2, compileRunMs: 2, compileRunWallMs: 2 });
  });
});
