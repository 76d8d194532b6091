/** `maxLength` reaches the field model from XSD facets and JSON Schema, and the field validator checks it. */
import { describe, expect, it } from 'vitest';
import { validateFields } from '../validate/validate-fields';
import { loadJsonSchema } from './json-schema';
import { findField } from './model';
import type { SourceResolver } from './resolver';
import { loadXsd } from './xsd/load-xsd';

const none: SourceResolver = { read: () => Promise.reject(new Error('no includes')) };

describe('maxLength', () => {
  it('is read from an XSD maxLength facet (through a named type) and checked', async () => {
    const xsd = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
      <xs:simpleType name="Max5"><xs:restriction base="xs:string"><xs:maxLength value="5"/></xs:restriction></xs:simpleType>
      <xs:element name="Doc"><xs:complexType><xs:sequence><xs:element name="Nm" type="Max5"/></xs:sequence></xs:complexType></xs:element>
    </xs:schema>`;
    const doc = await loadXsd(xsd, 'doc.xsd', none, { root: 'Doc' });
    expect(findField(doc.root, ['Doc', 'Nm'])?.maxLength).toBe(5);
    expect(validateFields({ Doc: { Nm: 'abcdef' } }, doc.root).map((v) => v.code)).toEqual(['MAP_SCHEMA']);
    expect(validateFields({ Doc: { Nm: 'abcde' } }, doc.root)).toEqual([]);
  });

  it('is read from JSON Schema', async () => {
    const doc = await loadJsonSchema(JSON.stringify({ type: 'object', properties: { code: { type: 'string', maxLength: 3 } } }), 's.json', none);
    expect(findField(doc.root, ['code'])?.maxLength).toBe(3);
  });
});
