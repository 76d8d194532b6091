import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../document/load-document';
import { lineageOf, outputPathSegments, sourceElementIndex } from './lineage';

const doc = loadDocument(readFileSync('samples/crm-to-erp/crm-to-erp.mapwright.json', 'utf8')).document;
const input = JSON.parse(readFileSync('samples/crm-to-erp/source/crm-account.json', 'utf8')) as unknown;

describe('outputPathSegments', () => {
  it('reads names, backticked names and element indices', () => {
    expect(outputPathSegments('a.`Order ``Date`[2].b')).toEqual([{ name: 'a' }, { name: 'Order `Date' }, { index: 2 }, { name: 'b' }]);
    expect(() => outputPathSegments('a[x]')).toThrow();
  });
});

describe('lineageOf', () => {
  it('names the rule, its transforms and the source value of a top-level field', () => {
    const lineage = lineageOf(doc, 'address.city', input);
    expect(lineage.targetPath).toBe('address.city');
    expect(lineage.rule?.sources).toEqual(['billing.city']);
    expect(lineage.sources).toEqual([{ source: 'billing.city', inputPath: 'billing.city', value: 'Sampletown' }]);
  });

  it('finds the source element of a sorted array context, and a parent field read with ../', () => {
    // contacts are sorted by type: email < phone, as in the input, so element 1 is source element 1.
    const phone = lineageOf(doc, 'contacts[1].value', input);
    expect(phone.contexts).toEqual([{ target: 'contacts', source: 'contacts', outputIndex: 1, sourceIndex: 1, sourceArrayPath: 'contacts' }]);
    expect(phone.sources).toEqual([{ source: 'value', inputPath: 'contacts[1].value', value: '+49 30 0000000' }]);
    const parent = lineageOf(doc, 'contacts[0].customerNumber', input);
    expect(parent.sources[0]).toMatchObject({ inputPath: 'accountId', value: 'ACC-000731' });
  });

  it('reorders by the sort field and leaves a filtered element open', () => {
    const items = [{ t: 'b' }, { t: 'a' }, { t: 'c' }];
    expect(sourceElementIndex({ target: 'x', source: 'y', sort: { field: 't', descending: false } }, items, 0)).toBe(1);
    expect(sourceElementIndex({ target: 'x', source: 'y', sort: { field: 't', descending: true } }, items, 0)).toBe(2);
    expect(sourceElementIndex({ target: 'x', source: 'y', filter: { field: 't', op: '=', value: 'a' } } as never, items, 0)).toBeUndefined();
  });

  it('has no rule for a field nothing maps', () => {
    expect(lineageOf(doc, 'nothing.here', input)).toMatchObject({ targetPath: 'nothing.here', contexts: [], sources: [] });
  });
});
