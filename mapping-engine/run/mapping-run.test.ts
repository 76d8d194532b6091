import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { compileDocument } from '../compiler/compile-document';
import { doc } from '../compiler/compiler-test-helpers';
import type { MappingDocumentInput } from '../document/document-schema';
import { readPayload } from '../payload/read-payload';
import type { PayloadFormat } from '../payload/types';
import { inferSchema } from '../schema/infer';
import { validateOutput } from '../validate/validate-output';
import { fieldOfRunError, finishMapping, runMapping, type PreparedMapping } from './mapping-run';
import { classifyRunError } from './run-errors';
import type { ExpressionRunner, RunJob, RunResult } from './run-types';

/** Evaluates and validates in-process with the real jsonata and validators, like a worker would; counts its jobs. */
class InProcessRunner implements ExpressionRunner {
  jobs: RunJob[] = [];
  async run(job: RunJob, options: { signal?: AbortSignal } = {}): Promise<RunResult> {
    this.jobs.push(job);
    if (options.signal?.aborted) return { value: undefined, timings: { parseMs: 0, evalMs: 0 }, error: { code: 'RUN_CANCELLED', message: 'cancelled' } };
    try {
      const evaluated: unknown = await jsonata(job.expression).evaluate(job.input);
      const value: unknown = evaluated === undefined ? undefined : JSON.parse(JSON.stringify(evaluated));
      const violations = job.validate ? (value === undefined ? [] : validateOutput(value, job.validate)) : undefined;
      return { value, timings: { parseMs: 1, evalMs: 2 }, ...(violations ? { violations } : {}) };
    } catch (error) {
      return { value: undefined, timings: { parseMs: 1, evalMs: 2 }, error: classifyRunError(error, job.expression) };
    }
  }
}

function prepare(parts: Partial<MappingDocumentInput>, target?: PreparedMapping['target']): PreparedMapping {
  const document = doc(parts);
  return { document, compiled: compileDocument(document), ...(target ? { target } : {}) };
}

const read = (text: string, format: PayloadFormat) => readPayload(text, { format });

