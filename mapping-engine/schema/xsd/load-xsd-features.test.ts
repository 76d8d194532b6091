import { describe, expect, it } from 'vitest';
import { findField, type SchemaDocument, type SchemaField } from '../model';
import type { SourceResolver } from '../resolver';
import { loadXsd } from './index';

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';

/** Serves in-memory files and records the locations read. */
function memory(files: Record<string, string>, reads: string[] = []): SourceResolver {
  return {
    read: async (location) => {
      reads.push(location);
      const text = files[location];
      if (text === undefined) throw new Error(`ENOENT: ${location}`);
      return text;
    },
  };
}

function field(doc: SchemaDocument, path: string): SchemaField {
  const found = findField(doc.root, path.split('/'));
  if (!found) throw new Error(`no field ${path}`);
  return found;
}

function names(doc: SchemaDocument, path: string): string[] {
  return field(doc, path).children?.map((c) => c.name) ?? [];
}

const PERSON = `<xs:schema ${XS} xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">
  <xs:attributeGroup name="ids">
    <xs:attribute name="id" type="xs:ID" use="required"/>
    <xs:attributeGroup ref="t:meta"/>
  </xs:attributeGroup>
  <xs:attributeGroup name="meta">
    <xs:attribute name="version" type="xs:positiveInteger"/>
    <xs:anyAttribute/>
  </xs:attributeGroup>
  <xs:attribute name="status" type="xs:string"/>
  <xs:group name="names">
    <xs:sequence>
      <xs:element name="first" type="xs:string"/>
      <xs:element name="last" type="xs:string" minOccurs="0"/>
    </xs:sequence>
  </xs:group>
  <xs:element name="person" type="t:Person"/>
  <xs:complexType name="Person">
    <xs:annotation><xs:documentation>A human being.</xs:documentation></xs:annotation>
    <xs:sequence>
      <xs:group ref="t:names"/>
      <xs:sequence minOccurs="0" maxOccurs="unbounded">
        <xs:element name="phone" type="xs:string"/>
        <xs:element name="kind" type="t:PhoneKind"/>
      </xs:sequence>
      <xs:choice>
        <xs:element name="email" type="xs:string"/>
        <xs:element name="fax" type="xs:string"/>
      </xs:choice>
      <xs:element name="born" type="xs:date" nillable="true"/>
      <xs:element name="age" type="t:Age"/>
      <xs:element name="child" type="t:Person" minOccurs="0" maxOccurs="unbounded"/>
      <xs:element name="note" form="unqualified" type="xs:string" minOccurs="0"/>
    </xs:sequence>
    <xs:attributeGroup ref="t:ids"/>
    <xs:attribute ref="t:status"/>
  </xs:complexType>
  <xs:simpleType name="PhoneKind">
    <xs:restriction base="xs:token"><xs:enumeration value="home"/><xs:enumeration value="work"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="Age">
    <xs:restriction base="t:SmallInt"><xs:enumeration value="1"/><xs:enumeration value="2"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="SmallInt">
    <xs:restriction base="xs:unsignedByte"><xs:pattern value="\\d+"/></xs:restriction>
  </xs:simpleType>
</xs:schema>`;

