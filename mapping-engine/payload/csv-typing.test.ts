import { describe, expect, it } from 'vitest';
import { makeField, type FieldType, type SchemaField } from '../schema/model';
import { CONVERTER_TYPES, columnConverters } from './csv-typing';

function schemaOf(columns: Record<string, FieldType>): SchemaField {
  return makeField({
    name: '',
    path: [],
    type: 'object',
    repeating: true,
    origin: { kind: 'csv-header' },
    children: Object.entries(columns).map(([name, type]) => makeField({ name, path: [name], type, origin: { kind: 'csv-header' } })),
  });
}

describe('columnConverters', () => {
  const [num, int, bool, text, none] = columnConverters(schemaOf({ n: 'number', i: 'integer', b: 'boolean', s: 'string' }), ['n', 'i', 'b', 's', 'other'], ['n', 'i', 'b', 's', 'other']);

  it('keeps every column as text without a schema', () => {
    expect(columnConverters(undefined, ['a', 'b'], ['a', 'b'])).toEqual([undefined, undefined]);
  });

  it('leaves string and unknown columns as text', () => {
    expect(text).toBeUndefined();
    expect(none).toBeUndefined();
  });

  it('converts valid numbers and rejects the rest', () => {
    expect(['1', '-12.5', '+3', '.5', '1e-7', ' 42 '].map((t) => num?.(t))).toEqual([1, -12.5, 3, 0.5, 1e-7, 42]);
    expect(['1,5', '1 000', 'NaN', 'Infinity', '0x10', '', '1e999'].map((t) => num?.(t))).toEqual(Array(7).fill(undefined));
    expect(CONVERTER_TYPES.get(num!)).toBe('number');
  });

  it('converts integers only when they are exact', () => {
    expect(['007', '-3', '9007199254740991'].map((t) => int?.(t))).toEqual([7, -3, 9007199254740991]);
    expect(['1.5', '82544000000000707', 'x'].map((t) => int?.(t))).toEqual([undefined, undefined, undefined]);
  });

  it('converts true, false (any case), 1 and 0', () => {
    expect(['True', 'FALSE', 'true', '1', '0', 'yes', '2', ''].map((t) => bool?.(t))).toEqual([true, false, true, true, false, undefined, undefined, undefined]);
  });

  it('finds a column by its original name when the key was made unique', () => {
    const [first, second] = columnConverters(schemaOf({ a: 'integer' }), ['a', 'a_2'], ['a', 'a']);
    expect(first?.('1')).toBe(1);
    expect(second?.('2')).toBe(2);
  });
});
