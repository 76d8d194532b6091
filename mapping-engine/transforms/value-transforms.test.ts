import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { isMapwrightError } from '../errors';
import { compileTransform, describeTransform } from './registry';
import { transformNodeSchema } from './transform-node';
import { run, TEST_CONTEXT } from './transforms-test-helpers';

const STATUS = { A: 'ACTIVE', I: 'INACTIVE', P: 'PROSPECT' };
const COUNTRIES = { table_countries: { DE: 'Germany', FR: 'France' } };

describe('value transforms', () => {
  it('value map with default, error and keep for unknown codes', async () => {
    expect(await run({ kind: 'valueMap', entries: STATUS, default: 'PROSPECT' }, 'A')).toBe('ACTIVE');
    expect(await run({ kind: 'valueMap', entries: STATUS, default: 'PROSPECT' }, 'Z')).toBe('PROSPECT');
    expect(await run({ kind: 'valueMap', entries: STATUS }, 'Z')).toBeUndefined();
    expect(await run({ kind: 'valueMap', entries: STATUS, onUnknown: 'keep' }, 'Z')).toBe('Z');
    expect(await run({ kind: 'valueMap', entries: { '1': true } }, 1)).toBe(true);
    await expect(run({ kind: 'valueMap', entries: STATUS, onUnknown: 'error' }, 'Z')).rejects.toMatchObject({ code: 'D3137', message: 'target.field: unknown code, value shaped "A"' });
    expect(await run({ kind: 'valueMap', entries: STATUS, onUnknown: 'error' }, undefined)).toBeUndefined();
  });

  it('value map reads a map bound by the compiler when the context names its variable', async () => {
    const node = transformNodeSchema.parse({ kind: 'valueMap', entries: STATUS, default: 'PROSPECT' });
    const text = compileTransform(node, 'value', { ...TEST_CONTEXT, valueMapVariable: () => '$statusMap' });
    expect(text).toContain('$lookup($statusMap, $k)');
    expect(text).not.toContain('ACTIVE');
    const evaluate = (value: string) => jsonata(text).evaluate({ value }, { statusMap: STATUS });
    expect(await evaluate('I')).toBe('INACTIVE');
    expect(await evaluate('Z')).toBe('PROSPECT');
  });

  it('lookup reads the table bound once at the top', async () => {
    expect(await run({ kind: 'lookup', table: 'countries' }, 'DE', COUNTRIES)).toBe('Germany');
    expect(await run({ kind: 'lookup', table: 'countries', default: 'Unknown' }, 'XX', COUNTRIES)).toBe('Unknown');
    await expect(run({ kind: 'lookup', table: 'countries', onUnknown: 'error' }, 'Xx', COUNTRIES)).rejects.toMatchObject({
      code: 'D3137',
      message: 'target.field: unknown key in table countries, value shaped "Aa"',
    });
    expect(() => transformNodeSchema.parse({ kind: 'lookup', table: 'bad name' })).toThrow();
  });

  it('condition on the value', async () => {
    const node = { kind: 'condition', when: { op: '>', value: 1000 }, then: 'large', else: 'small' };
    expect(await run(node, 5000)).toBe('large');
    expect(await run(node, 10)).toBe('small');
    expect(await run({ kind: 'condition', when: { op: 'empty' }, then: 'none' }, '')).toBe('none');
    expect(await run({ kind: 'condition', when: { op: 'empty' }, then: 'none' }, 'x')).toBe('x');
    expect(await run({ kind: 'condition', when: { op: 'in', value: ['a', 'b'] }, then: 1, else: 0 }, 'b')).toBe(1);
    await expect(run(node, 'text')).rejects.toMatchObject({ code: 'T2009' });
  });

  it('boolean parse', async () => {
    expect(await run({ kind: 'parseBoolean' }, ' Yes ')).toBe(true);
    expect(await run({ kind: 'parseBoolean' }, 0)).toBe(false);
    expect(await run({ kind: 'parseBoolean', trueValues: ['J'], falseValues: ['N'] }, 'j')).toBe(true);
    await expect(run({ kind: 'parseBoolean' }, ' Maybe ')).rejects.toMatchObject({ code: 'D3137', message: 'target.field: not a yes/no value, value shaped " Aaaaa "' });
    expect(await run({ kind: 'parseBoolean', onInvalid: 'omit' }, 'maybe')).toBeUndefined();
  });

  it('custom JSONata sees the field as $value and the record as $', async () => {
    expect(await run({ kind: 'custom', expression: '$value & "/" & $count($keys($))' }, 'v')).toBe('v/1');
    const node = transformNodeSchema.parse({ kind: 'custom', expression: '$value +' });
    let code: unknown;
    try {
      compileTransform(node, 'value', TEST_CONTEXT);
    } catch (error) {
      code = isMapwrightError(error) && error.code;
    }
    expect(code).toBe('TRANSFORM_INVALID');
  });

  it('describes', () => {
    expect(describeTransform(transformNodeSchema.parse({ kind: 'valueMap', entries: { A: 'ACTIVE' }, default: 'PROSPECT' }))).toBe('Mapped "A" -> "ACTIVE"; other values become "PROSPECT".');
  });
});
