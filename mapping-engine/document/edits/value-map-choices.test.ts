import { describe, expect, it } from 'vitest';
import { mappingDocumentSchema } from '../document-schema';
import { enumMatch, MAX_SEEN_VALUES, sourceKeys, valueMapChoices } from './value-map-choices';

const doc = mappingDocumentSchema.parse({
  formatVersion: 1,
  name: 't',
  source: { format: 'json' },
  target: { format: 'json' },
  arrays: [{ target: 'lines', source: 'order.items' }],
  rules: [
    { target: 'status', sources: ['order.financial_status'] },
    { target: 'lines.unit', sources: ['unit'] },
    { target: 'lines.orderStatus', sources: ['../order.financial_status'] },
    { target: 'constant', sources: [], transforms: [{ kind: 'constant', value: 'X' }] },
  ],
});
const records = [
  { order: { financial_status: 'paid', items: [{ unit: 'kg' }, { unit: 'pc' }, { unit: 'kg' }] } },
  { order: { financial_status: 'pending', items: [{ unit: 3 }, { unit: null }, { unit: { nested: 1 } }] } },
  { order: { financial_status: 'paid' } },
];

describe('sourceKeys', () => {
  it('gives the distinct texts of the rule source in the samples, first seen first, read inside its array context', () => {
    expect(sourceKeys(doc, 'status', records)).toEqual(['paid', 'pending']);
    // Numbers as the map matches them ($string); null and objects are no keys.
    expect(sourceKeys(doc, 'lines.unit', records)).toEqual(['kg', 'pc', '3']);
    expect(sourceKeys(doc, 'lines.orderStatus', records)).toEqual(['paid', 'pending']);
  });

  it('gives nothing for a rule without a field source, a field without a rule, or no samples', () => {
    expect(sourceKeys(doc, 'constant', records)).toEqual([]);
    expect(sourceKeys(doc, 'unknown', records)).toEqual([]);
    expect(sourceKeys(doc, 'status', [])).toEqual([]);
  });

  it('stops at a bound (a free-text field has thousands of values)', () => {
    const many = Array.from({ length: 100 }, (_, i) => ({ order: { financial_status: `s${i}` } }));
    expect(sourceKeys(doc, 'status', many)).toHaveLength(MAX_SEEN_VALUES);
  });
});

describe('valueMapChoices', () => {
  const targetEnum = ['RELEASED', 'ON_HOLD', 'CANCELLED', 'PAID_IN_FULL'];
  it('offers the seen values the map has no key for, each with the allowed value it likely stands for, and every allowed value', () => {
    expect(valueMapChoices({ pending: 'ON_HOLD' }, ['paid', 'pending', 'voided', 'on_hold'], targetEnum)).toEqual({
      keys: [{ key: 'paid', suggested: 'PAID_IN_FULL' }, { key: 'voided' }, { key: 'on_hold', suggested: 'ON_HOLD' }],
      values: targetEnum,
    });
    expect(valueMapChoices({}, ['a'], undefined)).toEqual({ keys: [{ key: 'a' }], values: [] });
  });

  it('matches ignoring case, then by prefix either way, and never an empty value', () => {
    expect(enumMatch('active', ['INACTIVE', 'ACTIVE'])).toBe('ACTIVE');
    expect(enumMatch('A', ['ACTIVE', 'INACTIVE'])).toBe('ACTIVE');
    expect(enumMatch('cancelled_by_shop', ['CANCELLED'])).toBe('CANCELLED');
    expect(enumMatch('', ['ACTIVE'])).toBeUndefined();
    expect(enumMatch('x', [1, true, null])).toBeUndefined();
  });
});
