/**
 * "Tidy": the transform lane laid out by ELK's layered algorithm, left to
 * right. The graph is what the lane shows: each linked source field (first
 * layer, in tree order), each transform node, each target field (last
 * layer, in tree order) and the lines between them. ELK picks each node's
 * column (its layer) and the order within a column that crosses fewest
 * lines; the canvas then spreads the columns across the lane and keeps each
 * node beside its target row, pushing apart nodes of one column that would
 * overlap. The result is one batch of `setNodePosition` edits: one undo step.
 * The layout function is passed in, so the renderer runs ELK in a worker and
 * tests run it in-process.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { DocumentEdit } from '../../../mapping-engine/document/edits/edit-types';
import { defaultOffset, NODE_HEIGHT, type Lane } from './lane-model';
import type { RoutedLink } from './link-geometry';

/** Lays out an ELK graph (elk.layout, in a worker or in-process). */
export type ElkLayout = (graph: ElkNode) => Promise<ElkNode>;

/** Gap kept between two nodes of one column after tidying, in pixels. */
const GAP = 6;

/** The ELK graph of the lane. */
export function laneGraph(lane: Lane, routed: readonly RoutedLink[], rowHeight: number): ElkNode {
  const children: ElkNode[] = [];
  const edges: ElkExtendedEdge[] = [];
  const seen = new Set<string>();
  const add = (node: ElkNode) => {
    if (seen.has(node.id)) return;
    seen.add(node.id);
    children.push(node);
  };
  const chains = new Map<string, string[]>();
  for (const node of lane.nodes) chains.set(node.target, [...(chains.get(node.target) ?? []), node.id]);
  // Sources and targets in the order they stand in their trees, so ELK keeps them there.
  const linked = routed.filter((r) => r.link.kind === 'rule' && chains.has(r.link.target) && r.from.state !== 'missing');
  const sources = [...new Map(linked.map((r) => [`s:${r.from.node}`, r.from.y])).entries()].sort((a, b) => a[1] - b[1]);
  const targets = [...new Map(linked.map((r) => [`t:${r.link.target}`, r.to.y])).entries()].sort((a, b) => a[1] - b[1]);
  for (const [id] of sources) add({ id, width: 1, height: rowHeight, layoutOptions: { 'elk.layered.layering.layerConstraint': 'FIRST' } });
  for (const node of lane.nodes) add({ id: node.id, width: node.box.width, height: NODE_HEIGHT });
  for (const [id] of targets) add({ id, width: 1, height: rowHeight, layoutOptions: { 'elk.layered.layering.layerConstraint': 'LAST' } });
  const edge = (from: string, to: string) => {
    const id = `${from}->${to}`;
    if (seen.has(id)) return;
    seen.add(id);
    edges.push({ id, sources: [from], targets: [to] });
  };
  for (const r of linked) edge(`s:${r.from.node}`, chains.get(r.link.target)![0]!);
  for (const [target, ids] of chains) {
    for (let i = 1; i < ids.length; i++) edge(ids[i - 1]!, ids[i]!);
    if (targets.some(([id]) => id === `t:${target}`)) edge(ids[ids.length - 1]!, `t:${target}`);
  }
  return {
    id: 'lane',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': String(GAP),
      // One graph, not its connected components packed side by side: columns must mean the same across chains.
      'elk.separateConnectedComponents': 'false',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
    },
    children,
    edges,
  };
}

/**
 * The positions ELK's answer gives the lane's nodes, as one batch edit (or
 * undefined when the lane has no nodes). `laneWidth` is the lane's width and
 * `targetY` each rule's target row centre on screen.
 */
export function tidyEdit(lane: Lane, laid: ElkNode, laneWidth: number, targetY: ReadonlyMap<string, number>): Extract<DocumentEdit, { kind: 'batch' }> | undefined {
  if (lane.nodes.length === 0) return undefined;
  const placed = new Map((laid.children ?? []).map((c) => [c.id, c]));
  const xs = lane.nodes.map((n) => placed.get(n.id)?.x ?? 0);
  const columns = [...new Set(xs)].sort((a, b) => a - b);
  const width = Math.max(...lane.nodes.map((n) => n.box.width));
  // ELK's columns, spread across the lane as a chain of that many nodes would be.
  const columnX = (x: number) => defaultOffset(laneWidth, columns.indexOf(x), columns.length, width).x;
  const entries = lane.nodes.map((node, i) => {
    const elk = placed.get(node.id);
    const target = placed.get(`t:${node.target}`);
    const rowY = targetY.get(node.target) ?? node.box.y + NODE_HEIGHT / 2 - node.offset.y;
    // ELK's offset from the node's target row, at most two nodes' height (the lane keeps nodes near their rows).
    const pull = elk && target ? elk.y! + NODE_HEIGHT / 2 - (target.y! + target.height! / 2) : 0;
    const limit = 2 * (NODE_HEIGHT + GAP);
    return { node, x: columnX(xs[i]!), rowY, y: rowY + Math.max(-limit, Math.min(limit, pull)) - NODE_HEIGHT / 2 };
  });
  // Top to bottom (ELK's order within a column), each node is pushed below any placed node it would overlap.
  entries.sort((a, b) => a.y - b.y || a.x - b.x);
  const done: typeof entries = [];
  for (const entry of entries) {
    const width = entry.node.box.width;
    // Again until it fits: a push may land it on a node already passed (y only grows, so this ends).
    for (let moved = true; moved; ) {
      moved = false;
      for (const other of done) {
        const across = entry.x < other.x + other.node.box.width && other.x < entry.x + width;
        if (across && entry.y < other.y + NODE_HEIGHT + GAP && other.y < entry.y + NODE_HEIGHT + GAP) {
          entry.y = other.y + NODE_HEIGHT + GAP;
          moved = true;
        }
      }
    }
    done.push(entry);
  }
  const edits: DocumentEdit[] = entries.map(({ node, x, y, rowY }) => ({ kind: 'setNodePosition', id: node.id, position: { x, y: Math.round(y + NODE_HEIGHT / 2 - rowY) } }));
  return { kind: 'batch', edits, label: 'tidy the transform lane' };
}

/** Tidies the lane: the ELK graph laid out by `layout`, turned into one batch edit. */
export async function tidyLane(lane: Lane, routed: readonly RoutedLink[], laneWidth: number, rowHeight: number, layout: ElkLayout): Promise<Extract<DocumentEdit, { kind: 'batch' }> | undefined> {
  if (lane.nodes.length === 0) return undefined;
  const laid = await layout(laneGraph(lane, routed, rowHeight));
  const targetY = new Map(routed.filter((r) => r.link.kind === 'rule').map((r) => [r.link.target, r.to.y]));
  return tidyEdit(lane, laid, laneWidth, targetY);
}
