/**
 * Transform nodes in the lane between the trees: one per rule with
 * transforms, showing its chain, sitting beside its target field unless the
 * user moved it. A move (drag, or arrow keys on the focused node) is a
 * `setNodePosition` edit: saved in the document's layout and undoable.
 * A node's position is stored as its offset from the lane's left edge and
 * from its target row, so it stays beside that row as the tree scrolls.
 */
import { useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { MappingDocument } from '../../../mapping-engine/document/document-schema';
import type { DocumentEdit, EditResult } from '../../../mapping-engine/document/edits/edit-types';
import { kindInfoOf } from '../rules/transform-catalog';
import type { NodeBox } from './LinkLayer';
import type { RoutedLink } from './link-geometry';

const NODE_WIDTH = 132;
const NODE_HEIGHT = 24;
/** Pixels an arrow key moves a node (Shift: five times as far). */
const KEY_STEP = 8;

/** A node in the lane. */
export interface LaneNode {
  /** The rule's target. */
  target: string;
  /** The layout key (`rule:<target>`). */
  id: string;
  labels: string[];
  box: NodeBox;
  /** The stored offset (undefined: the default place). */
  offset: { x: number; y: number };
}

/** The lane's nodes and their boxes by rule target (for the link layer). */
export interface Lane {
  nodes: LaneNode[];
  boxes: Map<string, NodeBox>;
}

/** The layout key of a rule's node. */
export function nodeKey(target: string): string {
  return `rule:${target}`;
}

/** Places the nodes of the rules whose target end is on the canvas. */
export function useLaneNodes(doc: MappingDocument | undefined, routed: readonly RoutedLink[], frame: { sourceX: number; targetX: number }): Lane {
  return useMemo(() => {
    const nodes: LaneNode[] = [];
    const boxes = new Map<string, NodeBox>();
    if (!doc) return { nodes, boxes };
    const laneWidth = Math.max(0, frame.targetX - frame.sourceX);
    const rules = new Map(doc.rules.map((r) => [r.target, r]));
    for (const { link, to } of routed) {
      const rule = link.kind === 'rule' ? rules.get(link.target) : undefined;
      // A node whose target row is scrolled out is not drawn (its links end at the panel edge counter).
      if (!rule || rule.transforms.length === 0 || boxes.has(rule.target) || to.state === 'missing' || to.state === 'above' || to.state === 'below') continue;
      const id = nodeKey(rule.target);
      const offset = doc.layout.nodes[id] ?? { x: (laneWidth - NODE_WIDTH) / 2, y: 0 };
      const box = { x: frame.sourceX + Math.max(0, Math.min(laneWidth - NODE_WIDTH, offset.x)), y: to.y - NODE_HEIGHT / 2 + offset.y, width: Math.min(NODE_WIDTH, laneWidth), height: NODE_HEIGHT };
      boxes.set(rule.target, box);
      nodes.push({ target: rule.target, id, labels: rule.transforms.map((t) => kindInfoOf(t.kind)?.label ?? t.kind), box, offset });
    }
    return { nodes, boxes };
  }, [doc, routed, frame.sourceX, frame.targetX]);
}

/** Props of {@link LaneNodes}. */
export interface LaneNodesProps {
  lane: Lane;
  readOnly: boolean;
  selectedTarget?: string;
  /** `gesture`: edits of one gesture within a short pause are one undo step. */
  apply: (edit: DocumentEdit, label?: string, gesture?: string) => EditResult;
  onSelect: (target: string) => void;
}

/** The nodes, as buttons over the lane. */
export function LaneNodes({ lane, readOnly, selectedTarget, apply, onSelect }: LaneNodesProps) {
  const [moving, setMoving] = useState<{ id: string; dx: number; dy: number }>();
  const press = useRef<{ id: string; x: number; y: number; moved: boolean } | undefined>(undefined);

  const move = (node: LaneNode, dx: number, dy: number, gesture?: string) =>
    apply({ kind: 'setNodePosition', id: node.id, position: { x: Math.round(node.offset.x + dx), y: Math.round(node.offset.y + dy) } }, `move ${node.target} transforms`, gesture);

  const onPointerDown = (node: LaneNode, event: PointerEvent<HTMLButtonElement>) => {
    if (readOnly || event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    press.current = { id: node.id, x: event.clientX, y: event.clientY, moved: false };
  };
  const onPointerMove = (event: PointerEvent<HTMLButtonElement>) => {
    const p = press.current;
    if (!p) return;
    const dx = event.clientX - p.x;
    const dy = event.clientY - p.y;
    if (!p.moved && Math.hypot(dx, dy) < 4) return;
    p.moved = true;
    setMoving({ id: p.id, dx, dy });
  };
  const onPointerUp = (node: LaneNode) => {
    const p = press.current;
    press.current = undefined;
    setMoving(undefined);
    if (p?.moved && moving) move(node, moving.dx, moving.dy);
  };
  const onKeyDown = (node: LaneNode, event: KeyboardEvent) => {
    const step = event.shiftKey ? KEY_STEP * 5 : KEY_STEP;
    const delta = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[event.key];
    if (!delta || readOnly) return;
    event.preventDefault();
    event.stopPropagation();
    // Key repeats of one move coalesce into one undo step.
    move(node, delta[0]!, delta[1]!, `move-node:${node.id}`);
  };

  return (
    <>
      {lane.nodes.map((node) => {
        const shift = moving?.id === node.id ? moving : undefined;
        return (
          <button
            key={node.id}
            type="button"
            className={`lane-node ${node.target === selectedTarget ? 'is-selected' : ''} ${shift ? 'is-moving' : ''}`}
            aria-label={`Transforms of ${node.target}: ${node.labels.join(', then ')}. Arrow keys move it.`}
            title={node.labels.join(' → ')}
            style={{ left: node.box.x + (shift?.dx ?? 0), top: node.box.y + (shift?.dy ?? 0), width: node.box.width, height: node.box.height }}
            onPointerDown={(e) => onPointerDown(node, e)}
            onPointerMove={onPointerMove}
            onPointerUp={() => onPointerUp(node)}
            onClick={() => onSelect(node.target)}
            onKeyDown={(e) => onKeyDown(node, e)}
          >
            {node.labels.join(' › ')}
          </button>
        );
      })}
    </>
  );
}
