import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { regexLiteral } from './jsonata-text';

/** What jsonata's $match finds with the literal, as plain strings. */
async function jsonataMatches(pattern: string, text: string): Promise<string[]> {
  const found = (await jsonata(`$match(s, ${regexLiteral(pattern)}).match`).evaluate({ s: text })) as unknown;
  if (found === undefined) return [];
  return Array.isArray(found) ? [...(found as string[])] : [found as string];
}

/** What JavaScript finds with `new RegExp(pattern)`: the meaning the user wrote. */
function jsMatches(pattern: string, text: string): string[] {
  return [...text.matchAll(new RegExp(pattern, 'g'))].map((m) => m[0]);
}

describe('regexLiteral', () => {
  const cases: Array<[string, string]> = [
    ['a/b', 'xa/by'],
    ['a//b', 'a//b a/b'],
    ['\\d+/\\d+', 'on 1/2 and 30/40'],
    ['\\\\/', 'C:\\/x'],
    ['\\\\(\\d)', 'x\\1 y\\2'],
    ['[(]\\w+[)]', 'f(arg) g(x)'],
    ['[/]', 'a/b'],
    ['[{}]', 'a{b}c'],
    ['[^/]+', 'path/to/file'],
    ['\\/', 'a/b'],
    ['(a|b){2}', 'ab aa c'],
  ];
  it.each(cases)('%s means in jsonata what it means in JavaScript', async (pattern, text) => {
    expect(await jsonataMatches(pattern, text)).toEqual(jsMatches(pattern, text));
  });

  it('keeps flags after the closing slash', () => {
    expect(regexLiteral('a/b', 'i')).toBe('/a\\/b/i');
  });
});
