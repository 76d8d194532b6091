import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failure } from '../../tests/helpers/test-support';
import { readJson } from './json-read';

const corpus = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'corpus');

function listJson(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return listJson(full);
    return name.endsWith('.json') ? [full] : [];
  });
}


const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('readJson on the corpus', () => {
  const files = ['json', 'jsonschema', 'openapi'].flatMap((dir) => listJson(join(corpus, dir)));

  it('finds the corpus JSON files', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(files.map((file) => [relative(corpus, file), file]))('%s reads without error', (_name, file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const parsed = readJson(bytes, { file });
    expect(parsed.format).toBe('json');
    expect(parsed.value).toEqual(JSON.parse(new TextDecoder().decode(bytes).replace(/^\ufeff/, '')));
  });

  it('keeps the hostile strings of blns.json intact', () => {
    const value = readJson(new Uint8Array(readFileSync(join(corpus, 'json/blns/blns.json')))).value as string[];
    expect(value.length).toBeGreaterThan(500);
    expect(value).toContain('undefined');
    expect(value.some((s) => s.includes('\u202e'))).toBe(true);
  });
});

describe('readJson', () => {
  it('reads text and bytes, with or without a UTF-8 BOM, and reports the encoding', () => {
    expect(readJson('{"a":[1,"é"]}')).toEqual({ format: 'json', value: { a: [1, 'é'] }, warnings: [], encoding: 'utf-16' });
    expect(readJson(utf8('\ufeff{"a":1}'))).toMatchObject({ value: { a: 1 }, encoding: 'utf-8' });
    expect(readJson('\ufeff[true]').value).toEqual([true]);
  });

  it('reads UTF-16LE with a BOM', () => {
    const text = '{"name":"Dvořák"}';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(readJson(bytes)).toMatchObject({ value: { name: 'Dvořák' }, encoding: 'utf-16le' });
  });

  it('rejects bytes that are not UTF-8 with ENCODING at the line and column', () => {
    const bytes = new Uint8Array([...utf8('{\n  "a": "caf'), 0xe9, ...utf8('"\n}')]);
    expect(failure(() => readJson(bytes, { file: 'latin.json' }))).toMatchObject({ code: 'ENCODING', file: 'latin.json', line: 2, column: 12 });
  });

  it.each([
    ['trailing comma', '{\n  "a": 1,\n  "b": 2,\n}', 4, 1, 'property name'],
    ['missing colon', '{\n  "id" 7\n}', 2, 8, "':'"],
    ['unterminated string', '[\n  "abc\n]', 2, 7, 'close the string'],
    ['truncated file', '{\r\n  "items": [\r\n    {"x": 1}', 3, 13, "',' or ']'"],
    ['empty input', '', 1, 1, 'a JSON value'],
    ['only white space', '\n\n  ', 3, 3, 'a JSON value'],
    ['two BOMs', '\ufeff\ufeff{}', 1, 1, 'a JSON value'],
    ['second document', '{}\n{}', 2, 1, 'end of input'],
  ])('%s gives JSON_PARSE at the exact line and column', (_name, text, line, column, expected) => {
    const error = failure(() => readJson(text, { file: 'bad.json' }));
    expect(error).toMatchObject({ code: 'JSON_PARSE', file: 'bad.json', line, column });
    expect(error.expected).toContain(expected);
  });

  it('counts a leading BOM of bytes as no column', () => {
    expect(failure(() => readJson(utf8('\ufeff{"a" 1}')))).toMatchObject({ code: 'JSON_PARSE', line: 1, column: 6 });
  });

  it('previews the first items of a top-level array with an exact total', () => {
    const parsed = readJson('[1,2,3,4,5]', { previewLimit: 2 });
    expect(parsed.value).toEqual([1, 2]);
    expect(parsed.truncated).toEqual({ shown: 2, approxTotal: 5, exact: true });
    expect(readJson('[1,2]', { previewLimit: 2 }).truncated).toBeUndefined();
    expect(readJson('{"a":[1,2,3]}', { previewLimit: 1 }).value).toEqual({ a: [1, 2, 3] });
  });

  it('keeps a "__proto__" member as data, not as a prototype', () => {
    const value = readJson('{"__proto__": {"polluted": true}}').value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
