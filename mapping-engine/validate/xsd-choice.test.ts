/**
 * Output validation enforces xs:choice: a required choice needs one of its
 * alternatives, and two different alternatives that are single elements break
 * it. Proven on the corpus's SEPA pain.001.001.03 instance (SvcLvl is Cd or
 * Prtry, an account Id is IBAN or Othr) and on a small schema for an optional
 * choice, a branch that is a sequence, and a required attribute beside a choice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPayload } from '../payload/read-payload';
import type { SourceResolver } from '../schema/resolver';
import { loadXsd } from '../schema/xsd/load-xsd';
import { validateFields } from './validate-fields';

const CORPUS = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'corpus');
const none: SourceResolver = { read: () => Promise.reject(new Error('no includes')) };

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('xs:choice on SEPA pain.001.001.03', async () => {
  const schema = await loadXsd(readFileSync(join(CORPUS, 'xsd/sepa/pain.001.001.03.xsd'), 'utf8'), 'pain.001.001.03.xsd', none);
  const instance = () => structuredClone(readPayload(readFileSync(join(CORPUS, 'xml/sepa/pain.001.001.03.xml')), { format: 'xml' }).value) as Json;

  it('accepts the corpus instance, and either alternative', () => {
    expect(validateFields(instance(), schema.root)).toEqual([]);
    const doc = instance();
    doc.Document.CstmrCdtTrfInitn.PmtInf.PmtTpInf.SvcLvl = { Prtry: 'OWN' };
    expect(validateFields(doc, schema.root)).toEqual([]);
  });

  it('reports two alternatives at the second, and none where one is required', () => {
    const doc = instance();
    const block = doc.Document.CstmrCdtTrfInitn.PmtInf;
    block.PmtTpInf.SvcLvl = { Cd: 'SEPA', Prtry: 'OWN' };
    block.CdtTrfTxInf[1].CdtrAcct.Id = {};
    expect(validateFields(doc, schema.root).map((v) => `${v.code} ${v.path}`)).toEqual([
      'MAP_SCHEMA Document.CstmrCdtTrfInitn.PmtInf.PmtTpInf.SvcLvl.Prtry',
      'MAP_REQUIRED_MISSING Document.CstmrCdtTrfInitn.PmtInf.CdtTrfTxInf[1].CdtrAcct.Id',
    ]);
  });
});

describe('xs:choice forms the corpus does not show', () => {
  it('allows an optional choice to be empty and a sequence branch to be whole, and still requires an attribute beside a choice', async () => {
    const xsd = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
      <xs:element name="Doc"><xs:complexType><xs:sequence>
        <xs:element name="Opt"><xs:complexType><xs:choice minOccurs="0"><xs:element name="A" type="xs:string"/><xs:element name="B" type="xs:string"/></xs:choice></xs:complexType></xs:element>
        <xs:element name="Seq"><xs:complexType><xs:choice><xs:sequence><xs:element name="From" type="xs:string"/><xs:element name="To" type="xs:string"/></xs:sequence><xs:element name="On" type="xs:string"/></xs:choice></xs:complexType></xs:element>
        <xs:element name="Att"><xs:complexType><xs:choice><xs:element name="X" type="xs:string"/><xs:element name="Y" type="xs:string"/></xs:choice><xs:attribute name="kind" type="xs:string" use="required"/></xs:complexType></xs:element>
      </xs:sequence></xs:complexType></xs:element>
    </xs:schema>`;
    const doc = await loadXsd(xsd, 'doc.xsd', none, { root: 'Doc' });
    const found = (Doc: Json) => validateFields({ Doc }, doc.root).map((v) => `${v.code} ${v.path}`);
    expect(found({ Opt: {}, Seq: { From: 'a', To: 'b' }, Att: { '@kind': 'k', X: 'x' } })).toEqual([]);
    expect(found({ Opt: { A: 'a', B: 'b' }, Seq: {}, Att: { Y: 'y' } })).toEqual(['MAP_SCHEMA Doc.Opt.B', 'MAP_REQUIRED_MISSING Doc.Seq', 'MAP_REQUIRED_MISSING Doc.Att.@kind']);
  });
});
