/**
 * Issue 20: jsonata's stack guard counted an object's pairs as depth, so a
 * mapping of more than about 350 fields in one object failed with RUN_STACK.
 * Width now runs under the default limits; a recursion without end still stops.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { RunnerPool } from './runner-pool';

const pool = new RunnerPool({ size: 1 });
afterAll(() => pool.close());

const REQUIRED = '$required := function($value, $field) { $exists($value) and $value != "" ? $value : $error($field & " is required") };';

function fields(prefix: string, count: number): string {
  return Array.from({ length: count }, (_, i) => `"${prefix}${i}": $required($string(v), "${prefix}${i}")`).join(', ');
}

describe('RunnerPool under the default limits', () => {
  it('runs an object of 2,000 mapped fields', async () => {
    const result = await pool.run({ expression: `(${REQUIRED} {${fields('f', 2_000)}})`, input: { v: 7 } });
    expect(result.error).toBeUndefined();
    const value = result.value as Record<string, string>;
    expect(Object.keys(value)).toHaveLength(2_000);
    expect(value.f1999).toBe('7');
  });

  it('runs 5,000 mapped fields in all, over nested objects and an array', async () => {
    const expression = `(${REQUIRED} {${fields('a', 2_000)}, "inner": {${fields('b', 1_500)}}, "rows": [rows.{${fields('c', 1_500)}}]})`;
    const result = await pool.run({ expression, input: { v: 1, rows: [{ v: 2 }, { v: 3 }] } });
    expect(result.error).toBeUndefined();
    const value = result.value as { inner: Record<string, string>; rows: Array<Record<string, string>> };
    expect(Object.keys(value.inner)).toHaveLength(1_500);
    expect(value.rows[1]?.c1499).toBe('3');
  });

  it('stops a recursive function without an end with RUN_STACK, and serves the next job', async () => {
    const runaway = await pool.run({ expression: '($f := function($n) { 1 + $f($n + 1) }; $f(0))' });
    expect(runaway.error?.code).toBe('RUN_STACK');
    const next = await pool.run({ expression: '1 + 1' });
    expect(next.value).toBe(2);
  });

  it('stops the same recursion inside a wide object with RUN_STACK', async () => {
    const result = await pool.run({ expression: `($f := function($n) { 1 + $f($n + 1) }; ${REQUIRED} {${fields('f', 1_000)}, "deep": $f(0)})`, input: { v: 1 } });
    expect(result.error?.code).toBe('RUN_STACK');
  });
});
