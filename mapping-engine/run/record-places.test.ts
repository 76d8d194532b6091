import { describe, expect, it } from 'vitest';
import { doc, failedRun as failure } from '../compiler/compiler-test-helpers';
import { readCsv } from '../payload/csv-read';
import { readJsonLines } from '../payload/jsonl-read';
import { withRecordPlaces } from './record-places';


// Row 3 (P-3) starts on line 6: the note of row 2 spans two lines and a blank line follows.
const CSV = 'no,date,iban,note\nP-1,01.07.2024,DE1,a\nP-2,01.07.2024,DE2,"two\nlines"\n\nP-3,02.07.2024,,c\n';

describe('records named where the input has them', () => {
  it('names a row of a per-record mapping, an element of an array over the rows and a group member by the line it starts on', async () => {
    const input = readCsv(CSV);
    const rows = doc({ recordKey: 'no', recordLabel: 'Payment-No', arrays: [{ target: '.', source: '.' }], rules: [{ target: 'iban', sources: ['iban'], required: 'error' }] });
    const lines = doc({ arrays: [{ target: 'Invoice.Line', source: '.', recordKey: 'no' }], rules: [{ target: 'Invoice.Line.iban', sources: ['iban'], required: 'error' }] });
    const grouped = doc({
      arrays: [
        { target: 'blocks', source: '.', groupBy: 'date' },
        { target: 'blocks.txs', source: '$items', recordKey: 'no' },
      ],
      rules: [{ target: 'blocks.txs.iban', sources: ['iban'], required: 'error' }],
    });
    const named = async (d: ReturnType<typeof doc>) => withRecordPlaces(await failure(d, input.value), d, input).message;
    expect(await named(rows)).toBe('iban is required (Payment-No "P-3", line 6)');
    expect(await named(lines)).toBe('Invoice.Line[].iban is required (line 6: no "P-3")');
    expect(await named(grouped)).toBe('blocks[].txs[].iban is required (line 6: no "P-3")');
  });

  it('names elements of JSON input by their array index and of XML input by their element path, each relative to the element around it', async () => {
    const nested = doc({
      recordKey: 'batch',
      arrays: [
        { target: 'orders', source: 'export.orders', recordKey: 'number' },
        { target: 'orders.lines', source: 'lines' },
      ],
      rules: [{ target: 'orders.lines.sku', sources: ['sku'], required: 'error' }],
    });
    const input = { batch: 'B1', export: { orders: [{ number: 'PO-1', lines: [{ sku: 'A' }] }, { number: 'PO-2', lines: [{ sku: 'B' }, { qty: 3 }] }] } };
    const error = await failure(nested, input);
    expect(error.message).toBe('orders[].lines[].sku is required (batch "B1", orders item 2: number "PO-2", orders.lines item 2)');
    expect(withRecordPlaces(error, nested, { format: 'json' }).message).toBe('orders[].lines[].sku is required (batch "B1", export.orders[1]: number "PO-2", lines[1])');
    expect(withRecordPlaces(error, nested, { format: 'xml' }).message).toBe('orders[].lines[].sku is required (batch "B1", export/orders[2]: number "PO-2", lines[2])');
    const rows = doc({ arrays: [{ target: '.', source: '.' }], rules: [{ target: 'iban', sources: ['iban'], required: 'error' }] });
    expect(withRecordPlaces(await failure(rows, [{ iban: 'x' }, {}]), rows, { format: 'json' }).message).toBe('iban is required ([1])');
  });

  it('names a JSON Lines record by the line it is on, blank lines counted', async () => {
    // Record 3 is on line 5: a blank line and a line of spaces come before it.
    const input = readJsonLines('{"no":"P-1","iban":"DE1"}\n\n{"no":"P-2","iban":"DE2"}\n  \n{"no":"P-3"}\n');
    expect(input.meta?.rowLines).toEqual({ first: 1, jumps: [[1, 3], [2, 5]] });
    const rows = doc({ recordKey: 'no', recordLabel: 'Payment-No', arrays: [{ target: '.', source: '.' }], rules: [{ target: 'iban', sources: ['iban'], required: 'error' }] });
    expect(withRecordPlaces(await failure(rows, input.value), rows, input).message).toBe('iban is required (Payment-No "P-3", line 5)');
    const lines = doc({ arrays: [{ target: 'Invoice.Line', source: '.', recordKey: 'no' }], rules: [{ target: 'Invoice.Line.iban', sources: ['iban'], required: 'error' }] });
    expect(withRecordPlaces(await failure(lines, input.value), lines, input).message).toBe('Invoice.Line[].iban is required (line 5: no "P-3")');
  });

  it('leaves other inputs and messages alone', async () => {
    const rows = doc({ arrays: [{ target: '.', source: '.' }], rules: [{ target: 'iban', sources: ['iban'], required: 'error' }] });
    const error = await failure(rows, [{ iban: 'x' }, {}]);
    expect(withRecordPlaces(error, rows, { format: 'jsonl' })).toBe(error);
    expect(withRecordPlaces(error, rows, { format: 'csv', meta: {} })).toBe(error);
    expect(withRecordPlaces({ ...error, message: 'iban is required (record of sales)' }, rows, readCsv(CSV)).message).toBe('iban is required (record of sales)');
  });
});
