/** The rendered window of a long rules table. */
import { describe, expect, it } from 'vitest';
import { OVERSCAN_ROWS, rowWindow, scrollToShow, WINDOW_FROM_ROWS } from './row-window';

describe('rowWindow', () => {
  it('renders a small table whole', () => {
    expect(rowWindow(WINDOW_FROM_ROWS, 20, { scrollTop: 500, height: 100 })).toEqual({ start: 0, end: WINDOW_FROM_ROWS, before: 0, after: 0 });
  });

  it('renders only the rows in view plus the overscan for 2,500 fields, the spacers standing in for the rest', () => {
    const window = rowWindow(2500, 20, { scrollTop: 10_000, height: 400 });
    expect(window.start).toBe(500 - OVERSCAN_ROWS);
    expect(window.end).toBe(500 + 21 + OVERSCAN_ROWS);
    expect(window.before).toBe(window.start * 20);
    expect(window.after).toBe((2500 - window.end) * 20);
    expect(window.end - window.start).toBeLessThan(60);
    // The spacers and the rows add up to the whole table's height.
    expect(window.before + (window.end - window.start) * 20 + window.after).toBe(2500 * 20);
  });

  it('keeps the selected row rendered even when it is scrolled out of view, and clamps at both ends', () => {
    expect(rowWindow(2500, 20, { scrollTop: 0, height: 400 }, 2499)).toMatchObject({ start: 0, end: 2500, after: 0 });
    expect(rowWindow(2500, 20, { scrollTop: 0, height: 400 })).toMatchObject({ start: 0, before: 0 });
    expect(rowWindow(2500, 20, { scrollTop: 1e9, height: 400 })).toMatchObject({ end: 2500, after: 0 });
  });
});

describe('scrollToShow', () => {
  it('scrolls up or down just enough, and not at all for a row in view', () => {
    const viewport = { scrollTop: 1000, height: 420 };
    expect(scrollToShow(10, 20, 20, viewport)).toBe(200);
    expect(scrollToShow(75, 20, 20, viewport)).toBe(75 * 20 + 20 - 400);
    expect(scrollToShow(55, 20, 20, viewport)).toBeUndefined();
  });
});
