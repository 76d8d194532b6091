import { describe, expect, it } from 'vitest';
import { applied, frozenDoc, refusedBy } from './edit-test-helpers';

const base = frozenDoc({
  lookups: { countries: { entries: { DE: 'Germany' } }, units: { file: 'lookups/units.csv', keyColumn: 'code', valueColumn: 'name' } },
  rules: [
    { target: 'country', sources: ['cc'], transforms: [{ kind: 'lookup', table: 'countries' }] },
    { target: 'billingCountry', sources: ['bcc'], transforms: [{ kind: 'trim' }, { kind: 'lookup', table: 'countries' }] },
    { target: 'unit', sources: ['u'] },
  ],
});

describe('lookup table edits', () => {
  it('adds inline and CSV tables and replaces one', () => {
    let doc = applied(base, { kind: 'setLookup', name: 'status', table: { entries: { A: 'ACTIVE' } } });
    doc = applied(doc, { kind: 'setLookup', name: 'regions', table: { file: 'lookups/regions.csv', keyColumn: 'k', valueColumn: 'v' } });
    doc = applied(doc, { kind: 'setLookup', name: 'countries', table: { entries: { FR: 'France' } } });
    expect(Object.keys(doc.lookups)).toEqual(['countries', 'units', 'status', 'regions']);
    expect(doc.lookups.countries).toEqual({ entries: { FR: 'France' } });
  });

  it('refuses bad names and tables', () => {
    refusedBy(base, { kind: 'setLookup', name: '1st', table: { entries: {} } });
    refusedBy(base, { kind: 'setLookup', name: 'x', table: { file: '/abs/units.csv', keyColumn: 'k', valueColumn: 'v' } });
    refusedBy(base, { kind: 'setLookup', name: 'x', table: { file: 'u.csv', keyColumn: '', valueColumn: 'v' } });
    refusedBy(base, { kind: 'setLookup', name: 'x', table: { entries: { a: 1 } } as never });
  });

  it('renames a table and every rule that uses it, keeping its place', () => {
    const doc = applied(base, { kind: 'renameLookup', name: 'countries', newName: 'countryNames' });
    expect(Object.keys(doc.lookups)).toEqual(['countryNames', 'units']);
    expect(doc.rules[0]!.transforms).toEqual([{ kind: 'lookup', table: 'countryNames', onUnknown: 'default' }]);
    expect(doc.rules[1]!.transforms[1]).toMatchObject({ table: 'countryNames' });
    expect(doc.rules[2]).toBe(base.rules[2]);
    refusedBy(base, { kind: 'renameLookup', name: 'countries', newName: 'units' });
    refusedBy(base, { kind: 'renameLookup', name: 'nope', newName: 'x' });
    refusedBy(base, { kind: 'renameLookup', name: 'countries', newName: 'bad name' });
  });

  it('removes an unused table and refuses one still used, naming the rules', () => {
    expect(Object.keys(applied(base, { kind: 'removeLookup', name: 'units' }).lookups)).toEqual(['countries']);
    const error = refusedBy(base, { kind: 'removeLookup', name: 'countries' });
    expect(error.message).toContain('country, billingCountry');
    refusedBy(base, { kind: 'removeLookup', name: 'nope' });
    refusedBy(base, { kind: 'removeLookup', name: 'toString' });
  });
});
