import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProjectFile } from '../../mapping-engine/node/cli/compile-command';
import { createFsResolver, referenceScope } from '../../mapping-engine/node/fs-resolver';
import { RunnerPool } from '../../mapping-engine/node/runner/runner-pool';
import { readPayload } from '../../mapping-engine/payload/read-payload';
import { runMapping } from '../../mapping-engine/run/mapping-run';
import { checkProject } from '../../mapping-engine/validate/check-project';
import { loadTargetSchema, type LoadedTarget } from '../../mapping-engine/validate/load-target';
import { generateSizeProject, SIZE_ARRAYS, SIZE_RULE_COUNTS, SIZE_SAMPLE, writeSizeProject } from './size-project';

let dir: string;
let target: LoadedTarget | undefined;
const pool = new RunnerPool({ size: 1 });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'size-project-'));
});
afterAll(async () => {
  await pool.close();
  await rm(dir, { recursive: true, force: true });
});

describe('generateSizeProject', () => {
  it('has about 2,500 fields on each side, the rules asked for, four array contexts, and nests smaller sizes in larger', () => {
    const small = generateSizeProject(250);
    const large = generateSizeProject(2_000);
    expect(large.sourceFields).toBe(2_500);
    expect(large.targetFields).toBe(2_500);
    const doc = (p: typeof small) => JSON.parse(p.files[p.projectFile]!) as { rules: Array<{ target: string }>; arrays: unknown[] };
    expect(doc(large).rules).toHaveLength(2_000);
    expect(doc(small).rules).toHaveLength(250);
    expect(doc(large).arrays).toHaveLength(SIZE_ARRAYS.length);
    const largeTargets = new Set(doc(large).rules.map((r) => r.target));
    expect(doc(small).rules.every((r) => largeTargets.has(r.target))).toBe(true);
    expect(generateSizeProject(250).files).toEqual(small.files);
    expect(small.files['target/target.schema.json']).toBe(large.files['target/target.schema.json']);
  });

  // Every size is checked as `mapwright validate` does and run on its sample: no error, no violation.
  it.each(SIZE_RULE_COUNTS)('the %i-rule project validates and runs clean on its sample', async (rules) => {
    const file = await writeSizeProject(join(dir, String(rules)), rules);
    const resolver = createFsResolver(referenceScope([file]));
    const check = await checkProject(await readFile(file, 'utf8'), file, resolver);
    expect(check.problems).toEqual([]);
    const project = await loadProjectFile(file);
    // The target schema is the same file at every size: loaded once, ajv compiles it once in the worker.
    target ??= await loadTargetSchema(project.document, file, resolver);
    const input = readPayload(await readFile(join(dir, String(rules), SIZE_SAMPLE)), { format: 'json' });
    const result = await runMapping(pool, { document: project.document, compiled: project.compiled, ...(target ? { target } : {}) }, input);
    expect(result.error).toBeUndefined();
    expect(result.violations).toEqual([]);
    const value = result.value as Record<string, unknown>;
    expect(value.lines).toHaveLength(3);
    expect(Object.keys(value.block00 as object).length).toBeGreaterThan(rules / 10);
  });
});
