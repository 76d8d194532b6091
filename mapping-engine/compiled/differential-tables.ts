/**
 * Differential documents (see differential-documents.ts) reading lookup
 * tables of rows and of constants, over the same seed records. Test support only.
 */
import type { MappingDocumentInput } from '../document/document-schema';

const base = { formatVersion: 1 as const, source: { format: 'jsonl' as const }, target: { format: 'jsonl' as const } };

/** A lookup of a column of a row table (found, missing column, unknown key kept, defaulted or an error) and constants as sources, at the top and in an array. */
export const TABLE_DOCUMENTS: MappingDocumentInput[] = [
  {
    ...base,
    name: 'tables of rows and of constants',
    lookups: {
      customers: { rows: { 'C-7': { name: 'Ada Ltd', iban: 'DE89370400440532013000' }, 'C-8': { name: 'Grace SA' }, constructor: { name: 'Object' }, '2.5': { name: 'number key' } } },
      codes: { rows: { A: { label: 'active', 'bank code': '' }, I: { label: 'inactive', 'bank code': '37040044' } } },
      company: { constants: { name: 'Mapwright GmbH', bic: 'COBADEFFXXX', 'bank code': '37040044', empty: '' } },
    },
    arrays: [
      { target: '.', source: '.' },
      { target: 'lines', source: 'lines' },
    ],
    rules: [
      { target: 'id', sources: ['id'] },
      { target: 'customer', sources: ['customer.id'], transforms: [{ kind: 'lookup', table: 'customers', column: 'name' }] },
      { target: 'iban', sources: ['customer.id'], transforms: [{ kind: 'lookup', table: 'customers', column: 'iban', default: 'none' }] },
      { target: 'ibanOr', sources: ['customer.id'], transforms: [{ kind: 'lookup', table: 'customers', column: 'iban' }], required: 'default', default: 'no IBAN' },
      { target: 'byAmount', sources: ['amount'], transforms: [{ kind: 'lookup', table: 'customers', column: 'name', onUnknown: 'keep' }] },
      { target: 'label', sources: ['code'], transforms: [{ kind: 'lookup', table: 'codes', column: 'label', onUnknown: 'error' }] },
      { target: 'bank', sources: ['code'], transforms: [{ kind: 'lookup', table: 'codes', column: 'bank code', default: '-' }, { kind: 'default', value: 'empty' }] },
      { target: 'payer', sources: ['$table.company.name'], required: 'error' },
      { target: 'payerBank', sources: ['$table.company.bank code'] },
      { target: 'nothing', sources: ['$table.company.empty'], required: 'default', default: 'was empty' },
      { target: 'both', sources: ['$table.company.bic', 'id', '$table.company.empty'], transforms: [{ kind: 'concat', separator: '/' }] },
      { target: 'lines.sku', sources: ['sku'] },
      { target: 'lines.payer', sources: ['$table.company.bic'], transforms: [{ kind: 'case', mode: 'lower' }] },
      { target: 'lines.customer', sources: ['../customer.id'], transforms: [{ kind: 'lookup', table: 'customers', column: 'name', default: '?' }] },
    ],
  },
];