describe('runMapping', () => {
  it('gives the value, its text in the target format keeping the CSV dialect, and timings', async () => {
    const prepared = prepare({
      source: { format: 'csv' },
      target: { format: 'csv' },
      arrays: [{ target: '.', source: '.' }],
      rules: [{ target: 'code', sources: ['id'], transforms: [{ kind: 'case', mode: 'upper' }] }],
    });
    const result = await runMapping(new InProcessRunner(), prepared, read('id;name\na1;x\nb2;y\n', 'csv'));
    expect(result.error).toBeUndefined();
    expect(result.value).toEqual([{ code: 'A1' }, { code: 'B2' }]);
    expect(result.text).toBe('code\nA1\nB2\n');
    expect(result.timings).toMatchObject({ parseMs: 1, evalMs: 2 });
    expect(result.timings.writeMs).toBeGreaterThanOrEqual(0);
  });

  it('keeps the output but lists each violation of the target schema as a field error', async () => {
    const jsonSchema = { type: 'object', required: ['id', 'zip'], properties: { id: { type: 'string', pattern: '^C' } } };
    const prepared = prepare({ rules: [{ target: 'id', sources: ['id'] }] }, { jsonSchema, inferred: false });
    const result = await runMapping(new InProcessRunner(), prepared, read('{"id": "X1"}', 'json'));
    expect(result.value).toEqual({ id: 'X1' });
    expect(result.text).toBe('{\n  "id": "X1"\n}\n');
    expect(result.violations.map((v) => `${v.code} ${v.path}`).sort()).toEqual(['MAP_PATTERN id', 'MAP_REQUIRED_MISSING zip']);
    expect(result.fieldErrors.map((e) => e.field).sort()).toEqual(['id', 'zip']);
  });

  it('has the runner validate (a pattern is a user regex), never validating on the calling thread', async () => {
    const jsonSchema = { type: 'object', properties: { id: { type: 'string', pattern: '^(a+)+$' } } };
    const prepared = prepare({ rules: [{ target: 'id', sources: ['id'] }] }, { jsonSchema, inferred: false });
    const runner = new InProcessRunner();
    await runMapping(runner, prepared, read('{"id": "aa"}', 'json'));
    expect(runner.jobs[0]?.validate).toMatchObject({ jsonSchema });
    // A result the runner did not validate has no violations here, however the value breaks the schema.
    const unchecked = finishMapping(prepared, { format: 'json' }, { value: { id: 'b' }, timings: { parseMs: 0, evalMs: 0 } });
    expect([unchecked.violations, unchecked.text === undefined]).toEqual([[], false]);
    const stopped = finishMapping(prepared, { format: 'json' }, { value: undefined, timings: { parseMs: 0, evalMs: 0 }, error: { code: 'VALIDATION_TIMEOUT', message: 'stopped' } });
    expect([stopped.error?.code, stopped.text]).toEqual(['VALIDATION_TIMEOUT', undefined]);
  });

  it('validates an inferred target only for what its samples establish', async () => {
    const schema = inferSchema([{ value: { id: 'C1', lines: [{ n: 1 }] }, format: 'json' }]);
    const prepared = prepare({ rules: [{ target: 'id', sources: ['id'] }, { target: 'lines', sources: ['lines'] }] }, { schema, inferred: true });
    const runner = new InProcessRunner();
    expect((await runMapping(runner, prepared, read('{"id": "other"}', 'json'))).violations).toEqual([]);
    const single = await runMapping(runner, prepared, read('{"id": "C2", "lines": {"n": 2}}', 'json'));
    expect(single.violations).toEqual([expect.objectContaining({ code: 'MAP_REPEAT', path: 'lines' })]);
  });

  it('fails without output on a runtime error, placed on its target field by the source map', async () => {
    const prepared = prepare({
      rules: [
        { target: 'name', sources: ['name'] },
        { target: 'amount', sources: ['amount'], transforms: [{ kind: 'custom', expression: '$number($value)' }] },
      ],
    });
    const result = await runMapping(new InProcessRunner(), prepared, read('{"name": "A", "amount": "ten"}', 'json'));
    expect(result.value).toBeUndefined();
    expect(result.text).toBeUndefined();
    expect(result.error?.code).toBe('RUN_EVALUATION');
    expect(result.fieldErrors).toEqual([expect.objectContaining({ field: 'amount', code: 'RUN_EVALUATION' })]);
  });

  it('names the field of a required rule that got no value, inside an array too', async () => {
    const prepared = prepare({ arrays: [{ target: 'lines', source: 'items' }], rules: [{ target: 'lines.sku', sources: ['sku'], required: 'error' }] });
    const result = await runMapping(new InProcessRunner(), prepared, read('{"items": [{"sku": "a"}, {}]}', 'json'));
    expect(result.value).toBeUndefined();
    expect(result.fieldErrors).toEqual([expect.objectContaining({ field: 'lines.sku' })]);
  });

  it('refuses a risky construct on a large input before running it', async () => {
    const prepared = prepare({
      rules: [{ target: 'sorted', sources: ['items'], transforms: [{ kind: 'custom', expression: '$sort($value, function($a, $b) { $a > $b })' }] }],
    });
    const runner = new InProcessRunner();
    const input = read(JSON.stringify({ items: [3, 1, 2, 5] }), 'json');
    const refused = await runMapping(runner, prepared, input, { largeInput: { sortComparatorItems: 3 } });
    expect(refused.error?.code).toBe('RUN_TOO_LARGE');
    expect(refused.fieldErrors).toEqual([expect.objectContaining({ field: 'sorted', code: 'RUN_TOO_LARGE' })]);
    expect(runner.jobs).toHaveLength(0);
    const allowed = await runMapping(runner, prepared, input, { largeInput: { sortComparatorItems: 4 } });
    expect(allowed.value).toEqual({ sorted: [1, 2, 3, 5] });
  });

  it('fails without output when the value cannot be written in the target format', async () => {
    const prepared = prepare({ target: { format: 'xml' }, arrays: [{ target: '.', source: 'items' }], rules: [{ target: 'id', sources: ['id'] }] });
    const result = await runMapping(new InProcessRunner(), prepared, read('{"items": [{"id": 1}]}', 'json'));
    expect(result.error?.code).toBe('XML_WRITE');
    expect([result.value, result.text]).toEqual([undefined, undefined]);
  });

  it('gives neither output nor error when the mapping produces nothing, and passes cancellation on', async () => {
    const prepared = prepare({ rules: [{ target: 'id', sources: ['missing'] }] });
    const empty = await runMapping(new InProcessRunner(), { ...prepared, compiled: { expression: 'nothing', sourceMap: {} } }, read('{}', 'json'));
    expect([empty.value, empty.text, empty.error, empty.fieldErrors]).toEqual([undefined, undefined, undefined, []]);
    const controller = new AbortController();
    controller.abort();
    const cancelled = await runMapping(new InProcessRunner(), prepared, read('{}', 'json'), { signal: controller.signal });
    expect(cancelled.error?.code).toBe('RUN_CANCELLED');
  });
});

describe('fieldOfRunError', () => {
  const prepared = prepare({
    arrays: [{ target: 'lines', source: 'items' }],
    rules: [
      { target: 'id', sources: ['id'], required: 'error' },
      { target: 'lines.id', sources: ['id'], required: 'error' },
      { target: '`odd name`', sources: ['x'], required: 'error' },
    ],
  });

  it('names the required field a message mentions as a whole name, the longest one winning', () => {
    const field = (message: string): string => fieldOfRunError({ code: 'RUN_EVALUATION', message }, prepared);
    expect(field('lines[].id is required (lines item 2)')).toBe('lines.id');
    expect(field('Required target field lines[].id has no value')).toBe('lines.id');
    expect(field('id is required')).toBe('id');
    expect(field('odd name is required')).toBe('odd name');
    expect(field('ids is wrong')).toBe('');
  });
});
