import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { compileChain } from './registry';
import { transformNodeSchema } from './transform-node';
import { run, TEST_CONTEXT, TEST_HELPERS } from './transforms-test-helpers';

const AMOUNTS = [{ amount: '0,10' }, { amount: '0,20' }, { amount: '1.000,70' }];

async function chain(raw: unknown[], value: unknown): Promise<unknown> {
  const text = compileChain(raw.map((r) => transformNodeSchema.parse(r)), 'value', TEST_CONTEXT);
  return jsonata(`(\n${TEST_HELPERS}\n${text}\n)`).evaluate({ value });
}

describe('money', () => {
  it('parses each element of a list, then sums it exactly', async () => {
    const parse = { kind: 'parseNumber', decimalSeparator: ',', thousandsSeparator: '.' };
    expect([...((await chain([parse], ['0,10', '0,20', '1.000,70'])) as number[])]).toEqual([0.1, 0.2, 1000.7]);
    // Plain doubles drift (0.30000000000000004); scaled integers do not.
    expect(await chain([parse, { kind: 'aggregate', fn: 'sum' }], ['0,10', '0,20'])).not.toBe(0.3);
    expect(await chain([parse, { kind: 'aggregate', fn: 'sum', decimals: 2 }], ['0,10', '0,20'])).toBe(0.3);
    expect(await chain([parse, { kind: 'aggregate', fn: 'sum', decimals: 2 }], ['0,10', '0,20', '1.000,70'])).toBe(1001);
    expect(await chain([parse, { kind: 'aggregate', fn: 'sum', decimals: 2, fixed: true }], ['0,10', '0,20', '1.000,70'])).toBe('1001.00');
    expect(await chain([parse, { kind: 'aggregate', fn: 'sum', decimals: 2, fixed: true }], '6543,14')).toBe('6543.14');
  });

  it('sums a field of the items read from text exactly', async () => {
    expect(await run({ kind: 'aggregate', fn: 'sum', field: 'amount', decimalSeparator: ',', thousandsSeparator: '.', decimals: 2, fixed: true }, AMOUNTS)).toBe('1001.00');
    expect(await run({ kind: 'aggregate', fn: 'sum', field: 'x', decimals: 2 }, [{ x: 6543.14 }, { x: 112.72 }])).toBe(6655.86);
    expect(await run({ kind: 'aggregate', fn: 'average', field: 'x', decimals: 2 }, [{ x: 0.1 }, { x: 0.2 }, { x: 0.2 }])).toBe(0.17);
    expect(await run({ kind: 'aggregate', fn: 'max', field: 'x', decimals: 2 }, [{ x: 0.1 }, { x: 0.3 }])).toBe(0.3);
    // No items, no total, as with a plain sum.
    expect(await run({ kind: 'aggregate', fn: 'sum', field: 'x', decimals: 2 }, [])).toBeUndefined();
  });

  it('writes a fixed number of fraction digits', async () => {
    expect(await run({ kind: 'round', decimals: 2, fixed: true }, 12.5)).toBe('12.50');
    expect(await run({ kind: 'round', decimals: 0, fixed: true }, 2.5)).toBe('2');
    expect(await run({ kind: 'round', decimals: 2 }, 12.5)).toBe(12.5);
  });

  it('refuses decimals where they mean nothing', async () => {
    await expect(run({ kind: 'aggregate', fn: 'count', decimals: 2 }, [])).rejects.toMatchObject({ code: 'TRANSFORM_INVALID' });
    await expect(run({ kind: 'aggregate', fn: 'sum', fixed: true }, [])).rejects.toMatchObject({ code: 'TRANSFORM_INVALID' });
  });
});
