import { describe, expect, it } from 'vitest';
import { mappingDocumentSchema, type MappingDocumentInput } from '../document-schema';
import { looksLikeUnsortableDates, sortDateTextProblems, valuesAt } from './sort-date-text';

const doc = (parts: Partial<MappingDocumentInput>) => mappingDocumentSchema.parse({ formatVersion: 1, name: 't', source: { format: 'csv' }, target: { format: 'json' }, ...parts });
const rows = [{ Datum: '28.07.2024', Betrag: '1' }, { Datum: '05.08.2024', Betrag: '2' }];
const facts = (payload: unknown) => (names: readonly string[]) => ({ values: valuesAt(payload, names) });

describe('sorting date-like text as text', () => {
  it('warns at the array that sorts dd.MM.yyyy text without a date transform', () => {
    const d = doc({ arrays: [{ target: 'payments', source: '.', sort: { field: 'Datum' } }], rules: [{ target: 'payments.amount', sources: ['Betrag'] }] });
    expect(sortDateTextProblems(d, facts(rows))).toEqual([expect.objectContaining({ code: 'MAP_SORT_TEXT_DATE', severity: 'warning', target: 'payments' })]);
  });

  it('is quiet when a date transform reads the key first, or the text is ISO', () => {
    const parsed = doc({ arrays: [{ target: 'payments', source: '.', sort: { field: 'Datum', transforms: [{ kind: 'date', from: 'dd.MM.yyyy', to: 'yyyy-MM-dd' }] } }] });
    expect(sortDateTextProblems(parsed, facts(rows))).toEqual([]);
    const iso = doc({ arrays: [{ target: 'payments', source: '.', sort: { field: 'Datum' } }] });
    expect(sortDateTextProblems(iso, facts([{ Datum: '2024-07-28' }]))).toEqual([]);
  });

  it('reads a nested source and a sort transform of a rule', () => {
    const d = doc({ source: { format: 'json' }, arrays: [{ target: 'out', source: 'order.lines', sort: { field: 'due' } }], rules: [{ target: 'first', sources: ['order.lines'], transforms: [{ kind: 'sort', field: 'due', descending: false }, { kind: 'pick', index: 0, field: 'sku' }] }] });
    const payload = { order: { lines: [{ due: '07/28/2024', sku: 'a' }, { due: '08/05/2024', sku: 'b' }] } };
    expect(sortDateTextProblems(d, facts(payload)).map((p) => p.target)).toEqual(['out', 'first']);
  });

  it('takes the schema format as evidence too', () => {
    expect(looksLikeUnsortableDates({ format: 'dd.MM.yyyy' })).toBe(true);
    expect(looksLikeUnsortableDates({ format: 'date' })).toBe(false);
    expect(looksLikeUnsortableDates({ values: ['28.07.2024', '01.08.2024', 'n/a', ''] })).toBe(true);
    expect(looksLikeUnsortableDates({ values: ['PAY-1', '28.07.2024', 'x'] })).toBe(false);
  });
});
