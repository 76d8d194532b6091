import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { compileProject } from '../../compiler/compile-project';
import { createFsResolver } from '../fs-resolver';
import { runCli } from '../../../tests/helpers/run-cli';

const SAMPLE = join(import.meta.dirname, '..', '..', '..', 'samples', 'crm-to-erp', 'crm-to-erp.mapwright.json');

describe('mapwright compile', () => {
  it('prints the expression the compiler generates, with the CSV lookup table read from disk', async () => {
    const { code, out, err } = await runCli('compile', SAMPLE);
    expect(err).toBe('');
    expect(code).toBe(0);
    const project = await compileProject(readFileSync(SAMPLE, 'utf8'), SAMPLE, createFsResolver());
    expect(out.trimEnd()).toBe(project.compiled.expression.trimEnd());
    // The lookup table from lookups/countries.csv is bound in the text, and the text is valid JSONata.
    expect(out).toContain('"DE": "Germany"');
    expect(() => jsonata(out)).not.toThrow();
  });

  it('fails with FILE_READ and exit 2 for a missing file', async () => {
    const { code, out, err } = await runCli('compile', join(tmpdir(), 'no-such-project.mapwright.json'));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^FILE_READ .*no-such-project\.mapwright\.json: /);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('fails with DOC_INVALID and exit 2 for a document that does not validate', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mapwright-compile-')), 'bad.mapwright.json');
    writeFileSync(file, JSON.stringify({ formatVersion: 1, source: { format: 'json' } }));
    const { code, err } = await runCli('compile', file);
    expect(code).toBe(2);
    expect(err).toMatch(/^DOC_INVALID /);
  });
});
