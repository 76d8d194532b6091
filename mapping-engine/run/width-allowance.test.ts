import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { countValues, MAX_WIDTH_ALLOWANCE, stackLimit, widthAllowance } from './width-allowance';

const REQUIRED = '$required := function($value, $field) { $exists($value) and $value != "" ? $value : $error($field & " is required") };';

/** An object of `n` fields, each through the required helper, and an input that fills them. */
function wideObject(n: number): { expression: string; input: unknown } {
  const pairs = Array.from({ length: n }, (_, i) => `"f${i}": $required($string(a.b${i}), "f${i}")`);
  const input = { a: Object.fromEntries(Array.from({ length: n }, (_, i) => [`b${i}`, i])) };
  return { expression: `(${REQUIRED} {${pairs.join(', ')}})`, input };
}

async function runsWithin(expression: string, input: unknown, stack: number): Promise<string | undefined> {
  try {
    await jsonata(expression, { stack }).evaluate(input);
    return undefined;
  } catch (thrown) {
    return (thrown as { code?: string }).code;
  }
}

describe('widthAllowance', () => {
  it('covers what jsonata counts for an object of many pairs, which plain maxDepth does not', async () => {
    const { expression, input } = wideObject(600);
    const allowance = widthAllowance(jsonata(expression).ast(), () => 1);
    expect(await runsWithin(expression, input, 500)).toBe('D1011');
    expect(await runsWithin(expression, input, allowance)).toBeUndefined();
  });

  it('sums array constructor items and nested objects, and takes the largest of sequential children', () => {
    const ast = (text: string) => widthAllowance(jsonata(text).ast(), () => 1);
    const one = ast('{"a": x}');
    expect(ast('{"a": x, "b": y, "c": z}')).toBeGreaterThan(ast('(x; y; z; {"a": x})'));
    expect(ast('[x, y, z, w]')).toBeGreaterThan(ast('[x]'));
    expect(ast('{"a": {"b": x, "c": y}}')).toBeGreaterThan(one);
  });

  it('multiplies a pair with a computed key by the groups it may form', async () => {
    const expression = 'items{name: $sum(price)}';
    const input = { items: Array.from({ length: 800 }, (_, i) => ({ name: `n${i}`, price: i })) };
    const allowance = widthAllowance(jsonata(expression).ast(), () => countValues(input));
    expect(await runsWithin(expression, input, 500)).toBe('D1011');
    expect(await runsWithin(expression, input, 500 + allowance)).toBeUndefined();
  });

  it('gives a recursion a finite allowance, so the guard still stops it', async () => {
    const expression = '($f := function($n) { 1 + $f($n + 1) }; {"a": $f(0), "b": $f(1)})';
    const allowance = widthAllowance(jsonata(expression).ast(), () => 1);
    expect(allowance).toBeLessThan(100);
    expect(await runsWithin(expression, {}, 500 + allowance)).toBe('D1011');
  });

  it('is capped, so a runaway recursion is stopped before the pending frames fill the heap', () => {
    const { expression } = wideObject(8_000);
    expect(widthAllowance(jsonata(expression).ast(), () => 1)).toBe(MAX_WIDTH_ALLOWANCE);
  });
});

describe('stackLimit', () => {
  it('adds the allowance to maxDepth and asks for the input only for computed keys', () => {
    let asked = 0;
    const plain = stackLimit('{"a": x, "b": y}', () => jsonata('{"a": x, "b": y}').ast(), 500, {});
    expect(plain).toBeGreaterThan(500);
    const text = 'items{name: price}';
    stackLimit(text, () => { asked += 1; return jsonata(text).ast(); }, 500, { items: [] });
    stackLimit(text, () => { asked += 1; return jsonata(text).ast(); }, 500, { items: [] });
    expect(asked).toBe(2);
  });
});

describe('countValues', () => {
  it('counts the value, array items and object members at every level', () => {
    expect(countValues(undefined)).toBe(1);
    expect(countValues({ a: [1, 2], b: { c: null } })).toBe(6);
  });
});
