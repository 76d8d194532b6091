/** The rendered window of a long rules table. */
import { describe, expect, it } from 'vitest';
import { OVERSCAN_ROWS, rowWindow, WINDOW_FROM_ROWS, type RowWindow } from './row-window';

/** The height the window stands for: spacers plus rendered rows. */
const height = (window: RowWindow, rowHeight: number) => window.slices.reduce((sum, s) => sum + s.gapBefore + (s.to - s.from) * rowHeight, window.after);
const rendered = (window: RowWindow) => window.slices.reduce((sum, s) => sum + s.to - s.from, 0);

describe('rowWindow', () => {
  it('renders a small table whole', () => {
    expect(rowWindow(WINDOW_FROM_ROWS, 20, { scrollTop: 500, height: 100 })).toEqual({ slices: [{ from: 0, to: WINDOW_FROM_ROWS, gapBefore: 0 }], after: 0 });
  });

  it('renders only the rows in view plus the overscan for 2,500 fields, the spacers standing in for the rest', () => {
    const window = rowWindow(2500, 20, { scrollTop: 10_000, height: 400 });
    expect(window.slices).toEqual([{ from: 500 - OVERSCAN_ROWS, to: 500 + 21 + OVERSCAN_ROWS, gapBefore: (500 - OVERSCAN_ROWS) * 20 }]);
    expect(rendered(window)).toBeLessThan(60);
    expect(height(window, 20)).toBe(2500 * 20);
  });

  it('renders the selected row on its own when it is far from the view, and joins it to the view when next to it', () => {
    const far = rowWindow(2500, 20, { scrollTop: 0, height: 400 }, 2499);
    expect(far.slices.map(({ from, to }) => [from, to])).toEqual([
      [0, 21 + OVERSCAN_ROWS],
      [2499, 2500],
    ]);
    expect(far.after).toBe(0);
    expect(height(far, 20)).toBe(2500 * 20);
    const above = rowWindow(2500, 20, { scrollTop: 20_000, height: 400 }, 3);
    expect(above.slices.map(({ from, to }) => [from, to])).toEqual([
      [3, 4],
      [1000 - OVERSCAN_ROWS, 1000 + 21 + OVERSCAN_ROWS],
    ]);
    expect(height(above, 20)).toBe(2500 * 20);
    const next = rowWindow(2500, 20, { scrollTop: 0, height: 400 }, 21 + OVERSCAN_ROWS);
    expect(next.slices.map(({ from, to }) => [from, to])).toEqual([[0, 22 + OVERSCAN_ROWS]]);
  });

  it('clamps at both ends', () => {
    expect(rowWindow(2500, 20, { scrollTop: 0, height: 400 }).slices[0]).toMatchObject({ from: 0, gapBefore: 0 });
    const end = rowWindow(2500, 20, { scrollTop: 1e9, height: 400 });
    expect(end.after).toBe(0);
    expect(height(end, 20)).toBe(2500 * 20);
  });
});
