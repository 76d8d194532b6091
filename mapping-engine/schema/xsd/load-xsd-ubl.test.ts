import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findField, walkFields, type SchemaDocument, type SchemaField } from '../model';
import type { SourceResolver } from '../resolver';
import { listXsdRoots, loadXsd } from './index';
import { XSD_FIELD_BUDGET } from './load-xsd';

const UBL = join(import.meta.dirname, '../../../tests/fixtures/corpus/xsd/ubl-2.1');
const CAC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2';
const CBC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';
const EXT = 'urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2';

/** Reads through node:fs and records every location asked for. */
function fsResolver(reads: string[] = []): SourceResolver {
  return {
    read: async (location) => {
      reads.push(location);
      return new Uint8Array(await readFile(location));
    },
  };
}

async function load(file: string, reads: string[] = []): Promise<SchemaDocument> {
  return loadXsd(new Uint8Array(await readFile(file)), file, fsResolver(reads));
}

function field(doc: SchemaDocument, path: string): SchemaField {
  const found = findField(doc.root, path.split('/'));
  if (!found) throw new Error(`no field ${path}`);
  return found;
}

describe('loadXsd: UBL 2.1 Invoice', async () => {
  const file = join(UBL, 'maindoc/UBL-Invoice-2.1.xsd');
  const reads: string[] = [];
  const doc = await load(file, reads);

  it('has a synthetic root whose single child is Invoice', () => {
    expect(doc.root).toMatchObject({ name: '', path: [], type: 'object' });
    expect(doc.root.children?.map((c) => c.name)).toEqual(['Invoice']);
    expect(doc.title).toBe('Invoice');
    expect(field(doc, 'Invoice').xml?.namespace).toBe('urn:oasis:names:specification:ubl:schema:xsd:Invoice-2');
  });

  it('keeps sequence order of the Invoice content', () => {
    const names = field(doc, 'Invoice').children?.map((c) => c.name) ?? [];
    expect(names.slice(0, 3)).toEqual(['UBLExtensions', 'UBLVersionID', 'CustomizationID']);
    expect(names.at(-1)).toBe('InvoiceLine');
    expect(names.indexOf('ID')).toBeLessThan(names.indexOf('IssueDate'));
  });

  it('marks occurrence, namespaces and types from the imported common schemas', () => {
    expect(field(doc, 'Invoice/InvoiceLine')).toMatchObject({ repeating: true, required: true, minOccurs: 1, xml: { kind: 'element', namespace: CAC } });
    expect(field(doc, 'Invoice/InvoiceLine').maxOccurs).toBeUndefined();
    expect(field(doc, 'Invoice/ID')).toMatchObject({ required: true, repeating: false, xml: { namespace: CBC } });
    expect(field(doc, 'Invoice/UBLExtensions')).toMatchObject({ required: false, xml: { namespace: EXT } });
    // DateType has no attributes, so the element itself is the scalar.
    expect(field(doc, 'Invoice/IssueDate')).toMatchObject({ type: 'date', required: true });
    expect(field(doc, 'Invoice/IssueDate').children).toBeUndefined();
    expect(field(doc, 'Invoice/Note')).toMatchObject({ repeating: true, required: false });
    expect(field(doc, 'Invoice/AccountingSupplierParty/Party/PartyName')).toMatchObject({ repeating: true, required: false });
  });

  it('gives amounts simple content with a required @currencyID', () => {
    const amount = field(doc, 'Invoice/InvoiceLine/LineExtensionAmount');
    expect(amount).toMatchObject({ type: 'object', required: true, xml: { kind: 'element', simpleContent: true, namespace: CBC } });
    expect(amount.origin).toEqual({ kind: 'xsd', file: join(UBL, 'common/UBL-CommonBasicComponents-2.1.xsd'), ref: `{${CBC}}LineExtensionAmountType` });
    expect(amount.children?.[0]).toMatchObject({ name: '#text', type: 'number', xml: { kind: 'text' } });
    const currency = field(doc, 'Invoice/InvoiceLine/LineExtensionAmount/@currencyID');
    expect(currency).toMatchObject({ required: true, type: 'string', xml: { kind: 'attribute' } });
    expect(currency.xml?.namespace).toBeUndefined();
    expect(currency.description).toBe('The currency of the amount.');
    expect(field(doc, 'Invoice/InvoiceLine/LineExtensionAmount/@currencyCodeListVersionID').required).toBe(false);
  });

  it('reaches xmldsig/XAdES through the extension schemas and marks xs:any as open', () => {
    const content = field(doc, 'Invoice/UBLExtensions/UBLExtension/ExtensionContent');
    expect(content).toMatchObject({ type: 'object', open: true, children: [] });
    expect(field(doc, 'Invoice/UBLExtensions/UBLExtension').repeating).toBe(true);
  });

  it('declares the namespaces with the main file prefixes', () => {
    expect(doc.namespaces?.[CAC]).toBe('cac');
    expect(doc.namespaces?.[CBC]).toBe('cbc');
    expect(doc.namespaces?.[EXT]).toBe('ext');
    expect(doc.namespaces?.['http://www.w3.org/2000/09/xmldsig#']).toBe('ds');
    expect(Object.keys(doc.namespaces ?? {})).toHaveLength(13);
    const prefixes = Object.values(doc.namespaces ?? {});
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it('reads each of the 13 reachable common files once (CoreComponentParameters is imported by nothing)', () => {
    expect(reads).toHaveLength(13);
    expect(new Set(reads).size).toBe(13);
    expect(reads.some((r) => r.endsWith('CoreComponentParameters-2.1.xsd'))).toBe(false);
    expect(reads.some((r) => r.endsWith('UBL-xmldsig-core-schema-2.1.xsd'))).toBe(true);
  });

  // Speed is measured by `npm run bench`, not here (DEVELOPERS.md); the budget is what keeps it fast.
  it('stays within the field budget, cutting complete levels', () => {
    let fields = 0;
    let deepest = 0;
    walkFields(doc.root, (f) => {
      fields++;
      deepest = Math.max(deepest, f.path.length);
      if (f.recursive) expect(f.children).toBeUndefined();
    });
    expect(fields).toBeGreaterThan(10_000);
    expect(fields).toBeLessThanOrEqual(XSD_FIELD_BUDGET);
    expect(deepest).toBeGreaterThanOrEqual(6);
    expect(field(doc, 'Invoice/AccountingSupplierParty/Party/PostalAddress/Country/IdentificationCode').type).toBe('object');
  });

  it('shares no objects between two occurrences of one type', () => {
    const supplier = field(doc, 'Invoice/AccountingSupplierParty/Party/PartyName');
    const customer = field(doc, 'Invoice/AccountingCustomerParty/Party/PartyName');
    expect(supplier).not.toBe(customer);
    expect(supplier.children?.[0]).not.toBe(customer.children?.[0]);
    expect(supplier.children?.[0]?.path).toEqual(['Invoice', 'AccountingSupplierParty', 'Party', 'PartyName', 'Name']);
    expect(customer.children?.[0]?.path).toEqual(['Invoice', 'AccountingCustomerParty', 'Party', 'PartyName', 'Name']);
  });

  it('cuts a type at its second occurrence on a path', () => {
    const agent = field(doc, 'Invoice/AccountingSupplierParty/Party/AgentParty');
    expect(agent).toMatchObject({ recursive: true, type: 'object' });
    expect(agent.children).toBeUndefined();
  });
});

describe('loadXsd: UBL 2.1 Order and maxDepth', () => {
  const file = join(UBL, 'maindoc/UBL-Order-2.1.xsd');

  it('lists Order as the only root and loads it', async () => {
    const bytes = new Uint8Array(await readFile(file));
    expect(await listXsdRoots(bytes, file, fsResolver())).toEqual(['Order']);
    const doc = await loadXsd(bytes, file, fsResolver());
    expect(field(doc, 'Order/OrderLine')).toMatchObject({ repeating: true, required: true });
    expect(field(doc, 'Order/OrderLine/LineItem/ID').required).toBe(true);
    expect(field(doc, 'Order/BuyerCustomerParty').required).toBe(true);
  });

  it('honours an explicit maxDepth: deeper complex elements have no children', async () => {
    const doc = await loadXsd(new Uint8Array(await readFile(file)), file, fsResolver(), { maxDepth: 2 });
    const line = field(doc, 'Order/OrderLine');
    expect(line.children?.length).toBeGreaterThan(5);
    const item = field(doc, 'Order/OrderLine/LineItem');
    expect(item).toMatchObject({ recursive: true });
    expect(item.children).toBeUndefined();
    // Simple content at the cut depth is still complete.
    expect(field(doc, 'Order/OrderLine/Note/#text').type).toBe('string');
  });
});
