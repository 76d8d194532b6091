/** coerceText: XSD lexical rules for the three types the XML reader converts. */
import { describe, expect, it } from 'vitest';
import { makeField } from '../schema/model';
import { coerceText, scalarTypesOf } from './xml-typing';

describe('coerceText', () => {
  it.each([
    ['007', 'integer', 7],
    [' -12 ', 'integer', -12],
    ['+3', 'integer', 3],
    ['1.5', 'integer', '1.5'],
    ['9007199254740993', 'integer', '9007199254740993'],
    ['1.10', 'number', 1.1],
    ['.5', 'number', 0.5],
    ['5.', 'number', 5],
    ['-1.5E3', 'number', -1500],
    ['1e400', 'number', '1e400'],
    ['INF', 'number', 'INF'],
    ['0x10', 'number', '0x10'],
    ['', 'number', ''],
    ['1,5', 'number', '1,5'],
    ['true', 'boolean', true],
    [' 0 ', 'boolean', false],
    ['1', 'boolean', true],
    ['TRUE', 'boolean', 'TRUE'],
    ['yes', 'boolean', 'yes'],
  ] as const)('%j as %s -> %j', (text, type, expected) => {
    expect(coerceText(text, type)).toEqual(expected);
  });

  it('keeps text untouched without a type', () => {
    expect(coerceText(' 007 ', undefined)).toBe(' 007 ');
  });
});

describe('scalarTypesOf', () => {
  it('indexes number, integer and boolean fields by path key, attributes included', () => {
    const leaf = (name: string, path: string[], type: 'string' | 'integer' | 'boolean') => makeField({ name, path, type, origin: { kind: 'xsd' } });
    const root = makeField({
      name: '', path: [], type: 'object', origin: { kind: 'xsd' },
      children: [makeField({ name: 'r', path: ['r'], type: 'object', origin: { kind: 'xsd' }, children: [leaf('@n', ['r', '@n'], 'integer'), leaf('s', ['r', 's'], 'string'), leaf('b', ['r', 'b'], 'boolean')] })],
    });
    expect([...scalarTypesOf(root)]).toEqual([['r/@n', 'integer'], ['r/b', 'boolean']]);
    expect(scalarTypesOf(undefined).size).toBe(0);
  });
});
