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
    await expect(run({ kind: 'date', from: 'epoch-s', to: 'iso' }, 'soon')).rejects.toMatchObject({ code: 'D3137', message: 'target.field: date does not match epoch-s, value shaped "aaaa"' });
    expect(await run({ kind: 'date', from: 'epoch-ms', to: 'iso', onInvalid: 'omit' }, '12h')).toBeUndefined();
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

describe('date time zones', () => {
  const summer = '2025-07-01T00:15:00+02:00';

  it('writes in UTC by default, so a timestamp after midnight at +02:00 is still the day before', async () => {
    expect(await run({ kind: 'date', from: 'iso', to: 'yyyyMMdd' }, summer)).toBe('20250630');
  });

  it("keeps the timestamp's own offset when asked", async () => {
    expect(await run({ kind: 'date', from: 'iso', to: 'yyyyMMdd', timezone: 'source' }, summer)).toBe('20250701');
    expect(await run({ kind: 'date', from: 'iso', to: 'iso', timezone: 'source' }, '2025-07-01T00:15:00-0330')).toBe('2025-07-01T00:15:00.000-03:30');
    expect(await run({ kind: 'date', from: 'iso', to: 'HH:mm', timezone: 'source' }, '2025-07-01T00:15:00Z')).toBe('00:15');
    // Without an offset in the text, the time is read and written as UTC: unchanged.
    expect(await run({ kind: 'date', from: 'iso', to: 'dd.MM.yyyy HH:mm', timezone: 'source' }, '2025-07-01T23:50:00')).toBe('01.07.2025 23:50');
    expect(await run({ kind: 'date', from: 'dd.MM.yyyy', to: 'yyyy-MM-dd', timezone: 'source' }, '01.07.2025')).toBe('2025-07-01');
  });

  it('converts to a fixed offset', async () => {
    expect(await run({ kind: 'date', from: 'iso', to: 'yyyyMMdd HH:mm', timezone: '-0500' }, summer)).toBe('20250630 17:15');
  });

  it('converts to a named zone with its daylight-saving rule', async () => {
    const berlin = (text: string) => run({ kind: 'date', from: 'iso', to: 'iso', timezone: 'Europe/Berlin' }, text);
    expect(await berlin('2025-06-30T22:15:00Z')).toBe('2025-07-01T00:15:00.000+02:00');
    expect(await berlin('2025-01-15T23:30:00Z')).toBe('2025-01-16T00:30:00.000+01:00');
    // The change to summer time: 01:00 UTC on the last Sunday of March.
    expect(await berlin('2025-03-30T00:59:00Z')).toBe('2025-03-30T01:59:00.000+01:00');
    expect(await berlin('2025-03-30T01:00:00Z')).toBe('2025-03-30T03:00:00.000+02:00');
    expect(await berlin('2031-10-26T00:59:00Z')).toBe('2031-10-26T02:59:00.000+02:00');
    expect(await berlin('2031-10-26T01:00:00Z')).toBe('2031-10-26T02:00:00.000+01:00');
    const zoned = (zone: string, text: string) => run({ kind: 'date', from: 'iso', to: 'yyyy-MM-dd HH:mm', timezone: zone }, text);
    expect(await zoned('America/New_York', '2025-11-02T05:59:00Z')).toBe('2025-11-02 01:59');
    expect(await zoned('America/New_York', '2025-11-02T06:00:00Z')).toBe('2025-11-02 01:00');
    // Southern hemisphere: summer time spans the new year.
    expect(await zoned('Australia/Sydney', '2026-01-02T06:00:00Z')).toBe('2026-01-02 17:00');
    expect(await zoned('Australia/Sydney', '2026-07-02T06:00:00Z')).toBe('2026-07-02 16:00');
    expect(await zoned('Asia/Kolkata', '2026-07-02T06:00:00Z')).toBe('2026-07-02 11:30');
  });

  it('refuses an unknown zone or one without a yearly rule as TRANSFORM_INVALID', () => {
    for (const timezone of ['Mars/Olympus_Mons', 'America/Santiago']) {
      let code: unknown;
      try {
        compileTransform(transformNodeSchema.parse({ kind: 'date', from: 'iso', to: 'iso', timezone }), 'value', TEST_CONTEXT);
      } catch (error) {
        code = isMapwrightError(error) ? error.code : error;
      }
      expect(code, timezone).toBe('TRANSFORM_INVALID');
    }
    expect(() => transformNodeSchema.parse({ kind: 'date', from: 'iso', to: 'iso', timezone: '+01:00' })).toThrow();
  });
});

describe('ISO text jsonata cannot read', () => {
  it.each(['2025-07-01T23:50', '2025-13-01', '2025-07-41', '2025-07-01T10:00:00+25:00', '2025-07-01T24:61:00Z'])('%s is an error naming the field', async (text) => {
    await expect(run({ kind: 'date', from: 'iso', to: 'yyyy-MM-dd' }, text)).rejects.toMatchObject({ code: 'D3137', message: expect.stringMatching(/^target\.field: date does not match iso/) });
  });
});
