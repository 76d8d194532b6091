import { describe, expect, it } from 'vitest';
import { isMapwrightError } from '../errors';
import { loadDocument } from '../document/load-document';
import { unknownMember } from '../compiled/known-shape';
import { compileDocument } from './compile-document';
import { doc, runCompiled } from './compiler-test-helpers';
import { parseExpression } from './reverse';

const LOOKUPS = {
  suppliers: { rows: { 'S-1': { name: 'Anna Weber e.K.', iban: 'DE02120300000000202051' }, 'S-2': { name: 'Brandt GmbH', 'IBAN Nr': 'DE02500105170137075030' } } },
  debtor: { constants: { name: 'Beispiel Handels GmbH', iban: 'DE75512108001245126199', BIC: 'SOGEDEFFXXX' } },
};

/** Supplier name and IBAN from one row table by the row's supplier number; the debtor from a constants table. */
const payments = doc({
  lookups: LOOKUPS,
  arrays: [{ target: 'payments', source: 'rows' }],
  rules: [
    { target: 'debtor.name', sources: ['$table.debtor.name'] },
    { target: 'debtor.bic', sources: ['$table.debtor.BIC'], required: 'error' },
    { target: 'payments.supplier.name', sources: ['supplier'], transforms: [{ kind: 'lookup', table: 'suppliers', column: 'name', onUnknown: 'error' }] },
    { target: 'payments.supplier.iban', sources: ['supplier'], transforms: [{ kind: 'lookup', table: 'suppliers', column: 'iban' }] },
    { target: 'payments.supplier.ibanNr', sources: ['supplier'], transforms: [{ kind: 'lookup', table: 'suppliers', column: 'IBAN Nr', default: 'none' }] },
  ],
});

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return isMapwrightError(error) ? error.code : 'not a MapwrightError';
  }
  return undefined;
}

describe('row tables and constants tables', () => {
  it('compiles readable text: rows one per line, a column read from the found row, constants by column', () => {
    const { expression } = compileDocument(payments);
    expect(expression).toContain('"S-1": {"name": "Anna Weber e.K.", "iban": "DE02120300000000202051"},');
    expect(expression).toContain('$lookup($table_suppliers, $k).iban');
    expect(expression).toContain('$lookup($table_suppliers, $k).`IBAN Nr`');
    expect(expression).toContain('$omitEmpty($table_debtor.name)');
  });

  it('gives each rule its column of one looked-up row, and the constants, in plain jsonata', async () => {
    const out = await runCompiled(payments, { rows: [{ supplier: 'S-1' }, { supplier: 'S-2' }] });
    expect(out).toEqual({
      debtor: { name: 'Beispiel Handels GmbH', bic: 'SOGEDEFFXXX' },
      payments: [
        // A found row without the column gives no value; the default is for keys not in the table.
        { supplier: { name: 'Anna Weber e.K.', iban: 'DE02120300000000202051' } },
        { supplier: { name: 'Brandt GmbH', ibanNr: 'DE02500105170137075030' } },
      ],
    });
  });

  it('a key not in a row table is the lookup error when the rule says so, naming the field', async () => {
    const error: unknown = await runCompiled(payments, { rows: [{ supplier: 'S-9' }] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RUN_EVALUATION' });
    expect((error as Error).message).toMatch(/^payments\[\]\.supplier\.name: /);
  });

  it('reads the generated text back into the same rules', () => {
    // Without the array: its record binding depends on the rules, so a blank document would lay it out differently.
    const rules = payments.rules.map((r) => ({ ...r, target: r.target.replace(/^payments\./, '') }));
    const original = doc({ lookups: LOOKUPS, rules });
    const { expression } = compileDocument(original);
    const blank = doc({ lookups: LOOKUPS, rules: rules.map((r) => ({ target: r.target, sources: ['x'], required: r.required })) });
    const parsed = parseExpression(expression, blank);
    expect(parsed.custom).toEqual([]);
    expect(parsed.document.rules).toEqual(original.rules);
    expect(compileDocument(parsed.document).expression).toBe(expression);
  });

  it('is compiled: the compiled engine knows row and constants tables (differential-tables.test.ts compares results)', () => {
    expect(unknownMember(payments)).toBeUndefined();
    expect(unknownMember(doc({ lookups: { t: { entries: { a: 'b' } } } }))).toBeUndefined();
  });

  const load = (lookups: unknown, rule: unknown) => () => loadDocument(JSON.stringify({ formatVersion: 1, name: 't', source: { format: 'json' }, target: { format: 'json' }, lookups, rules: [rule] }), 'm.mapwright.json');

  it.each([
    ['a row table lookup without a column', { target: 'a', sources: ['k'], transforms: [{ kind: 'lookup', table: 'suppliers' }] }],
    ['a column the row table does not have', { target: 'a', sources: ['k'], transforms: [{ kind: 'lookup', table: 'suppliers', column: 'bic' }] }],
    ['a lookup in a constants table', { target: 'a', sources: ['k'], transforms: [{ kind: 'lookup', table: 'debtor', column: 'name' }] }],
    ['a column of a code table', { target: 'a', sources: ['k'], transforms: [{ kind: 'lookup', table: 'codes', column: 'name' }] }],
    ['a constants source of a row table', { target: 'a', sources: ['$table.suppliers.name'] }],
    ['a constants column that is not there', { target: 'a', sources: ['$table.debtor.street'] }],
    ['a constants source of no table', { target: 'a', sources: ['$table.nowhere.name'] }],
    ['a table source without a column', { target: 'a', sources: ['$table.debtor'] }],
  ])('refuses %s (DOC_INVALID)', (_, rule) => {
    expect(codeOf(load({ ...LOOKUPS, codes: { entries: { a: 'b' } } }, rule))).toBe('DOC_INVALID');
  });

  it('loads a document reading both kinds', () => {
    expect(codeOf(load(LOOKUPS, { target: 'a', sources: ['$table.debtor.BIC'] }))).toBeUndefined();
  });
});
