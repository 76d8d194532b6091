/**
 * Which rows of a long table to render: a target of thousands of fields
 * (a standard such as UBL) would otherwise put every row in the DOM, and
 * each edit would re-render all of them. Rows have one height (their cells
 * do not wrap), so the window follows from the scroll offset alone; the rows
 * above and below are stood in for by two spacers. Pure, tested in Node.
 */

/** Tables with at most this many rows are rendered whole (no spacers). */
export const WINDOW_FROM_ROWS = 200;

/** Rows rendered beyond the visible ones on either side (keyboard moves and fast scrolls land on rendered rows). */
export const OVERSCAN_ROWS = 12;

/** The rows to render, `[start, end)`, and the heights the spacers stand in for. */
export interface RowWindow {
  start: number;
  end: number;
  /** Height of the rows before `start`, in px. */
  before: number;
  /** Height of the rows from `end` on, in px. */
  after: number;
}

/** Where the table's view is: its scroll offset and height, in px. */
export interface Viewport {
  scrollTop: number;
  height: number;
}

/**
 * The window of `count` rows of `rowHeight` px for `viewport`; every row
 * when `count` is at most {@link WINDOW_FROM_ROWS}. `keep` (the selected
 * row) is always inside, so it can hold the focus.
 */
export function rowWindow(count: number, rowHeight: number, viewport: Viewport, keep?: number, overscan = OVERSCAN_ROWS): RowWindow {
  if (count <= WINDOW_FROM_ROWS || rowHeight <= 0) return { start: 0, end: count, before: 0, after: 0 };
  const first = Math.floor(Math.max(0, viewport.scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(viewport.height, rowHeight) / rowHeight) + 1;
  let start = Math.max(0, first - overscan);
  let end = Math.min(count, first + visible + overscan);
  if (keep !== undefined && keep >= 0 && keep < count) {
    start = Math.min(start, keep);
    end = Math.max(end, keep + 1);
  }
  return { start, end, before: start * rowHeight, after: (count - end) * rowHeight };
}

/**
 * The scroll offset that shows row `index` (of `rowHeight` px, under a
 * header of `headerHeight` px) with the least movement from `viewport`;
 * undefined when it is already in view.
 */
export function scrollToShow(index: number, rowHeight: number, headerHeight: number, viewport: Viewport): number | undefined {
  const top = index * rowHeight;
  const visibleTop = viewport.scrollTop;
  const visibleBottom = viewport.scrollTop + viewport.height - headerHeight;
  if (top < visibleTop) return top;
  if (top + rowHeight > visibleBottom) return top + rowHeight - (viewport.height - headerHeight);
  return undefined;
}
