import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDocument } from '../compiler/compile-document';
import { arrayContextSchema, mappingDocumentSchema, type ArrayContext } from '../document/document-schema';
import { arrayRow } from './array-words';
import { buildSpec } from './build-spec';

const PAY = join(import.meta.dirname, '..', '..', 'samples', 'payments-csv-to-pain001', 'payments-csv-to-pain001.mapwright.json');
const DATE = { kind: 'date', from: 'dd.MM.yyyy', to: 'yyyy-MM-dd' } as const;

function payments() {
  const document = mappingDocumentSchema.parse(JSON.parse(readFileSync(PAY, 'utf8')));
  return buildSpec({ document, compiled: compileDocument(document), generatedAt: '2026-01-01T00:00:00.000Z', engineVersion: '0' });
}

/** An array context as the document holds it (defaults filled in). */
const array = (a: unknown): ArrayContext => arrayContextSchema.parse(a);

describe('the spec describes grouped arrays as they are', () => {
  it('says the payments sample makes one PmtInf per distinct execution date, sorted, and one CdtTrfTxInf per row of the group', () => {
    const [groups, members] = payments().arrays;
    const how = groups!.description;
    // One element per distinct value of the computed key, not one per row or per field.
    expect(how).toMatch(/^one PmtInf element per distinct date of the input rows, not one per row/);
    expect(how).not.toMatch(/per field/);
    // The key: its field and how it is read, named as the rules name it.
    expect(how).toContain('the group key ($key) is field "Ausführungsdatum" (format date from dd.MM.yyyy to yyyy-MM-dd');
    expect(how).toContain('the rows with the same key form one group ($items)');
    // The sort is the group key's: the groups come in date order.
    expect(how).toContain('groups sorted by their key, smallest first');
    expect(members!.description).toMatch(/^one CdtTrfTxInf element per row of the group \(\$items\), in the group's order;/);
  });

  it('names a group key without transforms a value, and says how groups are ordered without a sort or by another field', () => {
    const plain = arrayRow(array({ target: 'orders', source: 'lines', groupBy: 'orderNo' }), []).description;
    expect(plain).toMatch(/^one orders element per distinct value of the items of lines, not one per item: the group key \(\$key\) is field "orderNo"/);
    expect(plain).toContain('groups in the order of their first item in the input, the items of a group in input order');
    const other = array({ target: 'days', source: '.', groupBy: 'date', groupTransforms: [DATE], sort: { field: 'amount', descending: true, transforms: [{ kind: 'parseNumber', decimalSeparator: ',' }] } });
    const byAmount = arrayRow(other, []).description;
    expect(byAmount).toMatch(/^one days element per distinct date of the input rows/);
    expect(byAmount).toContain('the rows sorted by field "amount" (read as a number with "," as decimal separator');
    expect(byAmount).toContain('largest first (stable), each group where its first row comes and its rows in that order');
  });

  it('names the members of a group of list items items, and their own sort', () => {
    const outer = array({ target: 'blocks', source: 'orders', groupBy: 'customer' });
    const inner = array({ target: 'blocks.lines', source: '$items', sort: { field: 'no', descending: false } });
    expect(arrayRow(inner, [outer, inner]).description).toMatch(/^one lines element per item of the group \(\$items\); sorted by field "no", smallest first \(stable\);/);
  });
});
