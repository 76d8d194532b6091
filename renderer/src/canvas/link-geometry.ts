/**
 * Where the canvas draws each link, computed from the trees' visible rows
 * and scroll offsets (never measured from the DOM): a visible field's port
 * is at `top + row * rowHeight - scrollTop`; a field inside a collapsed
 * parent ends at that parent (drawn dashed, counted on the row); a field
 * scrolled out of its panel ends at the panel's top or bottom edge, where
 * a counter says how many links leave that way.
 */
import type { CanvasLink } from '../../../mapping-engine/document/canvas/canvas-links';
import { nearestVisibleRow, nodeForNames, type FieldTree, type VisibleRows } from '../fields/field-tree-model';

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

/** Where the field `names` ends on `side`. */
export function linkEnd(side: SideView, names: readonly string[] | undefined): LinkEnd {
  const node = names ? nodeForNames(side.tree, names) : undefined;
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
    routed.push({ link, from, to });
  }
  return { routed, edges };
}

/** The SVG path of a link: a horizontal S-curve between two ports. */
export function curvePath(x1: number, y1: number, x2: number, y2: number): string {
  const bend = Math.max(24, (x2 - x1) * 0.45);
  return `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`;
}
