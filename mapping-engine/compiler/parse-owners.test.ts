import { describe, expect, it } from 'vitest';
import type { MappingDocumentInput } from '../document/document-schema';
import { doc, runCompiled as run } from './compiler-test-helpers';

const ORDER = {
  name: '#1052',
  items: [
    { sku: 'TEA', quantity: 2, price: '7.90' },
    { sku: 'MUG', quantity: 3, price: '12.33' },
    { sku: 'KETTLE', quantity: 1, price: '129,90' },
  ],
};

type Rules = NonNullable<MappingDocumentInput['rules']>;

/** An order with lines, a line amount from two sources and a total over the lines, its rules in `order`. */
function order(rules: Rules, arrays: MappingDocumentInput['arrays'] = [{ target: 'lines', source: 'items', recordKey: 'sku' }]) {
  return doc({ recordKey: 'name', arrays, rules });
}

const LINE_RULES: Rules = [
  { target: 'total', sources: ['items'], transforms: [{ kind: 'aggregate', fn: 'sum', field: 'quantity', times: 'price', itemDecimals: 2, decimalSeparator: '.' }], required: 'error' },
  { target: 'lines.amount', sources: ['quantity', 'price'], transforms: [{ kind: 'parseNumber' }, { kind: 'calculate', op: '*' }], required: 'error' },
  { target: 'lines.sku', sources: ['sku'], required: 'error' },
  { target: 'lines.quantity', sources: ['quantity'], transforms: [{ kind: 'parseNumber' }], required: 'error' },
  { target: 'lines.unitPrice', sources: ['price'], transforms: [{ kind: 'parseNumber' }], required: 'error' },
  { target: 'priceSum', sources: ['items.price'], transforms: [{ kind: 'parseNumber' }, { kind: 'aggregate', fn: 'sum' }] },
];

/** Every rotation of `rules`: the order fields are written in must not change which one an error names. */
function rotations<T>(items: readonly T[]): T[][] {
  return items.map((_, i) => [...items.slice(i), ...items.slice(0, i)]);
}

const UNIT_PRICE_ERROR = 'lines[].unitPrice: not a number with "." as decimal separator, value shaped "999,99" (name "#1052", lines item 3: sku "KETTLE")';

describe('a bad number is attributed to the field that parses it directly', () => {
  it('names the line field and the line, not a total, a sum or a line amount reading the same value, in any rule order', async () => {
    for (const rules of rotations(LINE_RULES)) {
      await expect(run(order(rules), ORDER)).rejects.toMatchObject({ code: 'RUN_EVALUATION', jsonataCode: 'D3137', message: UNIT_PRICE_ERROR });
    }
  });

  it('gives the same output as before when every value reads', async () => {
    const good = { ...ORDER, items: ORDER.items.map((i) => ({ ...i, price: i.price.replace(',', '.') })) };
    const out = (await run(order(LINE_RULES), good)) as { total: number; priceSum: number; lines: Array<{ amount: number; unitPrice: number }> };
    expect(out.total).toBe(2 * 7.9 + 3 * 12.33 + 129.9);
    expect(out.priceSum).toBeCloseTo(7.9 + 12.33 + 129.9, 10);
    expect(out.lines.map((l) => l.amount)).toEqual([2 * 7.9, 3 * 12.33, 129.9]);
  });

  it('keeps the reading field when no field parses the value alike: another separator, or a filtered array', async () => {
    const otherFormat = LINE_RULES.map((r) => (r.target === 'lines.unitPrice' ? { ...r, transforms: [{ kind: 'parseNumber' as const, decimalSeparator: ',' as const }] } : r)).filter((r) => r.target !== 'lines.amount' && r.target !== 'priceSum');
    await expect(run(order(otherFormat), ORDER)).rejects.toMatchObject({ message: expect.stringMatching(/^total: not a number/) });
    const filtered = LINE_RULES.filter((r) => r.target === 'total' || r.target.startsWith('lines.u'));
    await expect(run(order(filtered, [{ target: 'lines', source: 'items', filter: { field: 'quantity', op: '>', value: 1 } }]), ORDER)).rejects.toMatchObject({ message: expect.stringMatching(/^total: not a number/) });
  });

  it('names the member of a group of the input records, from a sum over all records and a sum per group', async () => {
    const PARSE = { kind: 'parseNumber', decimalSeparator: ',', thousandsSeparator: '.' } as const;
    const SUM = { kind: 'aggregate', fn: 'sum', decimals: 2, fixed: true } as const;
    const payments = doc({
      arrays: [
        { target: 'blocks', source: '.', groupBy: 'date' },
        { target: 'blocks.txs', source: '$items', recordKey: 'no' },
      ],
      rules: [
        { target: 'total', sources: ['amount'], transforms: [PARSE, SUM] },
        { target: 'blocks.sum', sources: ['amount'], transforms: [PARSE, SUM] },
        { target: 'blocks.txs.amount', sources: ['amount'], transforms: [PARSE], required: 'error' },
      ],
    });
    const rows = [
      { no: 'P-1', date: '01.07.2024', amount: '1.250,00' },
      { no: 'P-2', date: '02.07.2024', amount: '0,10' },
      { no: 'P-3', date: '02.07.2024', amount: '12x,50' },
    ];
    await expect(run(payments, rows)).rejects.toMatchObject({ message: 'blocks[].txs[].amount: not a number with "," as decimal separator and "." between thousands, value shaped "99a,99" (record 3: no "P-3")' });
    const good = (await run(payments, rows.slice(0, 2))) as { total: string; blocks: Array<{ sum: string }> };
    expect([good.total, ...good.blocks.map((b) => b.sum)]).toEqual(['1250.10', '1250.00', '0.10']);
  });
});
