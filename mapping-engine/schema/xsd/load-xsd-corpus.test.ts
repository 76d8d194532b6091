import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findField, type SchemaDocument, type SchemaField } from '../model';
import type { SourceResolver } from '../resolver';
import { listXsdRoots, loadXsd, type XsdLoadOptions } from './index';

const CORPUS = join(import.meta.dirname, '../../../tests/fixtures/corpus');
const XS = 'http://www.w3.org/2001/XMLSchema';

const fsResolver: SourceResolver = { read: async (location) => new Uint8Array(await readFile(location)) };

async function load(relative: string, options?: XsdLoadOptions): Promise<SchemaDocument> {
  const file = join(CORPUS, relative);
  return loadXsd(new Uint8Array(await readFile(file)), file, fsResolver, options);
}

async function roots(relative: string): Promise<string[]> {
  const file = join(CORPUS, relative);
  return listXsdRoots(await readFile(file, 'utf8'), file, fsResolver);
}

function field(doc: SchemaDocument, path: string): SchemaField {
  const found = findField(doc.root, path.split('/'));
  if (!found) throw new Error(`no field ${path}`);
  return found;
}

function names(doc: SchemaDocument, path: string): string[] {
  return field(doc, path).children?.map((c) => c.name) ?? [];
}

describe('SEPA pain.001 / pain.008', () => {
  it('pain.001.001.03: repeating PmtInf, code lists, IBAN pattern, InstdAmt with @Ccy', async () => {
    const doc = await load('xsd/sepa/pain.001.001.03.xsd');
    const ns = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03';
    expect(doc.namespaces).toEqual({ [ns]: '' });
    expect(field(doc, 'Document/CstmrCdtTrfInitn/PmtInf')).toMatchObject({ repeating: true, required: true, xml: { namespace: ns } });
    expect(field(doc, 'Document/CstmrCdtTrfInitn/PmtInf/ChrgBr')).toMatchObject({
      type: 'string',
      required: false,
      enum: ['DEBT', 'CRED', 'SHAR', 'SLEV'],
      origin: { ref: `{${ns}}ChargeBearerType1Code` },
    });
    expect(field(doc, 'Document/CstmrCdtTrfInitn/PmtInf/DbtrAcct/Id/IBAN').pattern).toBe('[A-Z]{2,2}[0-9]{2,2}[a-zA-Z0-9]{1,30}');
    const amount = field(doc, 'Document/CstmrCdtTrfInitn/PmtInf/CdtTrfTxInf/Amt/InstdAmt');
    expect(amount).toMatchObject({ type: 'object', required: false, xml: { simpleContent: true } });
    expect(names(doc, 'Document/CstmrCdtTrfInitn/PmtInf/CdtTrfTxInf/Amt/InstdAmt')).toEqual(['#text', '@Ccy']);
    expect(field(doc, 'Document/CstmrCdtTrfInitn/PmtInf/CdtTrfTxInf/Amt/InstdAmt/#text').type).toBe('number');
    expect(field(doc, 'Document/CstmrCdtTrfInitn/PmtInf/CdtTrfTxInf/Amt/InstdAmt/@Ccy')).toMatchObject({ required: true, pattern: '[A-Z]{3,3}' });
    expect(field(doc, 'Document/CstmrCdtTrfInitn/GrpHdr/CreDtTm').type).toBe('datetime');
    expect(field(doc, 'Document/CstmrCdtTrfInitn/PmtInf/ReqdExctnDt').type).toBe('date');
  });

  it('marks a content that is one xs:choice, and makes its alternatives optional', async () => {
    const doc = await load('xsd/sepa/pain.001.001.03.xsd');
    const id = field(doc, 'Document/CstmrCdtTrfInitn/PmtInf/DbtrAcct/Id');
    expect(id).toMatchObject({ choice: true, required: true });
    expect(names(doc, 'Document/CstmrCdtTrfInitn/PmtInf/DbtrAcct/Id')).toEqual(['IBAN', 'Othr']);
    expect(id.children?.every((c) => !c.required)).toBe(true);
    // A sequence is not a choice.
    expect(field(doc, 'Document/CstmrCdtTrfInitn/PmtInf/DbtrAcct').choice).toBeUndefined();
  });

  it('pain.001.001.03.ch.02: the Swiss namespace and -CH types', async () => {
    expect(await roots('xsd/sepa/pain.001.001.03.ch.02.xsd')).toEqual(['Document']);
    const doc = await load('xsd/sepa/pain.001.001.03.ch.02.xsd');
    const ns = 'http://www.six-interbank-clearing.com/de/pain.001.001.03.ch.02.xsd';
    expect(field(doc, 'Document').xml?.namespace).toBe(ns);
    expect(field(doc, 'Document/CstmrCdtTrfInitn/PmtInf').repeating).toBe(true);
    expect(field(doc, 'Document/CstmrCdtTrfInitn/PmtInf/ChrgBr').enum).toEqual(['DEBT', 'CRED', 'SHAR', 'SLEV']);
    expect(field(doc, 'Document/CstmrCdtTrfInitn/PmtInf/CdtTrfTxInf/Amt/InstdAmt/@Ccy').required).toBe(true);
    expect(field(doc, 'Document/CstmrCdtTrfInitn/GrpHdr/InitgPty/Id/OrgId/BICOrBEI').pattern).toMatch(/^\[A-Z\]\{6,6\}/);
  });

  it('pain.008.003.02: direct debits with a EUR-only amount and documentation', async () => {
    const doc = await load('xsd/sepa/pain.008.003.02.xsd');
    const tx = 'Document/CstmrDrctDbtInitn/PmtInf/DrctDbtTxInf';
    expect(field(doc, tx)).toMatchObject({ repeating: true, required: true });
    expect(field(doc, `${tx}/InstdAmt/@Ccy`)).toMatchObject({ required: true, enum: ['EUR'] });
    expect(field(doc, `${tx}/ChrgBr`)).toMatchObject({ enum: ['SLEV'], required: false });
    expect(field(doc, `${tx}/ChrgBr`).description).toContain('Payment Information');
    expect(field(doc, 'Document/CstmrDrctDbtInitn/PmtInf/PmtTpInf/SeqTp').enum).toEqual(['FRST', 'RCUR', 'FNAL', 'OOFF']);
  });
});

