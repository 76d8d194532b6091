import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { INVALID_HELPER, raisesInvalid, valueShape } from './invalid-value';
import { compileTransform } from './registry';
import { transformNodeSchema } from './transform-node';
import { run, TEST_CONTEXT } from './transforms-test-helpers';

/** The message a transform raises on `value`, with `bindings` (a `$record` among them). */
async function message(raw: unknown, value: unknown, bindings: Record<string, unknown> = {}): Promise<string> {
  try {
    await run(raw, value, bindings);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the transform did not raise');
}

const DATE = { kind: 'date', from: 'dd.MM.yyyy', to: 'yyyy-MM-dd' };

describe('invalid-value errors show the shape of the value, never the value', () => {
  it('writes digits as 9, letters as A or a, keeps punctuation and stars the rest', async () => {
    const text = await message(DATE, '3X.1x.2024');
    expect(text).toBe('target.field: date does not match dd.MM.yyyy, value shaped "9A.9a.9999"');
    expect(text).not.toMatch(/X|x\.|2024/);
    expect(await message(DATE, 'Müller, 12/€')).toBe('target.field: date does not match dd.MM.yyyy, value shaped "A*aaaa, 99/*"');
    expect(valueShape('Müller, 12/€')).toBe('A*aaaa, 99/*');
  });

  it('cuts a long shape and gives the length instead', async () => {
    const long = `${'secret '.repeat(20)}end`;
    expect(await message({ kind: 'valueMap', entries: { A: 1 }, onUnknown: 'error' }, long)).toBe(
      `target.field: unknown code, value of ${long.length} characters shaped "${valueShape(long).slice(0, 40)}..."`,
    );
  });

  it('names the record when the compiler put one in scope, and only then', async () => {
    const node = transformNodeSchema.parse({ kind: 'lookup', table: 't', onUnknown: 'error' });
    const evaluate = async (record: boolean): Promise<string> => {
      const text = compileTransform(node, 'value', { ...TEST_CONTEXT, record });
      try {
        await jsonata(`(\n${INVALID_HELPER.join('\n')}\n${text}\n)`).evaluate({ value: 'ZZ9' }, { table_t: {}, record: 'record 3: id "C-1"' });
      } catch (error) {
        return (error as Error).message;
      }
      return 'no error';
    };
    expect(await evaluate(true)).toBe('target.field: unknown key in table t, value shaped "AA9" (record 3: id "C-1")');
    expect(await evaluate(false)).toBe('target.field: unknown key in table t, value shaped "AA9"');
  });

  it('knows which transforms can reject a value', () => {
    const parse = (raw: unknown) => raisesInvalid(transformNodeSchema.parse(raw));
    expect(parse(DATE)).toBe(true);
    expect(parse({ ...DATE, onInvalid: 'omit' })).toBe(false);
    expect(parse({ kind: 'valueMap', entries: {} })).toBe(false);
    expect(parse({ kind: 'lookup', table: 't', onUnknown: 'error' })).toBe(true);
    expect(parse({ kind: 'parseBoolean', onInvalid: 'omit' })).toBe(false);
    expect(parse({ kind: 'trim' })).toBe(false);
  });
});
