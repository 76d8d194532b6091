/**
 * Tables read from CSV files by the host (a table of rows by key, a one-row
 * file of constants, a code table) compile like tables in the document: the
 * program reads the contents the JSONata binds and gives jsonata's output.
 */
import { describe, expect, it } from 'vitest';
import { compileDocument } from '../compiler/compile-document';
import { validateDocument } from '../document/load-document';
import { compileProgram } from './compile-program';
import { compareEngines } from './differential-check';

const DOC = validateDocument({
  formatVersion: 1,
  name: 'tables in files',
  source: { format: 'jsonl' },
  target: { format: 'jsonl' },
  lookups: {
    suppliers: { file: 'suppliers.csv', keyColumn: 'id' },
    company: { file: 'company.csv' },
    countries: { file: 'countries.csv', keyColumn: 'code', valueColumn: 'name' },
  },
  arrays: [{ target: '.', source: '.' }],
  rules: [
    { target: 'id', sources: ['id'] },
    { target: 'supplier', sources: ['supplier'], transforms: [{ kind: 'lookup', table: 'suppliers', column: 'name', default: 'unknown' }] },
    { target: 'iban', sources: ['supplier'], transforms: [{ kind: 'lookup', table: 'suppliers', column: 'iban' }] },
    { target: 'country', sources: ['country'], transforms: [{ kind: 'lookup', table: 'countries', onUnknown: 'keep' }] },
    { target: 'payer', sources: ['$table.company.name'] },
  ],
});

const TABLES = {
  suppliers: { S1: { id: 'S1', name: 'Acme GmbH', iban: 'DE89370400440532013000' }, S2: { id: 'S2', name: 'Beta SA', iban: '' } },
  company: { name: 'Mapwright GmbH', bic: 'COBADEFFXXX' },
  countries: { DE: 'Germany', FR: 'France' },
};

const RECORDS = [
  { id: 1, supplier: 'S1', country: 'DE' },
  { id: 2, supplier: 'S2', country: 'XX' },
  { id: 3, supplier: 'S9' },
  { id: 4, supplier: null, country: null },
  { id: 5, supplier: ['S1'], country: 7 },
];

describe('tables read from files in the compiled engine', () => {
  it('compiles a document reading a row table, a constants table and a code table from files, with jsonata output', async () => {
    const compiled = compileDocument(DOC, { tables: TABLES });
    const result = compileProgram(DOC, TABLES, compiled);
    if (!('program' in result)) throw new Error(result.unsupported);
    const ran = [];
    for (const input of [RECORDS, RECORDS.slice(0, 3), [RECORDS[3]], [RECORDS[4]]]) {
      const comparison = await compareEngines(compiled.expression, result.program, input);
      expect(comparison.difference).toBeUndefined();
      ran.push(comparison.fellBack);
    }
    // The first three inputs hold only values the program reproduces; the list of one supplier is jsonata's.
    expect(ran).toEqual([true, false, false, true]);
  });

  it('runs whole through jsonata when the host did not give a table read from a file', () => {
    const result = compileProgram(DOC, { company: TABLES.company, countries: TABLES.countries }, compileDocument(DOC, { tables: TABLES }));
    expect(result).toEqual({ unsupported: expect.any(String) });
  });
});
