import { describe, expect, it } from 'vitest';
import { readJson } from './json-read';
import { readJsonLines } from './jsonl-read';
import { writeJson, writeJsonLines } from './json-write';

describe('writeJson', () => {
  it('indents with two spaces and ends with a newline', () => {
    expect(writeJson({ a: [1, { b: null }] })).toBe('{\n  "a": [\n    1,\n    {\n      "b": null\n    }\n  ]\n}\n');
  });

  it('honours indent, including 0 for compact output', () => {
    expect(writeJson({ a: 1 }, { indent: 4 })).toBe('{\n    "a": 1\n}\n');
    expect(writeJson({ a: [1, 2] }, { indent: 0 })).toBe('{"a":[1,2]}\n');
  });

  it('round-trips through readJson, unicode and escapes included', () => {
    const value = { s: 'é "q" \\ \n \u2028 😀', n: -1.5e-7, t: true, z: null, list: [[], {}] };
    expect(readJson(writeJson(value)).value).toEqual(value);
  });
});

describe('writeJsonLines', () => {
  it('writes one compact record per line', () => {
    expect(writeJsonLines([{ a: 1 }, 'x\ny', [2]])).toBe('{"a":1}\n"x\\ny"\n[2]\n');
  });

  it('writes a non-array value as one record and an empty array as nothing', () => {
    expect(writeJsonLines({ a: 1 })).toBe('{"a":1}\n');
    expect(writeJsonLines([])).toBe('');
  });

  it('round-trips through readJsonLines', () => {
    const records = [{ id: '007', text: 'line\r\nbreak' }, null, 3, 'é'];
    expect(readJsonLines(writeJsonLines(records)).value).toEqual(records);
  });
});
