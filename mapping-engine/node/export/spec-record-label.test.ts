/**
 * The spec says how errors name a record: the document's and each array's
 * `recordKey` under its `recordLabel`, in every format (Markdown, HTML, CSV,
 * XLSX), next to the array contexts and each field.
 */
import { describe, expect, it } from 'vitest';
import { compileDocument } from '../../compiler/compile-document';
import { mappingDocumentSchema } from '../../document/document-schema';
import { readCsv } from '../../payload/csv-read';
import { buildSpec } from '../../spec/build-spec';
import { renderCsv } from '../../spec/render-csv';
import { renderHtml } from '../../spec/render-html';
import { renderMarkdown } from '../../spec/render-markdown';
import { buildWorkbook } from './xlsx-export';

const document = mappingDocumentSchema.parse({
  formatVersion: 1,
  name: 'Payments',
  source: { format: 'json' },
  target: { format: 'json' },
  recordKey: 'batch',
  recordLabel: 'Batch',
  arrays: [
    { target: 'payments', source: 'rows', recordKey: '`Zahlungs-Nr`', recordLabel: 'Payment-No' },
    { target: 'contacts', source: 'people', recordKey: 'email' },
  ],
  rules: [
    { target: 'id', sources: ['batch'], required: 'error' },
    { target: 'payments.amount', sources: ['Betrag'], required: 'error' },
    { target: 'contacts.mail', sources: ['email'] },
  ],
});
const spec = buildSpec({ document, compiled: compileDocument(document), generatedAt: '2026-01-01T00:00:00.000Z', engineVersion: '1' });
const PAYMENT = 'payments item N: Payment-No "…" (field "Zahlungs-Nr")';

describe('the spec names records as errors do', () => {
  it('in Markdown and HTML: the document key in the header, each array key in the arrays table', () => {
    const md = renderMarkdown(spec);
    expect(md).toContain('| **Records in errors** | named as Batch "…" (field "batch") |');
    expect(md).toContain(`errors name an item as ${PAYMENT}`);
    // A key holding personal data is shown by its shape, as the error shows it.
    expect(md).toContain('errors name an item as contacts item N: email shaped "…"');
    const html = renderHtml(spec);
    expect(html).toContain('Records in errors');
    expect(html).toContain('Payment-No &quot;…&quot; (field &quot;Zahlungs-Nr&quot;)');
  });

  it('in CSV and XLSX: how each field names its record', () => {
    const rows = readCsv(renderCsv(spec)).value as Array<Record<string, string>>;
    const byField = Object.fromEntries(rows.map((r) => [r['Target field'], r['Record in errors']]));
    expect(byField).toEqual({ id: 'Batch "…" (field "batch")', 'payments.amount': PAYMENT, 'contacts.mail': expect.stringContaining('contacts item N: email shaped') });
    const workbook = buildWorkbook(spec);
    const fields = workbook.getWorksheet('Fields')!;
    const header = (fields.getRow(1).values as unknown[]).slice(1);
    const column = header.indexOf('Record in errors') + 1;
    expect(column).toBeGreaterThan(0);
    expect(fields.getRow(3).getCell(column).text).toBe(PAYMENT);
    const overview = workbook.getWorksheet('Overview')!;
    const texts = overview.getColumn(2).values.map(String);
    expect(texts).toContain('named as Batch "…" (field "batch")');
    expect(texts.some((t) => t.includes(`errors name an item as ${PAYMENT}`))).toBe(true);
  });

  it('leaves the CSV column out when no record has a key', () => {
    const plain = mappingDocumentSchema.parse({ formatVersion: 1, name: 'Plain', source: { format: 'json' }, target: { format: 'json' }, rules: [{ target: 'a', sources: ['b'] }] });
    const csv = renderCsv(buildSpec({ document: plain, compiled: compileDocument(plain), generatedAt: '2026-01-01T00:00:00.000Z', engineVersion: '1' }));
    expect(csv.split('\n')[0]).not.toContain('Record in errors');
  });
});
