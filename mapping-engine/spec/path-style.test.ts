import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { compileDocument } from '../compiler/compile-document';
import { mappingDocumentSchema } from '../document/document-schema';
import { buildWorkbook } from '../node/export/xlsx-export';
import { readCsv } from '../payload/csv-read';
import { readPayload } from '../payload/read-payload';
import { buildSpec } from './build-spec';
import { renderCsv } from './render-csv';
import { renderHtml } from './render-html';
import { markdownCode, renderMarkdown } from './render-markdown';

const SAMPLE = join(import.meta.dirname, '..', '..', 'samples', 'payments-csv-to-pain001');
const AMOUNT = 'Document.CstmrCdtTrfInitn.PmtInf.CdtTrfTxInf.Amt.InstdAmt.`#text`';
const IBAN = 'Document.CstmrCdtTrfInitn.PmtInf.CdtTrfTxInf.CdtrAcct.Id.IBAN';

/** The payments sample's spec: its tests (one failing at the amount of a transaction) and its source sample judged for masking. */
function paymentsSpec() {
  const document = mappingDocumentSchema.parse(JSON.parse(readFileSync(join(SAMPLE, 'payments-csv-to-pain001.mapwright.json'), 'utf8')));
  const tests = document.tests.map((t) => ({ name: t.name, outcome: 'passed' as const }));
  // The first case fails at the amount of the first group's second transaction, as the runner writes it.
  tests[0] = { name: document.tests[0]!.name, outcome: 'failure' as never, ...{ message: '1 difference(s)', details: 'Document.CstmrCdtTrfInitn.PmtInf[0].CdtTrfTxInf[1].Amt.InstdAmt.#text: expected "1", got "2"' } };
  const sample = readPayload(readFileSync(join(SAMPLE, 'source', 'payments.csv')), { file: 'payments.csv' }).value;
  return buildSpec({ document, compiled: compileDocument(document), tests, sourceSamples: [sample], generatedAt: '2026-01-01T00:00:00.000Z', engineVersion: '0' });
}

/** Cells of the Markdown tables by section heading (`## Fields`), header row first. */
function markdownTables(md: string): Map<string, string[][]> {
  const tables = new Map<string, string[][]>();
  let section = '';
  for (const line of md.split('\n')) {
    if (line.startsWith('## ')) section = line.slice(3);
    else if (line.startsWith('| ') && !line.startsWith('| ---')) {
      const cells = line.slice(2, -2).split(/(?<!\\) \| /);
      tables.set(section, [...(tables.get(section) ?? []), cells]);
    }
  }
  return tables;
}

/** The cells of column `name` in a table (header row first). */
const column = (rows: string[][], name: string): string[] => rows.slice(1).map((r) => r[rows[0]!.indexOf(name)] ?? '');

/** Path spans of HTML text: `<code class="path">` contents without the line-break hints, unescaped. */
function htmlPaths(html: string): string[] {
  return [...html.matchAll(/<code class="path">(.*?)<\/code>/g)].map((m) => m[1]!.replace(/<wbr>/g, '').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
}

/** One HTML table's rows by id, as cell markup. */
function htmlTable(html: string, id: string): string[][] {
  const table = new RegExp(`<table id="${id}">([\\s\\S]*?)</table>`).exec(html)?.[1] ?? '';
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!));
}

function sheetColumn(workbook: ExcelJS.Workbook, sheet: string, name: string): string[] {
  const ws = workbook.getWorksheet(sheet)!;
  const header = (ws.getRow(1).values as unknown[]).map(String);
  const values: string[] = [];
  ws.eachRow((row, n) => {
    if (n > 1) values.push(row.getCell(header.indexOf(name)).text);
  });
  return values;
}

describe('the spec writes a field path one way in every table of every format', () => {
  const spec = paymentsSpec();

  it('Markdown: a target field in Fields, Tests (Expects and Details) and Personal data, a source field in Fields and Masking, each the same code span', () => {
    const tables = markdownTables(renderMarkdown(spec));
    const amount = markdownCode(AMOUNT);
    expect(column(tables.get('Fields')!, 'Target field')).toContain(amount);
    const tests = tables.get('Tests')!;
    expect(column(tests, 'Expects')).toContain(`the error RECORD\\_REJECTED at ${amount}`);
    expect(column(tests, 'Expects')).toContain(`the error RECORD\\_REJECTED at ${markdownCode(IBAN)}`);
    expect(column(tests, 'Details')).toContain(`1 difference(s) from tests/four-payments.expected.xml; differs at ${amount}`);
    const masking = tables.get('Masking')!;
    // The Masking section holds two tables; the second begins at its own header row.
    const split = masking.findIndex((r) => r[0] === 'Target field');
    expect(column(masking.slice(0, split), 'Source field')).toEqual(expect.arrayContaining(['`Lieferant`', '`IBAN`']));
    expect(column(masking.slice(split), 'Target field')).toContain(amount);
    expect(column(masking.slice(split), 'From')).toContain('`Lieferant`');
    expect(column(tables.get('Fields')!, 'Source fields')).toContain('`Lieferant`');
    // No table writes array marks or an unquoted #text outside the JSONata code.
    for (const [section, rows] of tables) {
      const jsonata = rows[0]!.indexOf('JSONata');
      for (const row of rows) row.forEach((cell, i) => i !== jsonata && expect(cell, section).not.toMatch(/\\\[\\\]|\[\]|\.#text|\.\\#text/));
    }
  });

  it('HTML: every path is a path code span with the same text as in Markdown', () => {
    const html = renderHtml(spec);
    for (const id of ['fields', 'tests', 'personal-targets']) expect(htmlPaths(htmlTable(html, id).flat().join('\n')), id).toContain(AMOUNT);
    expect(htmlPaths(htmlTable(html, 'masking').flat().join('\n'))).toEqual(expect.arrayContaining(['Lieferant', 'IBAN']));
    expect(htmlPaths(htmlTable(html, 'arrays').flat().join('\n'))).toContain('Document.CstmrCdtTrfInitn.PmtInf');
    expect(html.replace(/<td class="jsonata">[\s\S]*?<\/td>/g, '')).not.toMatch(/\[\]|\.#text/);
  });

  it('CSV and XLSX: the same text as plain cells', () => {
    const rows = readCsv(renderCsv(spec)).value as Array<Record<string, string>>;
    expect(rows.map((r) => r['Target field'])).toContain(AMOUNT);
    expect(rows.find((r) => r['Target field'] === 'Document.CstmrCdtTrfInitn.PmtInf.CdtTrfTxInf.Cdtr.Nm')?.['Personal data from']).toBe('Lieferant');
    const workbook = buildWorkbook(spec);
    expect(sheetColumn(workbook, 'Fields', 'Target field')).toContain(AMOUNT);
    expect(sheetColumn(workbook, 'Tests', 'Expects')).toContain(`the error RECORD_REJECTED at ${AMOUNT}`);
    expect(sheetColumn(workbook, 'Tests', 'Details')).toContain(`1 difference(s) from tests/four-payments.expected.xml; differs at ${AMOUNT}`);
    expect(sheetColumn(workbook, 'Masking', 'Source field')).toEqual(expect.arrayContaining(['Lieferant', 'IBAN']));
    expect(sheetColumn(workbook, 'Personal data', 'Target field')).toContain(AMOUNT);
    expect(sheetColumn(workbook, 'Personal data', 'From')).toContain('Lieferant');
  });
});
