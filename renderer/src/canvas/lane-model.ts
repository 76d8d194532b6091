/**
 * What the lane between the trees holds, computed from the document and the
 * routed links (nothing measured): one node per transform of each rule's
 * chain, spread across the lane beside the rule's target row unless the user
 * moved it, and one labelled frame per array context around the transforms
 * of the rules inside it. A node's stored position is its offset from the
 * lane's left edge and from its target row, so it follows the row as the
 * tree scrolls.
 */
import type { MappingDocument } from '../../../mapping-engine/document/document-schema';
import { namesOfPath, startsWithNames } from '../../../mapping-engine/document/canvas/canvas-scope';
import { kindInfoOf } from '../rules/transform-catalog';
import type { RoutedLink } from './link-geometry';

/** A box in canvas coordinates. */
export interface NodeBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Widest a node is drawn, and its height. */
export const NODE_WIDTH = 132;
export const NODE_HEIGHT = 24;
/** Room kept between the nodes of one chain. */
const CHAIN_GAP = 10;

/** One transform of a rule's chain, as a node in the lane. */
export interface LaneNode {
  /** The rule's target. */
  target: string;
  /** Its place in the rule's chain. */
  index: number;
  /** How many transforms the chain has. */
  count: number;
  /** The layout key ({@link nodeKey}). */
  id: string;
  label: string;
  box: NodeBox;
  /** The offset the box is drawn at: stored, or the default place. */
  offset: { x: number; y: number };
}

/** A frame around the transforms inside one array context. */
export interface LaneFrame {
  /** The context's target path. */
  context: string;
  label: string;
  box: NodeBox;
}

/** The lane's nodes, each rule's chain of boxes (for the link layer), and the context frames. */
export interface Lane {
  nodes: LaneNode[];
  chains: Map<string, NodeBox[]>;
  frames: LaneFrame[];
}

/**
 * The layout key of transform `index` of the rule at `target`. The first
 * keeps the key the single chain node had (`rule:<target>`), so layouts
 * saved before chains were split still place it.
 */
export function nodeKey(target: string, index = 0): string {
  return index === 0 ? `rule:${target}` : `rule:${target}#${index}`;
}

/** Where the lane is: the source tree's right edge and the target tree's left edge. */
export interface LaneFrameSize {
  sourceX: number;
  targetX: number;
}

/** A node's width in a chain of `count` across a lane `laneWidth` wide. */
export function nodeWidth(laneWidth: number, count: number): number {
  return Math.max(24, Math.min(NODE_WIDTH, (laneWidth - CHAIN_GAP * (count + 1)) / count));
}

/**
 * The default offset of node `index` of a chain of `count` nodes `width`
 * wide: the chain centred in the lane with a gap between its nodes, on the
 * target row.
 */
export function defaultOffset(laneWidth: number, index: number, count: number, width = nodeWidth(laneWidth, count)): { x: number; y: number } {
  const start = (laneWidth - (count * width + (count - 1) * CHAIN_GAP)) / 2;
  return { x: Math.round(start + index * (width + CHAIN_GAP)), y: 0 };
}

/** Places the nodes of the rules whose target end is on the canvas, and the frames around them. */
export function placeLane(doc: Pick<MappingDocument, 'rules' | 'arrays' | 'layout'>, routed: readonly RoutedLink[], size: LaneFrameSize): Lane {
  const nodes: LaneNode[] = [];
  const chains = new Map<string, NodeBox[]>();
  const laneWidth = Math.max(0, size.targetX - size.sourceX);
  const rules = new Map(doc.rules.map((r) => [r.target, r]));
  // Every node as wide as the longest chain allows, so chains and Tidy's columns line up without overlapping.
  const longest = doc.rules.reduce((most, r) => Math.max(most, r.transforms.length), 1);
  const width = Math.min(nodeWidth(laneWidth, longest), laneWidth);
  for (const { link, to } of routed) {
    const rule = link.kind === 'rule' ? rules.get(link.target) : undefined;
    // A chain whose target row is scrolled out is not drawn (its links end at the panel edge counter).
    if (!rule || rule.transforms.length === 0 || chains.has(rule.target) || to.state === 'missing' || to.state === 'above' || to.state === 'below') continue;
    const count = rule.transforms.length;
    const boxes: NodeBox[] = [];
    rule.transforms.forEach((transform, index) => {
      const id = nodeKey(rule.target, index);
      const offset = doc.layout.nodes[id] ?? defaultOffset(laneWidth, index, count, width);
      const box = { x: size.sourceX + Math.max(0, Math.min(laneWidth - width, offset.x)), y: to.y - NODE_HEIGHT / 2 + offset.y, width, height: NODE_HEIGHT };
      boxes.push(box);
      nodes.push({ target: rule.target, index, count, id, label: kindInfoOf(transform.kind)?.label ?? transform.kind, box, offset });
    });
    chains.set(rule.target, boxes);
  }
  return { nodes, chains, frames: contextFrames(doc, chains) };
}

/** Padding of an innermost frame; each frame around another gets this much more. */
const FRAME_PAD = 6;
/** Room above a frame's nodes for its label. */
const FRAME_LABEL = 14;

/** One frame per array context with transforms inside it, outer frames around inner ones. */
export function contextFrames(doc: Pick<MappingDocument, 'arrays'>, chains: ReadonlyMap<string, readonly NodeBox[]>): LaneFrame[] {
  const contexts = doc.arrays.flatMap((a) => {
    const names = a.target === '.' ? [] : namesOfPath(a.target);
    return names ? [{ context: a, names }] : [];
  });
  const chainNames = [...chains].flatMap(([target, boxes]) => {
    const names = namesOfPath(target);
    return names ? [{ names, boxes }] : [];
  });
  const frames: LaneFrame[] = [];
  for (const { context, names } of contexts) {
    const inside = chainNames.filter((c) => c.names.length > names.length && startsWithNames(c.names, names)).flatMap((c) => c.boxes);
    if (inside.length === 0) continue;
    // How many contexts with nodes lie inside this one: each adds a ring of padding.
    const nested = contexts.filter((c) => c.names.length > names.length && startsWithNames(c.names, names)).length;
    const pad = FRAME_PAD * (1 + nested);
    const left = Math.min(...inside.map((b) => b.x)) - pad;
    const top = Math.min(...inside.map((b) => b.y)) - pad - FRAME_LABEL;
    const right = Math.max(...inside.map((b) => b.x + b.width)) + pad;
    const bottom = Math.max(...inside.map((b) => b.y + b.height)) + pad;
    frames.push({ context: context.target, label: `for each ${context.source}`, box: { x: left, y: top, width: right - left, height: bottom - top } });
  }
  return frames;
}
