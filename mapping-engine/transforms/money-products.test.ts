import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { compileChain } from './registry';
import { transformNodeSchema } from './transform-node';
import { TEST_CONTEXT, TEST_HELPERS } from './transforms-test-helpers';

/** A decimal as a whole number of units of 10^-scale (`"-1.005"` -> -1005n, 3). */
function decimal(text: string): { units: bigint; scale: number } {
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = (negative ? text.slice(1) : text).split('.');
  return { units: BigInt(`${negative ? '-' : ''}${whole}${fraction}`), scale: fraction.length };
}

/** `units` / 10^scale rounded half to even to `digits` fraction digits, as a number (exact decimal arithmetic, not the code under test). */
function roundHalfEven(units: bigint, scale: number, digits: number): number {
  let n = units;
  if (scale <= digits) n *= 10n ** BigInt(digits - scale);
  else {
    const unit = 10n ** BigInt(scale - digits);
    const size = n < 0n ? -n : n;
    let q = size / unit;
    const twice = 2n * (size % unit);
    if (twice > unit || (twice === unit && q % 2n === 1n)) q += 1n;
    n = n < 0n ? -q : q;
  }
  const size = (n < 0n ? -n : n).toString().padStart(digits + 1, '0');
  const text = digits === 0 ? size : `${size.slice(0, -digits)}.${size.slice(-digits)}`;
  return Number(n < 0n ? `-${text}` : text);
}

/** quantity x price, exact, rounded half to even to `digits`. */
function exactProduct(quantity: string, price: string, digits = 2): number {
  const q = decimal(quantity);
  const p = decimal(price);
  return roundHalfEven(q.units * p.units, q.scale + p.scale, digits);
}

async function evaluate(chain: unknown[], input: string, value: unknown, sourceCount?: number): Promise<unknown> {
  const nodes = chain.map((n) => transformNodeSchema.parse(n));
  const text = compileChain(nodes, input, sourceCount === undefined ? TEST_CONTEXT : { ...TEST_CONTEXT, sourceCount });
  return jsonata(`(\n${TEST_HELPERS}\n${text}\n)`).evaluate(value);
}

const timesRounded = (quantity: number, price: number): Promise<unknown> =>
  evaluate([{ kind: 'calculate', op: '*' }, { kind: 'round', decimals: 2 }], '[quantity, price]', { quantity, price }, 2);

/**
 * Quantity x price pairs near rounding ties: 3-decimal prices ending in 5,
 * fractional quantities, negatives (credit lines), large values.
 */
const PAIRS: Array<[string, string]> = [
  ['0.7', '0.05'], ['3', '1.005'], ['7', '1.005'], ['1', '1.005'], ['5', '1.005'], ['9', '1.005'],
  ['3', '2.675'], ['2', '1.115'], ['0.5', '0.07'], ['0.3', '0.15'], ['1.5', '0.01'], ['2.5', '0.01'],
  ['0.1', '0.25'], ['0.9', '0.45'], ['1.1', '1.15'], ['3', '0.335'], ['7', '0.145'], ['11', '0.515'],
  ['13', '1.235'], ['0.25', '4.02'], ['0.125', '0.36'], ['1.25', '9.98'], ['2.75', '3.33'], ['12.5', '0.703'],
  ['100', '0.00125'], ['1000', '0.000035'], ['0.333', '3'], ['1.005', '1.005'], ['19.99', '0.15'], ['4.35', '100.1'],
  ['-3', '1.005'], ['3', '-1.005'], ['-0.7', '0.05'], ['-7', '-1.005'], ['-2', '2.675'], ['-0.5', '0.07'],
  ['1234.5', '6.789'], ['99999', '1.005'], ['250000', '1.0001'], ['123456.78', '1.005'], ['1000000', '0.123455'], ['7', '142857.145'],
  ['0.07', '0.5'], ['8.5', '0.3'], ['2', '0.0025'], ['0', '1.005'],
];

