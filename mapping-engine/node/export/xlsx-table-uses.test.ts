import { describe, expect, it } from 'vitest';
import { compileDocument } from '../../compiler/compile-document';
import { mappingDocumentSchema } from '../../document/document-schema';
import { buildSpec } from '../../spec/build-spec';
import { buildWorkbook } from './xlsx-export';

describe('the workbook lists the fields using each table', () => {
  it('with custom code and constants', () => {
    const document = mappingDocumentSchema.parse({
      formatVersion: 1,
      name: 'Payments',
      source: { format: 'json' },
      target: { format: 'json' },
      lookups: { debtor: { constants: { BIC: 'SOGEDEFFXXX' } } },
      rules: [
        { target: 'bic', sources: ['$table.debtor.BIC'] },
        { target: 'note', transforms: [{ kind: 'custom', expression: '$table_debtor.BIC & "!"' }] },
      ],
    });
    const spec = buildSpec({ document, compiled: compileDocument(document), generatedAt: '2026-01-01T00:00:00.000Z', engineVersion: '1' });
    const sheet = buildWorkbook(spec).getWorksheet('Lookups')!;
    expect(sheet.getRow(2).getCell(5).text).toBe('bic (column "BIC"), note (custom code)');
  });
});
