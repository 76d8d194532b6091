import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { compileProject } from './compile-project';

const DIR = join(import.meta.dirname, '..', '..', 'samples', 'crm-to-erp');
const FILE = join(DIR, 'crm-to-erp.mapwright.json');
const fsResolver = { read: async (location: string) => readFileSync(location) };

describe('compileProject', () => {
  it('reads CSV lookup tables through the resolver and compiles', async () => {
    const reads: string[] = [];
    const project = await compileProject(readFileSync(FILE, 'utf8'), FILE, { read: async (l) => (reads.push(l), fsResolver.read(l)) });
    expect(reads).toEqual([join(DIR, 'lookups', 'countries.csv')]);
    expect(project.tables.countries?.GB).toBe('United Kingdom');
    const input = JSON.parse(readFileSync(join(DIR, 'source', 'crm-account.json'), 'utf8'));
    expect(await jsonata(project.compiled.expression).evaluate(input)).toMatchObject({ address: { country: 'Germany' } });
  });

  it('reports an unreadable table as FILE_READ naming the file, and a missing column as LOOKUP_COLUMN_MISSING', async () => {
    const text = readFileSync(FILE, 'utf8');
    await expect(compileProject(text, FILE, { read: async () => Promise.reject(new Error('ENOENT')) })).rejects.toMatchObject({ code: 'FILE_READ', file: join(DIR, 'lookups', 'countries.csv') });
    await expect(compileProject(text, FILE, { read: async () => 'iso;label\nDE;Germany\n' })).rejects.toMatchObject({ code: 'LOOKUP_COLUMN_MISSING', line: 1, file: join(DIR, 'lookups', 'countries.csv') });
  });
});
