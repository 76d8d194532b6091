import { describe, expect, it } from 'vitest';
import { findField } from '../model';
import type { SourceResolver } from '../resolver';
import { listXsdRoots, loadXsd } from './index';

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';

function memory(files: Record<string, string | Uint8Array> = {}): SourceResolver {
  return {
    read: async (location) => {
      const content = files[location];
      if (content === undefined) throw new Error(`ENOENT: ${location}`);
      return content;
    },
  };
}

function schema(body: string, attrs = ''): string {
  return `<?xml version="1.0"?>\n<xs:schema ${XS} ${attrs}>\n${body}\n</xs:schema>`;
}

async function failure(text: string | Uint8Array, files: Record<string, string> = {}, root?: string): Promise<unknown> {
  return loadXsd(text, '/s/bad.xsd', memory(files), root === undefined ? {} : { root }).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('loadXsd errors', () => {
  it('malformed XML is XSD_PARSE with the line of the problem', async () => {
    const error = await failure(schema('  <xs:element name="a">\n  <xs:element name="b"/>'));
    expect(error).toMatchObject({ code: 'XSD_PARSE', file: '/s/bad.xsd', line: 5 });
  });

  it('a document that is not xs:schema is XSD_PARSE', async () => {
    expect(await failure('<root/>')).toMatchObject({ code: 'XSD_PARSE', line: 1, column: 1 });
    expect(await failure('<foo:schema/>')).toMatchObject({ code: 'XSD_PARSE' });
    expect(await failure('')).toMatchObject({ code: 'XSD_PARSE' });
  });

  it('an undeclared type is XSD_REF naming file, position and QName', async () => {
    const error = await failure(schema('  <xs:element name="a" type="t:Missing"/>', 'xmlns:t="urn:t" targetNamespace="urn:t"'));
    expect(error).toMatchObject({ code: 'XSD_REF', file: '/s/bad.xsd', line: 3, column: 3 });
    expect((error as Error).message).toContain('{urn:t}Missing');
    const crlf = schema('\n\n    <xs:element name="a" type="Missing"/>').replace(/\n/g, '\r\n');
    expect(await failure(crlf)).toMatchObject({ code: 'XSD_REF', line: 5, column: 5 });
  });

  it('an undeclared prefix, element, group or attribute group is XSD_REF', async () => {
    expect(await failure(schema('<xs:element name="a" type="nope:T"/>'))).toMatchObject({ code: 'XSD_REF', line: 3 });
    const refs = [
      '<xs:element ref="ghost"/>',
      '<xs:group ref="ghost"/>',
      '<xs:sequence/><xs:attributeGroup ref="ghost"/>',
      '<xs:sequence/><xs:attribute ref="ghost"/>',
    ];
    for (const inner of refs) {
      const text = schema(`<xs:element name="a"><xs:complexType>${inner.startsWith('<xs:sequence/>') ? inner : `<xs:sequence>${inner}</xs:sequence>`}</xs:complexType></xs:element>`);
      const error = await failure(text);
      expect(error).toMatchObject({ code: 'XSD_REF', file: '/s/bad.xsd', line: 3 });
      expect((error as Error).message).toContain('"ghost"');
    }
  });

  it('a broken component the root does not reach is not an error', async () => {
    const doc = await loadXsd(schema('<xs:element name="a" type="xs:int"/><xs:complexType name="Broken"><xs:sequence><xs:element name="x" type="Missing"/></xs:sequence></xs:complexType>'), '/s/ok.xsd', memory());
    expect(findField(doc.root, ['a'])?.type).toBe('integer');
  });

  it('circular derivations and groups are XSD_REF, not a hang', async () => {
    const types = schema(`<xs:element name="a" type="A"/>
      <xs:complexType name="A"><xs:complexContent><xs:extension base="B"/></xs:complexContent></xs:complexType>
      <xs:complexType name="B"><xs:complexContent><xs:extension base="A"/></xs:complexContent></xs:complexType>`);
    expect(await failure(types)).toMatchObject({ code: 'XSD_REF' });
    const groups = schema(`<xs:element name="a"><xs:complexType><xs:group ref="g"/></xs:complexType></xs:element>
      <xs:group name="g"><xs:sequence><xs:group ref="g"/></xs:sequence></xs:group>`);
    expect(await failure(groups)).toMatchObject({ code: 'XSD_REF' });
    const simple = schema(`<xs:element name="a" type="S"/>
      <xs:simpleType name="S"><xs:restriction base="S"/></xs:simpleType>`);
    expect(await failure(simple)).toMatchObject({ code: 'XSD_REF' });
  });

  it('a missing include target is XSD_REF at the include, naming the resolved file', async () => {
    const error = await failure(schema('  <xs:include schemaLocation="../lib/missing.xsd"/>\n<xs:element name="a"/>'));
    expect(error).toMatchObject({ code: 'XSD_REF', file: '/s/bad.xsd', line: 3, column: 3 });
    expect((error as Error).message).toContain('/lib/missing.xsd');
  });

  it('a malformed included file is XSD_PARSE naming that file', async () => {
    const error = await failure(schema('<xs:include schemaLocation="inc.xsd"/><xs:element name="a"/>'), { '/s/inc.xsd': `<xs:schema ${XS}>\n<xs:element>\n</xs:schema>` });
    expect(error).toMatchObject({ code: 'XSD_PARSE', file: '/s/inc.xsd', line: 3 });
  });

  it('an unknown root is SCHEMA_ROOT listing the roots', async () => {
    const text = schema('<xs:element name="a"/><xs:element name="b"/>');
    expect(await failure(text, {}, 'c')).toMatchObject({ code: 'SCHEMA_ROOT', expected: 'a, b' });
    expect(await listXsdRoots(text, '/s/ok.xsd', memory())).toEqual(['a', 'b']);
    const doc = await loadXsd(text, '/s/ok.xsd', memory(), { root: 'b' });
    expect(doc.root.children?.map((c) => c.name)).toEqual(['b']);
  });

  it('a schema of simple types offers them as roots; an empty one has nothing to map', async () => {
    const simple = schema('<xs:simpleType name="S"><xs:restriction base="xs:string"><xs:enumeration value="x"/></xs:restriction></xs:simpleType>');
    expect(await listXsdRoots(simple, '/s/simple.xsd', memory())).toEqual(['S']);
    const doc = await loadXsd(simple, '/s/simple.xsd', memory());
    expect(findField(doc.root, ['S'])).toMatchObject({ type: 'string', enum: ['x'], required: true, origin: { ref: 'S' } });
    const empty = schema('');
    expect(await listXsdRoots(empty, '/s/empty.xsd', memory())).toEqual([]);
    expect((await loadXsd(empty, '/s/empty.xsd', memory())).root).toMatchObject({ name: '', path: [], type: 'object', children: [] });
    await expect(loadXsd(empty, '/s/empty.xsd', memory(), { root: 'a' })).rejects.toMatchObject({ code: 'SCHEMA_ROOT', file: '/s/empty.xsd' });
  });

  it('decodes bytes by the XML declaration and reports undecodable bytes as ENCODING', async () => {
    const latin1 = schema('<xs:element name="a"><xs:annotation><xs:documentation>Gr\u00fc\u00dfe</xs:documentation></xs:annotation></xs:element>').replace(
      '<?xml version="1.0"?>',
      '<?xml version="1.0" encoding="ISO-8859-1"?>',
    );
    const bytes = Uint8Array.from([...latin1].map((ch) => ch.charCodeAt(0)));
    const doc = await loadXsd(bytes, '/s/latin1.xsd', memory());
    expect(findField(doc.root, ['a'])?.description).toBe('Grüße');
    const broken = Uint8Array.from([...schema('<xs:element name="a"/>')].map((ch) => ch.charCodeAt(0)).concat([0xff]));
    expect(await failure(broken)).toMatchObject({ code: 'ENCODING', file: '/s/bad.xsd' });
  });
});
