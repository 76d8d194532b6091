/**
 * One SVG over the canvas drawing every link: solid to a visible field,
 * dashed to a collapsed parent, faded to a panel edge when the field is
 * scrolled out. A rule with transforms runs through its node in the lane.
 * Each line has a wide transparent twin that takes the clicks.
 */
import type { MouseEvent } from 'react';
import type { CanvasLink } from '../../../mapping-engine/document/canvas/canvas-links';
import { curvePath, type LinkEnd, type RoutedLink } from './link-geometry';

/** A transform node's box in canvas coordinates. */
export interface NodeBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Props of {@link LinkLayer}. */
export interface LinkLayerProps {
  width: number;
  height: number;
  routed: readonly RoutedLink[];
  /** x of the source tree's right edge and the target tree's left edge. */
  sourceX: number;
  targetX: number;
  /** Transform nodes by rule target. */
  nodes: ReadonlyMap<string, NodeBox>;
  selectedId?: string;
  /** The line a drag draws from its source row to the pointer. */
  ghost?: { x1: number; y1: number; x2: number; y2: number; ok?: boolean };
  onSelect: (link: CanvasLink) => void;
}

function endClass(end: LinkEnd): string {
  return end.state === 'collapsed' ? 'is-collapsed' : end.state === 'above' || end.state === 'below' ? 'is-offscreen' : '';
}

/** The layer. */
export function LinkLayer({ width, height, routed, sourceX, targetX, nodes, selectedId, ghost, onSelect }: LinkLayerProps) {
  const drawnOut = new Set<string>();
  return (
    <svg className="canvas-links" width={width} height={height} aria-hidden="true">
      {routed.map(({ link, from, to }) => {
        const node = link.kind === 'rule' ? nodes.get(link.target) : undefined;
        const classes = ['canvas-link', `canvas-link-${link.kind}`, endClass(from), endClass(to), link.id === selectedId ? 'is-selected' : ''].filter(Boolean).join(' ');
        const click = (event: MouseEvent) => {
          event.stopPropagation();
          onSelect(link);
        };
        const paths: string[] = [];
        if (from.state !== 'missing') paths.push(node ? curvePath(sourceX, from.y, node.x, node.y + node.height / 2) : curvePath(sourceX, from.y, targetX, to.y));
        // One line from a node to its target, however many sources come in.
        if (node && !drawnOut.has(link.target)) {
          drawnOut.add(link.target);
          paths.push(curvePath(node.x + node.width, node.y + node.height / 2, targetX, to.y));
        }
        return (
          <g key={link.id} className={classes} data-link-id={link.id}>
            {paths.map((d, i) => (
              <g key={i}>
                <path className="canvas-link-hit" d={d} onClick={click} />
                <path className="canvas-link-line" d={d} />
              </g>
            ))}
          </g>
        );
      })}
      {ghost && <path className={`canvas-link-ghost ${ghost.ok === false ? 'is-bad' : ghost.ok ? 'is-ok' : ''}`} d={curvePath(ghost.x1, ghost.y1, ghost.x2, ghost.y2)} />}
    </svg>
  );
}
