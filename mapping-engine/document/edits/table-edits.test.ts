import { describe, expect, it } from 'vitest';
import { applied, frozenDoc, refusedBy } from './edit-test-helpers';

const base = frozenDoc({
  lookups: { suppliers: { rows: { 'S-1': { name: 'Anna Weber e.K.', iban: 'DE02120300000000202051' } } }, debtor: { constants: { name: 'Beispiel Handels GmbH', BIC: 'SOGEDEFFXXX' } } },
  rules: [
    { target: 'creditor', sources: ['supplier'], transforms: [{ kind: 'lookup', table: 'suppliers', column: 'name' }] },
    { target: 'bic', sources: ['$table.debtor.BIC'] },
  ],
});

describe('edits of tables of rows and of constants', () => {
  it('renames a constants table in the sources that read it', () => {
    const doc = applied(base, { kind: 'renameLookup', name: 'debtor', newName: 'company' });
    expect(doc.rules.find((r) => r.target === 'bic')!.sources).toEqual(['$table.company.BIC']);
  });

  it('keeps a table that a source or a column lookup still reads', () => {
    refusedBy(base, { kind: 'removeLookup', name: 'debtor' });
    refusedBy(base, { kind: 'removeLookup', name: 'suppliers' });
  });

  it('refuses a lookup transform naming no column of a table of rows, or one it lacks', () => {
    refusedBy(base, { kind: 'setTransform', target: 'creditor', index: 0, transform: { kind: 'lookup', table: 'suppliers' } });
    refusedBy(base, { kind: 'setTransform', target: 'creditor', index: 0, transform: { kind: 'lookup', table: 'suppliers', column: 'bic' } });
    refusedBy(base, { kind: 'setTransform', target: 'creditor', index: 0, transform: { kind: 'lookup', table: 'debtor', column: 'BIC' } });
  });
});