describe('loadXsd: particles, attributes and simple types', async () => {
  const doc = await loadXsd(PERSON, '/s/person.xsd', memory({}));

  it('flattens attribute groups (nested) before the elements, and anyAttribute opens the element', () => {
    expect(names(doc, 'person')).toEqual(['@id', '@version', '@status', 'first', 'last', 'phone', 'kind', 'email', 'fax', 'born', 'age', 'child', 'note']);
    expect(field(doc, 'person/@id')).toMatchObject({ required: true, type: 'string', format: 'ID', xml: { kind: 'attribute' } });
    expect(field(doc, 'person/@version')).toMatchObject({ required: false, type: 'integer' });
    expect(field(doc, 'person/@status').xml).toEqual({ kind: 'attribute', namespace: 'urn:t' });
    expect(field(doc, 'person').open).toBe(true);
    expect(field(doc, 'person').description).toBe('A human being.');
  });

  it('multiplies occurrence through groups', () => {
    expect(field(doc, 'person/first')).toMatchObject({ required: true, repeating: false, minOccurs: 1, maxOccurs: 1 });
    expect(field(doc, 'person/last').required).toBe(false);
    expect(field(doc, 'person/phone')).toMatchObject({ required: false, repeating: true, minOccurs: 0 });
    expect(field(doc, 'person/phone').maxOccurs).toBeUndefined();
    expect(field(doc, 'person/kind')).toMatchObject({ repeating: true, type: 'string', enum: ['home', 'work'] });
    expect(field(doc, 'person/email').required).toBe(false);
    expect(field(doc, 'person/fax').required).toBe(false);
    // The choice is only part of the content, so the parent is no choice.
    expect(field(doc, 'person').choice).toBeUndefined();
  });

  it('maps nillable, restriction chains and element forms', () => {
    expect(field(doc, 'person/born')).toMatchObject({ type: 'date', nullable: true, required: true });
    expect(field(doc, 'person/age')).toMatchObject({ type: 'integer', enum: [1, 2], pattern: '\\d+', origin: { ref: '{urn:t}Age' } });
    expect(field(doc, 'person/first').xml).toEqual({ kind: 'element', namespace: 'urn:t' });
    expect(field(doc, 'person/note').xml).toEqual({ kind: 'element' });
  });

  it('cuts a recursive type at its second occurrence on the path', () => {
    expect(field(doc, 'person/child')).toMatchObject({ recursive: true, repeating: true, type: 'object', origin: { ref: '{urn:t}Person' } });
    expect(field(doc, 'person/child').children).toBeUndefined();
  });
});

const SHAPES = `<xs:schema ${XS}>
  <xs:complexType name="Base">
    <xs:sequence><xs:element name="a" type="xs:string"/><xs:element name="b" type="xs:string" minOccurs="0"/></xs:sequence>
    <xs:attribute name="x" type="xs:string"/><xs:attribute name="y" type="xs:string"/>
  </xs:complexType>
  <xs:complexType name="Narrow"><xs:complexContent><xs:restriction base="Base">
    <xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence>
    <xs:attribute name="x" type="xs:string" use="required"/><xs:attribute name="y" use="prohibited"/>
  </xs:restriction></xs:complexContent></xs:complexType>
  <xs:complexType name="Code"><xs:simpleContent><xs:extension base="xs:string">
    <xs:attribute name="list" type="xs:string"/>
  </xs:extension></xs:simpleContent></xs:complexType>
  <xs:complexType name="Color"><xs:simpleContent><xs:restriction base="Code">
    <xs:enumeration value="red"/><xs:enumeration value="blue"/>
  </xs:restriction></xs:simpleContent></xs:complexType>
  <xs:complexType name="Para" mixed="true"><xs:sequence>
    <xs:element name="b" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
  </xs:sequence></xs:complexType>
  <xs:complexType name="Unordered"><xs:all>
    <xs:element name="p" type="xs:int"/><xs:element name="q" type="xs:boolean" minOccurs="0"/>
  </xs:all></xs:complexType>
  <xs:complexType name="Picks"><xs:choice maxOccurs="unbounded">
    <xs:element name="r" type="xs:time"/><xs:element name="s" type="xs:gYear"/>
  </xs:choice></xs:complexType>
  <xs:complexType name="Either"><xs:sequence><xs:choice>
    <xs:element name="u" type="xs:string"/>
    <xs:sequence><xs:element name="v" type="xs:double"/><xs:element name="w" type="xs:dateTime"/></xs:sequence>
  </xs:choice></xs:sequence></xs:complexType>
  <xs:element name="doc"><xs:complexType><xs:sequence>
    <xs:element name="narrow" type="Narrow"/>
    <xs:element name="color" type="Color"/>
    <xs:element name="para" type="Para"/>
    <xs:element name="unordered" type="Unordered"/>
    <xs:element name="picks" type="Picks"/>
    <xs:element name="either" type="Either"/>
    <xs:element name="dup" type="xs:string"/>
    <xs:element name="dup" type="xs:string"/>
    <xs:element name="list"><xs:simpleType><xs:list itemType="xs:int"/></xs:simpleType></xs:element>
    <xs:element name="union"><xs:simpleType><xs:union memberTypes="xs:int xs:long"/></xs:simpleType></xs:element>
    <xs:element name="flag"><xs:simpleType><xs:restriction base="xs:boolean"><xs:enumeration value="true"/></xs:restriction></xs:simpleType></xs:element>
    <xs:element name="untyped"/>
    <xs:element name="never" type="xs:string" maxOccurs="0"/>
  </xs:sequence></xs:complexType></xs:element>
</xs:schema>`;

