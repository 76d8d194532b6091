/**
 * A side's fields (the backend's flattened rows) as a tree the canvas can
 * show: nodes in depth-first order with their parent and subtree end, so
 * the visible rows for an expansion state or a search are one O(fields)
 * pass, and a row's screen position is its index in that list times the
 * row height (nothing is measured).
 */
import type { SchemaFieldRow } from '../../../electron/contract/methods/engine-methods';

/** One field of the tree. */
export interface FieldNode {
  /** Stable key: the names from the root joined with NUL. */
  id: string;
  index: number;
  name: string;
  names: string[];
  /** For each of `names`, whether that level repeats. */
  repeats: boolean[];
  /** For each of `names`, whether the schema requires that level (the engine picks a new rule's policy from it). */
  requires: boolean[];
  depth: number;
  type: string;
  format?: string;
  required: boolean;
  repeating: boolean;
  hasChildren: boolean;
  /** The shared type (XSD complex type) the field's own fields come from, when the backend says. */
  typeRef?: string;
  /** Index of the parent node, -1 at the top. */
  parent: number;
  /** One past the last node of this node's subtree. */
  end: number;
}

/** The whole tree of one side. */
export interface FieldTree {
  nodes: FieldNode[];
  byId: Map<string, FieldNode>;
}

/** The id of a field from its names. */
export function fieldId(names: readonly string[]): string {
  return names.join('\u0000');
}

/** Builds the tree from depth-first rows (as `importSchema` sends them, or `schemaChildren` with type names). */
export function buildFieldTree(rows: ReadonlyArray<SchemaFieldRow & { typeRef?: string }>): FieldTree {
  const nodes: FieldNode[] = [];
  const byId = new Map<string, FieldNode>();
  const stack: FieldNode[] = [];
  for (const row of rows) {
    // A row deeper than its predecessor allows (a cut list) hangs under the deepest open node.
    while (stack.length > row.depth) stack.pop()!.end = nodes.length;
    const parent = stack[stack.length - 1];
    const names = parent ? [...parent.names, row.name] : [row.name];
    const node: FieldNode = {
      id: fieldId(names),
      index: nodes.length,
      name: row.name,
      names,
      repeats: parent ? [...parent.repeats, row.repeating] : [row.repeating],
      requires: parent ? [...parent.requires, row.required] : [row.required],
      depth: stack.length,
      type: row.type,
      ...(row.format !== undefined ? { format: row.format } : {}),
      required: row.required,
      repeating: row.repeating,
      hasChildren: row.hasChildren,
      ...(row.typeRef !== undefined ? { typeRef: row.typeRef } : {}),
      parent: parent ? parent.index : -1,
      end: nodes.length + 1,
    };
    nodes.push(node);
    if (!byId.has(node.id)) byId.set(node.id, node);
    stack.push(node);
  }
  for (const open of stack) open.end = nodes.length;
  return { nodes, byId };
}

/** One row on screen. */
export interface VisibleRow {
  node: FieldNode;
  /** 1-based position among its visible siblings, and their number (aria-posinset/setsize). */
  posinset: number;
  setsize: number;
  expanded: boolean;
  /** Where the search text matches the name (start, end), for highlighting. */
  match?: [number, number];
}

/** The rows shown, in order, and each node's row index (or -1 when hidden). */
export interface VisibleRows {
  rows: VisibleRow[];
  /** Row index by node index; -1 when the node is hidden. */
  rowOf: Int32Array;
}

/**
 * The visible rows: children of expanded nodes only; with a search, the
 * fields whose name (or path) contains it and their ancestors (opened),
 * everything else hidden.
 */
export function visibleRows(tree: FieldTree, expanded: ReadonlySet<string>, search = ''): VisibleRows {
  const { nodes } = tree;
  const rowOf = new Int32Array(nodes.length).fill(-1);
  const wanted = search.trim().toLowerCase();
  const keep = wanted ? new Uint8Array(nodes.length) : undefined;
  const matchAt = new Map<number, [number, number]>();
  if (keep) {
    for (const node of nodes) {
      const at = node.name.toLowerCase().indexOf(wanted);
      if (at < 0 && !node.names.join('.').toLowerCase().includes(wanted)) continue;
      if (at >= 0) matchAt.set(node.index, [at, at + wanted.length]);
      for (let i = node.index; i >= 0 && !keep[i]; i = nodes[i]!.parent) keep[i] = 1;
    }
  }
  const rows: VisibleRow[] = [];
  let i = 0;
  while (i < nodes.length) {
    const node = nodes[i]!;
    if (keep && !keep[i]) {
      i = node.end;
      continue;
    }
    const open = node.hasChildren && (keep ? hasKeptChild(nodes, keep, node) : expanded.has(node.id));
    rowOf[i] = rows.length;
    const match = matchAt.get(i);
    rows.push({ node, posinset: 0, setsize: 0, expanded: open, ...(match ? { match } : {}) });
    i = open ? i + 1 : node.end;
  }
  countSiblings(rows);
  return { rows, rowOf };
}

/** Sets each row's position among its visible siblings and their number (per parent). */
function countSiblings(rows: VisibleRow[]): void {
  const counts = new Map<number, number>();
  for (const row of rows) {
    const n = (counts.get(row.node.parent) ?? 0) + 1;
    counts.set(row.node.parent, n);
    row.posinset = n;
  }
  for (const row of rows) row.setsize = counts.get(row.node.parent) ?? 1;
}

function hasKeptChild(nodes: readonly FieldNode[], keep: Uint8Array, node: FieldNode): boolean {
  for (let j = node.index + 1; j < node.end; j = nodes[j]!.end) if (keep[j]) return true;
  return false;
}

/**
 * The row a hidden field is drawn at: itself when visible, else its nearest
 * visible ancestor (a collapsed parent); -1 when none is visible.
 */
export function nearestVisibleRow(tree: FieldTree, view: VisibleRows, index: number): { row: number; exact: boolean } {
  for (let i = index; i >= 0; i = tree.nodes[i]!.parent) {
    const row = view.rowOf[i]!;
    if (row >= 0) return { row, exact: i === index };
  }
  return { row: -1, exact: false };
}

/** The node for absolute `names`, or its deepest ancestor the tree has (undefined when not even the top one). */
export function nodeForNames(tree: FieldTree, names: readonly string[]): FieldNode | undefined {
  for (let n = names.length; n > 0; n--) {
    const node = tree.byId.get(fieldId(names.slice(0, n)));
    if (node) return node;
  }
  return undefined;
}

/** The ids of every ancestor of `node` (to expand so it shows). */
export function ancestorIds(tree: FieldTree, node: FieldNode): string[] {
  const out: string[] = [];
  for (let i = node.parent; i >= 0; i = tree.nodes[i]!.parent) out.push(tree.nodes[i]!.id);
  return out;
}

/**
 * The rows of `view` that lie inside `within` or on its path from the top
 * (the "focus on this context" view): everything beside it is hidden. One
 * pass; sibling counts are redone for what stays.
 */
export function restrictRows(view: VisibleRows, within: FieldNode): VisibleRows {
  const rowOf = new Int32Array(view.rowOf.length).fill(-1);
  const rows: VisibleRow[] = [];
  for (const row of view.rows) {
    const { node } = row;
    const inside = node.index >= within.index && node.index < within.end;
    const above = node.index < within.index && within.index < node.end;
    if (!inside && !above) continue;
    rowOf[node.index] = rows.length;
    rows.push({ ...row });
  }
  countSiblings(rows);
  return { rows, rowOf };
}
