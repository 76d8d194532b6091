/**
 * XML numbers are text, checked by the lexical form of their XSD type:
 * `xs:decimal` (and every type restricting it) is digits with one point, so
 * `1e3`, `NaN` and `INF` are no decimals; the integer types take no point at
 * all; `xs:double` and `xs:float` take an exponent, `INF`, `-INF` and `NaN`.
 * A JavaScript number for a decimal is written (and judged) without the
 * exponent JavaScript would print. Proven on a small schema and on the SEPA
 * pain.001 instance's amounts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPayload } from '../payload/read-payload';
import { findField } from '../schema/model';
import type { SourceResolver } from '../schema/resolver';
import { loadXsd } from '../schema/xsd/load-xsd';
import { writePayload } from '../payload/write-payload';
import { positionalNumberText } from '../schema/xsd/xsd-number-kinds';
import { validateFields } from './validate-fields';

const CORPUS = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'corpus');
const none: SourceResolver = { read: () => Promise.reject(new Error('no includes')) };

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const XSD = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:simpleType name="Amount"><xs:restriction base="xs:decimal"><xs:fractionDigits value="2"/></xs:restriction></xs:simpleType>
  <xs:element name="Doc"><xs:complexType><xs:sequence>
    <xs:element name="Dec" type="xs:decimal" minOccurs="0"/>
    <xs:element name="Amt" minOccurs="0"><xs:complexType><xs:simpleContent><xs:extension base="Amount"><xs:attribute name="rate" type="xs:decimal"/></xs:extension></xs:simpleContent></xs:complexType></xs:element>
    <xs:element name="Count" type="xs:int" minOccurs="0"/>
    <xs:element name="Big" type="xs:nonNegativeInteger" minOccurs="0"/>
    <xs:element name="Dbl" type="xs:double" minOccurs="0"/>
    <xs:element name="Flt" type="xs:float" minOccurs="0"/>
  </xs:sequence></xs:complexType></xs:element>
</xs:schema>`;

describe('XSD number text', async () => {
  const schema = await loadXsd(XSD, 'doc.xsd', none);
  const problems = (Doc: Json) => validateFields({ Doc }, schema.root).map((v) => `${v.code} ${v.path}`);

  it('keeps double and float apart from decimal in the field model', () => {
    expect(findField(schema.root, ['Doc', 'Dbl'])).toMatchObject({ type: 'number', format: 'double' });
    expect(findField(schema.root, ['Doc', 'Flt'])).toMatchObject({ type: 'number', format: 'float' });
    expect(findField(schema.root, ['Doc', 'Dec'])!.format).toBeUndefined();
  });

  it('refuses an exponent, NaN and INF in an xs:decimal, a type restricting it and an attribute of it', () => {
    expect(problems({ Dec: '-12.50', Amt: { '#text': '.5', '@rate': '+3.' } })).toEqual([]);
    for (const text of ['1e3', '1E-2', 'NaN', 'INF', '-INF', '0x10', '1,5']) {
      expect(problems({ Dec: text, Amt: { '#text': text, '@rate': text } }), text).toEqual(['MAP_TYPE Doc.Dec', 'MAP_TYPE Doc.Amt.#text', 'MAP_TYPE Doc.Amt.@rate']);
    }
    expect(problems({ Dec: 1000.5 })).toEqual([]);
  });

  it('writes a number for a decimal or an integer without an exponent, and judges it as written', () => {
    // JavaScript prints these as 1e+21 and 1e-7; the writer writes them digit for digit, a double as JavaScript prints it.
    const text = writePayload({ Doc: { Dec: 1e21, Amt: { '#text': 1e-7 }, Big: 2e21, Dbl: 1e21 } }, 'xml', { schema: schema.root });
    for (const element of ['<Dec>1000000000000000000000</Dec>', '<Amt>0.0000001</Amt>', '<Big>2000000000000000000000</Big>', '<Dbl>1e+21</Dbl>']) expect(text).toContain(element);
    // Valid text, so no MAP_TYPE; the amount's seven fraction digits break its fractionDigits 2, counted as written.
    expect(problems({ Dec: 1e21, Amt: { '#text': 1e-7 }, Big: 2e21, Dbl: 1e21 })).toEqual(['MAP_SCHEMA Doc.Amt.#text']);
  });

  it('writes positional text that reads back as the same number', () => {
    const cases: Array<[number, string]> = [[1e21, '1000000000000000000000'], [-1.2345e25, '-12345000000000000000000000'], [1.5e-7, '0.00000015'], [-2e-10, '-0.0000000002'], [123.45, '123.45'], [0, '0']];
    for (const [value, written] of cases) expect(positionalNumberText(value)).toBe(written);
    for (let i = 0; i < 500; i++) {
      const value = (Math.random() - 0.5) * 10 ** Math.floor(Math.random() * 60 - 30);
      const written = positionalNumberText(value);
      expect(written, String(value)).toMatch(/^-?\d+(\.\d+)?$/);
      expect(Number(written)).toBe(value);
    }
  });

  it('refuses a point, an exponent, NaN and INF in the integer types', () => {
    expect(problems({ Count: '-42', Big: '007' })).toEqual([]);
    for (const text of ['1e3', '1.0', 'NaN', 'INF']) expect(problems({ Count: text, Big: text }), text).toEqual(['MAP_TYPE Doc.Count', 'MAP_TYPE Doc.Big']);
  });

  it('accepts an exponent, INF, -INF and NaN in xs:double and xs:float, and still refuses other text', () => {
    for (const text of ['1e3', '-1.5E-7', 'INF', '-INF', 'NaN', '12', '.5']) expect(problems({ Dbl: text, Flt: text }), text).toEqual([]);
    for (const text of ['inf', 'nan', '1e', 'e3', '1,5']) expect(problems({ Dbl: text, Flt: text }), text).toEqual(['MAP_TYPE Doc.Dbl', 'MAP_TYPE Doc.Flt']);
  });

  it('names the amount on the SEPA pain.001 instance that has an exponent', async () => {
    const sepa = await loadXsd(readFileSync(join(CORPUS, 'xsd/sepa/pain.001.001.03.xsd'), 'utf8'), 'pain.001.001.03.xsd', none);
    const doc = structuredClone(readPayload(readFileSync(join(CORPUS, 'xml/sepa/pain.001.001.03.xml')), { format: 'xml' }).value) as Json;
    expect(validateFields(doc, sepa.root)).toEqual([]);
    const block = doc.Document.CstmrCdtTrfInitn.PmtInf;
    block.CdtTrfTxInf[0].Amt.InstdAmt['#text'] = '1e3';
    block.CtrlSum = 'NaN';
    expect(validateFields(doc, sepa.root).map((v) => `${v.code} ${v.path}`)).toEqual(['MAP_TYPE Document.CstmrCdtTrfInitn.PmtInf.CtrlSum', 'MAP_TYPE Document.CstmrCdtTrfInitn.PmtInf.CdtTrfTxInf[0].Amt.InstdAmt.#text']);
  });
});