describe('loadXsd: derivation and content shapes', async () => {
  const doc = await loadXsd(SHAPES, '/s/shapes.xsd', memory({}));

  it('a complexContent restriction restates content and overrides or prohibits attributes', () => {
    expect(names(doc, 'doc/narrow')).toEqual(['@x', 'a']);
    expect(field(doc, 'doc/narrow/@x').required).toBe(true);
  });

  it('a simpleContent restriction keeps the base attributes and adds the enumeration', () => {
    expect(field(doc, 'doc/color').xml).toEqual({ kind: 'element', simpleContent: true });
    expect(names(doc, 'doc/color')).toEqual(['#text', '@list']);
    expect(field(doc, 'doc/color/#text')).toMatchObject({ type: 'string', enum: ['red', 'blue'], required: true });
  });

  it('mixed content gets an optional #text', () => {
    expect(names(doc, 'doc/para')).toEqual(['#text', 'b']);
    expect(field(doc, 'doc/para/#text')).toMatchObject({ required: false, xml: { kind: 'text' } });
  });

  it('xs:all and a repeating choice', () => {
    expect(field(doc, 'doc/unordered/p')).toMatchObject({ type: 'integer', required: true });
    expect(field(doc, 'doc/unordered/q')).toMatchObject({ type: 'boolean', required: false });
    expect(field(doc, 'doc/picks/r')).toMatchObject({ type: 'time', repeating: true, required: false });
    expect(field(doc, 'doc/picks/s')).toMatchObject({ type: 'string', format: 'gYear', repeating: true });
    // Any mix of repeated alternatives is allowed, so this is not "exactly one of".
    expect(field(doc, 'doc/picks').choice).toBeUndefined();
  });

  it('a content that is one choice marks the parent; elements of a branch sequence are optional', () => {
    expect(field(doc, 'doc/either').choice).toBe(true);
    expect(names(doc, 'doc/either')).toEqual(['u', 'v', 'w']);
    expect(field(doc, 'doc/either/v')).toMatchObject({ type: 'number', required: false });
    expect(field(doc, 'doc/either/w')).toMatchObject({ type: 'datetime', required: false });
  });

  it('a repeated element name becomes one repeating field; maxOccurs="0" removes it', () => {
    expect(names(doc, 'doc').filter((n) => n === 'dup')).toHaveLength(1);
    expect(field(doc, 'doc/dup')).toMatchObject({ repeating: true, required: true });
    expect(findField(doc.root, ['doc', 'never'])).toBeUndefined();
  });

  it('lists, unions, typed enumerations and untyped elements', () => {
    expect(field(doc, 'doc/list')).toMatchObject({ type: 'string', format: 'list' });
    expect(field(doc, 'doc/union').type).toBe('integer');
    expect(field(doc, 'doc/flag')).toMatchObject({ type: 'boolean', enum: [true] });
    expect(field(doc, 'doc/flag').origin).toEqual({ kind: 'xsd', file: '/s/shapes.xsd' });
    expect(field(doc, 'doc/untyped')).toMatchObject({ type: 'any', open: true });
    expect(doc.namespaces).toEqual({});
  });
});

