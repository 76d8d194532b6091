import { describe, expect, it } from 'vitest';
import { mappingDocumentSchema, type MappingDocumentInput } from '../document/document-schema';
import { makeField } from '../schema/model';
import { generateFailureCases, targetLabel, UNKNOWN_CODE } from './generate-cases';
import { caseFileStem, judgeCase, toTestCase, valueOfField } from './judge-case';
import { withValueAt } from './payload-paths';

const base: MappingDocumentInput = {
  formatVersion: 1,
  name: 't',
  source: { format: 'json' },
  target: { format: 'json' },
  arrays: [{ target: 'lines', source: 'order.items', required: 'error' }],
  rules: [
    { target: 'id', sources: ['order.id'], required: 'error' },
    { target: 'currency', sources: ['order.ccy'], required: 'default', default: 'EUR' },
    { target: 'note', sources: ['order.note'] },
    { target: 'status', sources: ['order.status'], transforms: [{ kind: 'valueMap', entries: { A: 'ACTIVE' }, onUnknown: 'error' }], required: 'error' },
    { target: 'date', sources: ['order.date'], transforms: [{ kind: 'date', from: 'dd.MM.yyyy', to: 'yyyy-MM-dd' }] },
    { target: 'lines.qty', sources: ['qty'], transforms: [{ kind: 'parseNumber', onInvalid: 'omit' }], required: 'error' },
    { target: 'lines.order', sources: ['../order.id'] },
    { target: 'total', sources: ['order.items'], transforms: [{ kind: 'aggregate', fn: 'count' }] },
  ],
};
const doc = mappingDocumentSchema.parse(base);
const good = { order: { id: 'O1', ccy: 'USD', note: 'n', status: 'A', date: '01.02.2024', items: [{ qty: '2' }, { qty: '3' }] } };
const origin = { kind: 'sample' as const };
const targetRoot = makeField({ name: '', path: [], type: 'object', origin, children: [makeField({ name: 'id', path: ['id'], type: 'string', origin, maxLength: 5 })] });
const cases = generateFailureCases({ document: doc, goodInput: good, targetRoot });
const named = (name: string) => cases.find((c) => c.name === name)!;

describe('generateFailureCases', () => {
  it('makes each required source missing, empty and null, expecting what the policy says', () => {
    expect(named('generated: order.id missing (id)').expect).toEqual({ kind: 'error', field: 'id', code: 'MAP_REQUIRED_MISSING' });
    expect(named('generated: order.id empty (id)').input).toMatchObject({ order: { id: '' } });
    expect(named('generated: order.ccy null (currency)').expect).toEqual({ kind: 'default', field: 'currency', value: 'EUR' });
    expect(named('generated: order.note missing (note)').expect).toEqual({ kind: 'omit', field: 'note' });
    expect((named('generated: order.id missing (id)').input as { order: object }).order).not.toHaveProperty('id');
  });
  it('changes the first item of an array context and names the field with []', () => {
    const c = named('generated: qty missing (lines[].qty)');
    expect(c.input).toMatchObject({ order: { items: [{}, { qty: '3' }] } });
    expect(c.expect).toEqual({ kind: 'error', field: 'lines[].qty', code: 'MAP_REQUIRED_MISSING' });
    // One case per source place: order.id, read again from inside the list, was changed for id already.
    expect(cases.some((c) => c.name === 'generated: ../order.id missing (lines[].order)')).toBe(false);
  });
  it('gives unknown codes, malformed values, list sizes and too-long values', () => {
    expect(named('generated: order.status unknown code (status)')).toMatchObject({ input: { order: { status: UNKNOWN_CODE } }, expect: { kind: 'error', code: 'MAP_INVALID_VALUE' } });
    expect(named('generated: order.date malformed (date)').expect).toEqual({ kind: 'error', field: 'date', code: 'MAP_INVALID_VALUE' });
    // onInvalid omit: a malformed number is no value, and the rule requires one.
    expect(named('generated: qty malformed (lines[].qty)').expect).toEqual({ kind: 'error', field: 'lines[].qty', code: 'MAP_REQUIRED_MISSING' });
    expect(named('generated: order.items empty list (lines)').expect).toEqual({ kind: 'error', field: 'lines', code: 'MAP_REQUIRED_MISSING' });
    expect(named('generated: order.items one item (lines)').input).toMatchObject({ order: { items: [{ qty: '2' }] } });
    expect(named('generated: order.id too long (id)')).toMatchObject({ input: { order: { id: 'XXXXXX' } }, expect: { kind: 'violation', code: 'MAP_SCHEMA' } });
  });
  it('leaves out rules that make up a value from nothing or read a list', () => {
    expect(cases.some((c) => c.name.includes('(total)'))).toBe(false);
  });
  it('never changes the good input', () => {
    expect(good.order.items).toHaveLength(2);
    expect(withValueAt(good, ['order', 'id'], undefined)).not.toBe(good);
  });
});

describe('judging and keeping', () => {
  it('judges errors, values and counts', () => {
    expect(judgeCase({ kind: 'error', field: 'lines[].qty', code: 'MAP_REQUIRED_MISSING' }, { error: { field: 'lines[].qty', code: 'MAP_REQUIRED_MISSING' } }).agrees).toBe(true);
    expect(judgeCase({ kind: 'error', field: 'id', code: 'MAP_REQUIRED_MISSING' }, { output: { id: 'null' } })).toEqual({ agrees: false, observed: 'no error; id is "null"' });
    expect(judgeCase({ kind: 'omit', field: 'lines[].order' }, { output: { lines: [{ qty: 1 }] } }).agrees).toBe(true);
    expect(judgeCase({ kind: 'count', field: 'lines', count: 0 }, { output: {} }).agrees).toBe(true);
    expect(valueOfField([{ a: 1 }], 'a')).toBe(1);
  });
  it('makes test cases the document accepts', () => {
    const c = named('generated: order.ccy null (currency)');
    const test = toTestCase(c, { input: 'tests/generated/a.input.json', expected: 'tests/generated/a.expected.json' });
    expect(mappingDocumentSchema.safeParse({ ...base, tests: [test] }).success).toBe(true);
    const taken = new Set<string>();
    expect(caseFileStem(c, taken)).toBe('generated-order-ccy-null-currency');
    expect(caseFileStem(c, taken)).toBe('generated-order-ccy-null-currency-2');
    expect(targetLabel(doc, 'lines.qty')).toBe('lines[].qty');
  });
});
