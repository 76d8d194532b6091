/**
 * Lists a document's target fields in the order the compiler writes them,
 * with the array nesting and message label each is compiled at (mirroring
 * ../compile-document.ts, which labels array fields `lines[].sku`).
 */
import type { MappingDocument, MappingRule } from '../../document/document-schema';
import { recordInScope } from '../record-label';
import { buildTargetTree, type TargetNode } from '../target-tree';
import type { FieldPlace } from './reverse-rule';

/** A field's place plus the source-map key of its span and its rule in the base document. */
export interface PlacedField extends FieldPlace {
  path: string;
  rule: MappingRule;
}

function walk(doc: MappingDocument, children: TargetNode[], depth: number, label: string, out: PlacedField[]): void {
  for (const node of children) {
    const here = label ? `${label}.${node.name}` : node.name;
    if (node.kind === 'field') out.push({ target: node.rule.target, path: node.path, depth, label: here, record: recordInScope(doc, depth), rule: node.rule });
    else if (node.kind === 'object') walk(doc, node.children, depth, here, out);
    else walk(doc, node.children, depth + 1, `${here}[]`, out);
  }
}

/** Every field of `doc`'s target tree, in compiled order. */
export function fieldPlaces(doc: MappingDocument): PlacedField[] {
  const tree = buildTargetTree(doc);
  const out: PlacedField[] = [];
  // Rows of a root array are labelled by their own names ("weightKg", not "[].weightKg").
  walk(doc, tree.children, tree.kind === 'array' ? 1 : 0, '', out);
  return out;
}
