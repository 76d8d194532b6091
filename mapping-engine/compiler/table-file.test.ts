import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../document/load-document';
import { readCsv } from '../payload/csv-read';
import { compileDocument } from './compile-document';
import { compileProject } from './compile-project';
import { csvTableInput, tableFromCsv } from './table-file';

const SUPPLIERS = 'id;name;iban\nS-1;Anna Weber e.K.;DE02120300000000202051\nS-2;Brandt GmbH;DE75512108001245126199\n';
const DEBTOR = 'name,BIC\nBeispiel Handels GmbH,SOGEDEFFXXX\n';

/** Contents of `text` read as the host reads a table's file. */
function read(name: string, table: Parameters<typeof tableFromCsv>[1], text: string) {
  const payload = readCsv(text, { file: table.file });
  return tableFromCsv(name, table, csvTableInput(payload.value, payload.meta), table.file);
}

/** A document reading a supplier table of rows and a debtor table of constants, both from files. */
function documentText(rules?: unknown[]): string {
  return JSON.stringify({
    formatVersion: 1,
    name: 'file tables',
    source: { format: 'csv' },
    target: { format: 'json' },
    lookups: { suppliers: { file: 'suppliers.csv', keyColumn: 'id' }, debtor: { file: 'debtor.csv' } },
    arrays: [{ target: '.', source: '.' }],
    rules: rules ?? [
      { target: 'payee', sources: ['supplier'], transforms: [{ kind: 'lookup', table: 'suppliers', column: 'name', onUnknown: 'error' }] },
      { target: 'iban', sources: ['supplier'], transforms: [{ kind: 'lookup', table: 'suppliers', column: 'iban' }] },
      { target: 'payer', sources: ['$table.debtor.name'] },
    ],
  });
}

/** A resolver serving the two files (or the given replacements) by the end of their path. */
function files(overrides: Record<string, string> = {}) {
  const all: Record<string, string> = { 'suppliers.csv': SUPPLIERS, 'debtor.csv': DEBTOR, ...overrides };
  return { read: async (path: string) => all[path.split(/[\\/]/).pop()!] ?? Promise.reject(new Error('ENOENT')) };
}