describe('spark-xml schemas', () => {
  it('basket: a repeating anonymous entry with xs:anyType children', async () => {
    const doc = await load('xsd/spark-xml/basket.xsd');
    expect(doc.namespaces).toEqual({});
    expect(field(doc, 'basket/entry')).toMatchObject({ repeating: true, required: false, xml: { kind: 'element' } });
    expect(field(doc, 'basket/entry').xml?.namespace).toBeUndefined();
    expect(field(doc, 'basket/entry/key')).toMatchObject({ type: 'any', open: true, required: false, origin: { ref: `{${XS}}anyType` } });
  });

  it('include-example: the type comes from the included file', async () => {
    const doc = await load('xsd/spark-xml/include-example/first.xsd');
    expect(field(doc, 'basket').origin).toEqual({ kind: 'xsd', file: join(CORPUS, 'xsd/spark-xml/include-example/second.xsd'), ref: 'basket' });
    expect(names(doc, 'basket/entry')).toEqual(['key', 'value']);
  });

  it('catalog: attributes first, nested repetition, simple content with an attribute', async () => {
    const doc = await load('xsd/spark-xml/catalog.xsd');
    expect(names(doc, 'catalog/product')).toEqual(['@description', '@product_image', 'catalog_item']);
    expect(field(doc, 'catalog/product/catalog_item/price')).toMatchObject({ type: 'number', required: true });
    const swatch = field(doc, 'catalog/product/catalog_item/size/color_swatch');
    expect(swatch).toMatchObject({ repeating: true, xml: { simpleContent: true } });
    expect(names(doc, 'catalog/product/catalog_item/size/color_swatch')).toEqual(['#text', '@image']);
    expect(field(doc, 'catalog/product/catalog_item/size/color_swatch/@image').required).toBe(false);
  });

  it('complex-content-extension: base elements first, then the extension', async () => {
    const doc = await load('xsd/spark-xml/complex-content-extension.xsd');
    expect(names(doc, 'employee')).toEqual(['firstname', 'lastname', 'address', 'city', 'country']);
    expect(field(doc, 'employee').origin.ref).toBe('fullpersoninfo');
  });

  it('ref-attribute: element refs and a choice of roots', async () => {
    expect(await roots('xsd/spark-xml/ref-attribute.xsd')).toEqual(['book', 'bookList']);
    const first = await load('xsd/spark-xml/ref-attribute.xsd');
    expect(first.root.children?.[0]?.name).toBe('book');
    const doc = await load('xsd/spark-xml/ref-attribute.xsd', { root: 'bookList' });
    expect(field(doc, 'bookList/book')).toMatchObject({ repeating: true, required: false });
    expect(names(doc, 'bookList/book')).toEqual(['name', 'author', 'isbn']);
  });

  it('xsany: xs:any makes the parent open', async () => {
    const doc = await load('xsd/spark-xml/xsany.xsd');
    for (const name of ['foo', 'bar', 'baz', 'bing']) {
      expect(field(doc, `root/${name}`)).toMatchObject({ type: 'object', open: true, children: [] });
    }
  });
});

