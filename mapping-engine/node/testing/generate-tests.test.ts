import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileProject } from '../../compiler/compile-project';
import { createFsResolver, referenceScope } from '../fs-resolver';
import { RunnerPool } from '../runner/runner-pool';
import { generateProjectTests, writeGeneratedTests } from './generate-tests';

const pool = new RunnerPool({ size: 1 });
afterAll(() => pool.close());

/** A project whose good case pins a creation time that defaults to now. */
function project(): { file: string; text: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mapwright-generate-'));
  writeFileSync(join(dir, 'good.json'), JSON.stringify({ id: 'A-1', note: 'n' }));
  writeFileSync(join(dir, 'good.expected.json'), JSON.stringify({ id: 'A-1', note: 'n', created: '2024-06-28T09:30:00Z' }));
  const doc = {
    formatVersion: 1,
    name: 'stamped',
    source: { format: 'json', samples: ['good.json'] },
    target: { format: 'json' },
    parameters: { Created: { type: 'datetime', now: true } },
    rules: [
      { target: 'id', sources: ['id'], required: 'error' },
      { target: 'note', sources: ['note'] },
      { target: 'created', sources: ['$param.Created'] },
    ],
    tests: [{ name: 'good', input: 'good.json', expected: 'good.expected.json', params: { Created: '2024-06-28T09:30:00Z' } }],
  };
  const file = join(dir, 'stamped.mapwright.json');
  const text = JSON.stringify(doc);
  writeFileSync(file, text);
  return { file, text };
}

describe('generated tests and run parameters', () => {
  it("run with the good case's parameters and keep them, so a creation time defaulting to now is pinned", async () => {
    const { file, text } = project();
    const compiled = await compileProject(text, file, createFsResolver(referenceScope([file])));
    const cases = await generateProjectTests(compiled, file, pool);
    const missingId = cases.find((c) => c.expect.kind === 'error' && c.expect.field === 'id');
    expect(missingId?.verdict).toMatchObject({ agrees: true });
    const outputs = cases.filter((c) => c.output !== undefined);
    expect(outputs.length).toBeGreaterThan(0);
    for (const c of outputs) expect(c.output).toMatchObject({ created: '2024-06-28T09:30:00Z' });
    const written: string[] = [];
    const tests = await writeGeneratedTests(compiled.document, file, cases, async (path) => {
      written.push(path);
    });
    expect(tests.length).toBeGreaterThan(0);
    for (const test of tests) expect(test.params).toEqual({ Created: '2024-06-28T09:30:00Z' });
    expect(written.length).toBeGreaterThanOrEqual(tests.length);
  });
});
