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

/** One run of rendered rows, `[from, to)`. */
export interface RowSlice {
  from: number;
  to: number;
}

/** What to render: runs of rows in order, each after a spacer of `gapBefore` px; `after` px follow the last. */
export interface RowWindow {
  slices: Array<RowSlice & { gapBefore: number }>;
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
 * row, which holds the focus) is rendered too: on its own, with spacers
 * around it, when it lies outside the rows in view.
 */
export function rowWindow(count: number, rowHeight: number, viewport: Viewport, keep?: number, overscan = OVERSCAN_ROWS): RowWindow {
  if (count <= WINDOW_FROM_ROWS || rowHeight <= 0) return { slices: [{ from: 0, to: count, gapBefore: 0 }], after: 0 };
  const first = Math.floor(Math.max(0, viewport.scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(viewport.height, rowHeight) / rowHeight) + 1;
  const from = Math.min(count, Math.max(0, first - overscan));
  const to = Math.min(count, first + visible + overscan);
  const runs: RowSlice[] = [{ from, to }];
  if (keep !== undefined && keep >= 0 && keep < count && (keep < from || keep >= to)) {
    // Next to the run it joins it; far away it is a run of its own.
    if (keep === from - 1) runs[0] = { from: keep, to };
    else if (keep === to) runs[0] = { from, to: keep + 1 };
    else runs.splice(keep < from ? 0 : 1, 0, { from: keep, to: keep + 1 });
  }
  let at = 0;
  const slices = runs.map((run) => {
    const slice = { ...run, gapBefore: (run.from - at) * rowHeight };
    at = run.to;
    return slice;
  });
  return { slices, after: (count - at) * rowHeight };
}
