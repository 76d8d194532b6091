/**
 * The runner worker runs a job's compiled program (mapping-engine/compiled)
 * in place of jsonata when it reproduces jsonata's result, and hands the
 * job to jsonata when the program bails, so output and error stay jsonata's.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { compileDocument } from '../../compiler/compile-document';
import { compileProgram } from '../../compiled/compile-program';
import { mappingJob } from '../../compiled/engine-selection';
import { loadDocument } from '../../document/load-document';
import type { MappingDocumentInput } from '../../document/document-schema';
import { RunnerPool } from './runner-pool';

const pool = new RunnerPool({ size: 1, spare: false });
afterAll(() => pool.close());

function mapping(): { expression: string; program: string } {
  const input: MappingDocumentInput = {
    formatVersion: 1,
    name: 'orders',
    source: { format: 'json' },
    target: { format: 'json' },
    arrays: [{ target: '.', source: '.' }],
    rules: [
      { target: 'id', sources: ['orderId'], required: 'error' },
      { target: 'total', sources: ['amount'], transforms: [{ kind: 'round', decimals: 2 }] },
    ],
  };
  const { document } = loadDocument(JSON.stringify(input));
  const result = compileProgram(document);
  if (!('program' in result)) throw new Error(result.unsupported);
  return { expression: compileDocument(document).expression, program: result.program };
}

describe('compiled engine in the runner worker', () => {
  const job = mapping();

  it('gives the compiled value on the happy path', async () => {
    const result = await pool.run({ ...job, input: [{ orderId: 'A', amount: 2.675 }] });
    expect(result.error).toBeUndefined();
    expect(result.timings.engine).toBe('compiled');
    expect(result.value).toEqual([{ id: 'A', total: 2.68 }]);
  });

  it('falls back to jsonata for a record it does not reproduce, keeping jsonata error', async () => {
    const result = await pool.run({ ...job, input: [{ orderId: 'A', amount: 1 }, { amount: 2 }] });
    expect(result.timings.engine).toBe('fallback');
    expect(result.error?.code).toBe('RUN_EVALUATION');
    const plain = await pool.run({ expression: job.expression, input: [{ orderId: 'A', amount: 1 }, { amount: 2 }] });
    expect(result.error?.message).toBe(plain.error?.message);
  });

  it('falls back on unusual types and matches jsonata', async () => {
    const input = [{ orderId: 'A', amount: '2.5' }];
    const result = await pool.run({ ...job, input });
    const plain = await pool.run({ expression: job.expression, input });
    expect(result.timings.engine).toBe('fallback');
    expect(result.error?.code).toBe(plain.error?.code);
  });

  it('runs a parameter defaulting to the time of the run compiled: the job pins the time once, for both engines', async () => {
    const input: MappingDocumentInput = {
      formatVersion: 1,
      name: 'stamped',
      source: { format: 'json' },
      target: { format: 'json' },
      parameters: { created: { type: 'datetime', now: true }, day: { type: 'date', now: true } },
      rules: [
        { target: 'created', sources: ['$param.created'] },
        { target: 'day', sources: ['$param.day'] },
      ],
    };
    const { document } = loadDocument(JSON.stringify(input));
    const stamped = mappingJob({ document, compiled: compileDocument(document) });
    const result = await pool.run({ ...stamped, input: {} });
    expect(result.timings.engine).toBe('compiled');
    const created = stamped.bindings?.param_created as string;
    expect(result.value).toEqual({ created, day: created.slice(0, 10) });
  });
});

describe('MAPWRIGHT_ENGINE=jsonata in the host process', () => {
  it('reaches the worker, which then runs jsonata instead of the program', async () => {
    const saved = process.env.MAPWRIGHT_ENGINE;
    process.env.MAPWRIGHT_ENGINE = 'jsonata';
    const jsonataPool = new RunnerPool({ size: 1, spare: false });
    try {
      const result = await jsonataPool.run({ ...mapping(), input: [{ orderId: 'A', amount: 2.675 }] });
      expect(result.timings.engine).toBe('jsonata');
      expect(result.value).toEqual([{ id: 'A', total: 2.68 }]);
    } finally {
      await jsonataPool.close();
      if (saved === undefined) delete process.env.MAPWRIGHT_ENGINE;
      else process.env.MAPWRIGHT_ENGINE = saved;
    }
  });
});
