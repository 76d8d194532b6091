/**
 * The canvas trees' marks: their own (links, personal data: row-marks.ts)
 * with the live feedback added (feedback-marks.ts), and, when another output value is selected, both trees brought to the
 * fields of its lineage (opened and scrolled to).
 */
import { useEffect, useMemo } from 'react';
import type { CanvasLink } from '../../../mapping-engine/document/canvas/canvas-links';
import type { RowMarks } from '../fields/FieldTree';
import { nodeForNames, type FieldTree } from '../fields/field-tree-model';
import { withFeedbackMarks, type CanvasFeedback } from './feedback-marks';
import { maskedFields, rowMarks } from './row-marks';
import type { MaskingPolicy } from '../../../mapping-engine/document/document-schema';
import type { TreeSide } from './use-tree-side';
import './feedback-marks.css';

export type { CanvasFeedback };

/** One tree of the canvas as the hook needs it. */
export interface FeedbackSide {
  tree: FieldTree | undefined;
  side: TreeSide;
}

/** The marks to draw on the source and target trees. */
export function useTreeMarks(masking: MaskingPolicy | undefined, feedback: CanvasFeedback | undefined, links: readonly CanvasLink[], source: FeedbackSide, target: FeedbackSide): { sourceShown: ReadonlyMap<number, RowMarks>; targetShown: ReadonlyMap<number, RowMarks> } {
  const sourceMasked = useMemo(() => maskedFields(source.tree, masking), [source.tree, masking]);
  const targetMasked = useMemo(() => maskedFields(target.tree, masking), [target.tree, masking]);
  const sourceMarks = useMemo(() => rowMarks(source.tree, links, source.side.view, 'from', sourceMasked), [source.tree, links, source.side.view, sourceMasked]);
  const targetMarks = useMemo(() => rowMarks(target.tree, links, target.side.view, 'to', targetMasked), [target.tree, links, target.side.view, targetMasked]);
  const sourceShown = useMemo(() => withFeedbackMarks(sourceMarks, source.tree, links, feedback, 'from', source.side.view), [sourceMarks, source.tree, links, feedback, source.side.view]);
  const targetShown = useMemo(() => withFeedbackMarks(targetMarks, target.tree, links, feedback, 'to', target.side.view), [targetMarks, target.tree, links, feedback, target.side.view]);
  const lineageTarget = feedback?.lineageTarget;
  useEffect(() => {
    if (lineageTarget === undefined) return;
    const own = links.filter((l) => l.kind === 'rule' && l.target === lineageTarget);
    const to = own[0] && target.tree ? nodeForNames(target.tree, own[0].targetNames) : undefined;
    const from = own.flatMap((l) => {
      const node = l.sourceNames && source.tree ? nodeForNames(source.tree, l.sourceNames) : undefined;
      return node ? [node] : [];
    });
    if (to) target.side.reveal([to]);
    if (from.length > 0) source.side.reveal(from);
    // Only a newly selected value moves the trees; later edits leave the scroll where the user put it.
  }, [lineageTarget]);
  return { sourceShown, targetShown };
}
