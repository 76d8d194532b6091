import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { isMapwrightError } from '../errors';
import { loadDocument } from '../document/load-document';
import { serializeDocument } from '../document/serialize-document';
import { compileDocument } from './compile-document';
import { doc } from './compiler-test-helpers';
import { shiftPositionLabel } from './record-label';

/** The message of the error `expression` raises on `input`, or undefined when it succeeds. */
async function failure(expression: string, input: unknown): Promise<string | undefined> {
  try {
    await jsonata(expression).evaluate(input);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('required-field errors name the record', () => {
  it('names the whole input by the document recordKey, and nothing else of the payload', async () => {
    const d = doc({ recordKey: 'accountId', rules: [{ target: 'customerNumber', sources: ['number'], required: 'error' }, { target: 'name', sources: ['name'] }] });
    const { expression } = compileDocument(d);
    expect(expression).toContain('\n  $record := ($rk := accountId; $exists($rk) ? ($rk = null ? "accountId null" : \'accountId "\' & $rk & \'"\') : "accountId missing");\n');
    expect(await failure(expression, { accountId: 'ACC-1', name: 'Jane Roe' })).toBe('customerNumber is required (accountId "ACC-1")');
    expect(await jsonata(expression).evaluate({ accountId: 'ACC-1', number: 'C1' })).toEqual({ customerNumber: 'C1' });
  });

  it("names the one failing record by the document's key when the input is a list of records (not every record's key)", async () => {
    const records = Array.from({ length: 5 }, (_, i) => ({ accountId: `ACC-${i}`, name: i === 3 ? '' : `n${i}` }));
    for (const extra of [{}, { filter: { field: 'accountId', op: 'exists' as const } }, { sort: { field: 'accountId' } }]) {
      const d = doc({ recordKey: 'accountId', arrays: [{ target: '.', source: '.', ...extra }], rules: [{ target: 'id', sources: ['accountId'] }, { target: 'name', sources: ['name'], required: 'error' }] });
      expect(await failure(compileDocument(d).expression, records)).toBe('name is required (accountId "ACC-3", record 4)');
    }
  });

  it('names only the field when nothing identifies the record, and binds no $record without required errors', async () => {
    const plain = compileDocument(doc({ rules: [{ target: 'id', sources: ['id'], required: 'error' }] })).expression;
    expect(await failure(plain, {})).toBe('id is required');
    const optional = compileDocument(doc({ recordKey: 'id', rules: [{ target: 'id', sources: ['id'], required: 'default', default: 0 }] })).expression;
    expect(optional).not.toContain('$record');
  });

  it('counts root rows as they are in the source, before filter and sort, with their key', async () => {
    const d = doc({
      arrays: [{ target: '.', source: 'rows', filter: { field: 'qty', op: '>', value: 0 }, sort: { field: 'id', descending: true }, recordKey: 'id' }],
      rules: [
        { target: 'id', sources: ['id'] },
        { target: 'note', sources: ['note'], required: 'error' },
      ],
    });
    const { expression } = compileDocument(d);
    expect(expression).toContain('[rows#$index1[qty > 0]^(>id).(\n    $record := "record " & ($index1 + 1) & ": " & ($rk := id; $exists($rk) ? ($rk = null ? "id null" : \'id "\' & $rk & \'"\') : "id missing");\n    {');
    const rows = [{ id: 'a', qty: 1, note: 'x' }, { id: 'b', qty: 0 }, { id: 'c', qty: 2, secret: 'hidden' }];
    expect(await failure(expression, { rows })).toBe('note is required (record 3: id "c")');
    expect(await jsonata(expression).evaluate({ rows: [rows[0], rows[1]] })).toEqual([{ id: 'a', note: 'x' }]);
  });

  it('chains the records of nested arrays, outer first, and binds the parent a key reads with ../', async () => {
    const d = doc({
      recordKey: 'batch',
      arrays: [
        { target: 'orders', source: 'orders', recordKey: 'number' },
        { target: 'orders.lines', source: 'lines', recordKey: '../number' },
      ],
      rules: [
        { target: 'orders.number', sources: ['number'] },
        { target: 'orders.lines.sku', sources: ['sku'], required: 'error' },
      ],
    });
    const { expression } = compileDocument(d);
    expect(expression).toContain('$context1 := $;');
    expect(expression).toContain('$record := $record & ", orders item " & ($index1 + 1) & ": " & ($rk := number; $exists($rk) ? ($rk = null ? "number null" : \'number "\' & $rk & \'"\') : "number missing");');
    const input = { batch: 'B1', orders: [{ number: 'PO-1', lines: [{ sku: 'A' }] }, { number: 'PO-2', lines: [{ sku: 'B' }, { qty: 3 }] }] };
    expect(await failure(expression, input)).toBe('orders[].lines[].sku is required (batch "B1", orders item 2: number "PO-2", orders.lines item 2: number "PO-2")');
  });

  it('names a group by its key', async () => {
    const d = doc({
      arrays: [{ target: 'byCurrency', source: 'lines', groupBy: 'currency' }],
      rules: [
        { target: 'byCurrency.currency', sources: ['$key'] },
        { target: 'byCurrency.note', sources: ['note'], required: 'error' },
      ],
    });
    const { expression } = compileDocument(d);
    expect(await failure(expression, { lines: [{ currency: 'EUR', note: 'n' }, { currency: 'USD' }] })).toBe('byCurrency[].note is required (byCurrency group "USD")');
    expect(await jsonata(expression).evaluate({ lines: [{ currency: 'EUR', note: 'n' }] })).toEqual({ byCurrency: [{ currency: 'EUR', note: 'n' }] });
  });

  it('keeps recordKey through serialisation and rejects a root key that steps out of an array', () => {
    const d = doc({ recordKey: 'id', arrays: [{ target: 'lines', source: 'items', recordKey: 'sku' }], rules: [{ target: 'lines.sku', sources: ['sku'], required: 'error' }] });
    expect(loadDocument(serializeDocument(d)).document).toEqual(d);
    let code: string | undefined;
    try {
      compileDocument(doc({ recordKey: '../id', rules: [{ target: 'id', sources: ['id'], required: 'error' }] }));
    } catch (error) {
      code = isMapwrightError(error) ? error.code : 'not coded';
    }
    expect(code).toBe('COMPILE_INVALID');
  });
});

describe('the label a user picks for the record key', () => {
  it('shows the document key and an item key under their labels, inside groups of the input records too', async () => {
    const single = doc({ recordKey: 'order.name', recordLabel: 'Order', rules: [{ target: 'id', sources: ['order.id'], required: 'error' }] });
    expect(await failure(compileDocument(single).expression, { order: { name: '#1052' } })).toBe('id is required (Order "#1052")');
    const grouped = doc({
      arrays: [
        { target: 'blocks', source: '.', groupBy: 'date' },
        { target: 'blocks.txs', source: '$items', recordKey: '`Zahlungs-Nr`', recordLabel: 'Payment-No' },
      ],
      rules: [{ target: 'blocks.txs.iban', sources: ['IBAN'], required: 'error' }],
    });
    const rows = [{ 'Zahlungs-Nr': 'PAY-0041', date: '01.07.2024', IBAN: 'DE1' }, { 'Zahlungs-Nr': 'PAY-0042', date: '01.07.2024' }];
    expect(await failure(compileDocument(grouped).expression, rows)).toBe('blocks[].txs[].iban is required (record 2: Payment-No "PAY-0042")');
  });

  it('names a record of a list input by the labelled document key, and keeps the label through serialisation', async () => {
    const d = doc({ recordKey: 'no', recordLabel: 'Payment-No', arrays: [{ target: '.', source: '.' }], rules: [{ target: 'iban', sources: ['iban'], required: 'error' }] });
    expect(await failure(compileDocument(d).expression, [{ no: 'P-1', iban: 'x' }, { no: 'P-2' }])).toBe('iban is required (Payment-No "P-2", record 2)');
    expect(loadDocument(serializeDocument(d)).document).toEqual(d);
  });

  it('shows a key holding personal data by its shape, not its value', async () => {
    const d = doc({ recordKey: 'customer.email', recordLabel: 'Customer', arrays: [{ target: 'lines', source: 'lines', recordKey: 'contact.phone' }], rules: [{ target: 'lines.sku', sources: ['sku'], required: 'error' }] });
    const message = await failure(compileDocument(d).expression, { customer: { email: 'jane.roe@example.com' }, lines: [{ contact: { phone: '+49 30 1234' } }] });
    expect(message).toBe('lines[].sku is required (Customer shaped "aaaa.aaa*aaaaaaa.aaa", lines item 1: contact.phone shaped "+99 99 9999")');
    expect(message).not.toContain('jane');
  });
});

describe('invalid-value errors name the record and not the value', () => {
  it('binds the $invalid helper once and a $record for arrays whose transforms can reject a value', async () => {
    const d = doc({
      recordKey: 'batch',
      arrays: [{ target: 'rows', source: 'rows', recordKey: 'id' }],
      rules: [
        { target: 'rows.id', sources: ['id'] },
        { target: 'rows.day', sources: ['day'], transforms: [{ kind: 'date', from: 'dd.MM.yyyy', to: 'yyyy-MM-dd' }] },
      ],
    });
    const { expression } = compileDocument(d);
    expect(expression.match(/\$invalid := function/g)).toHaveLength(1);
    expect(expression).toContain('$invalid("rows[].day", "date does not match dd.MM.yyyy", $s, $record)');
    const input = { batch: 'B7', rows: [{ id: 'r1', day: '01.02.2024' }, { id: 'r2', day: '2024-02-30 secret' }] };
    const message = await failure(expression, input);
    expect(message).toBe('rows[].day: date does not match dd.MM.yyyy, value shaped "9999-99-99 aaaaaa" (batch "B7", rows item 2: id "r2")');
    expect(message).not.toContain('secret');
    expect(await jsonata(expression).evaluate({ rows: [input.rows[0]] })).toEqual({ rows: [{ id: 'r1', day: '2024-02-01' }] });
  });

  it('leaves the helper out when no transform can reject a value', () => {
    const { expression } = compileDocument(doc({ rules: [{ target: 'day', sources: ['day'], transforms: [{ kind: 'date', from: 'iso', to: 'iso', onInvalid: 'omit' }] }] }));
    expect(expression).not.toContain('$invalid');
    expect(expression).not.toContain('$record');
  });
});

describe('shiftPositionLabel', () => {
  it('moves the element label of the array by the offset, keeping key and chain', () => {
    expect(shiftPositionLabel('weightKg is required (record 1)', '.', 5020)).toBe('weightKg is required (record 5021)');
    expect(shiftPositionLabel('note is required (record 12: id "record 1")', '.', 2000)).toBe('note is required (record 2012: id "record 1")');
    expect(shiftPositionLabel('a[].b is required (batch "B", a item 3, a.c item 1)', 'a', 6)).toBe('a[].b is required (batch "B", a item 9, a.c item 1)');
    expect(shiftPositionLabel('x0[].b: unknown code, value shaped "A" (x0 item 2)', 'x0', 10)).toBe('x0[].b: unknown code, value shaped "A" (x0 item 12)');
  });

  it('leaves messages without the label alone', () => {
    expect(shiftPositionLabel('weightKg is required', '.', 3)).toBeUndefined();
    expect(shiftPositionLabel('x is required (orders item 1)', '.', 3)).toBeUndefined();
    expect(shiftPositionLabel('Unable to cast value to a number: "record 1"', '.', 3)).toBeUndefined();
  });
});
