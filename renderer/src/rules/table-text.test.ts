import { describe, expect, it } from 'vitest';
import { columnsOfTables, parseRows, showRows, tableSummary } from './table-text';

const rows = { 'S-1': { name: 'Anna Weber e.K.', iban: 'DE02120300000000202051' }, 'S-2': { name: 'Brandt GmbH' } };

describe('lookup tables as the studio shows them', () => {
  it('reads back the rows it writes', () => {
    expect(showRows(rows)).toBe('S-1: name = Anna Weber e.K.; iban = DE02120300000000202051\nS-2: name = Brandt GmbH');
    expect(parseRows(showRows(rows))).toEqual({ rows });
  });

  it('names the line that is not a row', () => {
    expect(parseRows('S-1: name = A\nno colon here').problem).toMatch(/^line 2:/);
    expect(parseRows('S-1: = A').problem).toMatch(/^line 1:/);
  });

  it('offers columns of tables of rows only', () => {
    expect(columnsOfTables({ suppliers: { rows }, debtor: { constants: { name: 'X' } }, codes: { entries: { a: 'b' } } })).toEqual({ suppliers: ['name', 'iban'] });
  });

  it('offers the columns of a table of rows in a CSV file once the studio has read it', () => {
    const lookups = { suppliers: { file: 'suppliers.csv', keyColumn: 'id' }, debtor: { file: 'debtor.csv' }, codes: { file: 'codes.csv', keyColumn: 'k', valueColumn: 'v' } };
    expect(columnsOfTables(lookups)).toEqual({ suppliers: [] });
    expect(columnsOfTables(lookups, { suppliers: { 'S-1': { id: 'S-1', name: 'Anna', iban: 'DE02' } }, debtor: { name: 'X' } })).toEqual({ suppliers: ['id', 'name', 'iban'] });
    expect(tableSummary(lookups.suppliers)).toBe('suppliers.csv: rows by id');
    expect(tableSummary(lookups.debtor)).toBe('debtor.csv: one row of constants');
  });

  it('summarises each kind of table', () => {
    expect(tableSummary({ rows })).toBe('2 rows; columns name, iban');
    expect(tableSummary({ constants: { name: 'X', BIC: 'Y' } })).toBe('constants: name, BIC');
    expect(tableSummary({ entries: { a: 'b' } })).toBe('1 entries');
  });
});
