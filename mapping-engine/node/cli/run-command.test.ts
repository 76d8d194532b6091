/**
 * `mapwright run`, including the promise behind it: for every sample project
 * and every input it ships, the output of `mapwright run` (worker pool) is what
 * the plain jsonata package gives for the compiled expression on the same input.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { compileProject } from '../../compiler/compile-project';
import { readPayload } from '../../payload/read-payload';
import type { JsonValue } from '../../payload/types';
import { writePayload } from '../../payload/write-payload';
import { createFsResolver } from '../fs-resolver';
import { parameterBindings } from '../../compiler/run-parameters';
import { runCli } from '../../../tests/helpers/run-cli';
import { SAMPLES_DIR, sampleProjects } from '../../../tests/helpers/sample-projects';

const projects = sampleProjects();

/** Every input a project ships: its source samples and the inputs of test cases that expect output. */
function inputsOf(file: string): string[] {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { source: { samples?: string[] }; tests?: Array<{ input: string; expected?: string }> };
  const inputs = [...(doc.source.samples ?? []), ...(doc.tests ?? []).filter((t) => t.expected).map((t) => t.input)];
  return [...new Set(inputs)].map((p) => join(file, '..', p));
}

describe('mapwright run', () => {
  it('finds the sample projects', () => {
    expect(projects.length).toBeGreaterThanOrEqual(4);
  });

  describe.each(projects.map((p) => [p.slice(SAMPLES_DIR.length + 1), p]))('%s', (_name, file) => {
    it.each(inputsOf(file).map((i) => [i.slice(SAMPLES_DIR.length + 1), i]))('gives what plain jsonata gives on %s', async (_i, input) => {
      const project = await compileProject(readFileSync(file, 'utf8'), file, createFsResolver());
      const { format: sourceFormat } = project.document.source;
      const parsed = readPayload(readFileSync(input), { file: input, format: sourceFormat });
      // Parameters defaulting to the time of the run are pinned, so both runs see the same time.
      const pins = Object.fromEntries(Object.entries(project.document.parameters ?? {}).filter(([, p]) => p.now).map(([name, p]) => [name, p.type === 'date' ? '2024-01-01' : '2024-01-01T00:00:00Z']));
      const value = (await jsonata(project.compiled.expression).evaluate(parsed.value, parameterBindings(project.document.parameters ?? {}, pins))) as JsonValue;
      expect(value).toBeDefined();
      const { code, out, err } = await runCli('run', file, '--input', input, ...Object.entries(pins).flatMap(([name, value]) => ['--param', `${name}=${value}`]));
      expect(err).toBe('');
      expect(code).toBe(0);
      // XML written against a target schema carries its namespaces and element order: compared read back.
      if (project.document.target.format === 'xml' && project.document.target.schema) expect(readPayload(Buffer.from(out), { format: 'xml' }).value).toEqual(readPayload(writePayload(value, 'xml'), { format: 'xml' }).value);
      else expect(out).toBe(writePayload(value, project.document.target.format, { meta: parsed.meta, metaFormat: parsed.format }));
    });
  });

  it('writes the output atomically to --out and nothing to stdout', async () => {
    const file = projects.find((p) => p.includes('invoice-csv-to-xml'))!;
    const dir = mkdtempSync(join(tmpdir(), 'mapwright-run-'));
    const out = join(dir, 'invoice.xml');
    const result = await runCli('run', file, '--input', inputsOf(file)[0]!, '--out', out);
    expect(result).toEqual({ code: 0, out: '', err: '' });
    const xml = readPayload(readFileSync(out), { format: 'xml' }).value as { Invoice: Record<string, unknown> };
    expect(Object.keys(xml.Invoice)).toContain('InvoiceLine');
    expect(readdirSync(dir)).toEqual(['invoice.xml']);
  });

  it('exits 1 with one coded line naming the input when the mapping fails on valid input', async () => {
    const file = projects.find((p) => p.includes('crm-to-erp'))!;
    const input = join(file, '..', 'tests', 'missing-name.input.json');
    const { code, out, err } = await runCli('run', file, '--input', input);
    expect(code).toBe(1);
    expect(out).toBe('');
    // The code a test case expects for it (a required field without a value), not the runner's RUN_EVALUATION.
    expect(err).toMatch(/^MAP_REQUIRED_MISSING .*missing-name\.input\.json: firstName is required/);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 for input that is not in the source format, and for a missing --input', async () => {
    const file = projects.find((p) => p.includes('crm-to-erp'))!;
    const bad = join(mkdtempSync(join(tmpdir(), 'mapwright-run-')), 'broken.json');
    writeFileSync(bad, '{"name": ');
    const broken = await runCli('run', file, '--input', bad);
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/^JSON_PARSE /);
    const missing = await runCli('run', file);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^USAGE: run needs --input/);
  });

  describe('validation against the target schema', () => {
    function project(): { file: string; input: string; dir: string } {
      const dir = mkdtempSync(join(tmpdir(), 'mapwright-run-'));
      const doc = {
        formatVersion: 1,
        name: 'validated',
        source: { format: 'json', samples: [] },
        target: {
          format: 'json',
          schema: {
            inline: {
              $schema: 'https://json-schema.org/draft/2020-12/schema',
              type: 'object',
              required: ['id', 'postcode'],
              properties: { id: { type: 'string', pattern: '^C[0-9]+$' }, status: { enum: ['ACTIVE'] } },
            },
          },
        },
        rules: [
          { target: 'id', sources: ['id'] },
          { target: 'status', sources: ['status'] },
        ],
      };
      const file = join(dir, 'validated.mapwright.json');
      writeFileSync(file, JSON.stringify(doc));
      const input = join(dir, 'in.json');
      writeFileSync(input, JSON.stringify({ id: 'X9', status: 'OLD' }));
      return { file, input, dir };
    }

    it('prints one coded line per violation, exits 1 and still prints the output', async () => {
      const { file, input } = project();
      const { code, out, err } = await runCli('run', file, '--input', input);
      expect(code).toBe(1);
      expect(JSON.parse(out)).toEqual({ id: 'X9', status: 'OLD' });
      const lines = err.trim().split('\n');
      expect(lines.slice(0, -1).sort()).toEqual([
        expect.stringMatching(/^MAP_ENUM status: /),
        expect.stringMatching(/^MAP_PATTERN id: /),
        expect.stringMatching(/^MAP_REQUIRED_MISSING postcode: /),
      ]);
      expect(lines.at(-1)).toMatch(/3 violation\(s\).*printed anyway/);
    });

    it('writes --out anyway and says so', async () => {
      const { file, input, dir } = project();
      const out = join(dir, 'out.json');
      const result = await runCli('run', file, '--input', input, '--out', out);
      expect(result.code).toBe(1);
      expect(result.out).toBe('');
      expect(result.err).toContain(`output written to ${out} anyway`);
      expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual({ id: 'X9', status: 'OLD' });
    });

    it('exits 0 with nothing on stderr when the output fits the schema', async () => {
      const { file, dir } = project();
      const input = join(dir, 'good.json');
      writeFileSync(input, JSON.stringify({ id: 'C1', status: 'ACTIVE', postcode: 'x' }));
      const doc = JSON.parse(readFileSync(file, 'utf8')) as { rules: unknown[] };
      doc.rules.push({ target: 'postcode', sources: ['postcode'] });
      writeFileSync(file, JSON.stringify(doc));
      expect(await runCli('run', file, '--input', input)).toEqual({ code: 0, out: expect.any(String), err: '' });
    });
  });

  describe('batch mode', () => {
    function project(rules: unknown[], extra: Record<string, unknown> = {}): { file: string; dir: string } {
      const dir = mkdtempSync(join(tmpdir(), 'mapwright-run-batch-'));
      const doc = {
        formatVersion: 1,
        name: 'rows',
        source: { format: 'csv', samples: [] },
        target: { format: 'jsonl', samples: [] },
        arrays: [{ target: '.', source: '.' }],
        rules,
        ...extra,
      };
      const file = join(dir, 'rows.mapwright.json');
      writeFileSync(file, JSON.stringify(doc));
      return { file, dir };
    }
    const rows = (n: number, bad = -1): string => `id,qty\n${Array.from({ length: n }, (_, i) => `${i},${i === bad ? 'x' : i % 7}`).join('\n')}\n`;
    const rules = [{ target: 'id', sources: ['id'] }, { target: 'qty', sources: ['qty'], transforms: [{ kind: 'custom', expression: '$number($value)' }] }];

    it('gives with --batch what a single run gives, and prints progress and a summary with --progress', async () => {
      const { file, dir } = project(rules);
      const input = join(dir, 'rows.csv');
      writeFileSync(input, rows(4500));
      const single = await runCli('run', file, '--input', input);
      expect(single.code).toBe(0);
      const batch = await runCli('run', file, '--input', input, '--batch', '--progress');
      expect(batch.code).toBe(0);
      expect(batch.out).toBe(single.out);
      expect(batch.out.trim().split('\n')).toHaveLength(4500);
      expect(batch.err).toMatch(/^progress: [\d,]+ records, [\d.]+ of [\d.]+ MB read/);
      expect(batch.err.trim().split('\n').at(-1)).toMatch(/^done: 4,500 records in [\d.]+ s \([\d,]+ records\/s\)$/);
    });

    it('switches to batch mode by itself past 8 MB for a per-record mapping', async () => {
      const { file, dir } = project(rules);
      const input = join(dir, 'large.csv');
      // Long unmapped notes make the file large with few records, so the test stays quick.
      const note = 'n'.repeat(150);
      writeFileSync(input, `id,qty,note\n${Array.from({ length: 60_000 }, (_, i) => `${i},${i % 7},${note}`).join('\n')}\n`);
      const out = join(dir, 'large.jsonl');
      const result = await runCli('run', file, '--input', input, '--out', out, '--progress');
      expect(result.code).toBe(0);
      expect(result.err).toMatch(/done: 60,000 records/);
      const lines = readFileSync(out, 'utf8').split('\n');
      expect(lines.slice(0, 2)).toEqual(['{"id":"0","qty":0}', '{"id":"1","qty":1}']);
      expect(lines.slice(-2)).toEqual(['{"id":"59999","qty":2}', '']);
    }, 60_000);

    it('exits 1 naming the record that failed, and leaves no --out file', async () => {
      const { file, dir } = project(rules);
      const input = join(dir, 'rows.csv');
      writeFileSync(input, rows(3000, 2222));
      const out = join(dir, 'out.jsonl');
      const result = await runCli('run', file, '--input', input, '--batch', '--out', out);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/^RUN_EVALUATION .*rows\.csv: record 2223 \(line 2224\): .*\(target field qty\); nothing was written/);
      expect(readdirSync(dir).sort()).toEqual(['rows.csv', 'rows.mapwright.json']);
    });

    it('sets run parameters with --param in batch mode, and one creation time for the whole run', async () => {
      const parameters = { Batch: { type: 'string', default: 'B0' }, Created: { type: 'datetime', now: true } };
      const { file, dir } = project([{ target: 'id', sources: ['id'] }, { target: 'batch', sources: ['$param.Batch'] }, { target: 'created', sources: ['$param.Created'] }], { parameters });
      const input = join(dir, 'rows.csv');
      writeFileSync(input, rows(2500));
      const result = await runCli('run', file, '--input', input, '--batch', '--param', 'Batch=B7');
      expect(result.code).toBe(0);
      const lines = result.out.trim().split('\n').map((line) => JSON.parse(line) as { batch: string; created: string });
      expect(lines).toHaveLength(2500);
      expect(new Set(lines.map((l) => l.batch))).toEqual(new Set(['B7']));
      expect(new Set(lines.map((l) => l.created)).size).toBe(1);
      const pinned = await runCli('run', file, '--input', input, '--batch', '--param', 'Created=2024-06-28T09:30:00Z');
      expect(JSON.parse(pinned.out.split('\n')[0]!)).toEqual({ id: '0', batch: 'B0', created: '2024-06-28T09:30:00Z' });
      const wrong = await runCli('run', file, '--input', input, '--batch', '--param', 'Nope=1');
      expect([wrong.code, wrong.err.split(':')[0]]).toEqual([2, 'USAGE']);
    });

    it('refuses --batch with exit 2 for a mapping that needs the whole input', async () => {
      const file = projects.find((p) => p.includes('invoice-csv-to-xml'))!;
      const result = await runCli('run', file, '--input', inputsOf(file)[0]!, '--batch');
      expect(result.code).toBe(2);
      expect(result.err).toMatch(/^USAGE: --batch needs a mapping that works record by record/);
    });
  });

  describe('the large-input guard', () => {
    it('refuses a comparator sort over more than 20,000 records in run (exit 1) and eval (exit 2)', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'mapwright-run-guard-'));
      const sort = '$sort($value, function($a, $b) { $a > $b })';
      const doc = { formatVersion: 1, name: 'sorted', source: { format: 'json' }, target: { format: 'json' }, rules: [{ target: 'sorted', sources: ['n'], transforms: [{ kind: 'custom', expression: sort }] }] };
      const file = join(dir, 'sorted.mapwright.json');
      writeFileSync(file, JSON.stringify(doc));
      const small = join(dir, 'small.json');
      writeFileSync(small, JSON.stringify({ n: [3, 1, 2] }));
      expect(JSON.parse((await runCli('run', file, '--input', small)).out)).toEqual({ sorted: [1, 2, 3] });
      const large = join(dir, 'large.json');
      writeFileSync(large, JSON.stringify({ n: Array.from({ length: 20_001 }, (_, i) => i) }));
      const run = await runCli('run', file, '--input', large);
      expect(run.code).toBe(1);
      expect(run.err).toMatch(/^RUN_TOO_LARGE .*20,001 records.*\(target field sorted\)/);
      const expression = join(dir, 'sort.jsonata');
      writeFileSync(expression, '$sort(n, function($a, $b) { $a > $b })');
      const evaluated = await runCli('eval', expression, '--input', large);
      expect(evaluated.code).toBe(2);
      expect(evaluated.err).toMatch(/^RUN_TOO_LARGE /);
    });
  });

  it('validates a target inferred from samples for what the samples establish', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mapwright-run-inferred-'));
    writeFileSync(join(dir, 'target.json'), JSON.stringify({ id: 'A', tags: ['x', 'y'] }));
    const doc = {
      formatVersion: 1,
      name: 'inferred',
      source: { format: 'json' },
      target: { format: 'json', samples: ['target.json'] },
      rules: [{ target: 'id', sources: ['code'] }, { target: 'tags', sources: ['tag'] }],
    };
    const file = join(dir, 'inferred.mapwright.json');
    writeFileSync(file, JSON.stringify(doc));
    const input = join(dir, 'in.json');
    writeFileSync(input, JSON.stringify({ code: 'B', tag: 'only-one' }));
    const result = await runCli('run', file, '--input', input);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out)).toEqual({ id: 'B', tags: 'only-one' });
    expect(result.err).toMatch(/^MAP_REPEAT tags: /);
    writeFileSync(input, JSON.stringify({ tag: ['a'] }));
    expect(await runCli('run', file, '--input', input)).toMatchObject({ code: 0, err: '' });
  });
});
