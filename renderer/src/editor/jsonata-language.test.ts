import { describe, expect, it } from 'vitest';
import { jsonataMonarch } from './jsonata-language';

type Rule = readonly [RegExp, unknown, string?] | { include: string };

/** The token the root state gives the start of `text`: the first rule that matches there, as Monarch picks it. */
function firstToken(text: string): { token: unknown; length: number } {
  const rules = [...(jsonataMonarch.tokenizer.whitespace as readonly Rule[]), ...(jsonataMonarch.tokenizer.root as readonly Rule[])];
  for (const rule of rules) {
    if (!Array.isArray(rule)) continue;
    const [pattern, action] = rule as readonly [RegExp, unknown];
    const match = new RegExp(`^(?:${pattern.source})`).exec(text);
    if (match) return { token: action, length: match[0].length };
  }
  throw new Error(`no rule matches ${text}`);
}

describe('JSONata Monarch tokens', () => {
  it.each([
    ['$uppercase(name)', 'predefined', '$uppercase'.length],
    ['$table_countries;', 'variable', '$table_countries'.length],
    ['$$.accountId', 'variable', 2],
    ['`first name`.x', 'identifier.quoted', '`first name`'.length],
    ['"DE": 1', 'string', 1],
    ['-12.5e3 + 1', 'number', '-12.5e3'.length],
    [':= 1', 'operator', 2],
    ['~> $f', 'operator', 2],
    ['/* note */ x', 'comment', 2],
    ['(a)', '@brackets', 1],
  ])('reads %s as %s', (text, token, length) => {
    expect(firstToken(text)).toEqual({ token, length });
  });

  it('tells keywords from field names', () => {
    const action = firstToken('and x').token as { cases: Record<string, string> };
    expect(action.cases['@keywords']).toBe('keyword');
    expect(jsonataMonarch.keywords).toContain('and');
    expect(jsonataMonarch.keywords).not.toContain('name');
  });

  it('closes strings and comments in their own states', () => {
    const close = (state: readonly Rule[]) => state.find((r) => Array.isArray(r) && r[2] === '@pop') as readonly [RegExp, string, string];
    expect(close(jsonataMonarch.tokenizer.stringDouble as readonly Rule[])[0].test('"')).toBe(true);
    expect(close(jsonataMonarch.tokenizer.stringSingle as readonly Rule[])[0].test("'")).toBe(true);
    expect(close(jsonataMonarch.tokenizer.comment as readonly Rule[])[0].test('*/')).toBe(true);
  });
});
