import { describe, expect, it } from 'vitest';
import { describeTransform, compileChain } from './registry';
import { transformNodeSchema } from './transform-node';
import { run, TEST_CONTEXT } from './transforms-test-helpers';
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

  it('describes', () => {
    expect(describeTransform(transformNodeSchema.parse({ kind: 'aggregate', fn: 'sum', field: 'qty' }))).toBe('Sum of field "qty" of the items.');
  });
});
