/** readXml conventions: the value, namespaces by local name, schema-driven arrays and types, meta, preview. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { makeField, type FieldType, type SchemaField } from '../schema/model';
import { readXml } from './xml-read';

const corpus = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'corpus', 'xml');
const readCorpus = (file: string) => readXml(readFileSync(join(corpus, file)), { file });

/** A schema field tree from a compact description: `{ name: [type, repeating, children] }`. */
type Spec = { [name: string]: [FieldType, boolean?, Spec?] };
function schema(spec: Spec, path: string[] = []): SchemaField {
  const children = Object.entries(spec).map(([name, [type, repeating, sub]]) => {
    const field = sub ? schema(sub, [...path, name]) : makeField({ name, path: [...path, name], type, origin: { kind: 'xsd' } });
    return { ...field, name, type, repeating: repeating ?? false };
  });
  return makeField({ name: path.at(-1) ?? '', path, type: 'object', origin: { kind: 'xsd' }, children });
}

describe('readXml: the value', () => {
  it('keeps text as strings, gives attributes @names, text next to attributes #text and empty elements ""', () => {
    const { value, format } = readXml('<r a="1"><zip>007</zip><price>1.10</price><flag>true</flag><e/><f></f><m c="EUR">10</m><s> x </s></r>');
    expect(format).toBe('xml');
    expect(value).toEqual({ r: { '@a': '1', zip: '007', price: '1.10', flag: 'true', e: '', f: '', m: { '@c': 'EUR', '#text': '10' }, s: ' x ' } });
  });

  it('reads the corpus sample: repeated elements become arrays, single ones stay scalars', () => {
    const { value } = readCorpus('fast-xml-parser/sample.xml');
    const person = (value as { any_name: { person: Array<Record<string, unknown>> } }).any_name.person;
    expect(person).toHaveLength(2);
    expect(person[0]).toMatchObject({
      '@id': '101',
      phone: ['+122233344550', '+122233344551'],
      name: 'Jack',
      emptyNode: '',
      booleanNode: ['false', 'true'],
      selfclosing: ['', { '@with': 'value' }],
      married: { '@firstTime': 'No', '@attr': 'val 2', '#text': 'Yes' },
    });
    expect(person[1]?.married).toEqual({ '@firstTime': 'Yes', '#text': 'Yes' });
  });

  it('merges CDATA with adjacent text and ignores comments and processing instructions', () => {
    const { value } = readXml('<r><a>x<![CDATA[<b>&amp;]]>y<!-- c -->z<?pi data?></a></r>');
    expect(value).toEqual({ r: { a: 'x<b>&amp;yz' } });
  });

  it('keeps a CDATA-embedded document as one string (ptest_with_prolog.xml)', () => {
    const { value } = readCorpus('fast-xml-parser/ptest_with_prolog.xml');
    const file = (value as { Envelope: { Body: { loadReportFileResponseElem: { result: { file: string } } } } }).Envelope.Body.loadReportFileResponseElem.result.file;
    expect(file.startsWith('\n<soap:Envelope')).toBe(true);
    expect(file).toContain('<rpt:file></rpt:file>');
  });

  it('trims and joins the text runs of mixed content and drops white space between elements', () => {
    expect(readCorpus('spark-xml/mixed_children.xml').value).toEqual({
      root: { foo: { bar: ' lorem ', '#text': 'issue text ignored' }, missing: ' ipsum ' },
    });
    const { value } = readCorpus('spark-xml/mixed_children_as_string.xml');
    const text = (value as { books: { book: { text: { i: string[]; '#text': string } } } }).books.book.text;
    expect(text.i).toEqual(['voluptas', 'Non', 'minus', 'illum', 'consequatur', 'numquam']);
    expect(text['#text'].startsWith('Lorem ipsum dolor sit amet. Ut distinctio')).toBe(true);
  });

  it('decodes the predefined entities and numeric references, normalises line ends and attribute white space', () => {
    const { value } = readXml('<r a="x\ty&#10;z &quot;q&apos;">&lt;&gt;&amp;&#65;&#x263A;&#x1F600;\r\nend\rx</r>');
    expect(value).toEqual({ r: { '@a': 'x y\nz "q\'', '#text': '<>&A☺😀\nend\nx' } });
  });

  it('reads Unicode element and attribute names', () => {
    const { value } = readCorpus('books/books-unicode-in-tag-name.xml');
    expect(Object.keys(value as object)).toEqual(['κατάλογος']);
    expect(JSON.stringify(value)).toContain('"@ид"');
  });

  it('treats element names such as __proto__ and constructor as ordinary data', () => {
    const { value } = readXml('<r><__proto__>p</__proto__><constructor>c</constructor><prototype/></r>');
    const r = (value as { r: object }).r;
    expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
    expect(Object.entries(r)).toEqual([['__proto__', 'p'], ['constructor', 'c'], ['prototype', '']]);
  });
});

