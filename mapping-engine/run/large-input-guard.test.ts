import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../errors';
import { checkLargeInput, estimateJsonChars, findRiskyConstructs, largestArrayLength } from './large-input-guard';

const rows = (n: number): Array<{ id: number; type: string }> => Array.from({ length: n }, (_, i) => ({ id: i, type: i % 2 ? 'a' : 'b' }));

describe('findRiskyConstructs', () => {
  it('finds $sort with a comparator but not a sort by field or $sort without one', () => {
    expect(findRiskyConstructs('$sort(items, function($a, $b) { $a.id > $b.id })')).toEqual([{ kind: 'sort-comparator', position: 6 }]);
    expect(findRiskyConstructs('items^(>id)')).toEqual([]);
    expect(findRiskyConstructs('$sort(items.id)')).toEqual([]);
  });

  it('finds group-by object constructors, also the one the compiler writes, but not plain objects', () => {
    expect(findRiskyConstructs('items{type: $count(id)}').map((c) => c.kind)).toEqual(['group-by']);
    expect(findRiskyConstructs('$each(items{type: [$]}, function($v, $k) { $k })').map((c) => c.kind)).toEqual(['group-by']);
    expect(findRiskyConstructs('{"a": items.id}')).toEqual([]);
  });

  it('finds $string of the whole input, not of an item', () => {
    expect(findRiskyConstructs('$string($$)').map((c) => c.kind)).toEqual(['string-of-input']);
    expect(findRiskyConstructs('$string($)').map((c) => c.kind)).toEqual(['string-of-input']);
    expect(findRiskyConstructs('$string()').map((c) => c.kind)).toEqual(['string-of-input']);
    expect(findRiskyConstructs('items.$string($)')).toEqual([]);
    expect(findRiskyConstructs('$map(items, function($v) { $string($) })')).toEqual([]);
    expect(findRiskyConstructs('items.{"all": $string($$)}').map((c) => c.kind)).toEqual(['string-of-input']);
  });

  it('finds nothing in an expression that does not parse (the run reports that)', () => {
    expect(findRiskyConstructs('$sort(')).toEqual([]);
  });
});

describe('input measures', () => {
  it('takes the largest array anywhere, the top level included', () => {
    expect(largestArrayLength([1, 2, 3])).toBe(3);
    expect(largestArrayLength({ a: [1], b: { c: [1, 2, 3, 4] } })).toBe(4);
    expect(largestArrayLength('x')).toBe(0);
  });

  it('estimates the JSON length closely and stops early', () => {
    const value = { name: 'Ann', tags: ['x', 'yz'], n: 12, ok: true, none: null };
    const exact = JSON.stringify(value).length;
    const estimate = estimateJsonChars(value);
    expect(estimate).toBeGreaterThanOrEqual(exact * 0.8);
    expect(estimate).toBeLessThanOrEqual(exact * 1.5);
    // The whole array is about 250,000 characters; the walk stops soon after passing 100.
    expect(estimateJsonChars(rows(10_000), 100)).toBeLessThan(20_000);
  });
});

describe('checkLargeInput', () => {
  const sort = '$sort($, function($a, $b) { $a.id < $b.id })';

  it('lets a comparator sort run at the limit and refuses it one record past', async () => {
    const limits = { sortComparatorItems: 100 };
    expect(checkLargeInput(sort, rows(100), limits)).toBeUndefined();
    // Below the limit the expression really runs.
    expect(((await jsonata(sort).evaluate(rows(100))) as unknown[])[0]).toEqual({ id: 99, type: 'a' });
    const error = checkLargeInput(sort, rows(101), limits);
    expect(error).toMatchObject({ code: 'RUN_TOO_LARGE', position: 6 });
    expect(error?.message).toContain('101');
    expect(error?.expected).toContain('^(');
  });

  it('counts the largest nested array, not only the top level', () => {
    const expression = '$sort(orders, function($a, $b) { $a.id < $b.id })';
    expect(checkLargeInput(expression, { orders: rows(11) }, { sortComparatorItems: 10 })?.code).toBe('RUN_TOO_LARGE');
    expect(checkLargeInput(expression, { orders: rows(10) }, { sortComparatorItems: 10 })).toBeUndefined();
  });

  it('refuses group-by past its own limit', () => {
    const expression = '$each(${type: [$]}, function($v, $k) { $k })';
    expect(checkLargeInput(expression, rows(50), { groupByItems: 50 })).toBeUndefined();
    expect(checkLargeInput(expression, rows(51), { groupByItems: 50 })).toMatchObject({ code: 'RUN_TOO_LARGE' });
  });

  it('refuses $string of the whole input past the estimated size', () => {
    const input = rows(100);
    const size = estimateJsonChars(input);
    expect(checkLargeInput('$string($$)', input, { stringifyChars: size })).toBeUndefined();
    expect(checkLargeInput('$string($$)', input, { stringifyChars: size - 1 })).toMatchObject({ code: 'RUN_TOO_LARGE' });
    expect(checkLargeInput('$.$string($)', input, { stringifyChars: 1 })).toBeUndefined();
  });

  it('uses defaults that spare ordinary inputs and a registered code', () => {
    expect(checkLargeInput(sort, rows(20_000))).toBeUndefined();
    expect(checkLargeInput(sort, rows(20_001))?.code).toBe('RUN_TOO_LARGE');
    expect(checkLargeInput('$.id', rows(1_000_000))).toBeUndefined();
    expect(ERROR_CODES).toContain('RUN_TOO_LARGE');
  });
});
