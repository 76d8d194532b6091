import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { isMapwrightError } from '../errors';
import { compileTransform, describeTransform } from './registry';
import { transformNodeSchema } from './transform-node';
import { run, TEST_CONTEXT } from './transforms-test-helpers';

describe('text transforms', () => {
  it('copy and constant', async () => {
    expect(await run({ kind: 'copy' }, 'x')).toBe('x');
    expect(await run({ kind: 'copy' }, undefined)).toBeUndefined();
    expect(await run({ kind: 'constant', value: 'EUR' }, undefined)).toBe('EUR');
    expect(await run({ kind: 'constant', value: 'say "hi"\n' }, 1)).toBe('say "hi"\n');
  });

  it('default fills missing, null and empty values only', async () => {
    const node = { kind: 'default', value: 'n/a' };
    expect(await run(node, 'kept')).toBe('kept');
    expect(await run(node, 0)).toBe(0);
    expect(await run(node, '')).toBe('n/a');
    expect(await run(node, null)).toBe('n/a');
    expect(await run(node, undefined)).toBe('n/a');
  });

  it('concat joins non-empty parts, numbers included', async () => {
    expect(await run({ kind: 'concat', separator: ' ' }, ['Ada', '', 'King', 3])).toBe('Ada King 3');
    expect(await run({ kind: 'concat', separator: '-' }, 'single')).toBe('single');
    expect(await run({ kind: 'concat', separator: '-' }, undefined)).toBeUndefined();
    expect(await run({ kind: 'concat', separator: ', ' }, [null, ''])).toBeUndefined();
  });

  it('concat treats each source as one value when only one is present (no "M, a, i, n")', async () => {
    // Two sources, the second missing: jsonata's list holds one string, which a path step would walk by character.
    const text = compileTransform(transformNodeSchema.parse({ kind: 'concat', separator: ', ' }), '[street, street2]', TEST_CONTEXT);
    expect(await jsonata(text).evaluate({ street: 'Main St 1' })).toBe('Main St 1');
    expect(await jsonata(text).evaluate({ street: 'Main St 1', street2: '' })).toBe('Main St 1');
    expect(await jsonata(text).evaluate({ street: 'Main St 1', street2: 'Rear' })).toBe('Main St 1, Rear');
    expect(await run({ kind: 'concat', separator: ', ' }, ['Main St 1'])).toBe('Main St 1');
  });

  it('concat keeps empty and null parts in place when asked', async () => {
    expect(await run({ kind: 'concat', separator: ';', keepEmpty: true }, ['a', '', null, 3])).toBe('a;;;3');
    expect(await run({ kind: 'concat', separator: ';', keepEmpty: true }, 'one')).toBe('one');
    expect(await run({ kind: 'concat', separator: ';', keepEmpty: true }, undefined)).toBeUndefined();
  });

  it('split and substring', async () => {
    expect(await run({ kind: 'split', separator: ' ' }, 'a b c')).toEqual(['a', 'b', 'c']);
    expect(await run({ kind: 'split', separator: ' ', index: 0 }, 'Testa Beispiel')).toBe('Testa');
    expect(await run({ kind: 'split', separator: ' ', index: -1 }, 'Anna Maria Beispiel')).toBe('Beispiel');
    expect(await run({ kind: 'split', separator: ' ', index: 3 }, 'one')).toBeUndefined();
    expect(await run({ kind: 'substring', start: 2, length: 3 }, 'ABCDEFG')).toBe('CDE');
    expect(await run({ kind: 'substring', start: 4 }, 12345678)).toBe('5678');
  });

  it('trim and case', async () => {
    expect(await run({ kind: 'trim' }, '  a   b ')).toBe('a b');
    expect(await run({ kind: 'case', mode: 'upper' }, 'ab')).toBe('AB');
    expect(await run({ kind: 'case', mode: 'lower' }, 'AB')).toBe('ab');
    expect(await run({ kind: 'case', mode: 'title' }, 'mARY ann')).toBe('Mary Ann');
    // A number is trimmed as its text (through $text), not refused by jsonata's signature check.
    expect(await run({ kind: 'trim' }, 5)).toBe('5');
  });

  it('pad left and right', async () => {
    expect(await run({ kind: 'pad', width: 6, char: '0' }, 731)).toBe('000731');
    expect(await run({ kind: 'pad', width: 4, side: 'right' }, 'ab')).toBe('ab  ');
    expect(() => transformNodeSchema.parse({ kind: 'pad', width: 100000 })).toThrow();
  });

  it('replace plain text and regex', async () => {
    expect(await run({ kind: 'replace', pattern: '.', replacement: '' }, '1.234.5')).toBe('12345');
    expect(await run({ kind: 'replace', pattern: '^ACC-0*', replacement: 'C', regex: true }, 'ACC-000731')).toBe('C731');
    expect(await run({ kind: 'replace', pattern: 'a/b', replacement: '-', regex: true }, 'xa/by')).toBe('x-y');
    expect(await run({ kind: 'replace', pattern: 'x', replacement: 'y', regex: true, flags: 'i' }, 'XX')).toBe('yy');
  });

  it('a regex that can match empty text is a coded error at compile time, naming the field', () => {
    for (const pattern of ['a*', '^', '\\b', 'x?']) {
      const node = transformNodeSchema.parse({ kind: 'replace', pattern, replacement: '', regex: true });
      expect(() => compileTransform(node, 'value', TEST_CONTEXT)).toThrow(expect.objectContaining({ code: 'TRANSFORM_INVALID', message: expect.stringContaining('target.field') }));
    }
  });

  it('a bad regex is a coded error naming the field', () => {
    const node = transformNodeSchema.parse({ kind: 'replace', pattern: '(', replacement: '', regex: true });
    try {
      compileTransform(node, 'value', TEST_CONTEXT);
      expect.unreachable();
    } catch (error) {
      expect(isMapwrightError(error) && error.code).toBe('TRANSFORM_INVALID');
      expect((error as Error).message).toContain('target.field');
    }
  });

  it('describes each node in plain words', () => {
    expect(describeTransform(transformNodeSchema.parse({ kind: 'pad', width: 6, char: '0' }))).toBe('Padded on the left with "0" to 6 characters.');
    expect(describeTransform(transformNodeSchema.parse({ kind: 'split', separator: ' ', index: -1 }))).toBe('Split at " ", part 1 from the end.');
  });
});
