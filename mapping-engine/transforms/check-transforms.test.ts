import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { isMapwrightError } from '../errors';
import { classifyRunError } from '../run/run-errors';
import { CHECK_DIGIT_HELPER } from './check-transforms';
import { compileTransform, describeTransform } from './registry';
import { transformNodeSchema } from './transform-node';
import { TEST_CONTEXT, TEST_HELPERS } from './transforms-test-helpers';

/** Evaluates one check on `value` with every helper bound; resolves to the value or rejects with the run error data. */
async function check(raw: unknown, value: unknown, record?: string): Promise<unknown> {
  const node = transformNodeSchema.parse(raw);
  const text = compileTransform(node, 'value', { ...TEST_CONTEXT, ...(record ? { record: true } : {}) });
  const expression = `(\n${TEST_HELPERS}\n${CHECK_DIGIT_HELPER.join('\n')}\n${text}\n)`;
  try {
    return await jsonata(expression).evaluate(value === undefined ? {} : { value }, record ? { record } : {});
  } catch (error) {
    throw classifyRunError(error, expression);
  }
}

describe('check transforms', () => {
  it('checks lengths, rejecting with a coded error naming field, problem, shape and record', async () => {
    const node = { kind: 'check', test: 'length', min: 1, max: 35 };
    expect(await check(node, 'PAY-0042')).toBe('PAY-0042');
    await expect(check(node, 'X'.repeat(36), 'Zahlungs-Nr "PAY-0042"')).rejects.toMatchObject({
      code: 'RECORD_REJECTED',
      message: `target.field: not 1 to 35 characters long, value shaped "${'A'.repeat(36)}" (Zahlungs-Nr "PAY-0042")`,
    });
  });

  it('checks patterns (anchored), ranges, lists', async () => {
    const pattern = { kind: 'check', test: 'pattern', pattern: '[A-Z]{3}' };
    expect(await check(pattern, 'EUR')).toBe('EUR');
    await expect(check(pattern, 'EURO')).rejects.toMatchObject({ code: 'RECORD_REJECTED' });
    const positive = { kind: 'check', test: 'range', exclusiveMin: 0 };
    expect(await check(positive, 12.5)).toBe(12.5);
    expect(await check(positive, '0.01')).toBe('0.01');
    for (const bad of [0, -3, '0', 'zwölf']) await expect(check(positive, bad)).rejects.toMatchObject({ code: 'RECORD_REJECTED', message: expect.stringContaining('not a number more than 0') });
    const range = { kind: 'check', test: 'range', min: 1, max: 10 };
    expect(await check(range, 10)).toBe(10);
    await expect(check(range, 11)).rejects.toMatchObject({ code: 'RECORD_REJECTED' });
    const currency = { kind: 'check', test: 'oneOf', values: ['EUR'] };
    expect(await check(currency, 'EUR')).toBe('EUR');
    await expect(check(currency, 'CHF')).rejects.toMatchObject({ code: 'RECORD_REJECTED', message: expect.stringContaining('not one of EUR') });
  });

  it('checks IBAN mod 97 and Luhn check digits', async () => {
    const iban = { kind: 'check', test: 'iban' };
    for (const good of ['DE87200500001234567890', 'DE21 5005 0000 9876 5432 10', 'GB82WEST12345698765432', 'CH9300762011623852957']) expect(await check(iban, good)).toBe(good);
    for (const bad of ['DE87200500001234567891', 'DE8720050000', 'XX00', '1234567890123456']) await expect(check(iban, bad)).rejects.toMatchObject({ code: 'RECORD_REJECTED' });
    const luhn = { kind: 'check', test: 'luhn' };
    for (const good of ['79927398713', '4111 1111 1111 1111']) expect(await check(luhn, good)).toBe(good);
    for (const bad of ['79927398710', '4111-1111-1111-1112', 'abc']) await expect(check(luhn, bad)).rejects.toMatchObject({ code: 'RECORD_REJECTED' });
  });

  it('leaves empty values to the required policy and can count a failure as missing', async () => {
    const node = { kind: 'check', test: 'iban' };
    for (const empty of ['', null, undefined]) expect(await check(node, empty)).toBe(empty);
    expect(await check({ ...node, onFail: 'missing' }, 'DE00')).toBeUndefined();
    // Each value of a list on its own.
    expect([...((await check({ kind: 'check', test: 'length', max: 3, onFail: 'missing' }, ['abc', 'abcd', 'x'])) as string[])]).toEqual(['abc', 'x']);
  });

  it('lets a condition reject the record', async () => {
    const node = { kind: 'condition', when: { op: '!=', value: 'EUR' }, reject: 'only euro payments' };
    expect(await check(node, 'EUR')).toBe('EUR');
    await expect(check(node, 'USD', 'record 3')).rejects.toMatchObject({ code: 'RECORD_REJECTED', message: 'target.field: only euro payments, value shaped "AAA" (record 3)' });
  });

  it('refuses a check that cannot work as configured', () => {
    for (const raw of [{ test: 'length' }, { test: 'pattern' }, { test: 'pattern', pattern: '(' }, { test: 'range' }, { test: 'oneOf', values: [] }]) {
      let code: unknown;
      try {
        compileTransform(transformNodeSchema.parse({ kind: 'check', ...raw }), 'value', TEST_CONTEXT);
      } catch (error) {
        code = isMapwrightError(error) && error.code;
      }
      expect(code).toBe('TRANSFORM_INVALID');
    }
  });

  it('describes', () => {
    expect(describeTransform(transformNodeSchema.parse({ kind: 'check', test: 'range', exclusiveMin: 0 }))).toBe('Must be a number more than 0; otherwise the record is rejected.');
    expect(describeTransform(transformNodeSchema.parse({ kind: 'check', test: 'iban', onFail: 'missing' }))).toBe('Must be an IBAN with valid check digits (mod 97); otherwise it counts as missing.');
  });
});
