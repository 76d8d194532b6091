/**
 * `$formatNumber` in the compiled engine against jsonata 2.2.2 itself, one
 * picture family at a time (plain, prefix and suffix text, percent,
 * per-mille, exponent, optional digits, a negative sub-picture, uneven and
 * fraction grouping, other separators) on rounding ties, negatives near zero,
 * and very large and very small numbers. Every value gives jsonata's text or
 * bails; a picture the engine does not read must be one jsonata rejects.
 */
import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../tests/helpers/seeded-random';
import { Bail } from './runtime';
import { formatNumber, numberPicture } from './number-picture';

type Picture = [picture: string, decimal?: string, grouping?: string];

const FAMILIES: Record<string, Picture[]> = {
  plain: [['0.00'], ['#,##0.00'], ['0'], ['#'], ['0.0##'], ['#.00'], ['000.000'], ['#.##0,00', ',', '.'], ['0,00', ',', '.'], ['# ##0,0', ',', ' '], ['#,##0']],
  'prefix and suffix': [['#,##0.00 EUR'], ['EUR #,##0.00'], ['$0.00'], ['Total: 0.0 each'], ['No0'], ['[0]'], ['0.00 €'], ['CHF 0,00', ',', '.'], ['x0y'], ['0 e']],
  percent: [['0%'], ['0.0%'], ['#,##0.00 %'], ['%0'], ['0.##%'], ['0,0 %', ',', '.']],
  'per-mille': [['0‰'], ['0.0‰'], ['#,##0‰']],
  exponent: [['0.0e0'], ['0.00e00'], ['#e0'], ['00.0e0'], ['#.##e0'], ['0e0'], ['.0e0'], ['#0.0e000'], ['0.0e0 m'], ['0e1x']],
  'optional digits': [['#0.0#'], ['##0.###'], ['#,##0.0##'], ['.##'], ['#.#']],
  'negative sub-picture': [['0.00;(0.00)'], ['#,##0.00;-#,##0.00 CR'], ['0;minus 0'], ['0%;(0%)'], ['0.0e0;0.00e0'], ['#,##0.00;#,##0.00-']],
  'uneven and fraction grouping': [['#,##,##0'], ['#,#,##0'], ['0,000,00'], ['#,##0.000,0'], ['0.0,0'], ['0,0.00'], ['#,##0.00,0,0']],
};

/** Pictures the engine leaves to jsonata; each is one jsonata rejects (text before an exponent picture too: jsonata cuts the exponent at its index in the whole sub-picture). */
const REJECTED: Picture[] = [['0.0.0'], ['0%%'], ['0%‰'], ['abc'], ['0,.0'], ['0,,0'], ['0#'], ['#0.0#0'], ['0e'], ['0ex'], ['ca 0.0e0'], ['0.0e0;-0.00e0'], ['0;0;0'], ['0.0e0%'], ['0,'], ['0 0']];

const VALUES = [0, -0, 0.5, 1.5, 2.5, -2.5, 2.675, 0.125, 1.005, -0.001, 0.045, 733.3199999999999, 999.995, 123456789.125, 1e-7, 5e-324, 1e20, 9.999999999999999e20, 1e21, -1e21, 1234567.891, -1234.5, 0.0005, 1e-10, 12345678901234567000, 0.1 + 0.2, -0.5, 99.5, 100, 1e15 + 0.5];

function compiled(value: number, p: NonNullable<ReturnType<typeof numberPicture>>): string | undefined | 'bail' {
  try {
    return formatNumber(value, p);
  } catch (error) {
    if (error instanceof Bail) return 'bail';
    throw error;
  }
}

async function viaJsonata(value: number, [picture, decimal, grouping]: Picture): Promise<string> {
  const options = decimal || grouping ? `, {${[decimal && `"decimal-separator": ${JSON.stringify(decimal)}`, grouping && `"grouping-separator": ${JSON.stringify(grouping)}`].filter(Boolean).join(', ')}}` : '';
  try {
    return (await jsonata(`$formatNumber(v, ${JSON.stringify(picture)}${options})`).evaluate({ v: value })) as string;
  } catch (error) {
    return `error ${(error as { code?: string }).code ?? ''}`;
  }
}

describe('$formatNumber in the compiled engine', () => {
  const random = seededRandom(20_261_205);
  const values = [...VALUES];
  for (let i = 0; i < 60; i++) values.push((Math.round((random() - 0.5) * 10 ** Math.floor(random() * 12)) / 10 ** Math.floor(random() * 8)) * (random() < 0.2 ? 1e-6 : 1));

  it.each(Object.entries(FAMILIES))('writes %s pictures as jsonata does', async (_family, pictures) => {
    let checked = 0;
    for (const picture of pictures) {
      const p = numberPicture(...picture);
      expect(p, picture[0]).toBeDefined();
      for (const value of values) {
        const got = compiled(value, p!);
        if (got === 'bail') {
          // Only a number whose digits toFixed writes with an exponent is left to jsonata.
          expect(Math.abs(value), `${value} ${picture[0]}`).toBeGreaterThan(1e17);
          continue;
        }
        expect(got, `${value} ${picture.join(' ')}`).toBe(await viaJsonata(value, picture));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(pictures.length * 80);
  });

  it('leaves to jsonata only pictures jsonata rejects, and separators it does not take', async () => {
    for (const picture of REJECTED) {
      expect(numberPicture(...picture), picture[0]).toBeUndefined();
      expect(await viaJsonata(1, picture), picture[0]).toMatch(/^error D30/);
    }
    expect(numberPicture('0.00', ',', ',')).toBeUndefined();
    expect(numberPicture('0.00', 'e', ',')).toBeUndefined();
  });

  it('keeps nothing as nothing and bails on a value that is not a number', () => {
    const p = numberPicture('0.00')!;
    expect(formatNumber(undefined, p)).toBeUndefined();
    for (const value of ['1', null, true, [1], Infinity]) expect(() => formatNumber(value, p)).toThrow(Bail);
  });
});