describe('readXml: namespaces', () => {
  const variants = ['', '-NS1', '-NS2', '-NS3', '-NS4'].map((suffix) => readCorpus(`ubl-2.1/UBL-Invoice-2.0-Example${suffix}.xml`));

  it('gives the same value whatever the prefixes or default namespaces (UBL NS1..NS4)', () => {
    const [plain, ...others] = variants;
    for (const other of others) expect(other.value).toEqual(plain?.value);
  });

  it('keeps the namespace of every path in meta, identical across the variants', () => {
    const [plain, ...others] = variants;
    const cbc = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';
    expect(plain?.meta?.elementNamespaces).toMatchObject({
      Invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
      'Invoice/ID': cbc,
      'Invoice/OrderReference': 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
      'Invoice/OrderReference/ID': cbc,
    });
    for (const other of others) expect(other.meta?.elementNamespaces).toEqual(plain?.meta?.elementNamespaces);
  });

  it('records each URI with the prefix of its first declaration', () => {
    const ns4 = variants[4]?.meta;
    expect(ns4?.rootName).toBe('Invoice');
    expect(ns4?.namespaces).toMatchObject({
      'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2': 'Harry',
      'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2': 'Bob',
    });
    expect(variants[2]?.meta?.namespaces['urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2']).toBe('');
  });

  it('reads the SEPA pain.001 message and its Swiss variant to the same shape', () => {
    const shape = (value: unknown): unknown =>
      Array.isArray(value) ? shape(value[0]) : value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)])) : typeof value;
    const base = readCorpus('sepa/pain.001.001.03.xml');
    const swiss = readCorpus('sepa/pain.001.001.03.ch.02.xml');
    const header = (payload: typeof base) => shape((payload.value as { Document: { CstmrCdtTrfInitn: { GrpHdr: unknown } } }).Document.CstmrCdtTrfInitn.GrpHdr);
    expect(Object.keys(swiss.value as object)).toEqual(['Document']);
    expect(header(swiss)).toMatchObject({ MsgId: 'string', CreDtTm: 'string', NbOfTxs: 'string', InitgPty: {} });
    expect(header(base)).toMatchObject({ MsgId: 'string', CreDtTm: 'string', NbOfTxs: 'string', InitgPty: {} });
    expect(swiss.meta?.elementNamespaces.Document).not.toBe(base.meta?.elementNamespaces.Document);
  });

  it('handles xmlns="" undeclaration and relative namespace URIs (GetAccountXml)', () => {
    const { meta, value } = readCorpus('soap/node-soap/GetAccountXml__non_xmlns_attributes_should_be_returned/response.xml');
    const outer = 'Envelope/Body/GetAccountXmlResponse/AccountXml/Foo';
    expect(meta?.elementNamespaces[outer]).toBe('#Foo');
    expect(meta?.elementNamespaces[`${outer}/Foo`]).toBeUndefined();
    expect(JSON.stringify(value)).not.toContain('xmlns');
  });

  it('warns when one path occurs in several namespaces, keeping the first', () => {
    const { meta, warnings, value } = readCorpus('books/books-namespaces.xml');
    expect((value as { catalog: { book: unknown[] } }).catalog.book).toEqual([
      { '@id': 'bk101', author: 'Gambardella, Matthew' },
      { '@id': 'bk102', author: 'Ralls, Kim' },
      { '@id': 'bk103', author: 'Corets, Eva' },
    ]);
    expect(meta?.elementNamespaces).toEqual({ 'catalog/book/@id': 'abc', 'catalog/book/author': 'abc' });
    expect(warnings.map((w) => [w.code, w.line])).toEqual([
      ['XML_MIXED_NAMESPACES', 6],
      ['XML_MIXED_NAMESPACES', 7],
    ]);
  });

  it('keeps the first of two attributes with the same local name and warns', () => {
    const { value, warnings } = readXml('<r xmlns:a="urn:a" xmlns:b="urn:b" a:id="1" b:id="2"/>');
    expect(value).toEqual({ r: { '@id': '1' } });
    expect(warnings.map((w) => w.code)).toEqual(['XML_ATTRIBUTE_COLLISION']);
  });
});

