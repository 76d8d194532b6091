/** writeXml: the inverse of readXml — escaping, attributes, arrays, nil, namespaces from meta or schema, coded errors. */
import { describe, expect, it } from 'vitest';
import { MapwrightError } from '../errors';
import { makeField, type SchemaField } from '../schema/model';
import type { JsonValue } from './types';
import { readXml } from './xml-read';
import { writeXml, type XmlWriteOptions } from './xml-write';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

function writeError(value: JsonValue, options?: XmlWriteOptions): MapwrightError {
  try {
    writeXml(value, options);
  } catch (error) {
    if (error instanceof MapwrightError) return error;
    throw error;
  }
  throw new Error('writeXml did not throw');
}

describe('writeXml: structure', () => {
  it('writes the documented example exactly (docs/formats-xml.md)', () => {
    const xml = writeXml({ Invoice: { '@version': '2.1', ID: 'A1', Line: [{ Qty: 1 }, { Qty: 2 }], Ref: null } });
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<Invoice xmlns:xsi="${XSI}" version="2.1">`,
        '  <ID>A1</ID>',
        '  <Line>',
        '    <Qty>1</Qty>',
        '  </Line>',
        '  <Line>',
        '    <Qty>2</Qty>',
        '  </Line>',
        '  <Ref xsi:nil="true"/>',
        '</Invoice>',
        '',
      ].join('\n'),
    );
  });

  it('writes #text with attributes, empty values as empty elements, and no declaration or layout on request', () => {
    const value = { r: { m: { '@c': 'EUR', '#text': 10.5 }, e: '', o: {}, b: false, none: [], n: { '@gone': null } } };
    expect(writeXml(value, { declaration: false, indent: '' })).toBe('<r><m c="EUR">10.5</m><e/><o/><b>false</b><n/></r>');
  });

  it('escapes text and attribute values so they read back unchanged', () => {
    const tricky = 'a & b < c > d ]]> "q" \'s\' \ttab\nline\r\ncrlf';
    const value = { r: { '@a': tricky, t: tricky, '#text': 'x' } };
    const xml = writeXml(value);
    expect(xml).toContain('<t>a &amp; b &lt; c &gt; d ]]&gt; "q"');
    expect(xml).toContain('a="a &amp; b &lt; c > d ]]> &quot;q&quot; \'s\' &#9;tab&#10;line&#13;&#10;crlf"');
    expect(readXml(xml).value).toEqual({ r: { '@a': tricky, t: tricky, '#text': 'x' } });
  });

  it('writes mixed content as text before the children, which reads back the same', () => {
    const value = { p: { b: 'you', '#text': 'Hello there' } };
    expect(writeXml(value, { indent: '', declaration: false })).toBe('<p>Hello there<b>you</b></p>');
    expect(readXml(writeXml(value)).value).toEqual(value);
  });

  it('orders children by the schema and leaves unknown members after them', () => {
    const field = (name: string, path: string[], children?: SchemaField[]) => makeField({ name, path, type: children ? 'object' : 'string', origin: { kind: 'xsd' }, children });
    const schema = field('', [], [field('r', ['r'], [field('a', ['r', 'a']), field('b', ['r', 'b']), field('c', ['r', 'c'])])]);
    expect(writeXml({ r: { z: '0', c: '3', a: '1', b: '2' } }, { schema, indent: '', declaration: false })).toBe('<r><a>1</a><b>2</b><c>3</c><z>0</z></r>');
  });
});

describe('writeXml: namespaces', () => {
  it('declares every namespace on the root with the prefixes from meta', () => {
    const source = `<?xml version="1.0"?>
<inv:Invoice xmlns:inv="urn:inv" xmlns:cbc="urn:cbc" xmlns:cac="urn:cac">
  <cbc:ID>1</cbc:ID>
  <cac:Line><cbc:ID>L1</cbc:ID><cbc:Amount cbc:currency="EUR">5</cbc:Amount></cac:Line>
</inv:Invoice>`;
    const { value, meta } = readXml(source);
    const xml = writeXml(value, { meta, indent: '' });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><inv:Invoice xmlns:inv="urn:inv" xmlns:cbc="urn:cbc" xmlns:cac="urn:cac"><cbc:ID>1</cbc:ID><cac:Line><cbc:ID>L1</cbc:ID><cbc:Amount cbc:currency="EUR">5</cbc:Amount></cac:Line></inv:Invoice>',
    );
  });

  it('keeps a default namespace and re-declares xmlns="" for elements in no namespace', () => {
    const source = '<Envelope xmlns="urn:env"><Body><Item xmlns=""><Name>n</Name></Item></Body></Envelope>';
    const { value, meta } = readXml(source);
    const xml = writeXml(value, { meta, indent: '', declaration: false });
    expect(xml).toBe('<Envelope xmlns="urn:env"><Body><Item xmlns=""><Name>n</Name></Item></Body></Envelope>');
  });

  it('gives a second namespace that also wanted the default a generated prefix, and prefixes namespaced attributes', () => {
    const source = '<a xmlns="urn:one" xmlns:x="urn:x"><b xmlns="urn:two" x:k="v">t</b><c/></a>';
    const { value, meta } = readXml(source);
    const xml = writeXml(value, { meta, indent: '', declaration: false });
    expect(xml).toBe('<a xmlns="urn:one" xmlns:x="urn:x" xmlns:ns1="urn:two"><ns1:b x:k="v">t</ns1:b><c/></a>');
    expect(readXml(xml).meta?.elementNamespaces).toEqual(meta?.elementNamespaces);
  });

  it('never uses the default namespace when the root is in no namespace', () => {
    const meta = { rootName: 'r', namespaces: { 'urn:d': '' }, elementNamespaces: { 'r/child': 'urn:d', 'r/child/@at': 'urn:d' } };
    const xml = writeXml({ r: { child: { '@at': '1', '#text': 'x' } } }, { meta, indent: '', declaration: false });
    expect(xml).toBe('<r xmlns:ns1="urn:d"><ns1:child ns1:at="1">x</ns1:child></r>');
  });

  it('takes namespaces from a schema (xml.namespace), over meta', () => {
    const el = (name: string, path: string[], namespace?: string, children?: SchemaField[]) =>
      makeField({ name, path, type: children ? 'object' : 'string', origin: { kind: 'xsd' }, children, xml: { kind: 'element', ...(namespace ? { namespace } : {}) } });
    const schema = makeField({ name: '', path: [], type: 'object', origin: { kind: 'xsd' }, children: [el('Order', ['Order'], 'urn:order', [el('ID', ['Order', 'ID'], 'urn:cbc'), el('Local', ['Order', 'Local'])])] });
    const meta = { rootName: 'Order', namespaces: {}, elementNamespaces: { 'Order/Local': 'urn:ignored' } };
    const xml = writeXml({ Order: { Local: 'l', ID: '7' } }, { schema, meta, indent: '', declaration: false });
    expect(xml).toBe('<Order xmlns="urn:order" xmlns:ns1="urn:cbc"><ns1:ID>7</ns1:ID><Local xmlns="">l</Local></Order>');
  });

  it('writes xml:lang with the reserved prefix and never declares it; writes schemaLocation back', () => {
    const { value, meta } = readXml(`<r xmlns:xsi="${XSI}" xsi:schemaLocation="urn:r r.xsd"><t xml:lang="de">Hallo</t></r>`);
    const xml = writeXml(value, { meta, indent: '', declaration: false });
    expect(xml).toBe(`<r xmlns:xsi="${XSI}" xsi:schemaLocation="urn:r r.xsd"><t xml:lang="de">Hallo</t></r>`);
  });
});

describe('writeXml: errors', () => {
  it.each<[string, JsonValue, string]>([
    ['a key with a space', { r: { 'first name': 'x' } }, 'r/first name'],
    ['a key with a colon', { r: { 'a:b': 'x' } }, 'r/a:b'],
    ['an attribute name starting with a digit', { r: { '@1x': 'x' } }, 'r/@1x'],
    ['an unknown # member', { r: { '#comment': 'x' } }, 'r/#comment'],
    ['an @xmlns member', { r: { '@xmlns': 'urn:x' } }, 'r/@xmlns'],
    ['an array inside an array', { r: { a: [['x']] } }, 'r/a'],
    ['an object in an attribute', { r: { '@a': { b: 'c' } } }, 'r/@a'],
    ['an object in #text', { r: { '#text': ['x'] } }, 'r/#text'],
    ['a control character', { r: { a: 'bell\u0007' } }, 'r/a'],
    ['a lone surrogate', { r: { '@a': '\ud800' } }, 'r/@a'],
  ])('%s gives XML_WRITE naming the key path', (_what, value, path) => {
    const error = writeError(value);
    expect(error.code).toBe('XML_WRITE');
    expect(error.message).toContain(path);
  });

  it.each<[string, JsonValue]>([
    ['no root', {}],
    ['two roots', { a: '1', b: '2' }],
    ['an array root', { a: ['1', '2'] }],
    ['a bare string', 'x'],
    ['a top-level array', [{ a: 1 }]],
  ])('%s gives XML_WRITE', (_what, value) => {
    expect(writeError(value).code).toBe('XML_WRITE');
  });
});
