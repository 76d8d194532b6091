/**
 * `mapwright run` (single and batch), `test` and `validate` on a project whose
 * table of rows and table of constants come from CSV files next to it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../tests/helpers/run-cli';

const EXPECTED = [
  { payee: 'Brandt GmbH', iban: 'DE75512108001245126199', payer: 'Beispiel Handels GmbH' },
  { payee: 'Anna Weber e.K.', iban: 'DE02120300000000202051', payer: 'Beispiel Handels GmbH' },
];

/** A project folder with the two table files (or replacements of them); returns the project file. */
function project(overrides: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'mapwright-file-tables-'));
  const files: Record<string, string> = {
    'suppliers.csv': 'id;name;iban\nS-1;Anna Weber e.K.;DE02120300000000202051\nS-2;Brandt GmbH;DE75512108001245126199\n',
    'debtor.csv': 'name,BIC\nBeispiel Handels GmbH,SOGEDEFFXXX\n',
    'in.csv': 'supplier\nS-2\nS-1\n',
    'out.json': JSON.stringify(EXPECTED),
    ...overrides,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const doc = {
    formatVersion: 1,
    name: 'file tables',
    source: { format: 'csv' },
    target: { format: 'json' },
    lookups: { suppliers: { file: 'suppliers.csv', keyColumn: 'id' }, debtor: { file: 'debtor.csv' } },
    arrays: [{ target: '.', source: '.' }],
    rules: [
      { target: 'payee', sources: ['supplier'], transforms: [{ kind: 'lookup', table: 'suppliers', column: 'name', onUnknown: 'error' }] },
      { target: 'iban', sources: ['supplier'], transforms: [{ kind: 'lookup', table: 'suppliers', column: 'iban' }] },
      { target: 'payer', sources: ['$table.debtor.name'] },
    ],
    tests: [{ name: 'two payments', input: 'in.csv', expected: 'out.json' }],
  };
  const file = join(dir, 'tables.mapwright.json');
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

describe('lookup tables of rows and constants from CSV files', () => {
  it('run, run --batch, test and validate read them', async () => {
    const file = project();
    const input = join(file, '..', 'in.csv');
    const single = await runCli('run', file, '--input', input);
    expect(single.code).toBe(0);
    expect(JSON.parse(single.out)).toEqual(EXPECTED);
    const batch = await runCli('run', file, '--input', input, '--batch');
    expect(batch.code).toBe(0);
    expect(JSON.parse(batch.out)).toEqual(EXPECTED);
    expect((await runCli('test', file)).code).toBe(0);
    expect((await runCli('validate', file)).code).toBe(0);
  });

  it('name a repeated key by its file, line and column in run, test and validate', async () => {
    const file = project({ 'suppliers.csv': 'id;name;iban\nS-1;Anna;DE02120300000000202051\nS-1;Brandt;DE75512108001245126199\n' });
    const place = `${join(file, '..', 'suppliers.csv')}:3:1`;
    for (const argv of [['run', file, '--input', join(file, '..', 'in.csv')], ['test', file], ['validate', file]]) {
      const result = await runCli(...argv);
      expect(result.code, argv[0]).not.toBe(0);
      expect(result.out + result.err, argv[0]).toContain('LOOKUP_DUPLICATE_KEY');
      expect(result.out + result.err, argv[0]).toContain(place);
    }
  });

  it('refuse an empty file of constants and a column the rules read that a file lacks', async () => {
    const empty = await runCli('validate', project({ 'debtor.csv': 'name,BIC\n' }));
    expect(empty.code).not.toBe(0);
    expect(empty.out + empty.err).toContain('LOOKUP_EMPTY');
    const missing = await runCli('run', project({ 'suppliers.csv': 'id;name\nS-1;Anna\n' }), '--input', join(project(), '..', 'in.csv'));
    expect(missing.code).not.toBe(0);
    expect(missing.err).toContain('LOOKUP_COLUMN_MISSING');
  });
});
