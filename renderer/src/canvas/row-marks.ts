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
import { fieldId, type FieldTree } from '../fields/field-tree-model';
import type { RoutedLink } from './link-geometry';

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

/** The marks of every decorated row of `tree` (`end`: which end of a link lies in this tree). */
export function rowMarks(tree: FieldTree | undefined, links: readonly CanvasLink[], routed: readonly RoutedLink[], end: 'from' | 'to', masked: ReadonlyMap<number, string>): Map<number, RowMarks> {
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
  }
  for (const route of routed) {
    const place = end === 'from' ? route.from : route.to;
    if (place.state === 'collapsed') at(place.node).hiddenLinks++;
  }
  return marks;
}
