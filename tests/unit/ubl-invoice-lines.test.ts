/**
 * Repetition comes from the schema, not from the sample: with the UBL 2.1 XSD,
 * every UBL invoice (2.1 and 2.0, any prefixes) gives `InvoiceLine` as an
 * array, also the trivial invoice with a single line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFsResolver } from '../../mapping-engine/node/fs-resolver';
import { readXml } from '../../mapping-engine/payload/xml-read';
import type { SchemaField } from '../../mapping-engine/schema/model';
import { loadXsd } from '../../mapping-engine/schema/xsd';

const corpus = join(import.meta.dirname, '..', 'fixtures', 'corpus');
const invoices = [
  'UBL-Invoice-2.1-Example-Trivial.xml',
  'UBL-Invoice-2.1-Example.xml',
  'UBL-Invoice-2.0-Example.xml',
  'UBL-Invoice-2.0-Example-NS1.xml',
  'UBL-Invoice-2.0-Example-NS2.xml',
  'UBL-Invoice-2.0-Example-NS3.xml',
  'UBL-Invoice-2.0-Example-NS4.xml',
  'UBL-Invoice-2.0-Enveloped.xml',
];

async function loadSchema(name: string): Promise<SchemaField> {
  const file = join(corpus, 'xsd/ubl-2.1/maindoc', name);
  return (await loadXsd(readFileSync(file), file, createFsResolver())).root;
}

describe('UBL invoices read with the UBL 2.1 XSD', () => {
  let schema: SchemaField;
  beforeAll(async () => {
    schema = await loadSchema('UBL-Invoice-2.1.xsd');
  });

  it.each(invoices)('%s has InvoiceLine as an array', (name) => {
    const file = join(corpus, 'xml/ubl-2.1', name);
    const withoutSchema = readXml(readFileSync(file), { file }).value as { Invoice: { InvoiceLine: unknown } };
    const value = readXml(readFileSync(file), { file, schema }).value as { Invoice: { InvoiceLine: Array<{ ID: unknown }> } };
    expect(Array.isArray(value.Invoice.InvoiceLine)).toBe(true);
    expect(value.Invoice.InvoiceLine.length).toBeGreaterThan(0);
    expect(value.Invoice.InvoiceLine[0]?.ID).toBeDefined();
    if (name.includes('Trivial')) expect(Array.isArray(withoutSchema.Invoice.InvoiceLine)).toBe(false);
  });

  it('a UBL order read with the Order XSD has OrderLine as an array', async () => {
    const file = join(corpus, 'xml/ubl-2.1/UBL-Order-2.1-Example.xml');
    const value = readXml(readFileSync(file), { file, schema: await loadSchema('UBL-Order-2.1.xsd') }).value as { Order: { OrderLine: unknown } };
    expect(Array.isArray(value.Order.OrderLine)).toBe(true);
  });
});
