/**
 * Output validation enforces every XSD facet, proven on the corpus's SEPA
 * pain.001.001.03 instance and schema (tests/fixtures/corpus, see its
 * SOURCES.md) with one deliberate violation per facet the schema uses, and
 * on a small schema for the facets SEPA and UBL do not use (UBL 2.1 declares
 * no value facets at all). Every violation is reported, with its path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPayload } from '../payload/read-payload';
import type { SourceResolver } from '../schema/resolver';
import { loadXsd } from '../schema/xsd/load-xsd';
import { validateFields } from './validate-fields';
import { validateOutput } from './validate-output';

const CORPUS = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'corpus');
const none: SourceResolver = { read: () => Promise.reject(new Error('no includes')) };

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('XSD facets on SEPA pain.001.001.03', async () => {
  const schema = await loadXsd(readFileSync(join(CORPUS, 'xsd/sepa/pain.001.001.03.xsd'), 'utf8'), 'pain.001.001.03.xsd', none);
  const instance = () => structuredClone(readPayload(readFileSync(join(CORPUS, 'xml/sepa/pain.001.001.03.xml')), { format: 'xml' }).value) as Json;

  it('accepts the corpus instance as it is', () => {
    expect(validateFields(instance(), schema.root)).toEqual([]);
  });

  it('reports each violated facet with its path', () => {
    const doc = instance();
    const msg = doc.Document.CstmrCdtTrfInitn;
    msg.GrpHdr.MsgId = ''; // minLength 1
    msg.GrpHdr.InitgPty.Nm = 'N'.repeat(141); // maxLength 140
    msg.GrpHdr.NbOfTxs = '2x'; // pattern [0-9]{1,15}
    msg.PmtInf.CtrlSum = '0.123456789012345678'; // fractionDigits 17 (18 digits in all: totalDigits 18 holds)
    msg.PmtInf.ChrgBr = 'XXXX'; // enumeration
    const [first, second] = msg.PmtInf.CdtTrfTxInf;
    first.Amt.InstdAmt['#text'] = '-1.00'; // minInclusive 0
    second.Amt.InstdAmt['#text'] = '1234567890123456789'; // totalDigits 18
    first.Amt.InstdAmt['@Ccy'] = 'euro'; // pattern [A-Z]{3,3}
    const found = validateFields(doc, schema.root).map((v) => `${v.code} ${v.path}`);
    expect(found.sort()).toEqual(
      [
        'MAP_SCHEMA Document.CstmrCdtTrfInitn.GrpHdr.MsgId',
        'MAP_SCHEMA Document.CstmrCdtTrfInitn.GrpHdr.InitgPty.Nm',
        'MAP_PATTERN Document.CstmrCdtTrfInitn.GrpHdr.NbOfTxs',
        'MAP_SCHEMA Document.CstmrCdtTrfInitn.PmtInf.CtrlSum',
        'MAP_ENUM Document.CstmrCdtTrfInitn.PmtInf.ChrgBr',
        'MAP_SCHEMA Document.CstmrCdtTrfInitn.PmtInf.CdtTrfTxInf[0].Amt.InstdAmt.#text',
        'MAP_SCHEMA Document.CstmrCdtTrfInitn.PmtInf.CdtTrfTxInf[1].Amt.InstdAmt.#text',
        'MAP_PATTERN Document.CstmrCdtTrfInitn.PmtInf.CdtTrfTxInf[0].Amt.InstdAmt.@Ccy',
      ].sort(),
    );
  });
});

describe('XSD facets SEPA and UBL do not use', () => {
  it('checks length, maxInclusive, minExclusive and maxExclusive', async () => {
    const xsd = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
      <xs:simpleType name="Exact2"><xs:restriction base="xs:string"><xs:length value="2"/></xs:restriction></xs:simpleType>
      <xs:simpleType name="Percent"><xs:restriction base="xs:decimal"><xs:minExclusive value="0"/><xs:maxInclusive value="100"/></xs:restriction></xs:simpleType>
      <xs:simpleType name="Below10"><xs:restriction base="xs:integer"><xs:maxExclusive value="10"/></xs:restriction></xs:simpleType>
      <xs:element name="Doc"><xs:complexType><xs:sequence>
        <xs:element name="Cc" type="Exact2"/><xs:element name="Rate" type="Percent"/><xs:element name="Digit" type="Below10"/>
      </xs:sequence></xs:complexType></xs:element>
    </xs:schema>`;
    const doc = await loadXsd(xsd, 'doc.xsd', none, { root: 'Doc' });
    expect(validateFields({ Doc: { Cc: 'DE', Rate: '100', Digit: '9' } }, doc.root)).toEqual([]);
    const bad = (Doc: Json) => validateFields({ Doc }, doc.root).map((v) => `${v.code} ${v.path}`);
    expect(bad({ Cc: 'D', Rate: '0', Digit: '10' })).toEqual(['MAP_SCHEMA Doc.Cc', 'MAP_SCHEMA Doc.Rate', 'MAP_SCHEMA Doc.Digit']);
    expect(bad({ Cc: 'DEU', Rate: '100.5', Digit: '3' })).toEqual(['MAP_SCHEMA Doc.Cc', 'MAP_SCHEMA Doc.Rate']);
  });
});

describe('the JSON Schema equivalents', () => {
  it('are reported with their paths', () => {
    const jsonSchema = {
      type: 'object',
      properties: {
        id: { type: 'string', minLength: 1, maxLength: 35, pattern: '^[A-Z]' },
        amount: { type: 'number', exclusiveMinimum: 0, maximum: 1000, multipleOf: 0.01 },
        currency: { enum: ['EUR'] },
      },
    };
    const codes = validateOutput({ id: '', amount: 1000.001, currency: 'USD' }, { jsonSchema }).map((v) => v.path);
    expect(new Set(codes)).toEqual(new Set(['id', 'amount', 'currency']));
    expect(validateOutput({ id: 'X'.repeat(36), amount: 0 }, { jsonSchema }).map((v) => v.path).sort()).toEqual(['amount', 'id']);
    expect(validateOutput({ id: 'PAY-1', amount: 12.5, currency: 'EUR' }, { jsonSchema })).toEqual([]);
  });
});