describe('loadXsd: include, import and namespaces across files', () => {
  const MAIN = `<xs:schema ${XS} xmlns:c="urn:c" xmlns:o="urn:other" targetNamespace="urn:c" elementFormDefault="qualified">
    <xs:include schemaLocation="parts/lib.xsd"/>
    <xs:import namespace="urn:other" schemaLocation="other/a.xsd"/>
    <xs:import namespace="urn:third" schemaLocation="other/b.xsd"/>
    <xs:element name="order" type="c:Order"/>
  </xs:schema>`;
  const LIB = `<xs:schema ${XS} elementFormDefault="qualified">
    <xs:complexType name="Order"><xs:sequence>
      <xs:element name="line" type="Line" maxOccurs="unbounded"/>
      <xs:element ref="o:extra" xmlns:o="urn:other"/>
      <xs:element ref="th:more" xmlns:th="urn:third"/>
    </xs:sequence></xs:complexType>
    <xs:complexType name="Line"><xs:attribute name="no" type="xs:int" use="required"/></xs:complexType>
  </xs:schema>`;
  const A = `<xs:schema ${XS} xmlns:oth="urn:other" targetNamespace="urn:other">
    <xs:import namespace="urn:shared" schemaLocation="shared.xsd"/>
    <xs:element name="extra" type="xs:anyURI"/>
  </xs:schema>`;
  const B = `<xs:schema ${XS} xmlns="urn:third" targetNamespace="urn:third">
    <xs:import namespace="urn:shared" schemaLocation="./shared.xsd"/>
    <xs:import namespace="urn:other" schemaLocation="http://example.com/other.xsd"/>
    <xs:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="http://www.w3.org/2001/xml.xsd"/>
    <xs:element name="more"><xs:complexType><xs:attribute ref="xml:lang"/></xs:complexType></xs:element>
  </xs:schema>`;
  const SHARED = `<xs:schema ${XS} xmlns:sh="urn:shared" targetNamespace="urn:shared"/>`;
  const files = { '/s/parts/lib.xsd': LIB, '/s/other/a.xsd': A, '/s/other/b.xsd': B, '/s/other/shared.xsd': SHARED };

  it('a chameleon include takes the includer namespace; imports resolve relative to the importing file', async () => {
    const reads: string[] = [];
    const doc = await loadXsd(MAIN, '/s/main.xsd', memory(files, reads));
    expect(field(doc, 'order/line')).toMatchObject({ repeating: true, xml: { kind: 'element', namespace: 'urn:c' }, origin: { file: '/s/parts/lib.xsd', ref: '{urn:c}Line' } });
    expect(field(doc, 'order/line/@no')).toMatchObject({ type: 'integer', required: true, xml: { kind: 'attribute' } });
    expect(field(doc, 'order/extra')).toMatchObject({ type: 'string', format: 'anyURI', xml: { namespace: 'urn:other' } });
    expect(field(doc, 'order/more/@lang')).toMatchObject({ format: 'language', xml: { kind: 'attribute', namespace: 'http://www.w3.org/XML/1998/namespace' } });
    // shared.xsd is imported twice but read once; the remote imports are never asked for.
    expect(reads.sort()).toEqual(['/s/other/a.xsd', '/s/other/b.xsd', '/s/other/shared.xsd', '/s/parts/lib.xsd']);
    expect(doc.namespaces).toEqual({ 'urn:c': 'c', 'urn:other': 'o', 'urn:third': 'ns1', 'urn:shared': 'sh' });
  });

  it('a remote import of a namespace nothing else supplies is SCHEMA_REF at the import', async () => {
    const lonely = `<xs:schema ${XS}>\n  <xs:import namespace="urn:x" schemaLocation="https://example.com/x.xsd"/>\n  <xs:element name="a"/>\n</xs:schema>`;
    await expect(loadXsd(lonely, '/s/lonely.xsd', memory({}))).rejects.toMatchObject({ code: 'SCHEMA_REF', file: '/s/lonely.xsd', line: 2, column: 3 });
  });

  it('a remote include is SCHEMA_REF', async () => {
    const remote = `<xs:schema ${XS}><xs:include schemaLocation="http://example.com/x.xsd"/><xs:element name="a"/></xs:schema>`;
    await expect(loadXsd(remote, '/s/remote.xsd', memory({}))).rejects.toMatchObject({ code: 'SCHEMA_REF', file: '/s/remote.xsd', line: 1 });
  });
});