describe('readXml: xsi attributes', () => {
  it('reads xsi:nil="true" as null (node-soap Dummy__should_handle_nil)', () => {
    const { value } = readCorpus('soap/node-soap/Dummy__should_handle_nil/response.xml');
    expect(value).toEqual({ Envelope: { Header: '', Body: { DummyResponse: { DummyResult: { DummyList: { DummyElement: null } } } } } });
  });

  it('keeps schemaLocation in meta, xsi:type as @type, and drops other xsi attributes', () => {
    const xsi = 'http://www.w3.org/2001/XMLSchema-instance';
    const xml = `<r xmlns:xsi="${xsi}" xsi:schemaLocation="urn:r r.xsd"><a xsi:type="xs:string">t</a><b xsi:nil="false">x</b><c xsi:nil="1" k="v">lost</c></r>`;
    const { value, meta, warnings } = readXml(xml);
    expect(value).toEqual({ r: { a: { '@type': 'xs:string', '#text': 't' }, b: 'x', c: null } });
    expect(meta?.schemaLocation).toBe('urn:r r.xsd');
    expect(meta?.elementNamespaces['r/a/@type']).toBe(xsi);
    expect(warnings.map((w) => [w.code, w.line, w.column])).toEqual([['XML_NIL_CONTENT_DROPPED', 1, xml.indexOf('<c') + 1]]);
  });
});

describe('readXml: schema', () => {
  const invoiceSchema = schema({
    Invoice: ['object', false, { InvoiceLine: ['object', true, { ID: ['string'], LineExtensionAmount: ['number', false, { '@currencyID': ['string'], '#text': ['number'] }] }], LineCountNumeric: ['integer'] }],
  });

  it('makes schema-repeating paths arrays even when they occur once (UBL trivial invoice)', () => {
    const file = 'ubl-2.1/UBL-Invoice-2.1-Example-Trivial.xml';
    const without = readXml(readFileSync(join(corpus, file)));
    const withSchema = readXml(readFileSync(join(corpus, file)), { schema: invoiceSchema });
    expect(Array.isArray((without.value as { Invoice: { InvoiceLine: unknown } }).Invoice.InvoiceLine)).toBe(false);
    const lines = (withSchema.value as { Invoice: { InvoiceLine: unknown[] } }).Invoice.InvoiceLine;
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ ID: '1', LineExtensionAmount: { '@currencyID': 'CAD', '#text': 100 } });
  });

  it('converts typed text when valid and keeps the string when not (datatypes-valid-and-invalid.xml)', () => {
    const rowSchema = schema({
      ROWSET: ['object', false, { ROW: ['object', true, { integer_value: ['integer'], float_value: ['number'], boolean_value: ['boolean'], integer_array: ['integer', true], integer_map: ['object', false, { a: ['integer'] }] }] }],
    });
    const { value } = readXml(readFileSync(join(corpus, 'spark-xml/datatypes-valid-and-invalid.xml')), { schema: rowSchema });
    const rows = (value as { ROWSET: { ROW: Array<Record<string, unknown>> } }).ROWSET.ROW;
    expect(rows[0]).toMatchObject({ integer_value: { '@int': '10', '#text': 10 }, float_value: 10, boolean_value: true, integer_array: [1, 2], integer_map: { a: 123, b: '345' } });
    expect(rows[1]).toMatchObject({ integer_value: { '#text': 'Ten' }, float_value: 'Ten', boolean_value: 'Ten', integer_array: ['Ten', 2], integer_map: { a: 'OneTwoThree' } });
  });

  it('types attributes by their @path and keeps integers beyond 2^53 as strings', () => {
    const s = schema({ r: ['object', false, { '@n': ['integer'], big: ['integer'], ok: ['boolean'], d: ['number'] }] });
    const { value } = readXml('<r n=" 42 "><big>9007199254740993</big><ok>0</ok><d>-1.5e3</d></r>', { schema: s });
    expect(value).toEqual({ r: { '@n': 42, big: '9007199254740993', ok: false, d: -1500 } });
  });
});

