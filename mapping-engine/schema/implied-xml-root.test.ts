/**
 * An XML target's output with no root element (the empty mapping's `{}`) is
 * the schema's one root element, empty: the writer writes it so and the
 * validation judges it so, so the two agree. An XSD's root is the element
 * the project names (`schema.root`), else its first global element; a field
 * tree with several root elements names none, and `{}` stays unwritable.
 */
import { describe, expect, it } from 'vitest';
import { writePayload } from '../payload/write-payload';
import { validateOutput } from '../validate/validate-output';
import type { SourceResolver } from './resolver';
import { loadXsd } from './xsd/load-xsd';
import { impliedRootName } from './implied-xml-root';
import { makeField } from './model';

const none: SourceResolver = { read: () => Promise.reject(new Error('no includes')) };
const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';
const ORDER = `<xs:schema ${XS} targetNamespace="urn:o" xmlns="urn:o" elementFormDefault="qualified"><xs:element name="Order"><xs:complexType><xs:sequence><xs:element name="Id" type="xs:string"/><xs:element name="Note" type="xs:string" minOccurs="0"/></xs:sequence></xs:complexType></xs:element></xs:schema>`;
const TWO = `<xs:schema ${XS}><xs:element name="A" type="xs:string"/><xs:element name="B" type="xs:string"/></xs:schema>`;

describe('the implied XML root', () => {
  it('writes {} as the root element, empty, in its namespace, and validates it as that element', async () => {
    const schema = await loadXsd(ORDER, 'order.xsd', none);
    expect(impliedRootName(schema.root)).toBe('Order');
    expect(writePayload({}, 'xml', { schema: schema.root })).toContain('<Order xmlns="urn:o"/>');
    // Judged as written: the root is there, its required child is not.
    expect(validateOutput({}, { schema }).map((v) => `${v.code} ${v.path}`)).toEqual(['MAP_REQUIRED_MISSING Order.Id']);
    // Output with a root is untouched.
    expect(validateOutput({ Order: { Id: '1' } }, { schema })).toEqual([]);
  });

  it("takes the XSD root the project names; leaves {} unwritable without a schema or with several root elements", async () => {
    expect(impliedRootName((await loadXsd(TWO, 'two.xsd', none)).root)).toBe('A');
    expect(writePayload({}, 'xml', { schema: (await loadXsd(TWO, 'two.xsd', none, { root: 'B' })).root })).toContain('<B/>');
    expect(() => writePayload({}, 'xml')).toThrow(expect.objectContaining({ code: 'XML_WRITE' }));
    const origin = { kind: 'xsd' } as const;
    const element = (name: string) => makeField({ name, path: [name], type: 'string', origin, xml: { kind: 'element' } });
    const several = makeField({ name: '', path: [], type: 'object', origin, children: [element('A'), element('B')] });
    expect(impliedRootName(several)).toBeUndefined();
    expect(() => writePayload({}, 'xml', { schema: several })).toThrow(expect.objectContaining({ code: 'XML_WRITE' }));
  });
});
