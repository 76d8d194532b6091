/**
 * The renderer's compile: CSV lookup tables read page by page through the
 * payload preview, then the engine's compiler here gives exactly the
 * expression the backend's compile gives.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileProject } from '../../../mapping-engine/compiler/compile-project';
import { loadDocument } from '../../../mapping-engine/document/load-document';
import { createFsResolver } from '../../../mapping-engine/node/fs-resolver';
import type { PayloadPreview } from '../../../electron/contract/methods/engine-methods';
import type { StudioResult } from '../../../electron/contract/studio-api';
import { compileInRenderer } from './compile-in-renderer';
import { csvTablesOf, loadCsvTable, readCsvRows } from './csv-lookups';

const sample = join(import.meta.dirname, '..', '..', '..', 'samples', 'crm-to-erp', 'crm-to-erp.mapwright.json');

/** A payload preview over `rows`, `pageSize` at a time, counting the pages asked for. */
function fakePreview(rows: Array<Record<string, string>>, options: { truncate?: number } = {}) {
  const pages: number[] = [];
  const api = {
    readPayloadPreview: async (request: { page?: number; pageSize?: number }): Promise<StudioResult<PayloadPreview>> => {
      const page = request.page ?? 0;
      const size = request.pageSize ?? 20;
      pages.push(page);
      const slice = rows.slice(page * size, (page + 1) * size);
      return {
        ok: true,
        value: {
          format: 'csv',
          page,
          pageSize: size,
          records: slice.map((row, i) => ({ index: page * size + i, text: JSON.stringify(row), truncated: page * size + i === options.truncate })),
          total: rows.length,
          totalExact: true,
          truncated: (page + 1) * size < rows.length,
        },
      };
    },
  };
  return { api, pages };
}

describe('compile in the renderer', () => {
  it('gives the backend compile expression for the CRM sample, its CSV table read through the preview', async () => {
    const text = readFileSync(sample, 'utf8');
    const backend = await compileProject(text, sample, createFsResolver());
    const doc = loadDocument(text).document;
    const [ref] = csvTablesOf(doc);
    expect(ref).toMatchObject({ name: 'countries', table: { keyColumn: 'code', valueColumn: 'name' } });
    const rows = Object.entries(backend.tables.countries as Record<string, string>).map(([code, name]) => ({ code, name }));
    const entries = await loadCsvTable(fakePreview(rows).api, sample, ref!);
    expect(entries.ok).toBe(true);
    const local = compileInRenderer(doc, { countries: entries.ok ? entries.value : {} }, false);
    expect(local.ok && local.value.expression).toBe(backend.compiled.expression);
    expect(local.ok && local.value.sourceMap).toEqual(backend.compiled.sourceMap);
  });

  it('reads a table over several pages and refuses a cut row or a table past the page limit', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => ({ k: `K${i}`, v: `V${i}` }));
    const { api, pages } = fakePreview(rows);
    const read = await readCsvRows(api, '/p/x.mapwright.json', 't.csv');
    expect(read.ok && read.value).toHaveLength(1200);
    expect(pages).toEqual([0, 1, 2]);
    const cut = await readCsvRows(fakePreview(rows, { truncate: 700 }).api, '/p/x.mapwright.json', 't.csv');
    expect(!cut.ok && cut.error.code).toBe('LIMIT_EXCEEDED');
    const tooMany = await readCsvRows(fakePreview(rows).api, '/p/x.mapwright.json', 't.csv', 2);
    expect(!tooMany.ok && tooMany.error.code).toBe('LIMIT_EXCEEDED');
  });

  it('names a missing column and a table the compiler was not given, by code', async () => {
    const doc = loadDocument(readFileSync(sample, 'utf8')).document;
    const wrong = await loadCsvTable(fakePreview([{ code: 'DE', label: 'Germany' }]).api, sample, { name: 'countries', table: { file: 'lookups/countries.csv', keyColumn: 'code', valueColumn: 'name' } });
    expect(!wrong.ok && wrong.error.code).toBe('LOOKUP_COLUMN_MISSING');
    const missing = compileInRenderer(doc, {}, false);
    expect(!missing.ok && missing.error.code).toBe('COMPILE_INVALID');
  });
});
