/** The rules view's rows over the CRM -> ERP sample's target schema. */
import { describe, expect, it } from 'vitest';
import { crmDocument, crmRows } from './rules-test-helpers';
import { findRow, ruleInsertIndex, rowCounts, targetRows } from './target-rows';
import { contextBases, filterOptions, sourceOptions } from './source-options';

describe('target rows', () => {
  it('lists every target field with its rule, array context and status', async () => {
    const doc = crmDocument();
    const rows = targetRows(doc, await crmRows('target/erp-customer.schema.json'));
    const byPath = new Map(rows.map((r) => [r.path, r]));
    expect(byPath.get('customerNumber')).toMatchObject({ kind: 'field', status: 'mapped', required: true, rule: { sources: ['accountId'] } });
    expect(byPath.get('address')).toMatchObject({ kind: 'object', status: 'group' });
    expect(byPath.get('contacts')).toMatchObject({ kind: 'array', status: 'mapped', context: { source: 'contacts' } });
    expect(byPath.get('contacts.channel')).toMatchObject({ depth: 1, status: 'mapped' });
    expect(rows.every((r) => !r.extra)).toBe(true);
    expect(rowCounts(rows).unmapped).toBe(rows.filter((r) => r.kind === 'field' && !r.rule).length);
  });

  it('marks unmapped fields, rules outside the schema, and fields with run errors', async () => {
    const doc = crmDocument();
    const withoutCity = { ...doc, rules: [...doc.rules.filter((r) => r.target !== 'address.city'), { target: 'legacyCode', sources: ['x'], transforms: [], required: 'omit' as const }] };
    const rows = targetRows(withoutCity, await crmRows('target/erp-customer.schema.json'), [{ field: 'contacts[].channel', code: 'MAP_REQUIRED_MISSING', message: 'contacts[].channel is required' }]);
    const byPath = new Map(rows.map((r) => [r.path, r]));
    expect(byPath.get('address.city')).toMatchObject({ status: 'unmapped', required: true });
    expect(byPath.get('legacyCode')).toMatchObject({ extra: true, status: 'mapped' });
    expect(byPath.get('contacts.channel')).toMatchObject({ status: 'error', problem: 'contacts[].channel is required' });
    expect(rowCounts(rows)).toMatchObject({ error: 1 });
  });

  it('lists the rules alone when the target has no schema or sample', () => {
    const rows = targetRows(crmDocument(), undefined);
    expect(rows.map((r) => r.path)).toEqual(crmDocument().rules.map((r) => r.target));
  });

  it('finds a row by the start of its name or path, after the current one, wrapping', async () => {
    const rows = targetRows(crmDocument(), await crmRows('target/erp-customer.schema.json'));
    const city = findRow(rows, 'ci', 0)!;
    expect(rows[city]!.path).toBe('address.city');
    const customer = findRow(rows, 'customer', 0)!;
    expect(rows[customer]!.path).toBe('customerNumber');
    expect(rows[findRow(rows, 'customer', customer + 1)!]!.path).toBe('customerSince');
    expect(findRow(rows, 'zzz', 0)).toBeUndefined();
  });
});

describe('rule insert index', () => {
  it('puts a new rule before the next mapped field in schema order, or last', async () => {
    const doc = crmDocument();
    const rules = doc.rules.filter((r) => r.target !== 'address.city' && r.target !== 'contacts.customerNumber');
    const rows = targetRows({ ...doc, rules }, await crmRows('target/erp-customer.schema.json'));
    expect(rules[ruleInsertIndex(rows, rules, 'address.city')]?.target).toBe('address.country');
    expect(ruleInsertIndex(rows, rules, 'contacts.customerNumber')).toBe(rules.length);
  });
});

describe('source options', () => {
  it('offers root fields outside array contexts and relative plus ../ fields inside', async () => {
    const doc = crmDocument();
    const rows = await crmRows('source/crm-account.json');
    const top = sourceOptions(doc, rows, 'customerNumber').map((o) => o.path);
    expect(top).toEqual(expect.arrayContaining(['accountId', 'billing.city', 'contacts', 'contacts.type']));
    expect(contextBases(doc, 'contacts.value')).toEqual([['contacts']]);
    const inner = sourceOptions(doc, rows, 'contacts.value');
    expect(inner.filter((o) => !o.outer).map((o) => o.path)).toEqual(['type', 'value']);
    expect(inner.filter((o) => o.outer).map((o) => o.path)).toContain('../accountId');
    expect(inner.map((o) => o.path)).not.toContain('../contacts');
  });

  it('offers the columns of a constants table in a CSV file once the studio has read it', () => {
    const doc = { arrays: [], lookups: { debtor: { file: 'debtor.csv' } } };
    const constants = (files = {}) => sourceOptions(doc, [], 'a', files).filter((o) => o.type === 'constant').map((o) => o.path);
    expect(constants()).toEqual([]);
    expect(constants({ debtor: { name: 'Beispiel GmbH', 'Debtor BIC': 'SOGEDEFFXXX' } })).toEqual(['$table.debtor.name', '$table.debtor.`Debtor BIC`']);
  });

  it('filters by prefix first, then by substring', async () => {
    const options = sourceOptions(crmDocument(), await crmRows('source/crm-account.json'), 'email');
    expect(filterOptions(options, 'bil').map((o) => o.path)[0]).toBe('billing');
    expect(filterOptions(options, 'city').map((o) => o.path)).toEqual(['billing.city']);
  });
});
