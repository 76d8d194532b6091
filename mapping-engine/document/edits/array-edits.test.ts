import { describe, expect, it } from 'vitest';
import { compileDocument } from '../../compiler/compile-document';
import { applied, frozenDoc, refusedBy } from './edit-test-helpers';

const base = frozenDoc({
  arrays: [{ target: 'contacts', source: 'contacts' }],
  rules: [
    { target: 'id', sources: ['accountId'] },
    { target: 'contacts.value', sources: ['value'] },
    { target: 'contacts.owner', sources: ['../accountId'] },
  ],
});

describe('array context edits', () => {
  it('adds a context with filter, sort, group-by and record key, canonical target', () => {
    const doc = applied(base, {
      kind: 'addArray',
      context: { target: '`lines`', source: 'items', filter: { field: 'qty', op: '>', value: 0 }, sort: { field: 'sku' }, groupBy: 'sku', recordKey: 'sku' },
    });
    expect(doc.arrays[1]).toEqual({ target: 'lines', source: 'items', filter: { field: 'qty', op: '>', value: 0 }, sort: { field: 'sku', descending: false }, groupBy: 'sku', recordKey: 'sku' });
    const mapped = applied(doc, { kind: 'addRule', rule: { target: 'lines.sku', sources: ['$key'] } });
    expect(() => compileDocument(mapped)).not.toThrow();
  });

  it('refuses a second context for one array, a context on a field mapped whole, and bad parts', () => {
    refusedBy(base, { kind: 'addArray', context: { target: 'contacts', source: 'people' } });
    refusedBy(base, { kind: 'addArray', context: { target: 'id', source: 'ids' } });
    refusedBy(base, { kind: 'addArray', context: { target: 'id.parts', source: 'ids' } });
    expect(refusedBy(base, { kind: 'addArray', context: { target: 'lines', source: 'items', filter: { op: '=', value: [1, 2] } } }).expected).toBe('array context lines filter');
    refusedBy(base, { kind: 'addArray', context: { target: 'lines', source: 'items', sort: { field: 'a..b' } } });
    refusedBy(base, { kind: 'addArray', context: { target: 'lines', source: '../items' } });
    refusedBy(base, { kind: 'addArray', context: { target: 'lines', source: 'items', recordKey: '../../id' } });
    refusedBy(base, { kind: 'addArray', context: { target: 'lines', source: 'items' }, index: 5 });
    applied(base, { kind: 'addArray', context: { target: 'contacts.phones', source: 'phones', recordKey: '../../accountId' } });
  });

  it('replaces a context, re-checking the rules inside it', () => {
    const doc = applied(base, { kind: 'setArray', target: 'contacts', context: { target: 'contacts', source: 'people', sort: { field: 'type', descending: true } } });
    expect(doc.arrays[0]).toMatchObject({ source: 'people', sort: { descending: true } });
    const grouped = applied(base, { kind: 'setArray', target: 'contacts', context: { target: 'contacts', source: 'contacts', groupBy: 'type' } });
    const keyed = applied(grouped, { kind: 'addRule', rule: { target: 'contacts.type', sources: ['$key'] } });
    const error = refusedBy(keyed, { kind: 'setArray', target: 'contacts', context: { target: 'contacts', source: 'contacts' } });
    expect(error.expected).toContain('contacts.type');
    refusedBy(base, { kind: 'setArray', target: 'nope', context: { target: 'nope', source: 'x' } });
  });

  it('removes a context unless rules inside still read ../ through it', () => {
    expect(refusedBy(base, { kind: 'removeArray', target: 'contacts' }).expected).toContain('contacts.owner');
    const plain = applied(base, { kind: 'removeRule', target: 'contacts.owner' });
    expect(applied(plain, { kind: 'removeArray', target: 'contacts' }).arrays).toEqual([]);
    refusedBy(base, { kind: 'removeArray', target: 'nope' });
  });

  it('supports a root array (the whole output is a list)', () => {
    const rows = applied(frozenDoc(), { kind: 'addArray', context: { target: '.', source: 'shipment.packages' } });
    const doc = applied(rows, { kind: 'linkSource', target: 'shipmentId', source: '../shipment.id' });
    expect(() => compileDocument(doc)).not.toThrow();
    refusedBy(rows, { kind: 'addArray', context: { target: '.', source: 'x' } });
  });
});
