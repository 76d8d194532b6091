import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { isMapwrightError } from '../errors';
import { compileDocument } from './compile-document';
import { doc } from './compiler-test-helpers';
import { fieldAtOffset } from './source-map-lookup';

const evaluate = (expression: string, input: unknown) => jsonata(expression).evaluate(input);

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return isMapwrightError(error) ? error.code : 'not coded';
  }
  return undefined;
}

const ORDER = {
  'cbc:ID': 'PO-7',
  'Order Date': '2024-05-01',
  buyer: { name: 'Demo Buyer' },
  lines: [
    { sku: 'B', qty: 2, price: 5, '@currencyID': 'EUR', parts: [{ n: 'b1' }, { n: 'b2' }] },
    { sku: 'A', qty: 0, price: 12.5, '@currencyID': 'EUR', parts: { n: 'a1' } },
    { sku: 'C', qty: 4, price: 1, '@currencyID': 'USD', parts: [] },
  ],
};

describe('compileDocument', () => {
  it('writes one field per line, nested objects indented, odd names in backticks', async () => {
    const d = doc({
      rules: [
        { target: 'id', sources: ['`cbc:ID`'], required: 'error' },
        { target: 'date', sources: ['`Order Date`'] },
        { target: 'party.buyer name', sources: ['buyer.name'] },
        { target: 'party.source', transforms: [{ kind: 'constant', value: 'po' }] },
      ],
    });
    const { expression } = compileDocument(d);
    expect(expression.startsWith('(\n  $required := function($value, $field, $record) {\n')).toBe(true);
    // Fields with the omit policy leave out empty values ("", null); an object whose fields may all be left out is left out when they are.
    expect(expression).toContain('\n    "id": $required(`cbc:ID`, "id"),\n    "date": $omitEmpty(`Order Date`),\n    "party": $nonEmpty({\n');
    expect(expression).toContain('      "buyer name": $omitEmpty(buyer.name),\n');
    expect(await evaluate(expression, ORDER)).toEqual({ id: 'PO-7', date: '2024-05-01', party: { 'buyer name': 'Demo Buyer', source: 'po' } });
    expect(compileDocument(d).expression).toBe(expression);
  });

  it('maps arrays with filter and sort, nested arrays and parent-context fields', async () => {
    const d = doc({
      arrays: [
        { target: 'items', source: 'lines', filter: { field: 'qty', op: '>', value: 0 }, sort: { field: 'sku' } },
        { target: 'items.parts', source: 'parts' },
      ],
      rules: [
        { target: 'items.sku', sources: ['sku'] },
        { target: 'items.total', sources: ['qty', 'price'], transforms: [{ kind: 'custom', expression: '$value[0] * $value[1]' }] },
        { target: 'items.currency', sources: ['`@currencyID`'] },
        { target: 'items.order', sources: ['../`cbc:ID`'] },
        { target: 'items.parts.name', sources: ['n'] },
        { target: 'items.parts.line', sources: ['../sku'] },
        { target: 'items.parts.order', sources: ['/`cbc:ID`'] },
        { target: 'count', sources: ['lines'], transforms: [{ kind: 'aggregate', fn: 'count' }] },
      ],
    });
    const { expression } = compileDocument(d);
    expect(expression).toContain('"items": [lines[qty > 0]^(<sku).{');
    expect(expression).toContain('$context1 := $;');
    expect(await evaluate(expression, ORDER)).toEqual({
      items: [
        { sku: 'B', total: 10, currency: 'EUR', order: 'PO-7', parts: [{ name: 'b1', line: 'B', order: 'PO-7' }, { name: 'b2', line: 'B', order: 'PO-7' }] },
        { sku: 'C', total: 4, currency: 'USD', order: 'PO-7', parts: [] },
      ],
      count: 3,
    });
  });

  it('groups array items, with the key as $key', async () => {
    const d = doc({
      arrays: [{ target: 'byCurrency', source: 'lines', groupBy: '`@currencyID`' }],
      rules: [
        { target: 'byCurrency.currency', sources: ['$key'] },
        { target: 'byCurrency.quantity', sources: ['qty'], transforms: [{ kind: 'aggregate', fn: 'sum' }] },
      ],
    });
    expect(await evaluate(compileDocument(d).expression, ORDER)).toEqual({ byCurrency: [{ currency: 'EUR', quantity: 2 }, { currency: 'USD', quantity: 4 }] });
  });

  it('maps a root array (one row per item) with parent fields on every row', async () => {
    const d = doc({
      arrays: [{ target: '.', source: 'lines' }],
      rules: [
        { target: 'order', sources: ['../`cbc:ID`'], required: 'error' },
        { target: 'sku', sources: ['sku'] },
        { target: 'qty', sources: ['qty'], required: 'default', default: -1 },
      ],
    });
    const { expression, sourceMap } = compileDocument(d);
    expect(expression).toContain('\n  [lines#$index1.(\n    $record := "record " & ($index1 + 1);\n    {\n      "order": $required($$.`cbc:ID`, "order", $record),');
    expect(sourceMap['.']).toBeDefined();
    expect(await evaluate(expression, ORDER)).toEqual([
      { order: 'PO-7', sku: 'B', qty: 2 },
      { order: 'PO-7', sku: 'A', qty: 0 },
      { order: 'PO-7', sku: 'C', qty: 4 },
    ]);
    await expect(evaluate(expression, { lines: [{ sku: 'X' }] })).rejects.toMatchObject({ message: 'order is required (record 1)' });
  });

  it('applies the required policies: omit, default and error naming the field', async () => {
    const d = doc({
      arrays: [{ target: 'rows', source: 'lines' }],
      rules: [
        { target: 'missing', sources: ['nothing'] },
        { target: 'defaulted', sources: ['nothing'], required: 'default', default: 'n/a' },
        { target: 'rows.note', sources: ['note'], required: 'error' },
      ],
    });
    const { expression } = compileDocument(d);
    expect(await evaluate(expression, { lines: [] })).toEqual({ defaulted: 'n/a', rows: [] });
    await expect(evaluate(expression, ORDER)).rejects.toMatchObject({ code: 'D3137', message: 'rows[].note is required (rows item 1)' });
  });

  it('binds lookup tables once at the top', async () => {
    const d = doc({
      lookups: { skus: { entries: { A: 'Apple', B: 'Banana' } }, cities: { file: 'c.csv', keyColumn: 'k', valueColumn: 'v' } },
      arrays: [{ target: 'names', source: 'lines' }],
      rules: [{ target: 'names.name', sources: ['sku'], transforms: [{ kind: 'lookup', table: 'skus', default: '?' }] }],
    });
    const { expression } = compileDocument(d, { tables: { cities: { B: 'Berlin' } } });
    expect(expression).toContain('\n  $table_cities := {\n    "B": "Berlin"\n  };\n  $table_skus := {\n');
    expect(expression.match(/\$table_skus := /g)).toHaveLength(1);
    expect(await evaluate(expression, ORDER)).toEqual({ names: [{ name: 'Banana' }, { name: 'Apple' }, { name: '?' }] });
    expect(codeOf(() => compileDocument(d))).toBe('COMPILE_INVALID');
  });

  it('gives a source map span for every target path', () => {
    const d = doc({
      arrays: [{ target: 'items', source: 'lines' }],
      rules: [
        { target: 'id', sources: ['`cbc:ID`'] },
        { target: 'items.sku', sources: ['sku'] },
      ],
    });
    const { expression, sourceMap } = compileDocument(d);
    const text = (path: string) => expression.slice(sourceMap[path]!.start, sourceMap[path]!.end);
    expect(text('id')).toBe('$omitEmpty(`cbc:ID`)');
    expect(text('items.sku')).toBe('$omitEmpty(sku)');
    expect(text('items').startsWith('[lines.{')).toBe(true);
    expect(fieldAtOffset(sourceMap, sourceMap['items.sku']!.start)).toBe('items.sku');
    expect(fieldAtOffset(sourceMap, sourceMap['items']!.start)).toBe('items');
    expect(fieldAtOffset(sourceMap, 0)).toBeUndefined();
  });

  it('leaves out empty values under the omit policy, and objects left with nothing in them', async () => {
    const d = doc({
      rules: [
        { target: 'id', sources: ['id'], required: 'error' },
        { target: 'agent.institution.bic', sources: ['bic'] },
        { target: 'note', sources: ['note'] },
        { target: 'fixed', transforms: [{ kind: 'constant', value: '' }] },
      ],
    });
    const { expression } = compileDocument(d);
    expect(await evaluate(expression, { id: 'P-1', bic: '', note: null })).toEqual({ id: 'P-1', fixed: '' });
    expect(await evaluate(expression, { id: 'P-1', bic: 'COBADEFFXXX', note: 'n' })).toEqual({ id: 'P-1', agent: { institution: { bic: 'COBADEFFXXX' } }, note: 'n', fixed: '' });
  });

  it('rejects rules that cannot compile with coded errors', () => {
    expect(codeOf(() => compileDocument(doc({ rules: [{ target: 'a', sources: ['x'] }, { target: 'a.b', sources: ['y'] }] })))).toBe('COMPILE_INVALID');
    expect(codeOf(() => compileDocument(doc({ rules: [{ target: 'a.b', sources: ['y'] }, { target: 'a', sources: ['x'] }] })))).toBe('COMPILE_INVALID');
    expect(codeOf(() => compileDocument(doc({ rules: [{ target: 'a' }] })))).toBe('COMPILE_INVALID');
    expect(codeOf(() => compileDocument(doc({ rules: [{ target: 'a', sources: ['../x'] }] })))).toBe('COMPILE_INVALID');
    expect(codeOf(() => compileDocument(doc({ rules: [{ target: 'a', sources: ['x'], transforms: [{ kind: 'custom', expression: '(' }] }] })))).toBe('TRANSFORM_INVALID');
  });
});
