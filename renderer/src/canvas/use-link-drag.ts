/**
 * Dragging a source row onto a target row. Pointer events rather than
 * HTML drag and drop: the line follows the pointer once per frame, the
 * drop target is the row under the pointer (found by its data attributes),
 * Escape cancels, and nothing depends on the browser's drag image.
 */
import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import type { FieldNode } from '../fields/field-tree-model';

/** Pixels the pointer moves before a press becomes a drag (a click stays a click). */
const DRAG_THRESHOLD = 4;

/** A drag in progress. */
export interface LinkDrag {
  source: FieldNode;
  /** The pointer in canvas coordinates. */
  x: number;
  y: number;
  /** The target row under the pointer (its node id). */
  overId?: string;
}

/** What the canvas passes to {@link useLinkDrag}. */
export interface LinkDragOptions {
  /** The element the canvas coordinates are relative to. */
  canvas: RefObject<HTMLElement | null>;
  /** A drop on the target row `targetId`. */
  onDrop: (source: FieldNode, targetId: string) => void;
  /** The drag ended without a drop (Escape, or released off the target tree). */
  onCancel: (reason: 'escape' | 'outside') => void;
}

function targetIdAt(clientX: number, clientY: number): string | undefined {
  const el = document.elementFromPoint(clientX, clientY)?.closest('[data-side="target"][data-field-id]');
  return el?.getAttribute('data-field-id') ?? undefined;
}

/** The drag state and the handler source rows call on pointerdown. */
export function useLinkDrag({ canvas, onDrop, onCancel }: LinkDragOptions): { drag: LinkDrag | undefined; startDrag: (node: FieldNode, event: ReactPointerEvent) => void } {
  const [drag, setDrag] = useState<LinkDrag>();
  const pending = useRef<{ node: FieldNode; x: number; y: number; started: boolean } | undefined>(undefined);
  const frame = useRef(0);
  const handlers = useRef({ onDrop, onCancel });
  handlers.current = { onDrop, onCancel };

  const end = useCallback(() => {
    pending.current = undefined;
    cancelAnimationFrame(frame.current);
    setDrag(undefined);
  }, []);

  useEffect(() => {
    const toCanvas = (event: PointerEvent) => {
      const box = canvas.current?.getBoundingClientRect();
      return { x: event.clientX - (box?.left ?? 0), y: event.clientY - (box?.top ?? 0) };
    };
    const onMove = (event: PointerEvent) => {
      const press = pending.current;
      if (!press) return;
      if (!press.started && Math.hypot(event.clientX - press.x, event.clientY - press.y) < DRAG_THRESHOLD) return;
      press.started = true;
      event.preventDefault();
      const { x, y } = toCanvas(event);
      const overId = targetIdAt(event.clientX, event.clientY);
      // One state update per frame however fast the pointer reports.
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(() => setDrag({ source: press.node, x, y, ...(overId ? { overId } : {}) }));
    };
    const onUp = (event: PointerEvent) => {
      const press = pending.current;
      if (!press) return;
      const started = press.started;
      end();
      if (!started) return;
      const targetId = targetIdAt(event.clientX, event.clientY);
      if (targetId) handlers.current.onDrop(press.node, targetId);
      else handlers.current.onCancel('outside');
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !pending.current?.started) return;
      event.preventDefault();
      event.stopPropagation();
      end();
      handlers.current.onCancel('escape');
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      window.removeEventListener('keydown', onKey, true);
    };
  }, [canvas, end]);

  const startDrag = useCallback((node: FieldNode, event: ReactPointerEvent) => {
    if (event.button !== 0) return;
    pending.current = { node, x: event.clientX, y: event.clientY, started: false };
  }, []);

  return { drag, startDrag };
}