describe('readXml: preview limit', () => {
  it('cuts the longest list under the root and reports the exact total', () => {
    const xml = `<orders><meta>m</meta>${'<order><id>1</id></order>'.repeat(25)}</orders>`;
    const { value, truncated } = readXml(xml, { previewLimit: 10 });
    expect(truncated).toEqual({ shown: 10, approxTotal: 25, exact: true });
    expect((value as { orders: { order: unknown[]; meta: string } }).orders.order).toHaveLength(10);
    expect(readXml(xml, { previewLimit: 30 }).truncated).toBeUndefined();
  });

  it('looks through a single wrapper element (ISO 4217 table)', () => {
    const { value, truncated } = readXml(readFileSync(join(corpus, 'iso4217/table_a1.xml')), { previewLimit: 5 });
    expect(truncated?.shown).toBe(5);
    expect(truncated?.approxTotal).toBeGreaterThan(250);
    expect((value as { ISO_4217: { CcyTbl: { CcyNtry: unknown[] } } }).ISO_4217.CcyTbl.CcyNtry).toHaveLength(5);
  });
});

describe('readXml: JSONata addressing (docs/formats-xml.md)', () => {
  it('evaluates the documented expressions against a read value', async () => {
    const { value } = readXml('<Invoice><ID>A1</ID><Amount currencyID="EUR">10.50</Amount><Line><ID>1</ID></Line><Line><ID>2</ID></Line></Invoice>');
    expect(await jsonata('Invoice.ID').evaluate(value)).toBe('A1');
    expect(await jsonata('Invoice.Amount.`@currencyID`').evaluate(value)).toBe('EUR');
    expect(await jsonata('$number(Invoice.Amount.`#text`)').evaluate(value)).toBe(10.5);
    expect(Array.from(await jsonata('Invoice.Line.ID').evaluate(value))).toEqual(['1', '2']);
  });
});

describe('readXml: large input', () => {
  it('reads a 10 MB document and 100,000 nesting levels without recursion limits', () => {
    const record = (i: number) => `<order id="${i}"><customer>Name &amp; Co ${i}</customer><note><![CDATA[a<b]]></note></order>\n`;
    const parts = ['<orders>'];
    let size = 0;
    let count = 0;
    while (size < 10_000_000) {
      const piece = record(count++);
      parts.push(piece);
      size += piece.length;
    }
    parts.push('</orders>');
    const orders = (readXml(parts.join('')).value as { orders: { order: Array<{ customer: string }> } }).orders.order;
    expect(orders).toHaveLength(count);
    expect(orders[count - 1]?.customer).toBe(`Name & Co ${count - 1}`);
    const deep = readXml(`${'<a>'.repeat(100_000)}x${'</a>'.repeat(100_000)}`);
    expect(deep.meta?.rootName).toBe('a');
  });
});
