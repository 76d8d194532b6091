import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import type { TransformNode } from '../../transforms/transform-node';
import { compileDocument } from '../compile-document';
import { doc } from '../compiler-test-helpers';
import { parseExpression } from './parse-expression';

/** Arithmetic written as its decimal result (transforms/money.ts), one chain per operator form. */
const CHAINS: Record<string, TransformNode[]> = {
  plus: [{ kind: 'arithmetic', op: '+', operand: 0.01 }, { kind: 'round', decimals: 2 }],
  minus: [{ kind: 'arithmetic', op: '-', operand: -1 }],
  times: [{ kind: 'arithmetic', op: '*', operand: 3 }, { kind: 'round', decimals: 2 }],
  divided: [{ kind: 'arithmetic', op: '/', operand: 2 }],
  rest: [{ kind: 'arithmetic', op: '%', operand: 1 }],
  sum: [{ kind: 'calculate', op: '+' }],
  difference: [{ kind: 'calculate', op: '-' }, { kind: 'round', decimals: 2 }],
  product: [{ kind: 'calculate', op: '*' }],
  quotient: [{ kind: 'calculate', op: '/' }],
  whole: [{ kind: 'aggregate', fn: 'sum', separator: ', ', decimals: 0 }],
  wholeAverage: [{ kind: 'aggregate', fn: 'average', separator: ', ', decimals: 0 }],
};

const TWO = new Set(['sum', 'difference', 'product', 'quotient']);

describe('reverse-parsing arithmetic written as its decimal result', () => {
  const original = doc({ rules: Object.entries(CHAINS).map(([name, transforms]) => ({ target: `out.${name}`, sources: TWO.has(name) ? ['a', 'b'] : ['field'], transforms })) });
  const { expression } = compileDocument(original);
  const blank = doc({ rules: original.rules.map((r) => ({ target: r.target, sources: ['x'] })) });

  it.each(Object.keys(CHAINS))('%s', (name) => {
    const parsed = parseExpression(expression, blank);
    expect(parsed.custom).toEqual([]);
    expect(parsed.document.rules.find((r) => r.target === `out.${name}`)).toEqual(original.rules.find((r) => r.target === `out.${name}`));
  });

  it('compiles the parsed document back to the same text', () => {
    expect(compileDocument(parseExpression(expression, blank).document).expression).toBe(expression);
  });

  it('gives decimal results', async () => {
    const out = (await jsonata(expression).evaluate({ field: 1.015, a: 1.015, b: 1 })) as { out: Record<string, unknown> };
    expect(out.out).toMatchObject({ plus: 1.02, minus: 2.015, times: 3.04, divided: 0.5075, sum: 2.015, difference: 0.02, product: 1.015, quotient: 1.015, whole: 1, wholeAverage: 1 });
  });
});
