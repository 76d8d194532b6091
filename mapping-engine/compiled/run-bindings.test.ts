/**
 * The time of the run pinned once per job (engine-selection.ts): a parameter
 * defaulting to it gets the value jsonata's `$now()` would give, so the
 * program runs it (no fallback) and jsonata, given the same bindings, agrees.
 */
import jsonata from 'jsonata';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileDocument } from '../compiler/compile-document';
import { parameterBindings } from '../compiler/run-parameters';
import { validateDocument } from '../document/load-document';
import { mappingJob, runBindings } from './engine-selection';
import { runProgram } from './run-program';

const DOC = validateDocument({
  formatVersion: 1,
  name: 'pinned time',
  source: { format: 'json' },
  target: { format: 'json' },
  parameters: { created: { type: 'datetime', now: true }, day: { type: 'date', now: true }, id: { type: 'string', default: 'M-1' } },
  rules: [
    { target: 'created', sources: ['$param.created'] },
    { target: 'day', sources: ['$param.day'] },
    { target: 'id', sources: ['$param.id'] },
    { target: 'name', sources: ['name'] },
  ],
});

const NOW = new Date('2024-02-29T23:59:59.999Z');

afterEach(() => {
  vi.useRealTimers();
});

describe('runBindings', () => {
  it('pins each unset parameter defaulting to the time of the run, in its type form, and keeps what the run set', () => {
    expect(runBindings(DOC.parameters, undefined, NOW)).toEqual({ param_created: '2024-02-29T23:59:59.999Z', param_day: '2024-02-29' });
    const set = parameterBindings(DOC.parameters!, { created: '2024-07-01T08:00:00Z', id: 'M-2' });
    expect(runBindings(DOC.parameters, set, NOW)).toEqual({ param_created: '2024-07-01T08:00:00Z', param_id: 'M-2', param_day: '2024-02-29' });
  });

  it('leaves bindings alone when no parameter defaults to the time of the run', () => {
    expect(runBindings({ id: { type: 'string' } }, undefined, NOW)).toBeUndefined();
    expect(runBindings(undefined, { param_id: 'y' }, NOW)).toEqual({ param_id: 'y' });
  });
});

describe('a run with the time of the run pinned', () => {
  it("runs compiled and gives what jsonata's own $now() gives at that time", async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const compiled = compileDocument(DOC);
    const job = mappingJob({ document: DOC, compiled });
    expect(job.program).toBeDefined();
    const input = { name: 'Ada' };
    const unpinned = (await jsonata(compiled.expression).evaluate(input)) as unknown;
    const program = runProgram(job.program!, input, job.bindings);
    expect(program).toEqual({ value: unpinned });
    expect(await jsonata(compiled.expression).evaluate(input, job.bindings)).toEqual(unpinned);
  });

  it('keeps the bindings the run set and pins the rest', () => {
    const compiled = compileDocument(DOC);
    const job = mappingJob({ document: DOC, compiled }, { param_day: '2020-01-01' });
    expect(job.bindings?.param_day).toBe('2020-01-01');
    expect(job.bindings?.param_created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('without a pin the program still hands the run to jsonata', () => {
    const job = mappingJob({ document: DOC, compiled: compileDocument(DOC) });
    expect(runProgram(job.program!, { name: 'Ada' }, { param_day: '2020-01-01' })).toEqual({ bailed: expect.any(String) });
  });
});
