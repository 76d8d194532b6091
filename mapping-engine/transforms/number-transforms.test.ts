import { describe, expect, it } from 'vitest';
import jsonata from 'jsonata';
import { isMapwrightError } from '../errors';
import { compileChain, compileTransform, describeTransform } from './registry';
import { transformNodeSchema } from './transform-node';
import { run, TEST_CONTEXT, TEST_HELPERS } from './transforms-test-helpers';

describe('number transforms', () => {
  it('parses plain, decimal-comma and thousands-separated numbers', async () => {
    expect(await run({ kind: 'parseNumber' }, ' 12.5 ')).toBe(12.5);
    expect(await run({ kind: 'parseNumber', decimalSeparator: ',', thousandsSeparator: '.' }, '1.234.567,89')).toBe(1234567.89);
    expect(await run({ kind: 'parseNumber', thousandsSeparator: ',' }, '1,250,000.50')).toBe(1250000.5);
    expect(await run({ kind: 'parseNumber', decimalSeparator: ',', thousandsSeparator: ' ' }, '12 345,6')).toBe(12345.6);
    expect(await run({ kind: 'parseNumber' }, 7)).toBe(7);
    expect(await run({ kind: 'parseNumber' }, undefined)).toBeUndefined();
  });

  it('rejects text that is not a number, naming the field and the value by its shape', async () => {
    await expect(run({ kind: 'parseNumber' }, 'abc')).rejects.toMatchObject({ code: 'D3137', message: 'target.field: not a number with "." as decimal separator, value shaped "aaa"' });
    await expect(run({ kind: 'parseNumber', decimalSeparator: ',' }, '1,2,3')).rejects.toMatchObject({ code: 'D3137' });
    // A decimal comma where a point is expected is an error, not 12990 or jsonata's cast message.
    await expect(run({ kind: 'parseNumber' }, '129,90')).rejects.toMatchObject({ code: 'D3137', message: expect.stringContaining('value shaped "999,99"') });
    for (const text of ['0x1F', 'Infinity', '1e', '.', '--1', '1 2', '.5', '+5']) await expect(run({ kind: 'parseNumber' }, text)).rejects.toMatchObject({ code: 'D3137' });
    expect(await run({ kind: 'parseNumber', onInvalid: 'omit' }, '129,90')).toBeUndefined();
  });

  it('reads each value of a list on its own, and blank text or null as no value', async () => {
    // jsonata marks the list it returns as a sequence; its items are what counts.
    const list = async (raw: unknown, value: unknown) => [...((await run(raw, value)) as unknown[])];
    expect(await list({ kind: 'parseNumber', decimalSeparator: ',' }, ['2', '129,90', 3])).toEqual([2, 129.9, 3]);
    expect(await list({ kind: 'parseNumber' }, ['1', '', null, ' 2.5e1 '])).toEqual([1, 25]);
    expect(await run({ kind: 'parseNumber' }, '  ')).toBeUndefined();
    expect(await run({ kind: 'parseNumber' }, null)).toBeUndefined();
    expect(await run({ kind: 'parseNumber' }, '-0.5')).toBe(-0.5);
  });

  it('calculates between the values of several sources, left to right', async () => {
    const calc = (op: string, values: unknown, sourceCount = 2) =>
      jsonata(`(\n${TEST_HELPERS}\n${compileTransform(transformNodeSchema.parse({ kind: 'calculate', op }), 'value', { ...TEST_CONTEXT, sourceCount })}\n)`).evaluate({ value: values });
    expect(await calc('*', [3, 129.9])).toBeCloseTo(389.7);
    expect(await calc('-', [10, 4, 1], 3)).toBe(5);
    expect(await calc('/', [1, 4])).toBe(0.25);
    expect(await calc('+', [1, 2])).toBe(3);
    // One operand missing: the list is shorter than the sources, so there is no result rather than a wrong one.
    expect(await calc('*', [3])).toBeUndefined();
    expect(await calc('*', undefined)).toBeUndefined();
    await expect(calc('*', [3, 'x'])).rejects.toMatchObject({ code: 'T2002' });
    let code: unknown;
    try {
      compileTransform(transformNodeSchema.parse({ kind: 'calculate', op: '*' }), 'value', { ...TEST_CONTEXT, sourceCount: 1 });
    } catch (error) {
      code = isMapwrightError(error) && error.code;
    }
    expect(code).toBe('TRANSFORM_INVALID');
  });

  it('parses, multiplies and rounds in one chain', async () => {
    const chain = [{ kind: 'parseNumber' }, { kind: 'calculate', op: '*' }, { kind: 'round', decimals: 2 }].map((n) => transformNodeSchema.parse(n));
    const text = `(\n${TEST_HELPERS}\n${compileChain(chain, '[quantity, price]', { ...TEST_CONTEXT, sourceCount: 2 })}\n)`;
    expect(await jsonata(text).evaluate({ quantity: 3, price: '19.999' })).toBe(60);
    expect(await jsonata(text).evaluate({ price: '19.99' })).toBeUndefined();
    await expect(jsonata(text).evaluate({ quantity: 3, price: '19,99' })).rejects.toMatchObject({ code: 'D3137', message: expect.stringMatching(/^target\.field: not a number/) });
  });

  it('formats with a picture and separators', async () => {
    expect(await run({ kind: 'formatNumber', picture: '#,##0.00' }, 1234.5)).toBe('1,234.50');
    expect(await run({ kind: 'formatNumber', picture: '#.##0,00', decimalSeparator: ',', groupingSeparator: '.' }, 1234.5)).toBe('1.234,50');
    await expect(run({ kind: 'formatNumber', picture: '#,##0.00' }, 'x')).rejects.toMatchObject({ code: 'T0410' });
  });

  it('rounds half to even and does arithmetic', async () => {
    expect(await run({ kind: 'round', decimals: 2 }, 2.345)).toBe(2.34);
    expect(await run({ kind: 'round' }, 2.5)).toBe(2);
    expect(await run({ kind: 'arithmetic', op: '*', operand: 1.19 }, 100)).toBeCloseTo(119);
    expect(await run({ kind: 'arithmetic', op: '-', operand: 1 }, 5)).toBe(4);
    expect(await run({ kind: 'arithmetic', op: '%', operand: 3 }, 7)).toBe(1);
    await expect(run({ kind: 'arithmetic', op: '+', operand: 1 }, 'five')).rejects.toMatchObject({ code: 'T2001' });
  });

  it('describes', () => {
    expect(describeTransform(transformNodeSchema.parse({ kind: 'round', decimals: 1 }))).toBe('Rounded to 1 decimal (half to even).');
  });
});
