import { cpSync, existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../mapping-engine/document/load-document';
import { invokeStudioMethod } from '../contract/invoke-studio-method';
import type { ExportedSpec, ExportKindName } from '../contract/methods/export-methods';
import { useBackendFixtures, value } from '../../tests/helpers/backend-fixture';

const fixture = useBackendFixtures();

/** The coded error's code of a failed result. */
function codeOf(result: { ok: true } | { ok: false; error: { code: string } }): string | undefined {
  return result.ok ? undefined : result.error.code;
}

async function readWorkbook(base64: string): Promise<ExcelJS.Workbook> {
  const bytes = Buffer.from(base64, 'base64');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}

/** Every text cell of a sheet. */
function cellTexts(sheet: ExcelJS.Worksheet): string[] {
  const texts: string[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => texts.push(cell.text)));
  return texts;
}

describe('exportSpec', () => {
  it('exports every kind of the saved project, each with its file name, media type and encoding', async () => {
    const { api, project, projectText } = fixture();
    const kinds: ExportKindName[] = ['xlsx', 'csv', 'md', 'html', 'jsonata', 'document'];
    const results = new Map<ExportKindName, ExportedSpec>();
    for (const kind of kinds) results.set(kind, value(await api.exportSpec({ projectPath: project, kind })));

    expect([...results.values()].map((r) => [r.fileName, r.encoding])).toEqual([
      ['crm-to-erp-spec.xlsx', 'base64'],
      ['crm-to-erp-spec.csv', 'utf8'],
      ['crm-to-erp-spec.md', 'utf8'],
      ['crm-to-erp-spec.html', 'utf8'],
      ['crm-to-erp.jsonata', 'utf8'],
      ['crm-to-erp.mapwright.json', 'utf8'],
    ]);
    expect(results.get('xlsx')!.mediaType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(results.get('html')!.mediaType).toMatch(/^text\/html/);

    const workbook = await readWorkbook(results.get('xlsx')!.content);
    expect(workbook.worksheets.map((s) => s.name)).toContain('Fields');
    expect(cellTexts(workbook.getWorksheet('Fields')!)).toContain('customerNumber');
    // The tests ran in the backend's runner: the Tests sheet shows their outcomes.
    expect(cellTexts(workbook.getWorksheet('Tests')!)).toContain('passed');

    expect(results.get('md')!.content).toContain('customerNumber');
    expect(results.get('md')!.content).toContain('| complete account |');
    expect(results.get('csv')!.content.split('\n')[0]).toMatch(/Target/);
    expect(results.get('html')!.content).toMatch(/^<!DOCTYPE html>/);
    expect(results.get('jsonata')!.content).toContain('"customerNumber": $required(');
    expect(loadDocument(results.get('document')!.content).document).toEqual(loadDocument(projectText).document);
  });

  it('exports the unsaved text, not the file on disk', async () => {
    const { api, project, projectText } = fixture();
    const doc = JSON.parse(projectText) as { name: string; rules: Array<{ target: string; sources?: string[] }> };
    doc.name = 'Unsaved CRM mapping';
    doc.rules.push({ target: 'accountManager', sources: ['owner'] });
    const text = JSON.stringify(doc);

    const md = value(await api.exportSpec({ projectPath: project, kind: 'md', text, runTests: false })).content;
    expect(md).toContain('Unsaved CRM mapping');
    expect(md).toContain('accountManager');
    const saved = value(await api.exportSpec({ projectPath: project, kind: 'md', runTests: false })).content;
    expect(saved).not.toContain('accountManager');
    expect(readFileSync(project, 'utf8')).toBe(projectText);
  });

  it('can skip the test run', async () => {
    const { api, project } = fixture();
    const md = value(await api.exportSpec({ projectPath: project, kind: 'md', runTests: false })).content;
    expect(md).toContain('Tests were not run for this spec.');
  });

  it('refuses a project the studio did not open, and files the document reaches outside its folder', async () => {
    const { api, access, project, projectText, outside } = fixture();
    // The same project, copied outside every trusted root.
    cpSync(join(project, '..'), join(outside, 'copy'), { recursive: true });
    const stray = join(outside, 'copy', 'crm-to-erp.mapwright.json');
    expect(codeOf(await api.exportSpec({ projectPath: stray, kind: 'md' }))).toBe('ACCESS_DENIED');

    // A lookup table outside the project folder, reached from unsaved text.
    writeFileSync(join(outside, 'secret.csv'), 'code,name\nDE,Germany\n');
    const doc = JSON.parse(projectText) as { lookups: Record<string, { file: string }> };
    doc.lookups.countries!.file = '../../../downloads/secret.csv';
    const denied = await api.exportSpec({ projectPath: project, kind: 'csv', text: JSON.stringify(doc) });
    expect(codeOf(denied)).toBe('ACCESS_DENIED');
    // The same document saved on disk and exported without text reads its tables through the same check.
    writeFileSync(project, JSON.stringify(doc));
    expect(codeOf(await api.exportSpec({ projectPath: project, kind: 'csv', runTests: false }))).toBe('ACCESS_DENIED');

    // Once the user granted the project, it exports.
    await access.grantProject(stray);
    expect(value(await api.exportSpec({ projectPath: stray, kind: 'md', runTests: false })).content).toContain('customerNumber');
  });

  it('does not run a test case whose files lie outside the project: the spec shows it as an error', async () => {
    const { api, project, projectText, outside } = fixture();
    writeFileSync(join(outside, 'input.json'), readFileSync(join(project, '..', 'source', 'crm-account.json')));
    const doc = JSON.parse(projectText) as { tests: Array<{ input: string }> };
    doc.tests[0]!.input = '../../downloads/input.json';
    const md = value(await api.exportSpec({ projectPath: project, kind: 'md', text: JSON.stringify(doc) })).content;
    const row = md.split('\n').find((line) => line.startsWith('| complete account |'));
    // Markdown escapes the underscore.
    expect(row).toMatch(/\*\*error\*\* \| the case could not run \(ACCESS\\_DENIED\)/);
    // The other cases still ran.
    expect(md.split('\n').find((line) => line.startsWith('| unknown status code becomes PROSPECT |'))).toContain('**passed**');
  });

  it('refuses an export larger than 20 MB with a coded error', async () => {
    const { api, project, projectText } = fixture();
    const doc = JSON.parse(projectText) as { description: string };
    doc.description = 'x'.repeat(20_000_001);
    const result = await api.exportSpec({ projectPath: project, kind: 'document', text: JSON.stringify(doc) });
    expect(codeOf(result)).toBe('LIMIT_EXCEEDED');
  });

  it('validates its arguments through the contract', async () => {
    const { api } = fixture();
    const result = await invokeStudioMethod(api, 'exportSpec', [{ projectPath: '/tmp/x.mapwright.json', kind: 'pdf' }]);
    expect(codeOf(result)).toBe('USAGE');
  });
});

describe('exportSpecToFile', () => {
  it('writes into the project folder atomically', async () => {
    const { api, project } = fixture();
    const outPath = join(project, '..', 'crm-to-erp-spec.md');
    const written = value(await api.exportSpecToFile({ projectPath: project, kind: 'md', runTests: false, outPath }));
    expect(written.bytes).toBeGreaterThan(100);
    expect(readFileSync(outPath, 'utf8')).toContain('customerNumber');
    expect(readFileSync(outPath).byteLength).toBe(written.bytes);
  });

  it('writes a workbook as bytes', async () => {
    const { api, project } = fixture();
    const outPath = join(project, '..', 'spec.xlsx');
    value(await api.exportSpecToFile({ projectPath: project, kind: 'xlsx', runTests: false, outPath }));
    const workbook = await readWorkbook(readFileSync(outPath).toString('base64'));
    expect(workbook.getWorksheet('Fields')).toBeDefined();
  });

  it('refuses a folder outside the project unless the host granted the path', async () => {
    const { api, access, project, outside } = fixture();
    const outPath = join(outside, 'spec.md');
    const refused = await api.exportSpecToFile({ projectPath: project, kind: 'md', runTests: false, outPath });
    expect(codeOf(refused)).toBe('ACCESS_DENIED');
    expect(existsSync(outPath)).toBe(false);

    // The user chose the path in a save dialog; the host granted it for writing.
    await access.grantFile(outPath, { write: true, anyName: true });
    value(await api.exportSpecToFile({ projectPath: project, kind: 'md', runTests: false, outPath }));
    expect(readFileSync(outPath, 'utf8')).toContain('customerNumber');
  });

  it('refuses a link out of the project folder, the project file itself and a relative path', async () => {
    const { api, project, projectText, outside } = fixture();
    const link = join(project, '..', 'out');
    symlinkSync(outside, link);
    const viaLink = await api.exportSpecToFile({ projectPath: project, kind: 'md', runTests: false, outPath: join(link, 'spec.md') });
    expect(codeOf(viaLink)).toBe('ACCESS_DENIED');
    expect(existsSync(join(outside, 'spec.md'))).toBe(false);

    const overProject = await api.exportSpecToFile({ projectPath: project, kind: 'document', outPath: project });
    expect(codeOf(overProject)).toBe('ACCESS_DENIED');
    expect(readFileSync(project, 'utf8')).toBe(projectText);

    expect(codeOf(await api.exportSpecToFile({ projectPath: project, kind: 'md', outPath: 'spec.md' }))).toBe('USAGE');
  });
});
