import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSpec } from '../../spec/build-spec';
import { compileDocument } from '../../compiler/compile-document';
import { mappingDocumentSchema } from '../../document/document-schema';
import { RunnerPool } from '../runner/runner-pool';
import { exportProject, loadProjectSpec } from './export-project';
import { renderXlsx, safeCellText, XLSX_SHEETS } from './xlsx-export';

const SAMPLES = join(import.meta.dirname, '..', '..', '..', 'samples');
const samples = readdirSync(SAMPLES, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

const pool = new RunnerPool();
afterAll(() => pool.close());

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}

/** Rows of a sheet as header -> text records. */
function records(sheet: ExcelJS.Worksheet): Array<Record<string, string>> {
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Array<Record<string, string>> = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).text])));
  });
  return rows;
}

describe.each(samples)('the XLSX spec of %s, read back with exceljs', (sample) => {
  const file = join(SAMPLES, sample, `${sample}.mapwright.json`);
  const loaded = (async () => {
    const { project, spec } = await loadProjectSpec(file, { runner: pool, generatedAt: '2026-01-01T00:00:00.000Z' });
    return { project, spec, workbook: await readBack(await renderXlsx(spec)) };
  })();

  it('has its sheets, each with a bold frozen header row and a filter', async () => {
    const { workbook } = await loaded;
    expect(workbook.worksheets.map((s) => s.name)).toEqual([...XLSX_SHEETS]);
    for (const sheet of workbook.worksheets) {
      expect(sheet.getRow(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
    }
  });

  it('lists every target field with its sources and transform words', async () => {
    const { project, spec, workbook } = await loaded;
    const rows = records(workbook.getWorksheet('Fields')!);
    expect(rows.map((r) => r['Target field'])).toEqual(project.document.rules.map((r) => r.target));
    project.document.rules.forEach((rule, i) => {
      // A rule without sources (a constant) has an empty cell.
      expect(rows[i]!['Source fields']!.split('\n').filter(Boolean)).toEqual(rule.sources);
      expect(rows[i]!.Transform).toBe(spec.fields[i]!.transform);
    });
    // Every sample converts a date somewhere; the sheet says so in words, not JSONata.
    expect(rows.some((r) => r.Transform!.includes('format date from '))).toBe(true);
  });

  it('lists the test cases with their outcome', async () => {
    const { project, workbook } = await loaded;
    const rows = records(workbook.getWorksheet('Tests')!);
    expect(rows.map((r) => r['Test case'])).toEqual(project.document.tests.map((t) => t.name));
    expect(rows.every((r) => ['passed', 'failed', 'error'].includes(r.Outcome!))).toBe(true);
  });
});

describe('XLSX details', () => {
  it('writes lookup tables in full and the project header', async () => {
    const workbook = await readBack((await exportProject(join(SAMPLES, 'crm-to-erp', 'crm-to-erp.mapwright.json'), 'xlsx', { runner: pool })) as Uint8Array);
    const lookups = records(workbook.getWorksheet('Lookups')!);
    expect(lookups).toContainEqual({ Table: 'countries', Origin: 'lookups/countries.csv (code -> name)', Key: 'DE', Value: 'Germany', 'Used by': 'address.country' });
    const overview = records(workbook.getWorksheet('Overview')!);
    expect(overview[0]).toEqual({ Item: 'Mapping', Value: 'CRM account to ERP customer' });
  });

  it('has a personal-data sheet: every mapped target field, whether personal data flows into it, whether its values may be logged', async () => {
    const workbook = await readBack((await exportProject(join(SAMPLES, 'crm-to-erp', 'crm-to-erp.mapwright.json'), 'xlsx', { runTests: false })) as Uint8Array);
    const rows = records(workbook.getWorksheet('Personal data')!);
    expect(rows.map((r) => r['Target field'])).toContain('contacts.customerNumber');
    expect(rows.find((r) => r['Target field'] === 'firstName')).toEqual({ 'Target field': 'firstName', 'Personal data': 'yes', From: 'fullName', 'Values may be logged': 'no' });
    expect(rows.find((r) => r['Target field'] === 'status')).toEqual({ 'Target field': 'status', 'Personal data': 'no', From: '', 'Values may be logged': 'yes' });
    expect(records(workbook.getWorksheet('Masking')!).map((r) => r['Source field'])).toContain('contacts.value');
  });

  it('writes formula-like text as text with a leading apostrophe, never as a formula', async () => {
    expect(safeCellText('=1+2')).toBe("'=1+2");
    expect(safeCellText('-12.5')).toBe('-12.5');
    expect(safeCellText('@SUM(A1)')).toBe("'@SUM(A1)");
    const document = mappingDocumentSchema.parse({
      formatVersion: 1,
      name: '=cmd|"/c calc"!A1',
      source: { format: 'json' },
      target: { format: 'json' },
      rules: [{ target: 'a', sources: ['b'], notes: '+SUM(1,2)' }],
    });
    const spec = buildSpec({ document, compiled: compileDocument(document), generatedAt: '2026-01-01T00:00:00Z', engineVersion: '1' });
    const workbook = await readBack(await renderXlsx(spec));
    const note = workbook.getWorksheet('Fields')!.getRow(2).getCell(11);
    expect(note.value).toBe("'+SUM(1,2)");
    expect(note.formula).toBeUndefined();
    expect(workbook.getWorksheet('Overview')!.getRow(2).getCell(2).value).toBe('\'=cmd|"/c calc"!A1');
  });
});
