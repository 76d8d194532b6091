import { describe, expect, it } from 'vitest';
import { describeEdit } from './describe-edit';
import type { DocumentEdit, DocumentEditKind } from './edit-types';

const EXAMPLES: Record<DocumentEditKind, DocumentEdit> = {
  setName: { kind: 'setName', name: 'CRM' },
  setDescription: { kind: 'setDescription', description: 'x' },
  setEndpoint: { kind: 'setEndpoint', side: 'source', endpoint: { format: 'csv' } },
  setRecordKey: { kind: 'setRecordKey', recordKey: 'id' },
  setMasking: { kind: 'setMasking' },
  addRule: { kind: 'addRule', rule: { target: 'a', sources: ['b'] } },
  removeRule: { kind: 'removeRule', target: 'address.city' },
  moveRule: { kind: 'moveRule', target: 'a', toIndex: 0 },
  retargetRule: { kind: 'retargetRule', target: 'a', newTarget: 'b' },
  setSources: { kind: 'setSources', target: 'a', sources: ['b', 'c'] },
  linkSource: { kind: 'linkSource', target: 'address.city', source: 'billing.city' },
  unlinkSource: { kind: 'unlinkSource', target: 'address.city', source: 'billing.city' },
  insertTransform: { kind: 'insertTransform', target: 'customerSince', index: 0, transform: { kind: 'date', from: 'iso', to: 'iso' } },
  removeTransform: { kind: 'removeTransform', target: 'a', index: 0 },
  moveTransform: { kind: 'moveTransform', target: 'a', from: 0, to: 1 },
  setTransform: { kind: 'setTransform', target: 'a', index: 0, transform: { kind: 'valueMap', entries: {} } },
  setRequired: { kind: 'setRequired', target: 'a', required: 'error' },
  setDefault: { kind: 'setDefault', target: 'a', default: 1 },
  setNotes: { kind: 'setNotes', target: 'a', notes: 'n' },
  addArray: { kind: 'addArray', context: { target: '.', source: 'rows' } },
  setArray: { kind: 'setArray', target: 'lines', context: { target: 'lines', source: 'items' } },
  removeArray: { kind: 'removeArray', target: 'lines' },
  setLookup: { kind: 'setLookup', name: 'countries', table: { entries: {} } },
  renameLookup: { kind: 'renameLookup', name: 'a', newName: 'b' },
  removeLookup: { kind: 'removeLookup', name: 'a' },
  addTest: { kind: 'addTest', test: { name: 't', input: 'in.json', expected: 'out.json' } },
  setTest: { kind: 'setTest', name: 't', test: { name: 't', input: 'in.json', expected: 'out.json' } },
  removeTest: { kind: 'removeTest', name: 't' },
  setNodePosition: { kind: 'setNodePosition', id: 'n', position: { x: 1, y: 2 } },
  batch: { kind: 'batch', edits: [] },
};

describe('describeEdit', () => {
  it('labels links, transforms and batches in plain words', () => {
    expect(describeEdit(EXAMPLES.linkSource)).toBe('Link billing.city → address.city');
    expect(describeEdit(EXAMPLES.insertTransform)).toBe('Insert date transform on customerSince');
    expect(describeEdit(EXAMPLES.setTransform)).toBe('Edit value map transform on a');
    expect(describeEdit(EXAMPLES.removeRule)).toBe('Unmap address.city');
    expect(describeEdit(EXAMPLES.addArray)).toBe('Add array context for the output rows');
    expect(describeEdit({ kind: 'batch', edits: [EXAMPLES.linkSource] })).toBe('Link billing.city → address.city');
    expect(describeEdit({ kind: 'batch', edits: [EXAMPLES.linkSource, EXAMPLES.removeRule], label: 'Accept 2 suggestions' })).toBe('Accept 2 suggestions');
    expect(describeEdit({ kind: 'batch', edits: [EXAMPLES.linkSource, EXAMPLES.removeRule] })).toBe('2 edits');
  });

  it('gives every kind a distinct one-line label', () => {
    const labels = Object.values(EXAMPLES).map(describeEdit);
    for (const label of labels) expect(label).toMatch(/^[A-Z0-9"][^\n]*[^.\n]$/);
    expect(new Set(labels).size).toBe(labels.length);
  });
});
