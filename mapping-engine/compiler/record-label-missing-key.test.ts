/**
 * A record key the record lacks is named `missing` (a null one `null`),
 * never as quotes around nothing, which reads as a key that is empty text:
 * at the top (`order.name missing`), per record of a list input (with its
 * place: `record 2`, `[1]`, `line 3`) and per array item, under the user's
 * label too, and with no shape for a personal key that has no value. The
 * compiled engine gives the same output and hands the failing run to
 * jsonata, so the text is the same on both engines.
 */
import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../compiled/compile-program';
import { runProgram } from '../compiled/run-program';
import { readCsv } from '../payload/csv-read';
import { withRecordPlaces } from '../run/record-places';
import { compileDocument } from './compile-document';
import { doc, failedRun } from './compiler-test-helpers';

/** The message of the error `expression` raises on `input`, or undefined when it succeeds. */
async function failure(expression: string, input: unknown): Promise<string | undefined> {
  try {
    await jsonata(expression).evaluate(input);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('a missing record key', () => {
  const order = doc({ recordKey: 'order.name', rules: [{ target: 'id', sources: ['order.id'], required: 'error' }] });

  it('is named missing at the top, null when null, and empty text stays empty text', async () => {
    const { expression } = compileDocument(order);
    expect(await failure(expression, { order: {} })).toBe('id is required (order.name missing)');
    expect(await failure(expression, [])).toBe('id is required (order.name missing)');
    expect(await failure(expression, { order: { name: null } })).toBe('id is required (order.name null)');
    expect(await failure(expression, { order: { name: '' } })).toBe('id is required (order.name "")');
    expect(await failure(expression, { order: { name: '#1052' } })).toBe('id is required (order.name "#1052")');
    const labelled = compileDocument(doc({ ...order, recordLabel: 'Order' })).expression;
    expect(await failure(labelled, { order: {} })).toBe('id is required (Order missing)');
  });

  it('keeps the place of a record of a list input: record N, the JSON index, the CSV line', async () => {
    const rows = doc({ recordKey: 'no', recordLabel: 'Payment-No', arrays: [{ target: '.', source: '.' }], rules: [{ target: 'iban', sources: ['iban'], required: 'error' }] });
    const error = await failedRun(rows, [{ no: 'P-1', iban: 'x' }, { iban: '' }]);
    expect(error.message).toBe('iban is required (Payment-No missing, record 2)');
    expect(withRecordPlaces(error, rows, { format: 'json' }).message).toBe('iban is required (Payment-No missing, [1])');
    // CSV has no missing cells, only empty ones: a blank key is empty text, on its line.
    const csv = readCsv('no,iban\nP-1,x\n,\n');
    expect(withRecordPlaces(await failedRun(rows, csv.value), rows, csv).message).toBe('iban is required (Payment-No "", line 3)');
  });

  it('is named missing on an array item, nested and personal keys too (a personal key without a value has no shape)', async () => {
    const d = doc({
      recordKey: 'customer.email',
      arrays: [
        { target: 'orders', source: 'orders', recordKey: 'number', recordLabel: 'Order' },
        { target: 'orders.lines', source: 'lines', recordKey: 'sku' },
      ],
      rules: [{ target: 'orders.lines.qty', sources: ['qty'], required: 'error' }],
    });
    const { expression } = compileDocument(d);
    const input = { customer: {}, orders: [{ number: 'PO-1', lines: [{ sku: 'A', qty: 1 }] }, { lines: [{ sku: null }] }] };
    expect(await failure(expression, input)).toBe('orders[].lines[].qty is required (customer.email missing, orders item 2: Order missing, orders.lines item 1: sku null)');
  });

  it('gives the same output on the compiled engine, which hands a failing run to jsonata', async () => {
    const d = doc({ recordKey: 'order.name', arrays: [{ target: 'lines', source: 'order.lines', recordKey: 'sku' }], rules: [{ target: 'lines.qty', sources: ['qty'], required: 'error' }] });
    const compiled = compileProgram(d);
    if (!('program' in compiled)) throw new Error(compiled.unsupported);
    const { expression } = compileDocument(d);
    const good = { order: { lines: [{ qty: 2 }, { sku: '', qty: 1 }] } };
    expect(runProgram(compiled.program, good)).toEqual({ value: await jsonata(expression).evaluate(good) });
    const bad = { order: { lines: [{ qty: 2 }, {}] } };
    expect(runProgram(compiled.program, bad)).toMatchObject({ bailed: expect.any(String) });
    expect(await failure(expression, bad)).toBe('lines[].qty is required (order.name missing, lines item 2: sku missing)');
  });
});
