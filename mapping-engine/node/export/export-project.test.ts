import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonata from 'jsonata';
import { afterAll, describe, expect, it } from 'vitest';
import { MapwrightError } from '../../errors';
import { loadDocument } from '../../document/load-document';
import { readPayload } from '../../payload/read-payload';
import type { JsonValue } from '../../payload/types';
import { writePayload } from '../../payload/write-payload';
import { diffValues } from '../../run/diff-values';
import { parameterBindings } from '../../compiler/run-parameters';
import { thrownMatchesExpectedError } from '../../run/test-expectations';
import { RunnerPool } from '../runner/runner-pool';
import { loadProjectFile } from '../cli/compile-command';
import { exportProject, type ExportKind } from './export-project';

const SAMPLES = join(import.meta.dirname, '..', '..', '..', 'samples');
const samples = readdirSync(SAMPLES, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const projectOf = (sample: string) => join(SAMPLES, sample, `${sample}.mapwright.json`);

const pool = new RunnerPool();
afterAll(() => pool.close());

describe.each(samples)('the .jsonata export of %s', (sample) => {
  const file = projectOf(sample);
  const { document } = loadDocument(readFileSync(file, 'utf8'), file);
  const exported = exportProject(file, 'jsonata', { generatedAt: '2026-01-01T00:00:00Z' }) as Promise<string>;
  const project = loadProjectFile(file);

  it('starts with a comment header naming the mapping and the date, and binds its lookup tables inline', async () => {
    const text = await exported;
    expect(text).toMatch(/^\/\*\n \* Mapping: /);
    expect(text).toContain(document.name);
    expect(text).toContain('2026-01-01T00:00:00Z');
    // A CSV lookup table is read at export time: its entries are in the text, not a reference to the file.
    for (const name of Object.keys(document.lookups)) expect(text).toMatch(new RegExp(`\\$table_${name} := \\{\\n\\s+"`));
  });

  it.each(document.tests.map((t) => [t.name, t]))('evaluated by the plain jsonata package: %s', async (_name, test) => {
    const dir = join(SAMPLES, sample);
    const input = readPayload(readFileSync(join(dir, test.input)), { file: test.input, format: document.source.format }).value;
    const run = jsonata(await exported).evaluate(input, parameterBindings(document.parameters ?? {}, test.params ?? {}));
    if (test.expectError !== undefined) {
      const thrown = await run.then(() => undefined, (e: unknown) => e);
      // The export puts a comment header before the expression: positions in it are shifted by the header's length.
      const { compiled } = await project;
      const shift = (await exported).indexOf(compiled.expression);
      const sourceMap = Object.fromEntries(Object.entries(compiled.sourceMap).map(([path, span]) => [path, { start: span.start + shift, end: span.end + shift }]));
      expect(shift).toBeGreaterThanOrEqual(0);
      expect(thrownMatchesExpectedError(test.expectError, thrown, { compiled: { expression: await exported, sourceMap }, document })).toBe(true);
      return;
    }
    // Compared as runTestCase does: through the target format's reader, so formatting does not count.
    const format = document.target.format;
    const actual = (await run) as JsonValue;
    const normalised = format === 'json' ? actual : readPayload(writePayload(actual, format), { format }).value;
    const expected = readPayload(readFileSync(join(dir, test.expected!)), { file: test.expected!, format }).value;
    expect(diffValues(expected, normalised)).toEqual([]);
  });
});

describe('exportProject', () => {
  const file = projectOf('crm-to-erp');

  it('exports the mapping document itself in its stable form', async () => {
    const text = (await exportProject(file, 'document')) as string;
    expect(loadDocument(text).document).toEqual(loadDocument(readFileSync(file, 'utf8')).document);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('renders every spec kind from one model: the same fields in each', async () => {
    const kinds: ExportKind[] = ['md', 'csv', 'html'];
    const [md, csv, html] = (await Promise.all(kinds.map((k) => exportProject(file, k, { runner: pool })))) as string[];
    for (const text of [md!, csv!, html!]) {
      expect(text).toContain('customerSince');
      expect(text).toContain('format date from dd.MM.yyyy to yyyy-MM-dd');
    }
    expect(md).toContain('| complete account |');
    expect(html).toMatch(/^<!DOCTYPE html>/);
  });

  it('says in the CSV, row by row, whether personal data flows into a target field and whether its values may be logged', async () => {
    const csv = (await exportProject(file, 'csv', { runTests: false })) as string;
    const rows = readPayload(csv, { format: 'csv' }).value as Array<Record<string, string>>;
    const row = (target: string) => rows.find((r) => r['Target field'] === target);
    // Judged on the sample: the contact values are emails and phone numbers, picked into `email` through a filter.
    expect(row('email')).toMatchObject({ 'Personal data': 'yes', 'Personal data from': 'contacts.value', 'Values may be logged': 'no' });
    expect(row('address.city')).toMatchObject({ 'Personal data': 'yes', 'Personal data from': 'billing.city', 'Values may be logged': 'no' });
    expect(row('customerNumber')).toMatchObject({ 'Personal data': 'no', 'Values may be logged': 'yes' });
  });

  it('can skip the test run, which the spec then shows as not run', async () => {
    const md = (await exportProject(file, 'md', { runTests: false })) as string;
    expect(md).toContain('Tests were not run for this spec.');
  });

  it('fails with a coded error for an unknown kind or a missing project', async () => {
    await expect(exportProject(file, 'pdf' as ExportKind)).rejects.toMatchObject({ code: 'USAGE' });
    const missing = exportProject(join(SAMPLES, 'nope.mapwright.json'), 'md');
    await expect(missing).rejects.toBeInstanceOf(MapwrightError);
    await expect(missing).rejects.toMatchObject({ code: 'FILE_READ' });
  });
});
