import { describe, expect, it } from 'vitest';
import { diffValues } from './diff-values';

describe('diffValues', () => {
  it('finds nothing for structurally equal values, whatever the key order', () => {
    expect(diffValues({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toEqual([]);
    expect(diffValues(null, null)).toEqual([]);
    expect(diffValues(0, -0)).toEqual([]);
  });

  it('points at the deepest differing scalar with a JSONata-style path', () => {
    expect(diffValues({ order: { lines: [{ total: 12.5 }, { total: 3 }] } }, { order: { lines: [{ total: 12.5 }, { total: 4 }] } })).toEqual([
      { path: 'order.lines[1].total', expected: 3, actual: 4 },
    ]);
  });

  it('reports missing and unexpected fields, in expected-key order then extra keys', () => {
    expect(diffValues({ id: 1, name: 'A' }, { id: 1, extra: true })).toEqual([
      { path: 'name', expected: 'A', actual: undefined },
      { path: 'extra', expected: undefined, actual: true },
    ]);
  });

  it('treats a field holding undefined as absent, like JSON does', () => {
    expect(diffValues({ a: 1, b: undefined }, { a: 1 })).toEqual([]);
  });

  it('reports array length differences item by item', () => {
    expect(diffValues([1, 2], [1, 2, 3])).toEqual([{ path: '$[2]', expected: undefined, actual: 3 }]);
    expect(diffValues({ tags: ['a', 'b'] }, { tags: ['a'] })).toEqual([{ path: 'tags[1]', expected: 'b', actual: undefined }]);
  });

  it('reports a kind change once at its path instead of descending', () => {
    expect(diffValues({ line: [{ n: 1 }] }, { line: { n: 1 } })).toEqual([{ path: 'line', expected: [{ n: 1 }], actual: { n: 1 } }]);
    expect(diffValues({ a: null }, { a: {} })).toEqual([{ path: 'a', expected: null, actual: {} }]);
    expect(diffValues('1', 1)).toEqual([{ path: '$', expected: '1', actual: 1 }]);
  });

  it('quotes names that are not identifiers with backticks', () => {
    expect(diffValues({ 'Order Date': '2024-01-01', 'cbc:ID': 'x', '@currencyID': 'EUR' }, { 'Order Date': '2024-01-02', 'cbc:ID': 'y', '@currencyID': 'EUR' })).toEqual([
      { path: '`Order Date`', expected: '2024-01-01', actual: '2024-01-02' },
      { path: '`cbc:ID`', expected: 'x', actual: 'y' },
    ]);
  });

  it('compares the whole result when one side is missing', () => {
    expect(diffValues({ a: 1 }, undefined)).toEqual([{ path: '$', expected: { a: 1 }, actual: undefined }]);
    expect(diffValues(undefined, undefined)).toEqual([]);
  });
});
