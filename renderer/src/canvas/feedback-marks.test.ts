import { describe, expect, it } from 'vitest';
import type { SchemaFieldRow } from '../../../electron/contract/methods/engine-methods';
import { documentLinks } from '../../../mapping-engine/document/canvas/canvas-links';
import { mappingDocumentSchema } from '../../../mapping-engine/document/document-schema';
import { buildFieldTree, fieldId, visibleRows } from '../fields/field-tree-model';
import { withFeedbackMarks } from './feedback-marks';

const row = (name: string, depth: number, hasChildren = false): SchemaFieldRow => ({ path: name, name, depth, type: hasChildren ? 'object' : 'string', repeating: false, required: false, hasChildren });
const source = buildFieldTree([row('customer', 0, true), row('email', 1), row('city', 1), row('sku', 0)]);
// The target's `address` level is not loaded yet (a collapsed, lazily read level).
const target = buildFieldTree([row('address', 0, true), row('code', 0)]);
const doc = mappingDocumentSchema.parse({
  formatVersion: 1,
  name: 't',
  source: { format: 'json' },
  target: { format: 'json' },
  rules: [
    { target: 'code', sources: ['customer.email', 'sku'] },
    { target: 'address.city', sources: ['customer.city'] },
  ],
});
const links = documentLinks(doc);
const index = (tree: typeof source, ...names: string[]) => tree.byId.get(fieldId(names))!.index;

describe('feedback marks on the canvas trees', () => {
  it('puts the worst problem on its target field, counts the rest, and marks a field not loaded at its parent', () => {
    const problems = [
      { target: 'code', severity: 'warning' as const, message: 'reads nothing known' },
      { target: 'code', severity: 'error' as const, message: 'code is required' },
      { target: 'address.city', severity: 'error' as const, message: 'city is required' },
      { severity: 'error' as const, message: 'the whole run failed' },
    ];
    const marks = withFeedbackMarks(new Map([[index(target, 'code'), { links: 2, hiddenLinks: 0 }]]), target, links, { problems }, 'to');
    expect(marks.get(index(target, 'code'))).toEqual({ links: 2, hiddenLinks: 0, problem: { severity: 'error', text: 'code is required', count: 2 } });
    expect(marks.get(index(target, 'address'))?.problem).toEqual({ severity: 'error', text: 'inside: address.city: city is required', count: 1 });
    // Problems belong to target fields: the source tree is left alone.
    expect(withFeedbackMarks(new Map(), source, links, { problems }, 'from').size).toBe(0);
  });

  it('marks a field hidden in a collapsed parent on the parent too, and only the field once it shows', () => {
    const problems = [{ target: 'customer.city', severity: 'warning' as const, message: 'odd' }];
    const collapsed = withFeedbackMarks(new Map(), source, links, { problems }, 'to', visibleRows(source, new Set()));
    expect(collapsed.get(index(source, 'customer'))?.problem?.text).toBe('inside: customer.city: odd');
    expect(collapsed.get(index(source, 'customer', 'city'))?.problem?.text).toBe('odd');
    const open = withFeedbackMarks(new Map(), source, links, { problems }, 'to', visibleRows(source, new Set([fieldId(['customer'])])));
    expect(open.get(index(source, 'customer'))).toBeUndefined();
  });

  it("marks the selected value's target field and every source field its rule reads", () => {
    const base = new Map();
    const feedback = { problems: [], lineageTarget: 'code' };
    const read = withFeedbackMarks(base, source, links, feedback, 'from');
    expect([...read.entries()].filter(([, m]) => m.lineage === 'read').map(([i]) => i).sort()).toEqual([index(source, 'customer', 'email'), index(source, 'sku')].sort());
    expect(withFeedbackMarks(base, target, links, feedback, 'to').get(index(target, 'code'))?.lineage).toBe('written');
    // The given marks are never changed.
    expect(base.size).toBe(0);
  });
});
