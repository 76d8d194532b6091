import { describe, expect, it } from 'vitest';
import { isMapwrightError } from '../errors';
import { describeTransform, compileChain, compileTransform } from './registry';
import { transformNodeSchema } from './transform-node';
import { run, TEST_CONTEXT, TEST_HELPERS } from './transforms-test-helpers';
import jsonata from 'jsonata';

const LINES = [
  { sku: 'B', qty: 2, price: 5 },
  { sku: 'A', qty: 1, price: 12.5 },
  { sku: 'C', qty: 4, price: 1 },
];

describe('array transforms', () => {
  it('aggregates', async () => {
    expect(await run({ kind: 'aggregate', fn: 'sum', field: 'qty' }, LINES)).toBe(7);
    expect(await run({ kind: 'aggregate', fn: 'count' }, LINES)).toBe(3);
    expect(await run({ kind: 'aggregate', fn: 'min', field: 'price' }, LINES)).toBe(1);
    expect(await run({ kind: 'aggregate', fn: 'max', field: 'price' }, LINES)).toBe(12.5);
    expect(await run({ kind: 'aggregate', fn: 'average', field: 'qty' }, LINES)).toBeCloseTo(7 / 3);
    expect(await run({ kind: 'aggregate', fn: 'join', field: 'sku', separator: '|' }, LINES)).toBe('B|A|C');
    expect(await run({ kind: 'aggregate', fn: 'count' }, undefined)).toBe(0);
    await expect(run({ kind: 'aggregate', fn: 'sum', field: 'sku' }, LINES)).rejects.toMatchObject({ code: 'T0412' });
  });

  it('filter, sort and pick', async () => {
    const contacts = [
      { type: 'phone', value: '+49' },
      { type: 'email', value: 'a@example.com' },
    ];
    expect(await run({ kind: 'filter', when: { field: 'type', op: '=', value: 'email' } }, contacts)).toEqual({ type: 'email', value: 'a@example.com' });
    expect(await run({ kind: 'filter', when: { field: 'type', op: '=', value: 'fax' } }, contacts)).toBeUndefined();
    expect(await run({ kind: 'sort', field: 'sku' }, LINES).then((r) => (r as typeof LINES).map((l) => l.sku))).toEqual(['A', 'B', 'C']);
    expect(await run({ kind: 'sort', field: 'price', descending: true }, LINES).then((r) => (r as typeof LINES).map((l) => l.sku))).toEqual(['A', 'B', 'C']);
    expect(await run({ kind: 'sort', descending: true }, [1, 3, 2])).toEqual([3, 2, 1]);
    await expect(run({ kind: 'sort' }, [1, 'a'])).rejects.toMatchObject({ code: 'D3070' });
    expect(await run({ kind: 'pick', index: -1, field: 'sku' }, LINES)).toBe('C');
    expect(await run({ kind: 'pick', index: 5 }, LINES)).toBeUndefined();
    // The index applies to the whole list of values, not inside each row (`rows.id[0]` would give ["a", "c"]).
    const first = compileChain([transformNodeSchema.parse({ kind: 'pick', index: 0 })], 'rows.id', TEST_CONTEXT);
    expect(await jsonata(first).evaluate({ rows: [{ id: ['a', 'b'] }, { id: ['c'] }] })).toBe('a');
  });

  it('chains filter then pick into one readable expression', async () => {
    const chain = [
      transformNodeSchema.parse({ kind: 'filter', when: { field: 'type', op: '=', value: 'email' } }),
      transformNodeSchema.parse({ kind: 'pick', index: 0, field: 'value' }),
    ];
    const text = compileChain(chain, 'contacts', TEST_CONTEXT);
    expect(text).toBe('(contacts[type = "email"])[0].value');
    expect(await jsonata(text).evaluate({ contacts: [{ type: 'email', value: 'x@example.com' }] })).toBe('x@example.com');
  });

  it('sums a product per item, rounded per item, with amounts read from text', async () => {
    const lines = [
      { quantity: 3, price: '19.999' },
      { quantity: 2, price: '0.125' },
      { price: '5.00' },
    ];
    // 3 * 19.999 = 59.997 -> 60.00 and 2 * 0.125 = 0.25; the line without a quantity drops out.
    expect(await run({ kind: 'aggregate', fn: 'sum', field: 'quantity', times: 'price', itemDecimals: 2, decimalSeparator: '.' }, lines)).toBeCloseTo(60.25);
    expect(await run({ kind: 'aggregate', fn: 'max', field: 'quantity', times: 'price', decimalSeparator: '.' }, lines)).toBeCloseTo(59.997);
    expect(await run({ kind: 'aggregate', fn: 'sum', field: 'qty', times: 'price' }, LINES)).toBe(26.5);
    // 12.5 rounds half to even, to 12.
    expect(await run({ kind: 'aggregate', fn: 'sum', field: 'price', itemDecimals: 0 }, LINES)).toBe(18);
    expect(await run({ kind: 'aggregate', fn: 'sum', field: 'quantity', decimalSeparator: ',', thousandsSeparator: '.' }, [{ quantity: '1.000,5' }, { quantity: '2' }])).toBe(1002.5);
  });

  it('names the field and the item when an amount is not a number', async () => {
    const node = { kind: 'aggregate', fn: 'sum', field: 'quantity', times: 'price', decimalSeparator: '.' };
    const lines = [{ quantity: 1, price: '10.00' }, { quantity: 2, price: '129,90' }];
    await expect(run(node, lines)).rejects.toMatchObject({ code: 'D3137', message: 'target.field: not a number with "." as decimal separator, value shaped "999,99" (item 2)' });
    const text = compileTransform(transformNodeSchema.parse(node), 'value', { ...TEST_CONTEXT, record: true });
    const evaluate = jsonata(`(\n${TEST_HELPERS}\n${text}\n)`).evaluate({ value: lines }, { record: 'name "#1052"' });
    await expect(evaluate).rejects.toMatchObject({ code: 'D3137', message: expect.stringContaining('(name "#1052", item 2)') });
  });

  it('refuses a per-item value without a field, or for count and join', () => {
    for (const raw of [{ kind: 'aggregate', fn: 'sum', times: 'price' }, { kind: 'aggregate', fn: 'join', field: 'a', itemDecimals: 2 }, { kind: 'aggregate', fn: 'count', field: 'a', times: 'b' }]) {
      let code: unknown;
      try {
        compileTransform(transformNodeSchema.parse(raw), 'value', TEST_CONTEXT);
      } catch (error) {
        code = isMapwrightError(error) && error.code;
      }
      expect(code).toBe('TRANSFORM_INVALID');
    }
  });

  it('describes', () => {
    expect(describeTransform(transformNodeSchema.parse({ kind: 'aggregate', fn: 'sum', field: 'qty' }))).toBe('Sum of field "qty" of the items.');
  });
});
