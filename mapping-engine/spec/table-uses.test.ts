import { describe, expect, it } from 'vitest';
import { compileDocument } from '../compiler/compile-document';
import { mappingDocumentSchema } from '../document/document-schema';
import { buildSpec } from './build-spec';
import { renderCsv } from './render-csv';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import { customReadsTable } from './table-uses';

const document = mappingDocumentSchema.parse({
  formatVersion: 1,
  name: 'Payments',
  source: { format: 'json' },
  target: { format: 'json' },
  lookups: {
    suppliers: { rows: { 'S-1': { name: 'Anna Weber e.K.', iban: 'DE02120300000000202051' } } },
    debtor: { constants: { name: 'Beispiel Handels GmbH', BIC: 'SOGEDEFFXXX' } },
    countries: { entries: { DE: 'Germany' } },
    unused: { entries: { a: 'b' } },
  },
  arrays: [{ target: 'payments', source: 'rows', sort: { field: 'country', transforms: [{ kind: 'lookup', table: 'countries' }] } }],
  rules: [
    { target: 'debtor.bic', sources: ['$table.debtor.BIC'] },
    { target: 'payments.creditor', sources: ['supplier'], transforms: [{ kind: 'lookup', table: 'suppliers', column: 'name' }] },
    { target: 'payments.country', sources: ['country'], transforms: [{ kind: 'lookup', table: 'countries' }] },
    { target: 'payments.note', sources: ['supplier'], transforms: [{ kind: 'custom', expression: '$lookup($table_suppliers, $value).iban' }] },
    { target: 'payments.countryName', sources: ['country'], transforms: [{ kind: 'custom', expression: '$lookup(countries, $value)' }] },
  ],
});
const spec = buildSpec({ document, compiled: compileDocument(document), generatedAt: '2026-01-01T00:00:00.000Z', engineVersion: '1' });
const table = (name: string) => spec.lookups.find((l) => l.name === name)!;

describe('the spec lists every table with the fields that use it', () => {
  it('counts lookups, constants, custom code and sort keys', () => {
    expect(table('suppliers').uses).toEqual([
      { target: 'payments.creditor', how: 'lookup', column: 'name' },
      { target: 'payments.note', how: 'custom' },
    ]);
    expect(table('debtor').uses).toEqual([{ target: 'debtor.bic', how: 'constant', column: 'BIC' }]);
    expect(table('countries').usedBy).toEqual(['payments.country', 'payments.countryName', 'payments']);
    expect(table('unused').usedBy).toEqual([]);
  });

  it('lists a row table by key with its row, a constants table by column', () => {
    expect(table('suppliers')).toMatchObject({ shape: 'rows', columns: ['name', 'iban'], entries: [['S-1', 'name: Anna Weber e.K.; iban: DE02120300000000202051']] });
    expect(table('debtor')).toMatchObject({ shape: 'constants', entries: [['BIC', 'SOGEDEFFXXX'], ['name', 'Beispiel Handels GmbH']] });
  });

  it('tells a table name in custom code from a field of the same name', () => {
    expect(customReadsTable('$table_suppliers.x', 'suppliers')).toBe(true);
    expect(customReadsTable('$lookup(countries, $value)', 'countries')).toBe(true);
    expect(customReadsTable('countries.name', 'countries')).toBe(false);
    expect(customReadsTable('$lookup($m, countriesX)', 'countries')).toBe(false);
  });

  it('says so in Markdown, HTML and the CSV sheet', () => {
    const markdown = renderMarkdown(spec);
    expect(markdown).toContain('`payments.note` (custom code)');
    expect(markdown).toContain('`payments.creditor` (column "name")');
    expect(renderHtml(spec)).toContain('<code class="path">payments.<wbr>note</code> (custom code)');
    const [header, ...rows] = renderCsv(spec).trim().split('\n');
    expect(header!.split(',').at(-1)).toBe('Tables');
    expect(rows.find((r) => r.startsWith('payments.note,'))!.split(',').at(-1)).toBe('suppliers');
    expect(rows.find((r) => r.startsWith('payments.countryName,'))!.split(',').at(-1)).toBe('countries');
  });
});
