import { describe, expect, it } from 'vitest';
import { describeTransform } from './registry';
import { transformNodeSchema } from './transform-node';
import { run } from './transforms-test-helpers';

describe('number transforms', () => {
  it('parses plain, decimal-comma and thousands-separated numbers', async () => {
    expect(await run({ kind: 'parseNumber' }, ' 12.5 ')).toBe(12.5);
    expect(await run({ kind: 'parseNumber', decimalSeparator: ',', thousandsSeparator: '.' }, '1.234.567,89')).toBe(1234567.89);
    expect(await run({ kind: 'parseNumber', thousandsSeparator: ',' }, '1,250,000.50')).toBe(1250000.5);
    expect(await run({ kind: 'parseNumber', decimalSeparator: ',', thousandsSeparator: ' ' }, '12 345,6')).toBe(12345.6);
    expect(await run({ kind: 'parseNumber' }, 7)).toBe(7);
    expect(await run({ kind: 'parseNumber' }, undefined)).toBeUndefined();
  });

  it('rejects text that is not a number', async () => {
    await expect(run({ kind: 'parseNumber' }, 'abc')).rejects.toMatchObject({ code: 'D3030' });
    await expect(run({ kind: 'parseNumber', decimalSeparator: ',' }, '1,2,3')).rejects.toMatchObject({ code: 'D3030' });
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