describe('tables of rows and constants from CSV files', () => {
  it('reads a file of rows by its key column (every column, the key too) and a one-row file of constants', () => {
    expect(read('suppliers', { file: 'suppliers.csv', keyColumn: 'id' }, SUPPLIERS)).toEqual({
      'S-1': { id: 'S-1', name: 'Anna Weber e.K.', iban: 'DE02120300000000202051' },
      'S-2': { id: 'S-2', name: 'Brandt GmbH', iban: 'DE75512108001245126199' },
    });
    expect(read('debtor', { file: 'debtor.csv' }, DEBTOR)).toEqual({ name: 'Beispiel Handels GmbH', BIC: 'SOGEDEFFXXX' });
  });

  it('maps through them as through inline tables, in plain jsonata', async () => {
    const project = await compileProject(documentText(), '/p/tables.mapwright.json', files());
    const rows = [{ supplier: 'S-2' }, { supplier: 'S-1' }];
    expect(await jsonata(project.compiled.expression).evaluate(rows)).toEqual([
      { payee: 'Brandt GmbH', iban: 'DE75512108001245126199', payer: 'Beispiel Handels GmbH' },
      { payee: 'Anna Weber e.K.', iban: 'DE02120300000000202051', payer: 'Beispiel Handels GmbH' },
    ]);
    const inline = loadDocument(documentText()).document;
    inline.lookups = { suppliers: { rows: project.tables.suppliers as Record<string, Record<string, string>> }, debtor: { constants: project.tables.debtor as Record<string, string> } };
    expect(project.compiled.expression).toBe(compileDocument(inline).expression);
  });

  it('refuses a key column the header lacks, at the header line (LOOKUP_COLUMN_MISSING)', () => {
    expect(() => read('suppliers', { file: 'suppliers.csv', keyColumn: 'number' }, SUPPLIERS)).toThrow(expect.objectContaining({ code: 'LOOKUP_COLUMN_MISSING', file: 'suppliers.csv', line: 1 }));
  });

  it('refuses a column a rule reads that the file lacks, naming the file (LOOKUP_COLUMN_MISSING)', async () => {
    const rules = [{ target: 'bic', sources: ['supplier'], transforms: [{ kind: 'lookup', table: 'suppliers', column: 'bic' }] }];
    await expect(compileProject(documentText(rules), '/p/tables.mapwright.json', files())).rejects.toMatchObject({ code: 'LOOKUP_COLUMN_MISSING', file: '/p/suppliers.csv', line: 1 });
    const constant = [{ target: 'iban', sources: ['$table.debtor.IBAN'] }];
    await expect(compileProject(documentText(constant), '/p/tables.mapwright.json', files())).rejects.toMatchObject({ code: 'LOOKUP_COLUMN_MISSING', file: '/p/debtor.csv' });
    // The compiler checks it too, for hosts that read the files themselves (the studio's renderer).
    const doc = loadDocument(documentText(rules)).document;
    expect(() => compileDocument(doc, { tables: { suppliers: read('suppliers', { file: 'suppliers.csv', keyColumn: 'id' }, SUPPLIERS), debtor: {} } })).toThrow(expect.objectContaining({ code: 'LOOKUP_COLUMN_MISSING' }));
  });

  it('refuses a file with no data row (LOOKUP_EMPTY)', async () => {
    expect(() => read('suppliers', { file: 'suppliers.csv', keyColumn: 'id' }, 'id;name\n')).toThrow(expect.objectContaining({ code: 'LOOKUP_EMPTY' }));
    expect(() => read('debtor', { file: 'debtor.csv' }, '')).toThrow(expect.objectContaining({ code: 'LOOKUP_EMPTY' }));
    await expect(compileProject(documentText(), '/p/tables.mapwright.json', files({ 'debtor.csv': 'name,BIC\n' }))).rejects.toMatchObject({ code: 'LOOKUP_EMPTY', file: '/p/debtor.csv' });
  });

  it('refuses a repeated key at its line and column, counting lines a quoted field spans (LOOKUP_DUPLICATE_KEY)', () => {
    const text = 'name;id\n"Anna\nWeber";S-1\nBrandt;S-2\nCarl;S-1\n';
    expect(() => read('suppliers', { file: 'suppliers.csv', keyColumn: 'id' }, text)).toThrow(expect.objectContaining({ code: 'LOOKUP_DUPLICATE_KEY', line: 5, column: 2 }));
  });

  it('names a repeated key by its row, with no guessed line, when the reader gave no lines (the studio reads pages of rows)', () => {
    const rows = [{ id: 'S-1' }, { id: 'S-2' }, { id: 'S-1' }];
    let thrown: unknown;
    try {
      tableFromCsv('suppliers', { file: 'suppliers.csv', keyColumn: 'id' }, { rows }, 'suppliers.csv');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'LOOKUP_DUPLICATE_KEY', file: 'suppliers.csv' });
    expect((thrown as { line?: number }).line).toBeUndefined();
  });

  it('refuses a second row in a file of constants, at its line (LOOKUP_DUPLICATE_KEY)', () => {
    expect(() => read('debtor', { file: 'debtor.csv' }, `${DEBTOR}Other GmbH,OTHRDEFFXXX\n`)).toThrow(expect.objectContaining({ code: 'LOOKUP_DUPLICATE_KEY', line: 3 }));
  });

  it('skips rows without a key, as a code table does', () => {
    expect(Object.keys(read('suppliers', { file: 'suppliers.csv', keyColumn: 'id' }, `${SUPPLIERS};No key;DE00\n`))).toEqual(['S-1', 'S-2']);
  });

  it('loads the two file forms and still checks what it can before the files are read (DOC_INVALID)', () => {
    expect(loadDocument(documentText()).document.lookups.suppliers).toEqual({ file: 'suppliers.csv', keyColumn: 'id' });
    const noColumn = [{ target: 'payee', sources: ['supplier'], transforms: [{ kind: 'lookup', table: 'suppliers' }] }];
    expect(() => loadDocument(documentText(noColumn))).toThrow(expect.objectContaining({ code: 'DOC_INVALID' }));
    const lookedUpConstants = [{ target: 'payee', sources: ['supplier'], transforms: [{ kind: 'lookup', table: 'debtor', column: 'name' }] }];
    expect(() => loadDocument(documentText(lookedUpConstants))).toThrow(expect.objectContaining({ code: 'DOC_INVALID' }));
    const valueOnly = JSON.parse(documentText()) as { lookups: Record<string, unknown> };
    valueOnly.lookups.suppliers = { file: 'suppliers.csv', valueColumn: 'name' };
    expect(() => loadDocument(JSON.stringify(valueOnly))).toThrow(expect.objectContaining({ code: 'DOC_INVALID' }));
  });
});
