/**
 * Transform nodes in the lane between the trees: one per transform of a
 * rule's chain (placed by lane-model.ts), and a labelled frame around the
 * transforms inside each array context. A move (drag, or arrow keys on the
 * focused node) is a `setNodePosition` edit: saved in the document's layout
 * and undoable. Delete on a focused node removes that transform.
 */
import { useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { MappingDocument } from '../../../mapping-engine/document/document-schema';
import type { DocumentEdit, EditResult } from '../../../mapping-engine/document/edits/edit-types';
import { placeLane, type Lane, type LaneFrameSize, type LaneNode } from './lane-model';
import type { RoutedLink } from './link-geometry';

/** Pixels an arrow key moves a node (Shift: five times as far). */
const KEY_STEP = 8;

/** Places the lane's nodes and frames (memoised on the document, the routed links and the lane's edges). */
export function useLaneNodes(doc: MappingDocument | undefined, routed: readonly RoutedLink[], frame: LaneFrameSize): Lane {
  return useMemo(() => (doc ? placeLane(doc, routed, frame) : { nodes: [], chains: new Map(), frames: [] }), [doc, routed, frame.sourceX, frame.targetX]);
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
    apply({ kind: 'setNodePosition', id: node.id, position: { x: Math.round(node.offset.x + dx), y: Math.round(node.offset.y + dy) } }, `move ${node.label} of ${node.target}`, gesture);

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
    if ((event.key === 'Delete' || event.key === 'Backspace') && !readOnly) {
      event.preventDefault();
      event.stopPropagation();
      apply({ kind: 'removeTransform', target: node.target, index: node.index }, `remove ${node.label} from ${node.target}`);
      return;
    }
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
      {lane.frames.map((frame) => (
        <div key={frame.context} className="lane-frame" style={{ left: frame.box.x, top: frame.box.y, width: frame.box.width, height: frame.box.height }}>
          <span className="lane-frame-label">{frame.label}</span>
        </div>
      ))}
      {lane.nodes.map((node) => {
        const shift = moving?.id === node.id ? moving : undefined;
        return (
          <button
            key={node.id}
            type="button"
            className={`lane-node ${node.target === selectedTarget ? 'is-selected' : ''} ${shift ? 'is-moving' : ''}`}
            aria-label={`${node.label}, transform ${node.index + 1} of ${node.count} of ${node.target}. Arrow keys move it, Delete removes it.`}
            title={`${node.label} (${node.target})`}
            style={{ left: node.box.x + (shift?.dx ?? 0), top: node.box.y + (shift?.dy ?? 0), width: node.box.width, height: node.box.height }}
            onPointerDown={(e) => onPointerDown(node, e)}
            onPointerMove={onPointerMove}
            onPointerUp={() => onPointerUp(node)}
            onClick={() => onSelect(node.target)}
            onKeyDown={(e) => onKeyDown(node, e)}
          >
            {node.label}
          </button>
        );
      })}
    </>
  );
}
