import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../mapping-engine/version';
import { createStudioBackend } from './studio-backend';

const repo = join(import.meta.dirname, '..', '..');
const corpus = join(repo, 'tests', 'fixtures', 'corpus');
const temps: string[] = [];

/** A samples folder in a temp dir; `files` maps relative paths to text or to a corpus file to copy. */
function samplesDir(files: Record<string, string | { corpus: string }>): string {
  const root = mkdtempSync(join(tmpdir(), 'mapwright-samples-'));
  temps.push(root);
  const dir = join(root, 'samples');
  mkdirSync(dir);
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    if (typeof content === 'string') writeFileSync(full, content);
    else copyFileSync(join(corpus, content.corpus), full);
  }
  return dir;
}

const backend = (dir: string) => createStudioBackend({ samplesDir: dir, appVersion: '9.9.9', platform: 'linux' });

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('getAppInfo', () => {
  it('reports the product, versions and platform', async () => {
    expect(await backend('/nonexistent').getAppInfo()).toEqual({
      ok: true,
      value: { name: 'Mapwright', version: '9.9.9', engineVersion: ENGINE_VERSION, platform: 'linux' },
    });
  });
});

describe('with the repository samples', () => {
  const api = backend(join(repo, 'samples'));

  it('lists crm-to-erp from its sample.json', async () => {
    const result = await api.listSamples();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const manifest = JSON.parse(readFileSync(join(repo, 'samples', 'crm-to-erp', 'sample.json'), 'utf8')) as Record<string, string>;
    expect(result.value).toContainEqual({
      id: 'crm-to-erp',
      name: manifest.name,
      description: manifest.description,
      sourceFormat: manifest.sourceFormat,
      targetFormat: manifest.targetFormat,
    });
  });

  it('previews the source file that sample.json names', async () => {
    const source = readFileSync(join(repo, 'samples', 'crm-to-erp', 'source', 'crm-account.json'), 'utf8');
    const result = await api.readSamplePreview('crm-to-erp');
    expect(result).toEqual({ ok: true, value: { id: 'crm-to-erp', sourceText: source.slice(0, 4096), truncated: source.length > 4096 } });
  });

  it('answers NOT_FOUND for an unknown sample', async () => {
    const result = await api.readSamplePreview('no-such-sample');
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('sample folders without sample.json', () => {
  it('uses the folder name and the file kinds of source/ and target/', async () => {
    const dir = samplesDir({
      'ubl-invoice/source/UBL-Invoice-2.1-Example-Trivial.xml': { corpus: 'xml/ubl-2.1/UBL-Invoice-2.1-Example-Trivial.xml' },
      'ubl-invoice/target/country-codes.csv': { corpus: 'csv/reference/country-codes.csv' },
      'empty-one/notes.txt': 'nothing here',
      '.hidden/source/a.json': '{}',
    });
    const result = await backend(dir).listSamples();
    expect(result).toEqual({
      ok: true,
      value: [
        { id: 'empty-one', name: 'empty-one', description: '', sourceFormat: 'unknown', targetFormat: 'unknown' },
        { id: 'ubl-invoice', name: 'ubl-invoice', description: '', sourceFormat: 'xml', targetFormat: 'csv' },
      ],
    });
    const preview = await backend(dir).readSamplePreview('ubl-invoice');
    expect(preview.ok && preview.value.sourceText).toContain('<Invoice');
    expect(await backend(dir).readSamplePreview('empty-one')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', file: 'samples/empty-one' } });
  });

  it('previews a large corpus payload as its first 4 KB', async () => {
    const dir = samplesDir({ 'stripe/source/fixtures3.json': { corpus: 'json/stripe/fixtures3.json' } });
    const result = await backend(dir).readSamplePreview('stripe');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.truncated).toBe(true);
    expect(readFileSync(join(corpus, 'json/stripe/fixtures3.json'), 'utf8').startsWith(result.value.sourceText)).toBe(true);
  });

  it('treats a missing samples folder as no samples', async () => {
    expect(await backend(join(tmpdir(), 'mapwright-no-such-dir')).listSamples()).toEqual({ ok: true, value: [] });
  });
});

describe('broken manifests are coded errors naming the file', () => {
  it('reports malformed JSON with line and column', async () => {
    const dir = samplesDir({ 'broken/sample.json': '{\n  "name": "x",\n  "description": oops\n}' });
    const result = await backend(dir).listSamples();
    expect(result).toMatchObject({ ok: false, error: { code: 'JSON_PARSE', file: 'samples/broken/sample.json', line: 3, column: 18 } });
  });

  it('reports a missing required field', async () => {
    const dir = samplesDir({ 'no-name/sample.json': JSON.stringify({ sourceFormat: 'json', targetFormat: 'json' }) });
    expect(await backend(dir).listSamples()).toMatchObject({ ok: false, error: { code: 'SAMPLE_INVALID', file: 'samples/no-name/sample.json' } });
  });

  it('refuses a source path that leaves the sample folder', async () => {
    const manifest = { name: 'Escape', sourceFormat: 'json', targetFormat: 'json', source: '../../../etc/passwd' };
    const dir = samplesDir({ 'escape/sample.json': JSON.stringify(manifest) });
    expect(await backend(dir).readSamplePreview('escape')).toMatchObject({ ok: false, error: { code: 'SAMPLE_INVALID' } });
  });

  it('refuses a manifest id that differs from the folder name', async () => {
    const manifest = { id: 'other', name: 'Mismatch', sourceFormat: 'json', targetFormat: 'json' };
    const dir = samplesDir({ 'mismatch/sample.json': JSON.stringify(manifest) });
    expect(await backend(dir).listSamples()).toMatchObject({ ok: false, error: { code: 'SAMPLE_INVALID', expected: '"id": "mismatch"' } });
  });
});
