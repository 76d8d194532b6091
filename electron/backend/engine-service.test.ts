import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invokeStudioMethod } from '../contract/invoke-studio-method';
import type { RunStatus } from '../contract/methods/engine-methods';
import type { StudioApi } from '../contract/studio-api';
import { useBackendFixtures, value } from '../../tests/helpers/backend-fixture';

const fixture = useBackendFixtures();

/** Polls until the run leaves `running`, keeping every status seen. */
async function pollUntilSettled(api: StudioApi, runId: string): Promise<RunStatus[]> {
  const seen: RunStatus[] = [];
  for (let i = 0; i < 400; i++) {
    const status = value(await api.pollRun(runId));
    seen.push(status);
    if (status.state !== 'running') return seen;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the run did not finish');
}

const PEOPLE = {
  customers: [
    { name: 'Margarete Sommerfeld', email: 'margarete.sommerfeld@example.org', phone: '+49 30 12345678', city: 'Berlin' },
    { name: 'Jonathan Whitcombe', email: 'j.whitcombe@example.com', phone: '+44 20 7946 0018', city: 'London' },
  ],
};
const ORIGINALS = ['Margarete', 'Sommerfeld', 'margarete.sommerfeld@example.org', 'Whitcombe', 'j.whitcombe@example.com'];

describe('importSample', () => {
  it('writes only a masked copy into the project samples folder and reports masked examples only', async () => {
    const f = fixture();
    const picked = join(f.outside, 'customers.json');
    writeFileSync(picked, JSON.stringify(PEOPLE, null, 2));
    await f.access.grantFile(picked);
    const result = value(await f.api.importSample({ projectPath: f.project, side: 'source', file: picked }));
    expect(result.relativePath).toBe('samples/customers.json');
    const written = readFileSync(join(f.samplesDir, 'crm-to-erp', 'samples', 'customers.json'), 'utf8');
    for (const original of ORIGINALS) {
      expect(written).not.toContain(original);
      expect(JSON.stringify(result)).not.toContain(original);
    }
    // Structure and untouched values stay: the masked copy is still a usable sample.
    const masked = JSON.parse(written) as typeof PEOPLE;
    expect(masked.customers).toHaveLength(2);
    expect(masked.customers[0]?.email).toMatch(/^[^@\s]+@[^@\s]+$/);
    expect(result.report.map((entry) => `${entry.path}:${entry.category}`)).toEqual(
      expect.arrayContaining(['customers[].email:email', 'customers[].name:fullName']),
    );
    expect(result.preview).toMatchObject({ format: 'json', total: 1, totalExact: true, truncated: false });
    // A second import of the same name never overwrites the first.
    const again = value(await f.api.importSample({ projectPath: f.project, side: 'source', file: picked }));
    expect(again.relativePath).toBe('samples/customers-2.json');
  });

  it("applies the project's masking policy", async () => {
    const f = fixture();
    const doc = JSON.parse(f.projectText) as Record<string, unknown>;
    doc.masking = { keepCategories: ['city'], fields: { 'customers[].email': 'never' } };
    writeFileSync(f.project, JSON.stringify(doc, null, 2));
    const picked = join(f.outside, 'customers.json');
    writeFileSync(picked, JSON.stringify(PEOPLE));
    await f.access.grantFile(picked);
    const result = value(await f.api.importSample({ projectPath: f.project, side: 'source', file: picked }));
    const written = readFileSync(join(f.samplesDir, 'crm-to-erp', result.relativePath), 'utf8');
    expect(written).toContain('margarete.sommerfeld@example.org');
    expect(written).not.toContain('Sommerfeld"');
    expect(result.report.find((entry) => entry.path === 'customers[].email')?.masked).toBe(false);
  });

  it('refuses a file the user did not pick, and a project the studio did not open', async () => {
    const f = fixture();
    const picked = join(f.outside, 'customers.json');
    writeFileSync(picked, JSON.stringify(PEOPLE));
    expect(await f.api.importSample({ projectPath: f.project, side: 'source', file: picked })).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
    const foreign = join(f.outside, 'other.mapwright.json');
    writeFileSync(foreign, f.projectText);
    await f.access.grantFile(picked);
    expect(await f.api.importSample({ projectPath: foreign, side: 'source', file: picked })).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
  });
});

describe('readPayloadPreview', () => {
  it('returns one page of records with counts, never the whole payload', async () => {
    const f = fixture();
    const rows = ['id;name', ...Array.from({ length: 1000 }, (_, i) => `${i};row ${i}`)].join('\n');
    writeFileSync(join(f.samplesDir, 'crm-to-erp', 'source', 'big.csv'), rows);
    const page = value(await f.api.readPayloadPreview({ projectPath: f.project, file: 'source/big.csv', page: 2, pageSize: 10 }));
    expect(page.records.map((r) => r.index)).toEqual([20, 21, 22, 23, 24, 25, 26, 27, 28, 29]);
    expect(JSON.parse(page.records[0]!.text)).toEqual({ id: '20', name: 'row 20' });
    expect(page.format).toBe('csv');
    expect(page.truncated).toBe(true);
    expect(page.total).toBeGreaterThan(900);
  });

  it('refuses files outside the project folder and the samples folder', async () => {
    const f = fixture();
    writeFileSync(join(f.outside, 'secret.json'), '{"token": "s3cret"}');
    for (const file of ['/etc/passwd', join(f.outside, 'secret.json'), '../../downloads/secret.json']) {
      const result = await f.api.readPayloadPreview({ projectPath: f.project, file });
      expect(result, file).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
      expect(JSON.stringify(result)).not.toContain('s3cret');
    }
  });
});

describe('importSchema', () => {
  it('flattens the target schema into rows with paths, types and flags', async () => {
    const f = fixture();
    const schema = value(await f.api.importSchema({ projectPath: f.project, file: 'target/erp-customer.schema.json' }));
    const city = schema.fields.find((row) => row.path === 'address.city');
    expect(city).toMatchObject({ name: 'city', depth: 1, type: 'string' });
    expect(schema.fields.find((row) => row.path === 'address')).toMatchObject({ hasChildren: true, depth: 0 });
    expect(schema.fields.some((row) => row.path.startsWith('contacts[]'))).toBe(true);
    expect(schema.truncated).toBe(false);
    expect(schema.total).toBe(schema.fields.length);
  });
});

describe('compileDocument', () => {
  it('compiles the document text with its lookup tables and a source map', async () => {
    const f = fixture();
    const compiled = value(await f.api.compileDocument({ text: f.projectText, projectPath: f.project }));
    const span = compiled.sourceMap['customerNumber']!;
    expect(compiled.expression.slice(span.start, span.end)).toContain('accountId');
    expect(compiled.expression).toContain('$table_countries');
  });

  it('reports a syntax error with line and column, and an invalid rule with its JSON path', async () => {
    const f = fixture();
    expect(await f.api.compileDocument({ text: '{\n  "formatVersion": 1,\n  "name": oops\n}' })).toMatchObject({
      ok: false,
      error: { code: 'JSON_PARSE', line: 3, column: 11 },
    });
    const broken = f.projectText.replace('"required": "error", "notes": "ERP numbers', '"required": "sometimes", "notes": "ERP numbers');
    const result = await f.api.compileDocument({ text: broken, projectPath: f.project });
    expect(result).toMatchObject({ ok: false, error: { code: 'DOC_INVALID', expected: '/rules/0/required', line: 15 } });
  });

  it('cannot read a CSV lookup table for a document without a project', async () => {
    const f = fixture();
    expect(await f.api.compileDocument({ text: f.projectText })).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
  });
});

describe('startRun and pollRun', () => {
  it('runs the first source sample and reports progress, output, validation and timings', async () => {
    const f = fixture();
    const { runId } = value(await f.api.startRun({ projectPath: f.project, text: f.projectText, sampleIndex: 0 }));
    const seen = await pollUntilSettled(f.api, runId);
    expect(seen[0]?.progress.fraction).toBeLessThan(1);
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ state: 'done', progress: { phase: 'done', fraction: 1 } });
    const result = last.result!;
    expect(JSON.parse(result.outputText)).toMatchObject({ customerNumber: 'C000731', address: { country: 'Germany' } });
    expect(result).toMatchObject({ outputTruncated: false, fieldErrors: [], violations: [], validated: true });
    expect(result.outputChars).toBe(result.outputText.length);
    expect(result.timings.evalMs).toBeGreaterThanOrEqual(0);
    expect(Object.keys(result.timings)).toEqual(expect.arrayContaining(['compileMs', 'readMs', 'evalMs', 'validateMs']));
  });

  it('reports a required field without a value as a field error', async () => {
    const f = fixture();
    const { runId } = value(await f.api.startRun({ projectPath: f.project, text: f.projectText, inputFile: 'tests/missing-name.input.json' }));
    const last = (await pollUntilSettled(f.api, runId)).at(-1)!;
    expect(last.state).toBe('done');
    expect(last.result?.fieldErrors).toEqual([expect.objectContaining({ field: 'firstName', code: 'RUN_EVALUATION' })]);
    expect(last.result?.outputText).toBe('');
  });

  it('places a value a transform rejects on its field, naming the record but not the value', async () => {
    const f = fixture();
    const { runId } = value(await f.api.startRun({ projectPath: f.project, text: f.projectText, inputFile: 'tests/malformed-date.input.json' }));
    const last = (await pollUntilSettled(f.api, runId)).at(-1)!;
    expect(last.state).toBe('done');
    expect(last.result?.fieldErrors).toEqual([
      { field: 'customerSince', code: 'RUN_EVALUATION', message: 'customerSince: date does not match dd.MM.yyyy, value shaped "9999-99-99" (accountId "ACC-000003")' },
    ]);
  });

  it('flags output that breaks the target schema', async () => {
    const f = fixture();
    const text = f.projectText.replace('{ "kind": "round", "decimals": 0 }', '{ "kind": "custom", "expression": "\\"lots\\"" }');
    const { runId } = value(await f.api.startRun({ projectPath: f.project, text, sampleIndex: 0 }));
    const last = (await pollUntilSettled(f.api, runId)).at(-1)!;
    expect(last.result?.violations).toEqual([expect.objectContaining({ path: 'revenue', code: 'MAP_TYPE' })]);
  });

  it('cancels a runaway expression, and the next run still works', async () => {
    const f = fixture();
    const doc = JSON.parse(f.projectText) as { rules: unknown[] };
    doc.rules.push({ target: 'slow', transforms: [{ kind: 'custom', expression: '$reduce([1..100000], function($a, $i) { $a + $count([1..2000]) }, 0)' }] });
    const { runId } = value(await f.api.startRun({ projectPath: f.project, text: JSON.stringify(doc), sampleIndex: 0 }));
    for (let i = 0; i < 200 && value(await f.api.pollRun(runId)).progress.phase !== 'running'; i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 100));
    expect(value(await f.api.cancelRun(runId)).state).toBe('cancelled');
    expect(value(await f.api.pollRun(runId))).toMatchObject({ state: 'cancelled' });
    const next = value(await f.api.startRun({ projectPath: f.project, text: f.projectText, sampleIndex: 0 }));
    expect((await pollUntilSettled(f.api, next.runId)).at(-1)?.state).toBe('done');
  });

  it('runs an unsaved document on a file inside a trusted folder, without schema validation', async () => {
    const f = fixture();
    const doc = { formatVersion: 1, name: 'draft', source: { format: 'json' }, target: { format: 'json' }, rules: [{ target: 'id', sources: ['accountId'] }] };
    const inputFile = join(f.samplesDir, 'crm-to-erp', 'source', 'crm-account.json');
    const { runId } = value(await f.api.startRun({ text: JSON.stringify(doc), inputFile }));
    const last = (await pollUntilSettled(f.api, runId)).at(-1)!;
    expect(last).toMatchObject({ state: 'done', result: { validated: false, violations: [] } });
    expect(JSON.parse(last.result!.outputText)).toEqual({ id: 'ACC-000731' });
  });

  it('fails with a coded error for an input outside the project, and answers NOT_FOUND for unknown runs', async () => {
    const f = fixture();
    const { runId } = value(await f.api.startRun({ projectPath: f.project, text: f.projectText, inputFile: '/etc/hostname' }));
    expect((await pollUntilSettled(f.api, runId)).at(-1)).toMatchObject({ state: 'failed', error: { code: 'ACCESS_DENIED' } });
    expect(await f.api.pollRun('no-such-run')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('runTests', () => {
  it('passes every test case of the sample', async () => {
    const f = fixture();
    const run = value(await f.api.runTests({ projectPath: f.project, text: f.projectText }));
    expect(run).toMatchObject({ passed: 4, failed: 0, errored: 0 });
    expect(run.cases.map((c) => c.name)).toContain('complete account');
  });

  it('reports differences as paths and a count, without the values', async () => {
    const f = fixture();
    const expectedFile = join(f.samplesDir, 'crm-to-erp', 'tests', 'complete-account.expected.json');
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(expectedFile, JSON.stringify({ ...expected, firstName: 'Zebulon', lastName: 'Quartermaine' }));
    const run = value(await f.api.runTests({ projectPath: f.project, text: f.projectText }));
    const failed = run.cases.find((c) => c.name === 'complete account')!;
    expect(failed).toMatchObject({ outcome: 'failure', differences: { count: 2, paths: ['firstName', 'lastName'] } });
    expect(JSON.stringify(failed)).not.toMatch(/Zebulon|Quartermaine|Testa/);
    expect(run).toMatchObject({ passed: 3, failed: 1 });
  });

  it('refuses a test case whose files lie outside the project', async () => {
    const f = fixture();
    const doc = JSON.parse(f.projectText) as { tests: unknown[] };
    doc.tests = [{ name: 'escape', input: '../../downloads/x.json', expected: 'tests/complete-account.expected.json' }];
    const run = value(await f.api.runTests({ projectPath: f.project, text: JSON.stringify(doc) }));
    expect(run.cases[0]).toMatchObject({ outcome: 'error', message: expect.stringContaining('ACCESS_DENIED') });
  });
});

describe('over the contract', () => {
  it('loads a sample project and validates arguments before the backend sees them', async () => {
    const f = fixture();
    const sample = value(await f.api.loadSampleProject('crm-to-erp'));
    expect(sample).toEqual({ projectPath: f.project, text: f.projectText });
    expect(await invokeStudioMethod(f.api, 'readPayloadPreview', [{ projectPath: '/etc/passwd', file: 'x' }])).toMatchObject({ ok: false, error: { code: 'USAGE' } });
    expect(await invokeStudioMethod(f.api, 'startRun', [{ text: '{}' }])).toMatchObject({ ok: false, error: { code: 'USAGE' } });
    const result = await invokeStudioMethod(f.api, 'compileDocument', [{ text: f.projectText, projectPath: f.project }]);
    expect(result.ok).toBe(true);
  });
});
