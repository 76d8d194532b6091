import { afterAll, describe, expect, it } from 'vitest';
import type { SchemaField } from '../../schema/model';
import type { ValidationTarget } from '../../validate/validation-types';
import { RunnerPool } from './runner-pool';

// A generous default: the first validation in a thread loads ajv and compiles the schema within it.
const pool = new RunnerPool({ size: 1, defaultLimits: { timeoutMs: 5_000, memoryMb: 64 } });
afterAll(() => pool.close());

/** A JSON Schema whose `pattern` backtracks exponentially on "aaaa…ab". */
const catastrophic: ValidationTarget = { jsonSchema: { type: 'object', properties: { code: { type: 'string', pattern: '^(a+)+$' } } } };
const evil = `${'a'.repeat(40)}b`;

function xsdField(pattern: string): SchemaField {
  const code: SchemaField = { name: 'code', path: ['code'], type: 'string', repeating: false, required: true, pattern, origin: { kind: 'xsd' } };
  return { name: '', path: [], type: 'object', repeating: false, required: true, origin: { kind: 'xsd' }, children: [code] };
}

describe('RunnerPool: output validation in the worker', () => {
  it('gives the violations of the target with the value, the target sent once and reused', async () => {
    const target: ValidationTarget = { jsonSchema: { type: 'object', required: ['zip'], properties: { code: { type: 'string', pattern: '^C' } } } };
    for (const code of ['X1', 'Y2']) {
      const result = await pool.run({ expression: '{ "code": code }', input: { code }, validate: target });
      expect(result.value).toEqual({ code });
      expect(result.violations?.map((v) => `${v.code} ${v.path}`).sort()).toEqual(['MAP_PATTERN code', 'MAP_REQUIRED_MISSING zip']);
      expect(result.timings.validateMs).toBeGreaterThanOrEqual(0);
    }
    const other = await pool.run({ expression: '{ "code": "C1", "zip": "1" }', validate: target });
    expect(other.violations).toEqual([]);
    const model = await pool.run({ expression: '{ "code": "x" }', validate: { schema: { root: xsdField('[A-Z]+') } } });
    expect(model.violations?.map((v) => v.code)).toEqual(['MAP_PATTERN']);
  });

  it('gives no violations when there is nothing to validate, and none without a target', async () => {
    expect((await pool.run({ expression: 'missing', input: {}, validate: catastrophic })).violations).toEqual([]);
    expect((await pool.run({ expression: '1' })).violations).toBeUndefined();
  });

  it.each([
    ['a JSON Schema pattern (ajv)', catastrophic],
    ['an XSD pattern (field model)', { schema: { root: xsdField('(a+)+') } }],
  ])('stops %s that backtracks for ever with VALIDATION_TIMEOUT, and serves the next job', async (_name, target) => {
    const started = performance.now();
    const result = await pool.run({ expression: '{ "code": $c }', bindings: { c: evil }, validate: target, limits: { timeoutMs: 300 } });
    expect(result.error?.code).toBe('VALIDATION_TIMEOUT');
    expect(result.value).toBeUndefined();
    // Liveness bound, generous: the validation limit (300 ms) plus the kill grace, on a busy machine.
    expect(performance.now() - started).toBeLessThan(300 + 5_000);
    const next = await pool.run({ expression: '{ "code": "aaa" }', validate: target });
    expect(next.error).toBeUndefined();
    expect(next.violations).toEqual([]);
  });
});
