import { describe, expect, it } from 'vitest';
import { applyEdit, applyEdits, replaceDocument } from './apply-edit';
import { applied, frozenDoc, refusedBy } from './edit-test-helpers';

const base = frozenDoc({ description: 'd', rules: [{ target: 'id', sources: ['id'] }] });

describe('project edits', () => {
  it('sets and clears name, description, record key and masking', () => {
    expect(applied(base, { kind: 'setName', name: 'CRM' }).name).toBe('CRM');
    expect(applied(base, { kind: 'setName', name: 'test' })).toBe(base); // no change, no undo step
    expect(applied(base, { kind: 'setRecordKey' })).toBe(base);
    refusedBy(base, { kind: 'setName', name: '  ' });
    expect(applied(base, { kind: 'setDescription' })).not.toHaveProperty('description');
    expect(applied(base, { kind: 'setDescription', description: 'new' }).description).toBe('new');
    expect(applied(base, { kind: 'setRecordKey', recordKey: 'account.id' }).recordKey).toBe('account.id');
    refusedBy(base, { kind: 'setRecordKey', recordKey: '../id' });
    refusedBy(base, { kind: 'setRecordKey', recordKey: 'a..b' });
    const labelled = applied(base, { kind: 'setRecordKey', recordKey: '`Zahlungs-Nr`', recordLabel: ' Payment-No ' });
    expect([labelled.recordKey, labelled.recordLabel]).toEqual(['`Zahlungs-Nr`', 'Payment-No']);
    expect(applied(labelled, { kind: 'setRecordKey', recordKey: '`Zahlungs-Nr`', recordLabel: 'Payment-No' })).toBe(labelled);
    expect(applied(labelled, { kind: 'setRecordKey', recordKey: '`Zahlungs-Nr`', recordLabel: '' })).not.toHaveProperty('recordLabel');
    expect(applied(labelled, { kind: 'setRecordKey' })).not.toHaveProperty('recordLabel');
    refusedBy(base, { kind: 'setRecordKey', recordKey: 'id', recordLabel: 'x'.repeat(81) });
    const masked = applied(base, { kind: 'setMasking', masking: { minConfidence: 0.5, fields: { email: 'always' } } });
    expect(masked.masking).toEqual({ minConfidence: 0.5, fields: { email: 'always' } });
    expect(applied(masked, { kind: 'setMasking' })).not.toHaveProperty('masking');
    refusedBy(base, { kind: 'setMasking', masking: { minConfidence: 2 } });
  });

  it('sets source and target with defaults applied, refusing bad formats and absolute paths', () => {
    const doc = applied(base, { kind: 'setEndpoint', side: 'target', endpoint: { format: 'xml', schema: { file: 'target/invoice.xsd' } } });
    expect(doc.target).toEqual({ format: 'xml', schema: { file: 'target/invoice.xsd' }, samples: [] });
    expect(applied(base, { kind: 'setEndpoint', side: 'source', endpoint: { format: 'csv', samples: ['source/rows.csv'] } }).source.samples).toEqual(['source/rows.csv']);
    refusedBy(base, { kind: 'setEndpoint', side: 'source', endpoint: { format: 'yaml' } as never });
    refusedBy(base, { kind: 'setEndpoint', side: 'source', endpoint: { format: 'json', samples: ['C:/x.json'] } });
    refusedBy(base, { kind: 'setEndpoint', side: 'middle' as never, endpoint: { format: 'json' } });
  });

  it('moves and resets canvas nodes without touching anything else', () => {
    const doc = applied(base, { kind: 'setNodePosition', id: 'rule:id', position: { x: 10, y: 20 } });
    expect(doc.layout.nodes).toEqual({ 'rule:id': { x: 10, y: 20 } });
    expect(doc.rules).toBe(base.rules);
    expect(applied(doc, { kind: 'setNodePosition', id: 'rule:id' }).layout.nodes).toEqual({});
    expect(applied(doc, { kind: 'setNodePosition', id: 'rule:id', position: { x: 10, y: 20 } })).toBe(doc);
    refusedBy(base, { kind: 'setNodePosition', id: 'n', position: { x: Number.NaN, y: 0 } });
    refusedBy(base, { kind: 'setNodePosition', id: '', position: { x: 0, y: 0 } });
  });
});

describe('batch and bad input', () => {
  it('applies a batch as one step, all or nothing, naming the failing edit', () => {
    const doc = applied(base, { kind: 'batch', edits: [{ kind: 'linkSource', target: 'a', source: 'x' }, { kind: 'linkSource', target: 'b', source: 'y' }] });
    expect(doc.rules.map((r) => r.target)).toEqual(['id', 'a', 'b']);
    const error = refusedBy(base, { kind: 'batch', edits: [{ kind: 'linkSource', target: 'a', source: 'x' }, { kind: 'linkSource', target: 'a', source: 'x' }] });
    expect(error.message).toMatch(/^edit 2 of 2: /);
    expect(applyEdits(base, [{ kind: 'setName', name: 'n' }])).toMatchObject({ ok: true, document: { name: 'n' } });
    expect(applyEdit(base, { kind: 'batch', edits: [] })).toEqual({ ok: true, document: base });
  });

  it('refuses unknown kinds and malformed edits with EDIT_INVALID, never INTERNAL', () => {
    refusedBy(base, { kind: 'explode' } as never);
    refusedBy(base, null as never);
    refusedBy(base, { kind: 'batch' } as never);
    refusedBy(base, { kind: 'removeRule' } as never);
    refusedBy(base, { kind: 'linkSource', target: 'a' } as never);
    refusedBy(base, { kind: 'setSources', target: 'id', sources: 'x' } as never);
    refusedBy(base, { kind: 'addRule' } as never);
    refusedBy(base, { kind: 'insertTransform', target: 'id', index: 0 } as never);
    refusedBy(base, { kind: 'setLookup', name: 'x' } as never);
    refusedBy(base, { kind: 'addTest' } as never);
    refusedBy(base, { kind: 'addArray' } as never);
    refusedBy(base, { kind: 'setNodePosition', id: 'n', position: {} } as never);
  });

  it('validates a whole replacement document with the full schema', () => {
    expect(replaceDocument({ ...base, name: 'other' })).toMatchObject({ ok: true, document: { name: 'other' } });
    const result = replaceDocument({ ...base, rules: [{ target: 'a' }, { target: 'a' }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'EDIT_INVALID', expected: '/rules/1/target' } });
  });
});
