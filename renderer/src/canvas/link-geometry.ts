/**
 * Where the canvas draws each link, computed from the trees' visible rows
 * and scroll offsets (never measured from the DOM): a visible field's port
 * is at `top + row * rowHeight - scrollTop`; a field inside a collapsed
 * parent ends at that parent (drawn dashed, counted on the row); a field
 * scrolled out of its panel ends at the panel's top or bottom edge, where
 * a counter says how many links leave that way.
 */
import type { CanvasLink } from '../../../mapping-engine/document/canvas/canvas-links';
import { nearestVisibleRow, nodeForNames, type FieldNode, type FieldTree, type VisibleRows } from '../fields/field-tree-model';

/** One tree as the geometry sees it. */
export interface SideView {
  tree: FieldTree;
  view: VisibleRows;
  scrollTop: number;
  /** Height of the tree's viewport. */
  height: number;
  /** Top of the tree's viewport in canvas coordinates. */
  top: number;
  rowHeight: number;
}

/** Where one end of a link lies. */
export interface LinkEnd {
  /** Canvas y of the end (clamped to the panel for off-screen rows). */
  y: number;
  /** exact: the field's own row; collapsed: its nearest visible ancestor; above/below: off screen; missing: not in the tree. */
  state: 'exact' | 'collapsed' | 'above' | 'below' | 'missing';
  /** Index of the tree node drawn at (-1 when missing). */
  node: number;
  /**
   * For an array context's end: the canvas y range its element covers (its
   * row and the visible rows of its fields, clamped to the panel), so the
   * context is drawn as a band.
   */
  span?: [number, number];
}

/** A link with both ends placed. */
export interface RoutedLink {
  link: CanvasLink;
  from: LinkEnd;
  to: LinkEnd;
}

/** Counts of links leaving each panel edge, for the edge counters. */
export interface EdgeCounts {
  sourceAbove: number;
  sourceBelow: number;
  targetAbove: number;
  targetBelow: number;
}

/** Each tree's answers of {@link nodeForNames}, by the names array (the document's links keep theirs while it is unchanged). */
const nodeCache = new WeakMap<FieldTree, Map<readonly string[], FieldNode | undefined>>();

/** {@link nodeForNames}, remembered per tree and names array: scrolling re-routes every link each frame. */
export function cachedNode(tree: FieldTree, names: readonly string[]): FieldNode | undefined {
  let cache = nodeCache.get(tree);
  if (!cache) {
    cache = new Map();
    nodeCache.set(tree, cache);
  }
  if (cache.has(names)) return cache.get(names);
  const node = nodeForNames(tree, names);
  cache.set(names, node);
  return node;
}

/** Where the field `names` ends on `side`. */
export function linkEnd(side: SideView, names: readonly string[] | undefined): LinkEnd {
  const node = names ? cachedNode(side.tree, names) : undefined;
  if (!node) return { y: side.top, state: 'missing', node: -1 };
  const exactNode = node.names.length === names!.length;
  const { row, exact } = nearestVisibleRow(side.tree, side.view, node.index);
  if (row < 0) return { y: side.top, state: 'missing', node: -1 };
  const drawnAt = side.view.rows[row]!.node.index;
  const y = side.top + row * side.rowHeight + side.rowHeight / 2 - side.scrollTop;
  if (y < side.top) return { y: side.top, state: 'above', node: drawnAt };
  if (y > side.top + side.height) return { y: side.top + side.height, state: 'below', node: drawnAt };
  return { y, state: exact && exactNode ? 'exact' : 'collapsed', node: drawnAt };
}

/**
 * The y range the field drawn at `end` covers with its visible fields: its
 * subtree's rows are contiguous in the visible rows (depth-first order), so
 * the last one is found by binary search.
 */
export function endSpan(side: SideView, end: LinkEnd): [number, number] | undefined {
  if (end.node < 0) return undefined;
  const node = side.tree.nodes[end.node]!;
  const first = side.view.rowOf[end.node]!;
  if (first < 0) return undefined;
  const { rows } = side.view;
  let lo = first;
  let hi = rows.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (rows[mid]!.node.index < node.end) lo = mid;
    else hi = mid - 1;
  }
  const y = (row: number) => side.top + row * side.rowHeight - side.scrollTop;
  const top = Math.max(side.top, y(first));
  const bottom = Math.min(side.top + side.height, y(lo + 1));
  return bottom > top ? [top, bottom] : undefined;
}

/** Places every link; links with neither end on screen on the same edge still count there. */
export function routeLinks(links: readonly CanvasLink[], source: SideView, target: SideView): { routed: RoutedLink[]; edges: EdgeCounts } {
  const edges: EdgeCounts = { sourceAbove: 0, sourceBelow: 0, targetAbove: 0, targetBelow: 0 };
  const routed: RoutedLink[] = [];
  for (const link of links) {
    const from = linkEnd(source, link.sourceNames);
    const to = linkEnd(target, link.targetNames);
    if (from.state === 'above') edges.sourceAbove++;
    if (from.state === 'below') edges.sourceBelow++;
    if (to.state === 'above') edges.targetAbove++;
    if (to.state === 'below') edges.targetBelow++;
    if (to.state === 'missing') continue;
    if (link.kind === 'array') {
      const fromSpan = endSpan(source, from);
      const toSpan = endSpan(target, to);
      if (fromSpan) from.span = fromSpan;
      if (toSpan) to.span = toSpan;
    }
    routed.push({ link, from, to });
  }
  return { routed, edges };
}

/** The SVG path of a band: S-curves along the top and bottom of two spans, closed. */
export function bandPath(x1: number, from: readonly [number, number], x2: number, to: readonly [number, number]): string {
  const bend = Math.max(24, (x2 - x1) * 0.45);
  return `M${x1},${from[0]} C${x1 + bend},${from[0]} ${x2 - bend},${to[0]} ${x2},${to[0]} L${x2},${to[1]} C${x2 - bend},${to[1]} ${x1 + bend},${from[1]} ${x1},${from[1]} Z`;
}

/** The SVG path of a link: a horizontal S-curve between two ports. */
export function curvePath(x1: number, y1: number, x2: number, y2: number): string {
  const bend = Math.max(24, (x2 - x1) * 0.45);
  return `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`;
}
