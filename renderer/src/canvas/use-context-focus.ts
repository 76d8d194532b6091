/**
 * "Focus on this context": for a crowded map, the canvas shows one array
 * context alone: the target element and the source element it iterates
 * (each with its fields and its path from the top), and only the links that
 * end inside it. View state only: nothing of it is in the document.
 */
import { useMemo, useState } from 'react';
import type { CanvasLink } from '../../../mapping-engine/document/canvas/canvas-links';
import { startsWithNames } from '../../../mapping-engine/document/canvas/canvas-scope';
import { fieldId, nodeForNames, type FieldNode, type FieldTree } from '../fields/field-tree-model';
import type { TreeSide } from './use-tree-side';

/** The focused context and what it leaves on the canvas. */
export interface ContextFocus {
  /** The array context's band, while one is focused. */
  band?: CanvasLink;
  /** The links drawn: all, or those ending inside the focused context. */
  shown: CanvasLink[];
  /** The fields each tree is narrowed to. */
  sourceWithin?: FieldNode;
  targetWithin?: FieldNode;
  /** Focuses the context of an array link (undefined: show everything again). */
  setFocus: (link: CanvasLink | undefined) => void;
}

/** Focus state over `links`; a focused context that leaves the document ends the focus. */
export function useContextFocus(links: CanvasLink[], sourceTree: FieldTree | undefined, targetTree: FieldTree | undefined): ContextFocus {
  const [focusId, setFocusId] = useState<string>();
  const band = focusId ? links.find((l) => l.id === focusId && l.kind === 'array') : undefined;
  const shown = useMemo(() => (band ? links.filter((l) => startsWithNames(l.targetNames, band.targetNames)) : links), [links, band]);
  const sourceWithin = band?.sourceNames && band.sourceNames.length > 0 ? sourceTree?.byId.get(fieldId(band.sourceNames)) : undefined;
  const targetWithin = band && band.targetNames.length > 0 ? targetTree?.byId.get(fieldId(band.targetNames)) : undefined;
  return {
    ...(band ? { band } : {}),
    shown,
    ...(sourceWithin ? { sourceWithin } : {}),
    ...(targetWithin ? { targetWithin } : {}),
    setFocus: (link) => setFocusId(link?.kind === 'array' ? link.id : undefined),
  };
}

/** Opens the field at `names` in one tree and scrolls to it (a focused context's element). */
export function openEnd(side: TreeSide, tree: FieldTree | undefined, names: readonly string[] | undefined): void {
  const node = names && tree ? nodeForNames(tree, names) : undefined;
  if (!node) return;
  side.toggle(node, true);
  side.reveal([node]);
}