describe('money: products are decimal-exact', () => {
  it('rounds a product of two amounts as exact decimal arithmetic does (audit cases)', async () => {
    expect(await timesRounded(0.7, 0.05)).toBe(0.04);
    expect(await timesRounded(3, 1.005)).toBe(3.02);
    expect(await timesRounded(7, 1.005)).toBe(7.04);
    // The product itself is the decimal, rounded or not.
    expect(await evaluate([{ kind: 'calculate', op: '*' }], '[quantity, price]', { quantity: 0.7, price: 0.05 }, 2)).toBe(0.035);
    expect(await evaluate([{ kind: 'calculate', op: '/' }], '[amount, count]', { amount: 0.07, count: 2 }, 2)).toBe(0.035);
    expect(await evaluate([{ kind: 'calculate', op: '+' }], '[a, b]', { a: 0.1, b: 0.2 }, 2)).toBe(0.3);
  });

  it(`matches exact decimal arithmetic on ${PAIRS.length} quantity x price pairs`, async () => {
    expect(PAIRS.length).toBeGreaterThanOrEqual(40);
    for (const [quantity, price] of PAIRS) {
      expect([quantity, price, await timesRounded(Number(quantity), Number(price))]).toEqual([quantity, price, exactProduct(quantity, price)]);
      const three = await evaluate([{ kind: 'calculate', op: '*' }, { kind: 'round', decimals: 3 }], '[quantity, price]', { quantity: Number(quantity), price: Number(price) }, 2);
      expect([quantity, price, three]).toEqual([quantity, price, exactProduct(quantity, price, 3)]);
    }
  });

  it('sums ledger lines exactly, with and without rounding each line', async () => {
    const lines = PAIRS.map(([quantity, price]) => ({ quantity: Number(quantity), price: Number(price) }));
    let lineTotal = 0n;
    for (const [quantity, price] of PAIRS) lineTotal += BigInt(Math.round(exactProduct(quantity, price) * 100));
    const want = roundHalfEven(lineTotal, 2, 2);
    const aggregate = { kind: 'aggregate', fn: 'sum', field: 'quantity', times: 'price', decimals: 2 };
    expect(await evaluate([{ ...aggregate, itemDecimals: 2 }], 'lines', { lines })).toBe(want);
    // Without itemDecimals, `decimals` rounds each line to cents all the same (half to even on the decimal product).
    expect(await evaluate([aggregate], 'lines', { lines })).toBe(want);
    expect(await evaluate([{ ...aggregate, itemDecimals: 2, fixed: true }], 'lines', { lines: [{ quantity: 3, price: 1.005 }, { quantity: 0.7, price: 0.05 }] })).toBe('3.06');
  });

  it('rounds an amount with more digits than decimals on its decimal text in an exact sum', async () => {
    // 1.015 is the double 1.01499999999999990; times 100 it rounded down to 101 before.
    expect(await evaluate([{ kind: 'aggregate', fn: 'sum', decimals: 2 }], 'values', { values: [1.015, 2.675, 0.125] })).toBe(3.82);
    expect(await evaluate([{ kind: 'aggregate', fn: 'sum', decimals: 0 }], 'values', { values: [0.5, 1.5, 2.5] })).toBe(4);
  });

  it('adds and subtracts two amounts exactly, also when the difference is far below them', async () => {
    const pairs: Array<[string, string]> = [
      ['1.015', '1'], ['12.345', '12'], ['3.045', '3'], ['10.015', '10'], ['100.015', '100'], ['1.005', '0.01'],
      ['0.1', '0.2'], ['-1.015', '-1'], ['1000000.005', '1000000'], ['123456789.125', '-0.13'], ['0.3', '0.295'], ['2.675', '2.67'],
    ];
    for (const [a, b] of pairs) {
      const x = decimal(a);
      const y = decimal(b);
      const scale = Math.max(x.scale, y.scale);
      const [ax, by] = [x.units * 10n ** BigInt(scale - x.scale), y.units * 10n ** BigInt(scale - y.scale)];
      for (const op of ['+', '-'] as const) {
        const got = await evaluate([{ kind: 'calculate', op }, { kind: 'round', decimals: 2 }], '[a, b]', { a: Number(a), b: Number(b) }, 2);
        expect([a, op, b, got]).toEqual([a, op, b, roundHalfEven(op === '+' ? ax + by : ax - by, scale, 2)]);
      }
      const constant = await evaluate([{ kind: 'arithmetic', op: '-', operand: Number(b) }, { kind: 'round', decimals: 2 }], 'value', { value: Number(a) });
      expect([a, '-', b, constant]).toEqual([a, '-', b, roundHalfEven(ax - by, scale, 2)]);
    }
    // Unrounded, the difference is the decimal itself.
    expect(await evaluate([{ kind: 'calculate', op: '-' }], '[a, b]', { a: 1.015, b: 1 }, 2)).toBe(0.015);
  });

  it('multiplies and divides by a constant exactly; a remainder stays as jsonata gives it', async () => {
    const arithmetic = (op: string, operand: number, value: number, digits?: number): Promise<unknown> =>
      evaluate(digits === undefined ? [{ kind: 'arithmetic', op, operand }] : [{ kind: 'arithmetic', op, operand }, { kind: 'round', decimals: digits }], 'value', { value });
    expect(await arithmetic('*', 3, 1.005, 2)).toBe(3.02);
    expect(await arithmetic('*', 7, 1.005, 2)).toBe(7.04);
    expect(await arithmetic('*', 1.19, 100)).toBe(119);
    expect(await arithmetic('/', 2, 0.07, 2)).toBe(0.04);
    expect(await arithmetic('-', 1.2, 2.215, 2)).toBe(1.02);
    expect(await arithmetic('+', 0.01, 1.015, 2)).toBe(1.02);
    expect(await arithmetic('%', 1, 1.005)).toBe(1.005 % 1);
  });

  it('keeps results from 1e15 on as the double jsonata gives (no fraction digits to clean there)', async () => {
    // 16 digits: written to 15 digits it would lose its last one.
    expect(await evaluate([{ kind: 'calculate', op: '*' }], '[a, b]', { a: 1234567890123457, b: 1 }, 2)).toBe(1234567890123457);
    expect(await evaluate([{ kind: 'arithmetic', op: '+', operand: 1 }], 'value', { value: 999999999999999 })).toBe(1e15);
    expect(await evaluate([{ kind: 'calculate', op: '*' }, { kind: 'round', decimals: 2 }], '[a, b]', { a: 1e21, b: 1.005 }, 2)).toBe(1.0049999999999999e21);
    expect(await evaluate([{ kind: 'calculate', op: '*' }], '[a, b]', { a: 123456789.123, b: 1000 }, 2)).toBe(123456789123);
  });

  it('leaves a missing operand missing', async () => {
    expect(await evaluate([{ kind: 'calculate', op: '*' }, { kind: 'round', decimals: 2 }], '[quantity, price]', { quantity: 3 }, 2)).toBeUndefined();
    expect(await evaluate([{ kind: 'arithmetic', op: '*', operand: 3 }], 'value', {})).toBeUndefined();
    expect(await evaluate([{ kind: 'aggregate', fn: 'sum', field: 'q', times: 'p', decimals: 2 }], 'lines', { lines: [{ q: 3 }, { q: 2, p: 1.005 }] })).toBe(2.01);
  });
});
