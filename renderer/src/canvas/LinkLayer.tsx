/**
 * One SVG over the canvas drawing every link: solid to a visible field,
 * dashed to a collapsed parent, faded to a panel edge when the field is
 * scrolled out. A rule with transforms runs through its chain of nodes in
 * the lane. An array context is a band from the source element (with its
 * visible fields) to the target element. Each line has a wide transparent
 * twin that takes the clicks.
 */
import { Fragment, memo, useCallback, useRef, type MouseEvent, type ReactElement } from 'react';
import type { CanvasLink } from '../../../mapping-engine/document/canvas/canvas-links';
import type { NodeBox } from './lane-model';
import { bandPath, curvePath, type LinkEnd, type RoutedLink } from './link-geometry';

/** Props of {@link LinkLayer}. */
export interface LinkLayerProps {
  width: number;
  height: number;
  routed: readonly RoutedLink[];
  /** x of the source tree's right edge and the target tree's left edge. */
  sourceX: number;
  targetX: number;
  /** Each rule's chain of transform nodes, by rule target. */
  chains: ReadonlyMap<string, readonly NodeBox[]>;
  selectedId?: string;
  /** The line a drag draws from its source row to the pointer. */
  ghost?: { x1: number; y1: number; x2: number; y2: number; ok?: boolean };
  onSelect: (link: CanvasLink) => void;
}

function endClass(end: LinkEnd): string {
  return end.state === 'collapsed' ? 'is-collapsed' : end.state === 'above' || end.state === 'below' ? 'is-offscreen' : '';
}

const offscreen = (end: LinkEnd) => end.state === 'above' || end.state === 'below' || end.state === 'missing';

/** One link's lines (or band), re-rendered only when its path text or classes change. */
const LinkShape = memo(function LinkShape({ link, className, band, paths, onSelect }: { link: CanvasLink; className: string; band: boolean; paths: string; onSelect: (link: CanvasLink) => void }) {
  const click = (event: MouseEvent) => {
    event.stopPropagation();
    onSelect(link);
  };
  if (band) {
    return (
      <g className={className} data-link-id={link.id}>
        <path className="canvas-band-fill" d={paths} onClick={click} />
      </g>
    );
  }
  return (
    <g className={className} data-link-id={link.id}>
      {paths.split('|').map((d, i) => (
        <Fragment key={i}>
          <path className="canvas-link-hit" d={d} onClick={click} />
          <path className="canvas-link-line" d={d} />
        </Fragment>
      ))}
    </g>
  );
});

/**
 * The layer. A link with both ends scrolled out of their panels is not
 * drawn (the panels' edge counters count it); every other link is a
 * memoised shape, so a scroll re-renders only the links whose ends moved.
 */
export function LinkLayer({ width, height, routed, sourceX, targetX, chains, selectedId, ghost, onSelect }: LinkLayerProps) {
  // A stable callback, so a new parent callback does not re-render every shape.
  const latest = useRef(onSelect);
  latest.current = onSelect;
  const select = useCallback((link: CanvasLink) => latest.current(link), []);
  const drawnOut = new Set<string>();
  const shapes: ReactElement[] = [];
  for (const { link, from, to } of routed) {
    if (offscreen(from) && offscreen(to)) continue;
    const chain = link.kind === 'rule' ? chains.get(link.target) : undefined;
    const first = chain?.[0];
    const last = chain?.[chain.length - 1];
    const classes = ['canvas-link', `canvas-link-${link.kind}`, endClass(from), endClass(to), link.id === selectedId ? 'is-selected' : ''].filter(Boolean).join(' ');
    if (link.kind === 'array' && from.span && to.span) {
      shapes.push(<LinkShape key={link.id} link={link} className={`${classes} canvas-band`} band paths={bandPath(sourceX, from.span, targetX, to.span)} onSelect={select} />);
      continue;
    }
    const paths: string[] = [];
    const mid = (box: NodeBox) => box.y + box.height / 2;
    if (from.state !== 'missing') paths.push(first ? curvePath(sourceX, from.y, first.x, mid(first)) : curvePath(sourceX, from.y, targetX, to.y));
    // The chain's own lines and the one to its target, once however many sources come in.
    if (chain && last && !drawnOut.has(link.target)) {
      drawnOut.add(link.target);
      for (let i = 1; i < chain.length; i++) paths.push(curvePath(chain[i - 1]!.x + chain[i - 1]!.width, mid(chain[i - 1]!), chain[i]!.x, mid(chain[i]!)));
      paths.push(curvePath(last.x + last.width, mid(last), targetX, to.y));
    }
    if (paths.length > 0) shapes.push(<LinkShape key={link.id} link={link} className={classes} band={false} paths={paths.join('|')} onSelect={select} />);
  }
  return (
    <svg className="canvas-links" width={width} height={height} aria-hidden="true">
      {shapes}
      {ghost && <path className={`canvas-link-ghost ${ghost.ok === false ? 'is-bad' : ghost.ok ? 'is-ok' : ''}`} d={curvePath(ghost.x1, ghost.y1, ghost.x2, ghost.y2)} />}
    </svg>
  );
}
