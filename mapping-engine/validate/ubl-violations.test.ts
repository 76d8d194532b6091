/**
 * Output validation on a UBL 2.1 invoice from the corpus (tests/fixtures/corpus,
 * see its SOURCES.md) against the UBL 2.1 XSD with its includes. UBL declares
 * no value facets (xsd-facets.test.ts proves those on SEPA); what it declares
 * is types (xs:decimal amounts, xs:date, xs:boolean), required elements and
 * attributes (`@currencyID`), cardinality and a closed content model. Each
 * deliberate violation of those is reported, with its path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFsResolver } from '../node/fs-resolver';
import { readXml } from '../payload/xml-read';
import type { SchemaField } from '../schema/model';
import { loadXsd } from '../schema/xsd';
import { validateFields } from './validate-fields';

const CORPUS = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'corpus');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('a UBL 2.1 invoice against the UBL 2.1 XSD', () => {
  let schema: SchemaField;
  const invoice = (): Json => {
    const file = join(CORPUS, 'xml/ubl-2.1/UBL-Invoice-2.1-Example.xml');
    return readXml(readFileSync(file), { file, schema }).value as Json;
  };

  beforeAll(async () => {
    const file = join(CORPUS, 'xsd/ubl-2.1/maindoc/UBL-Invoice-2.1.xsd');
    schema = (await loadXsd(readFileSync(file), file, createFsResolver())).root;
  });

  it('accepts the corpus instance as it is', () => {
    expect(validateFields(invoice(), schema)).toEqual([]);
  });

  it('reports each deliberate violation with its path', () => {
    const doc = invoice();
    const inv = doc.Invoice;
    delete inv.ID; // cbc:ID, minOccurs 1
    inv.IssueDate = '2009-13-45'; // xs:date of that form, no real date
    inv.DueDate = ['2009-12-01', '2009-12-02']; // maxOccurs 1
    inv.Foo = 'x'; // no such element
    inv.UBLVersionID = { '#text': '2.1', '@bogus': 'x' }; // no such attribute
    inv.LegalMonetaryTotal.PayableAmount['#text'] = 'abc'; // xs:decimal
    delete inv.InvoiceLine[0].TaxTotal[0].TaxAmount['@currencyID']; // use="required"
    inv.InvoiceLine[0].AllowanceCharge[0].ChargeIndicator = 'maybe'; // xs:boolean
    inv.InvoiceLine[1].InvoicedQuantity['#text'] = '1,5'; // xs:decimal has no decimal comma
    const found = validateFields(doc, schema).map((v) => `${v.code} ${v.path}`);
    expect(found.sort()).toEqual(
      [
        'MAP_REQUIRED_MISSING Invoice.ID',
        'MAP_TYPE Invoice.IssueDate',
        'MAP_REPEAT Invoice.DueDate',
        'MAP_SCHEMA Invoice.Foo',
        'MAP_SCHEMA Invoice.UBLVersionID.@bogus',
        'MAP_TYPE Invoice.LegalMonetaryTotal.PayableAmount.#text',
        'MAP_REQUIRED_MISSING Invoice.InvoiceLine[0].TaxTotal[0].TaxAmount.@currencyID',
        'MAP_TYPE Invoice.InvoiceLine[0].AllowanceCharge[0].ChargeIndicator',
        'MAP_TYPE Invoice.InvoiceLine[1].InvoicedQuantity.#text',
      ].sort(),
    );
  });

  it('takes a date or time by the calendar, not only its form', () => {
    const at = (change: (inv: Json) => void) => {
      const doc = invoice();
      change(doc.Invoice);
      return validateFields(doc, schema).map((v) => `${v.code} ${v.path}`);
    };
    for (const bad of ['2023-02-29', '2024-04-31', '2024-00-10', '0000-01-01', '2024-01-01+15:00']) expect(at((inv) => (inv.IssueDate = bad)), bad).toEqual(['MAP_TYPE Invoice.IssueDate']);
    for (const good of ['2024-02-29', '2000-02-29', '2024-12-31Z', '2024-01-01-05:00']) expect(at((inv) => (inv.IssueDate = good)), good).toEqual([]);
    expect(at((inv) => (inv.IssueTime = '24:00:01'))).toEqual(['MAP_TYPE Invoice.IssueTime']);
    expect(at((inv) => (inv.IssueTime = '23:59:60'))).toEqual(['MAP_TYPE Invoice.IssueTime']);
    expect(at((inv) => (inv.IssueTime = '24:00:00'))).toEqual([]);
    expect(at((inv) => (inv.IssueTime = '12:30:00+01:00'))).toEqual([]);
  });
});
