import { describe, expect, it } from 'vitest';
import { isMapwrightError } from '../errors';
import { toDatePicture } from './date-pattern';
import { compileTransform } from './registry';
import { transformNodeSchema } from './transform-node';
import { run, TEST_CONTEXT } from './transforms-test-helpers';

describe('date patterns', () => {
  it('turns fixed-width tokens into pictures', () => {
    expect(toDatePicture('dd.MM.yyyy')).toEqual({ picture: '[D01].[M01].[Y0001]' });
    expect(toDatePicture('MM/dd/yy')).toEqual({ picture: '[M01]/[D01]/[Y0001]', twoDigitYearAt: 6 });
    expect(toDatePicture("yyyy-MM-dd'T'HH:mm").picture).toBe("[Y0001]-[M01]-[D01]'T'[H01]:[m01]");
    expect(() => toDatePicture('d.M.yyyy')).toThrow(/must be part of/);
    expect(() => toDatePicture('yyyy-MM-dd Q')).toThrow(/unknown letter/);
  });
});

describe('date transform', () => {
  it('converts European, US and ISO dates', async () => {
    expect(await run({ kind: 'date', from: 'dd.MM.yyyy', to: 'yyyy-MM-dd' }, '03.11.2024')).toBe('2024-11-03');
    expect(await run({ kind: 'date', from: 'MM/dd/yyyy', to: 'dd.MM.yyyy' }, '11/03/2024')).toBe('03.11.2024');
    expect(await run({ kind: 'date', from: 'iso', to: 'dd.MM.yyyy HH:mm' }, '2024-11-03T10:15:00Z')).toBe('03.11.2024 10:15');
    expect(await run({ kind: 'date', from: 'yyyy-MM-dd', to: 'iso' }, '2024-11-03')).toBe('2024-11-03T00:00:00.000Z');
  });

  it('widens two-digit years around the pivot', async () => {
    expect(await run({ kind: 'date', from: 'dd.MM.yy', to: 'yyyy-MM-dd' }, '03.11.24')).toBe('2024-11-03');
    expect(await run({ kind: 'date', from: 'dd.MM.yy', to: 'yyyy-MM-dd' }, '03.11.87')).toBe('1987-11-03');
    expect(await run({ kind: 'date', from: 'dd.MM.yy', to: 'yyyy-MM-dd', pivotYear: 90 }, '03.11.87')).toBe('2087-11-03');
  });

  it('converts epoch seconds and milliseconds, and writes in a time zone', async () => {
    expect(await run({ kind: 'date', from: 'epoch-s', to: 'iso' }, 1730628000)).toBe('2024-11-03T10:00:00.000Z');
    expect(await run({ kind: 'date', from: 'epoch-ms', to: 'epoch-s' }, '1730628000123')).toBe(1730628000);
    expect(await run({ kind: 'date', from: 'iso', to: 'epoch-ms' }, '2024-11-03T10:00:00Z')).toBe(1730628000000);
    expect(await run({ kind: 'date', from: 'iso', to: 'HH:mm', timezone: '+0100' }, '2024-11-03T10:00:00Z')).toBe('11:00');
    expect(await run({ kind: 'date', from: 'iso', to: 'iso', timezone: '-0500' }, '2024-11-03T10:00:00Z')).toBe('2024-11-03T05:00:00.000-05:00');
  });

  it('rejects malformed and impossible dates, naming the field', async () => {
    const node = { kind: 'date', from: 'dd.MM.yyyy', to: 'yyyy-MM-dd' };
    await expect(run(node, '31.02.2024')).rejects.toMatchObject({ code: 'D3137', message: expect.stringContaining('target.field') });
    await expect(run(node, 'garbage')).rejects.toMatchObject({ code: 'D3137' });
    await expect(run(node, '3.11.2024')).rejects.toMatchObject({ code: 'D3137', message: 'target.field: date does not match dd.MM.yyyy, value shaped "9.99.9999"' });
    await expect(run({ kind: 'date', from: 'iso', to: 'yyyy-MM-dd' }, 'nope')).rejects.toMatchObject({ code: 'D3137', message: 'target.field: date does not match iso, value shaped "aaaa"' });
    await expect(run({ kind: 'date', from: 'iso', to: 'yyyy-MM-dd' }, '2024-11-03T10:00:00+0100x')).rejects.toMatchObject({ code: 'D3137' });
    expect(await run({ kind: 'date', from: 'iso', to: 'yyyy-MM-dd', onInvalid: 'omit' }, '03/11/2024')).toBeUndefined();
    expect(await run({ kind: 'date', from: 'iso', to: 'HH:mm' }, '2024-11-03T10:00:00+01:00')).toBe('09:00');
    await expect(run({ kind: 'date', from: 'epoch-s', to: 'iso' }, 'soon')).rejects.toMatchObject({ code: 'D3030' });
  });

  it('leaves out invalid dates when asked, and missing input stays missing', async () => {
    expect(await run({ kind: 'date', from: 'dd.MM.yyyy', to: 'yyyy-MM-dd', onInvalid: 'omit' }, '99.99.2024')).toBeUndefined();
    expect(await run({ kind: 'date', from: 'dd.MM.yyyy', to: 'yyyy-MM-dd' }, undefined)).toBeUndefined();
  });

  it('reports a bad pattern as TRANSFORM_INVALID', () => {
    const node = transformNodeSchema.parse({ kind: 'date', from: 'd/M/y', to: 'iso' });
    let code: unknown;
    try {
      compileTransform(node, 'value', TEST_CONTEXT);
    } catch (error) {
      code = isMapwrightError(error) ? error.code : error;
    }
    expect(code).toBe('TRANSFORM_INVALID');
  });
});
