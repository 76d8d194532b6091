import { describe, expect, it } from 'vitest';
import { compileDocument } from './compile-document';
import { doc, runCompiled as run } from './compiler-test-helpers';

const ROWS = [
  { no: 'P-1', date: '02.07.2024', amount: '1.250,00' },
  { no: 'P-2', date: '01.07.2024', amount: '0,10' },
  { no: 'P-3', date: '15.06.2024', amount: '1.000,70' },
  { no: 'P-4', date: '01.07.2024', amount: '0,20' },
];
const DATE = { kind: 'date', from: 'dd.MM.yyyy', to: 'yyyy-MM-dd' } as const;
const PARSE = { kind: 'parseNumber', decimalSeparator: ',', thousandsSeparator: '.' } as const;

function payments(descending = false, extra: Array<Record<string, unknown>> = []) {
  return doc({
    arrays: [
      { target: 'blocks', source: '.', groupBy: 'date', groupTransforms: [DATE], sort: { field: 'date', transforms: [DATE], descending } },
      { target: 'blocks.txs', source: '$items', recordKey: 'no' },
    ],
    rules: [
      { target: 'count', sources: ['.'], transforms: [{ kind: 'aggregate', fn: 'count' }] },
      { target: 'blocks.date', sources: ['$key'] },
      { target: 'blocks.count', sources: ['$items'], transforms: [{ kind: 'aggregate', fn: 'count' }] },
      { target: 'blocks.sum', sources: ['amount'], transforms: [PARSE, { kind: 'aggregate', fn: 'sum', decimals: 2, fixed: true }] },
      { target: 'blocks.txs.id', sources: ['no'] },
      { target: 'blocks.txs.amount', sources: ['amount'], transforms: [PARSE, { kind: 'check', test: 'range', exclusiveMin: 0 }], required: 'error' },
      ...(extra as never[]),
    ],
  });
}


describe('grouped arrays', () => {
  it('makes one element per computed key, sorted by a computed key, with counts and exact sums per group', async () => {
    const out = (await run(payments(), ROWS)) as { count: number; blocks: Array<{ date: string; count: number; sum: string; txs: Array<{ id: string }> }> };
    expect(out.count).toBe(4);
    expect(out.blocks.map((b) => [b.date, b.count, b.sum, b.txs.map((t) => t.id)])).toEqual([
      ['2024-06-15', 1, '1000.70', ['P-3']],
      ['2024-07-01', 2, '0.30', ['P-2', 'P-4']],
      ['2024-07-02', 1, '1250.00', ['P-1']],
    ]);
    // Descending and stable: members of a group keep their input order.
    const down = (await run(payments(true), ROWS)) as { blocks: Array<{ date: string; txs: Array<{ id: string }> }> };
    expect(down.blocks.map((b) => b.date)).toEqual(['2024-07-02', '2024-07-01', '2024-06-15']);
    expect(down.blocks[1]!.txs.map((t) => t.id)).toEqual(['P-2', 'P-4']);
  });

  it('names a rejected member as a record of the input: its place in the input and its key, not its group', async () => {
    const rows = ROWS.map((r) => (r.no === 'P-4' ? { ...r, amount: '-0,20' } : r));
    await expect(run(payments(), rows)).rejects.toMatchObject({
      code: 'RECORD_REJECTED',
      message: 'blocks[].txs[].amount: not a number more than 0, value shaped "-9.9" (record 4: no "P-4")',
    });
  });

  it('sorts a plain array by a number read from text, not as text', async () => {
    const sorted = doc({
      arrays: [{ target: 'lines', source: 'rows', sort: { field: 'qty', transforms: [{ kind: 'parseNumber' }], descending: true } }],
      rules: [{ target: 'lines.qty', sources: ['qty'] }],
    });
    expect(await run(sorted, { rows: [{ qty: '9' }, { qty: '100' }, { qty: '10' }] })).toEqual({ lines: [{ qty: '100' }, { qty: '10' }, { qty: '9' }] });
  });

  it('refuses $items outside a grouped array', () => {
    const bad = doc({ arrays: [{ target: 'txs', source: '$items' }], rules: [{ target: 'txs.id', sources: ['no'] }] });
    expect(() => compileDocument(bad)).toThrow(expect.objectContaining({ code: 'COMPILE_INVALID' }));
  });
});
