/**
 * The per-row decorations of a tree: how many links end at each field
 * (mapped or not), how many end hidden inside a collapsed field, and which
 * fields hold personal data (the masker's detection by name, with the
 * project's policy).
 */
import type { CanvasLink } from '../../../mapping-engine/document/canvas/canvas-links';
import { maskedCategory } from '../../../mapping-engine/document/canvas/personal-data';
import type { MaskingPolicy } from '../../../mapping-engine/document/document-schema';
import type { RowMarks } from '../fields/FieldTree';
import { fieldId, nearestVisibleRow, type FieldTree, type VisibleRows } from '../fields/field-tree-model';
import { cachedNode } from './link-geometry';

/** Personal-data categories by node index (computed once per tree and policy). */
export function maskedFields(tree: FieldTree | undefined, policy: MaskingPolicy | undefined): Map<number, string> {
  const out = new Map<number, string>();
  for (const node of tree?.nodes ?? []) {
    if (node.hasChildren) continue;
    const category = maskedCategory(node.names, node.repeats, policy);
    if (category) out.set(node.index, category);
  }
  return out;
}

/**
 * The marks of every decorated row of `tree` (`end`: which end of a link lies
 * in this tree). They depend on the visible rows, not on the scroll offset,
 * so scrolling keeps them (and the rows they decorate) as they are.
 */
export function rowMarks(tree: FieldTree | undefined, links: readonly CanvasLink[], view: VisibleRows, end: 'from' | 'to', masked: ReadonlyMap<number, string>): Map<number, RowMarks> {
  const marks = new Map<number, RowMarks>();
  if (!tree) return marks;
  const at = (index: number): RowMarks => {
    let mark = marks.get(index);
    if (!mark) {
      mark = { links: 0, hiddenLinks: 0 };
      marks.set(index, mark);
    }
    return mark;
  };
  for (const [index, category] of masked) at(index).masked = category;
  for (const link of links) {
    const names = end === 'from' ? link.sourceNames : link.targetNames;
    const node = names ? tree.byId.get(fieldId(names)) : undefined;
    if (node) at(node.index).links++;
    // A link whose field is hidden in a collapsed parent (or deeper than the tree knows) is counted at that parent.
    const drawnAt = names ? cachedNode(tree, names) : undefined;
    if (!drawnAt) continue;
    const { row, exact } = nearestVisibleRow(tree, view, drawnAt.index);
    if (row >= 0 && !(exact && drawnAt === node)) at(view.rows[row]!.node.index).hiddenLinks++;
  }
  return marks;
}
