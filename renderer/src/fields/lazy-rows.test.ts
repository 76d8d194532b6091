import { describe, expect, it } from 'vitest';
import type { SchemaChildRow } from '../../../electron/contract/methods/schema-tree-methods';
import { fieldId } from './field-tree-model';
import { emptyLazyRows, flattenKnown, knownChildren, mergeAnswer } from './lazy-rows';

const row = (name: string, depth: number, more: Partial<SchemaChildRow> = {}): SchemaChildRow => ({
  path: name,
  name,
  depth,
  type: more.hasChildren ? 'object' : 'string',
  repeating: false,
  required: false,
  hasChildren: false,
  childrenSent: false,
  ...more,
});

describe('lazily loaded rows', () => {
  const top = mergeAnswer(emptyLazyRows(), [], [
    row('Invoice', 0, { hasChildren: true, childrenSent: true, typeRef: 'InvoiceType' }),
    row('ID', 1),
    row('Supplier', 1, { hasChildren: true, typeRef: 'PartyType' }),
    row('Customer', 1, { hasChildren: true, typeRef: 'PartyType' }),
  ]);

  it('keeps the fields of each field by id and by type, and flattens what was sent', () => {
    expect(top.children.get(fieldId(['Invoice']))?.map((r) => r.name)).toEqual(['ID', 'Supplier', 'Customer']);
    expect(top.types.has('InvoiceType')).toBe(true);
    expect(flattenKnown(top, new Set()).map((r) => `${r.depth}:${r.name}`)).toEqual(['0:Invoice', '1:ID', '1:Supplier', '1:Customer']);
  });

  it('merges a level the user opened, and reuses a shared type only where the user opens it', () => {
    const opened = mergeAnswer(top, ['Invoice', 'Supplier'], [row('Name', 0), row('Address', 0, { hasChildren: true, typeRef: 'AddressType' })], 'PartyType');
    expect(knownChildren(opened, fieldId(['Invoice', 'Customer']), 'PartyType')?.map((r) => r.name)).toEqual(['Name', 'Address']);
    const supplier = fieldId(['Invoice', 'Supplier']);
    const customer = fieldId(['Invoice', 'Customer']);
    expect(flattenKnown(opened, new Set([supplier])).map((r) => r.name)).toEqual(['Invoice', 'ID', 'Supplier', 'Name', 'Address', 'Customer']);
    // Customer is of the same type: opening it needs no request, and lists the same fields at its own depth.
    const both = flattenKnown(opened, new Set([supplier, customer]));
    expect(both.slice(-3).map((r) => `${r.depth}:${r.name}`)).toEqual(['1:Customer', '2:Name', '2:Address']);
  });
});
