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

  it('reads XML output paths: repeated elements with an index, a lone element as element 0, attributes and #text', () => {
    const xml = loadDocument(readFileSync('samples/invoice-csv-to-xml/invoice-csv-to-xml.mapwright.json', 'utf8')).document;
    const rows = [{ LineNo: '1', Quantity: '2', Currency: 'EUR' }, { LineNo: '2', Quantity: '5', Currency: 'EUR' }];
    const second = lineageOf(xml, 'Invoice.InvoiceLine[1].ID', rows);
    expect(second.rule?.target).toBe('Invoice.InvoiceLine.ID');
    expect(second.contexts).toMatchObject([{ target: 'Invoice.InvoiceLine', outputIndex: 1, sourceIndex: 1 }]);
    expect(second.sources).toEqual([{ source: 'LineNo', inputPath: '[1].LineNo', value: '2' }]);
    const lone = lineageOf(xml, 'Invoice.InvoiceLine.LineExtensionAmount.`@currencyID`', rows.slice(0, 1));
    expect(lone.rule?.target).toBe('Invoice.InvoiceLine.LineExtensionAmount.`@currencyID`');
    expect(lone.contexts).toMatchObject([{ target: 'Invoice.InvoiceLine', outputIndex: 0, sourceIndex: 0 }]);
    expect(lone.sources).toEqual([{ source: 'Currency', inputPath: '[0].Currency', value: 'EUR' }]);
    expect(lineageOf(xml, 'Invoice.LegalMonetaryTotal.LineExtensionAmount.`#text`').rule?.target).toBe('Invoice.LegalMonetaryTotal.LineExtensionAmount.`#text`');
  });
});
