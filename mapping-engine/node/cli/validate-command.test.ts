/**
 * `mapwright validate` on every sample project (all fine) and on broken
 * copies: a missing referenced file, a broken schema, an invalid document.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../tests/helpers/run-cli';
import { SAMPLES_DIR, sampleProjects } from '../../../tests/helpers/sample-projects';

const projects = sampleProjects();

/** A copy of a sample project in a temp folder; returns the copied project file. */
function copyOf(name: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'mapwright-validate-')), name);
  cpSync(join(SAMPLES_DIR, name), dir, { recursive: true });
  return join(dir, `${name}.mapwright.json`);
}

describe('mapwright validate', () => {
  it.each(projects.map((p) => [p.slice(SAMPLES_DIR.length + 1), p]))('finds nothing wrong with %s', async (_name, file) => {
    expect(await runCli('validate', file)).toEqual({ code: 0, out: `ok ${file}\n`, err: '' });
  });

  it('takes several projects at once', async () => {
    const { code, out } = await runCli('validate', ...projects);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(projects.length);
  });

  it('reports a missing lookup CSV and a missing test file, one coded line each, exit 1', async () => {
    const file = copyOf('crm-to-erp');
    rmSync(join(file, '..', 'lookups', 'countries.csv'));
    rmSync(join(file, '..', 'tests', 'missing-name.input.json'));
    const { code, out, err } = await runCli('validate', file);
    expect(code).toBe(1);
    expect(out).toBe('');
    const lines = err.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^(NOT_FOUND|FILE_READ) \S*missing-name\.input\.json/);
    expect(lines[1]).toMatch(/^(NOT_FOUND|FILE_READ) \S*countries\.csv/);
  });

  it('reports a source or target path the sides do not have, at its line and column, with a suggestion', async () => {
    const file = copyOf('web-order-to-erp');
    const text = readFileSync(file, 'utf8').replace('"target": "shipTo.city"', '"target": "shipTo.cty"').replace('"sources": ["order.shipping_address.zip"]', '"sources": ["order.shiping_address.zipp"]');
    writeFileSync(file, text);
    const { code, err } = await runCli('validate', file);
    expect(code).toBe(1);
    const lines = err.trim().split('\n');
    expect(lines).toHaveLength(2);
    const at = (needle: string) => {
      const offset = text.indexOf(needle);
      const before = text.slice(0, offset).split('\n');
      return `${before.length}:${before.at(-1)!.length + 1}`;
    };
    expect(lines[0]).toMatch(new RegExp(`^MAP_UNKNOWN_SOURCE \\S*web-order-to-erp\\.mapwright\\.json:${at('"order.shiping_address.zipp"')}: .*did you mean order\\.shipping_address\\.zip\\?`));
    expect(lines[1]).toMatch(new RegExp(`^MAP_UNKNOWN_TARGET \\S*web-order-to-erp\\.mapwright\\.json:${at('"shipTo.cty"')}: .*did you mean shipTo\\.city\\?`));
  });

  it('reports a target schema that does not parse', async () => {
    const file = copyOf('po-xml-to-json');
    writeFileSync(join(file, '..', 'target', 'order.schema.json'), '{"type": "object", "properties": {"a": {"$ref": "#/nowhere"}}}');
    const { code, err } = await runCli('validate', file);
    expect(code).toBe(1);
    expect(err).toMatch(/^SCHEMA_REF \S*order\.schema\.json/);
  });

  it('reports a sample that is not in the declared format', async () => {
    const file = copyOf('invoice-csv-to-xml');
    writeFileSync(join(file, '..', 'target', 'invoice.sample.xml'), '<Invoice><ID>1</Invoice>');
    const { code, err } = await runCli('validate', file);
    expect(code).toBe(1);
    expect(err).toMatch(/^XML_PARSE \S*invoice\.sample\.xml/);
  });

  it('reports an invalid document as a problem (exit 1) and an unreadable one as bad input (exit 2)', async () => {
    const file = copyOf('shipment-to-csv');
    const doc = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...doc, formatVersion: 1, name: '' }));
    const invalid = await runCli('validate', file);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toMatch(/^DOC_INVALID /);
    const missing = await runCli('validate', join(file, '..', 'gone.mapwright.json'), projects[0]!);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^(NOT_FOUND|FILE_READ) \S*gone\.mapwright\.json/);
    expect(missing.out).toBe(`ok ${projects[0]}\n`);
  });
});
