import { describe, expect, it } from 'vitest';
import type { SchemaFieldRow } from '../../../electron/contract/methods/engine-methods';
import { documentLinks } from '../../../mapping-engine/document/canvas/canvas-links';
import { mappingDocumentSchema } from '../../../mapping-engine/document/document-schema';
import { buildFieldTree, fieldId, visibleRows } from '../fields/field-tree-model';
import { maskedFields, rowMarks } from './row-marks';

const row = (name: string, depth: number, hasChildren = false): SchemaFieldRow => ({ path: name, name, depth, type: hasChildren ? 'object' : 'string', repeating: false, required: false, hasChildren });
const tree = buildFieldTree([row('customer', 0, true), row('email', 1), row('city', 1), row('sku', 0)]);
const doc = mappingDocumentSchema.parse({
  formatVersion: 1,
  name: 't',
  source: { format: 'json' },
  target: { format: 'json' },
  rules: [
    { target: 'sku', sources: ['customer.email', 'customer.city'] },
    { target: 'customer.city', sources: ['sku'] },
  ],
});

describe('row marks', () => {
  it('counts links per field and links hidden in a collapsed parent', () => {
    const links = documentLinks(doc);
    const side = { tree, view: visibleRows(tree, new Set()), scrollTop: 0, height: 100, top: 0, rowHeight: 10 };
    const source = rowMarks(tree, links, side.view, 'from', new Map());
    expect(source.get(tree.byId.get(fieldId(['customer', 'email']))!.index)?.links).toBe(1);
    expect(source.get(0)).toEqual({ links: 0, hiddenLinks: 2 });
    const target = rowMarks(tree, links, side.view, 'to', new Map());
    expect(target.get(3)).toEqual({ links: 2, hiddenLinks: 0 });
    expect(target.get(0)?.hiddenLinks).toBe(1);
  });

  it('marks personal data by name and policy', () => {
    const masked = maskedFields(tree, undefined);
    expect([...masked.entries()]).toEqual([[1, 'email'], [2, 'city']]);
    expect(maskedFields(tree, { keepCategories: ['city'] }).has(2)).toBe(false);
  });
});
