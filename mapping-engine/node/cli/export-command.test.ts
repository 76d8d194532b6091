import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../tests/helpers/run-cli';

const SAMPLE = join(import.meta.dirname, '..', '..', '..', 'samples', 'crm-to-erp', 'crm-to-erp.mapwright.json');

describe('mapwright export', () => {
  it('prints a Markdown spec with the test results on stdout', async () => {
    const { code, out, err } = await runCli('export', SAMPLE, '--spec', 'md');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^# Mapping spec: CRM account to ERP customer\n/);
    expect(out).toContain('| complete account | `source/crm-account.json` | output tests/complete-account.expected.json | **passed** |');
  });

  it("marks the web order's free-text note as personal data in the Markdown and CSV specs, without showing it", async () => {
    const webOrder = join(import.meta.dirname, '..', '..', '..', 'samples', 'web-order-to-erp', 'web-order-to-erp.mapwright.json');
    const md = await runCli('export', webOrder, '--spec', 'md', '--no-tests');
    expect(md.code).toBe(0);
    // The source note is masked as free text (a name and a phone number in the sample), the target that copies it carries personal data.
    expect(md.out).toMatch(/^\| `order\.note` \| freeText \| yes \| .*phone.* \|$/m);
    expect(md.out).toContain('| `deliveryNote` | yes | `order.note` | no |');
    expect(md.out).toContain('| `carrier` | no |  | yes |');
    expect(md.out).not.toMatch(/Anna|Weber|5550 1234/);
    const csv = await runCli('export', webOrder, '--spec', 'csv', '--no-tests');
    expect(csv.code).toBe(0);
    const row = csv.out.split('\n').find((line) => line.startsWith('deliveryNote,'));
    // Personal data, from order.note, values may not be logged.
    expect(row).toMatch(/,yes,order\.note,no,/);
    expect(csv.out).not.toMatch(/Anna|Weber|5550 1234/);
  });

  it('prints the .jsonata expression, which the plain jsonata package parses', async () => {
    const { code, out } = await runCli('export', SAMPLE, '--spec', 'jsonata', '--no-tests');
    expect(code).toBe(0);
    expect(out).toContain('"DE": "Germany"');
    expect(() => jsonata(out)).not.toThrow();
  });

  it('writes an XLSX file atomically with --out', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'mapwright-export-')), 'spec.xlsx');
    const result = await runCli('export', SAMPLE, '--spec', 'xlsx', '--out', out);
    expect(result.code).toBe(0);
    expect(result.out).toBe('');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out).buffer as ArrayBuffer);
    expect(workbook.getWorksheet('Fields')!.getRow(2).getCell(1).text).toBe('customerNumber');
  });

  it('writes the document and CSV kinds to files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mapwright-export-'));
    expect((await runCli('export', SAMPLE, '--spec', 'document', '--out', join(dir, 'doc.json'))).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'doc.json'), 'utf8')).name).toBe('CRM account to ERP customer');
    expect((await runCli('export', SAMPLE, '--spec', 'csv', '--out', join(dir, 'spec.csv'), '--no-tests')).code).toBe(0);
    expect(readFileSync(join(dir, 'spec.csv'), 'utf8')).toMatch(/^Target field,Status,Type,/);
  });

  it.each([
    ['no --spec', ['export', SAMPLE], /^USAGE[ :]/],
    ['an unknown kind', ['export', SAMPLE, '--spec', 'pdf'], /^USAGE[ :]/],
    ['xlsx without --out', ['export', SAMPLE, '--spec', 'xlsx'], /^USAGE[ :]/],
    ['a missing project', ['export', join(tmpdir(), 'no-such.mapwright.json'), '--spec', 'md'], /^FILE_READ /],
  ])('exits 2 with one coded line for %s', async (_what, argv, pattern) => {
    const { code, out, err } = await runCli(...(argv as string[]));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(pattern);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('does not leave a file behind when the export fails', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'mapwright-export-')), 'spec.md');
    expect((await runCli('export', join(tmpdir(), 'no-such.mapwright.json'), '--spec', 'md', '--out', out)).code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
