import { describe, expect, it } from 'vitest';
import { explainJsonError, locateJsonError } from './json-locate-error';

/** Offset of the first `^` in a marker string, so cases read visually. */
function at(text: string, marker: string): number {
  expect(marker.length).toBeLessThanOrEqual(text.length + 1);
  return marker.indexOf('^');
}

describe('locateJsonError', () => {
  it('returns undefined for valid JSON of every kind', () => {
    for (const text of ['0', '-0.5e+10', '"a\\u00e9\\n"', 'true', ' null ', '[]', '{}', '[1,[2,{"a":[{}]}]]', '{"a":{"b":[true,false,null]}}', '\r\n\t{"x" : 1 }\n']) {
      expect(locateJsonError(text), text).toBeUndefined();
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });

  it.each([
    ['{"a":1,}', '       ^', "a double-quoted property name after ','", 'trailing commas'],
    ['[1,2,]', '     ^', 'a JSON value', 'trailing commas'],
    ['{"a" 1}', '     ^', "':' after a property name", undefined],
    ['{"a":1 "b":2}', '       ^', "',' or '}' after an object member", undefined],
    ['[1 2]', '   ^', "',' or ']' after an array element", undefined],
    ['{"a":"x', '       ^', "'\"' to close the string", undefined],
    ['["a\tb"]', '   ^', "'\"' to close the string", 'control characters'],
    ['["\\q"]', '  ^', 'a valid escape', undefined],
    ['["\\u12G4"]', '  ^', 'four hexadecimal digits', undefined],
    ['[01]', '  ^', "'.', an exponent", 'leading zeros'],
    ['[-]', '  ^', "a digit after '-'", undefined],
    ['[1.e5]', '   ^', "a digit after '.'", undefined],
    ['[1e+]', '    ^', 'a digit in the exponent', undefined],
    ['[nul]', '    ^', "'null'", undefined],
    ["{'a':1}", ' ^', 'a double-quoted property name', 'double quotes'],
    ['[undefined]', ' ^', 'a JSON value', 'lower case'],
    ['/* x */ {}', '^', 'a JSON value', 'comments'],
    ['{} []', '   ^', 'end of input after the JSON value', 'exactly one value'],
    ['', '^', 'a JSON value', 'empty'],
  ])('%j fails at the marked offset', (text, marker, expected, hint) => {
    const found = locateJsonError(text);
    expect(found?.offset).toBe(at(text, marker));
    expect(found?.expected).toContain(expected);
    if (hint) expect(found?.hint).toContain(hint);
  });

  it('reports truncated input at its end', () => {
    const text = '{"a": [1, {"b": 2}';
    expect(locateJsonError(text)).toMatchObject({ offset: text.length, found: 'end of input', expected: "',' or ']' after an array element" });
  });

  it('handles nesting far deeper than the call stack without recursion', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(199_999);
    expect(locateJsonError(deep)).toMatchObject({ offset: deep.length, found: 'end of input' });
    const valid = `${deep}]`;
    expect(locateJsonError(valid)).toBeUndefined();
  });
});

describe('explainJsonError', () => {
  it('gives 1-based line and column across CRLF and LF lines', () => {
    const text = '{\r\n  "a": 1,\n  "b": [1, 2,],\n}';
    const report = explainJsonError(text, new SyntaxError('x'));
    expect(report).toMatchObject({ line: 3, column: 14 });
    expect(report.message).toMatch(/trailing commas/);
  });

  it('falls back to the parser message when the text is valid', () => {
    expect(explainJsonError('[1]', new Error('out of memory'))).toEqual({ message: 'invalid JSON: out of memory', expected: expect.any(String) });
  });
});