describe('node-soap XSDs', () => {
  it('name.xsd imports common.xsd (whose real namespace differs from the import attribute)', async () => {
    const doc = await load('xml/soap/node-soap/Dummy__should_handle_nil/name.xsd', { root: 'DummyResponse' });
    const element = field(doc, 'DummyResponse/DummyResult/DummyList/DummyElement');
    expect(element).toMatchObject({ repeating: true, required: true, xml: { simpleContent: true, namespace: 'http://www.Dummy.com/Common/Types' } });
    expect(field(doc, 'DummyResponse/DummyResult/DummyList/DummyElement/@language')).toMatchObject({ format: 'language', required: false });
    expect(field(doc, 'DummyResponse/DummyResult/@code').type).toBe('string');
    expect(doc.namespaces).toMatchObject({ 'http://www.Dummy.com/Common/Types': 'c' });
  });

  it('Vecozo messages: a types-only schema offers its complex types as roots', async () => {
    const relative = 'xml/soap/node-soap/IndienenBericht__should_work_with_deeply_nested_XML_messages/Vecozo.Berichtuitwisseling.Push.Messages.V3.xsd';
    expect(await roots(relative)).toEqual(['DataBinary', 'BerichtInfo', 'Bericht', 'DataXml', 'IndienenBerichtRequest', 'IndienenBerichtResponse']);
    const response = await load(relative, { root: 'IndienenBerichtResponse' });
    expect(field(response, 'IndienenBerichtResponse/TraceerId').pattern).toMatch(/^\[a-fA-F0-9\]\{8\}-/);
    expect(field(response, 'IndienenBerichtResponse/ConversatieId')).toMatchObject({ type: 'string', required: true });
    const binary = await load(relative, { root: 'DataBinary' });
    expect(field(binary, 'DataBinary/Data')).toMatchObject({ type: 'string', format: 'base64Binary' });
    const request = await load(relative, { root: 'IndienenBerichtRequest' });
    expect(field(request, 'IndienenBerichtRequest/Bericht')).toMatchObject({ type: 'object', children: [] });
    expect(field(request, 'IndienenBerichtRequest/BerichtInfo').open).toBe(true);
  });

  it('login faults.xsd loads; messages.xsd names the import upstream never shipped', async () => {
    const dir = 'xml/soap/node-soap/login__error_returned_should_contain_root_Json_on_fault';
    const faults = await load(`${dir}/soap.platform.faults.xsd`);
    expect(names(faults, 'invalidCredentialsFault')).toEqual(['code', 'message']);
    expect(field(faults, 'invalidCredentialsFault/code').enum).toEqual(['INVALID_LOGIN_CREDENTIALS']);
    const error = await load(`${dir}/soap.platform.messages.xsd`).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'XSD_REF', file: join(CORPUS, `${dir}/soap.platform.messages.xsd`), line: 3, column: 5 });
    expect(String((error as Error).message)).toContain('platform/platform.core.xsd');
  });
});
