/** readXml on bad input: coded XML_PARSE errors at the first problem's line and column; entities never expanded. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { MapwrightError } from '../errors';
import { readXml } from './xml-read';

const corpus = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'corpus', 'xml');

/** The error readXml throws for `input`, or a failure when it does not throw. */
function errorOf(input: string | Uint8Array, file?: string): MapwrightError {
  try {
    readXml(input, { file });
  } catch (error) {
    if (error instanceof MapwrightError) return error;
    throw error;
  }
  throw new Error('readXml did not throw');
}

describe('readXml: malformed corpus files', () => {
  it.each([
    // The unbound ns: prefix of the root comes before the valueless attribute of line 12.
    ['fast-xml-parser/mixed.xml', 11, 1],
    // <married ns:firstTime="Yes">: the attribute's prefix is declared nowhere.
    ['fast-xml-parser/complex.xml', 33, 18],
    // Two UTF-8 BOMs: decoding strips one, the second stands before the declaration.
    ['spark-xml/fias_house.xml', 1, 1],
  ])('%s gives XML_PARSE at %i:%i naming the file', (file, line, column) => {
    const error = errorOf(readFileSync(join(corpus, file)), file);
    expect(error.toJSON()).toMatchObject({ code: 'XML_PARSE', file, line, column });
    expect(error.expected).toBeTruthy();
  });

  it('reads fias_house.xml once its second BOM is gone', () => {
    const bytes = readFileSync(join(corpus, 'spark-xml/fias_house.xml'));
    const { value } = readXml(bytes.subarray(3));
    expect(Object.keys(value as object)).toEqual(['Houses']);
  });

  it.each(['spark-xml/basket_invalid.xml', 'spark-xml/datatypes-valid-and-invalid.xml'])(
    '%s is well-formed (only invalid against its schema) and reads',
    (file) => {
      const { value } = readXml(readFileSync(join(corpus, file)), { file });
      expect(value).not.toBeNull();
    },
  );
});

describe('readXml: well-formedness', () => {
  it.each([
    ['', 1, 1],
    ['  \n  ', 2, 3],
    ['<?xml version="1.0"?>\n<!-- only a comment -->\n', 3, 1],
  ])('input %j has no root element', (input, line, column) => {
    expect(errorOf(input).toJSON()).toMatchObject({ code: 'XML_PARSE', line, column, message: 'the document has no root element' });
  });

  it.each([
    ['mismatched end tag', '<a>\n  <b></c>\n</a>', 2, 6],
    ['unclosed element', '<a>\n<b>text', 2, 8],
    ['end tag without start', '<a></a></b>', 1, 8],
    ['second root', '<a/>\n<b/>', 2, 1],
    ['text after the root', '<a/>\njunk', 2, 1],
    ['text before the root', 'junk<a/>', 1, 1],
    ['late XML declaration', ' <?xml version="1.0"?><a/>', 1, 2],
    ['malformed XML declaration', '<?xml encoding="UTF-8"?><a/>', 1, 1],
    ['valueless attribute', '<a\n  checked/>', 2, 10],
    ['unquoted attribute', '<a b=1/>', 1, 6],
    ['duplicate attribute', '<a x="1" x="2"/>', 1, 10],
    ['attributes without white space', '<a x="1"y="2"/>', 1, 9],
    ['"<" in an attribute value', '<a x="1<2"/>', 1, 8],
    ['unclosed attribute value', '<a x="1/>', 1, 6],
    ['bare ampersand', '<a>fish & chips</a>', 1, 9],
    ['undeclared entity without DOCTYPE', '<a>&nbsp;</a>', 1, 4],
    ['reference to a forbidden character', '<a>&#0;</a>', 1, 4],
    ['control character', '<a>\u0001</a>', 1, 4],
    ['invalid element name', '<1a/>', 1, 2],
    ['"]]>" in text', '<a>x]]>y</a>', 1, 5],
    ['"--" in a comment', '<a><!-- a -- b --></a>', 1, 11],
    ['unclosed comment', '<a><!-- never', 1, 4],
    ['unclosed CDATA', '<a><![CDATA[x</a>', 1, 4],
    ['CDATA outside the root', '<![CDATA[x]]><a/>', 1, 1],
    ['DOCTYPE after the root', '<a/><!DOCTYPE a>', 1, 5],
    ['unclosed DOCTYPE', '<!DOCTYPE a [ <!ENTITY x "y">', 1, 1],
    ['unknown markup', '<a><!ELEMENT a ANY></a>', 1, 4],
    ['unbound element prefix', '<a>\n  <x:b/>\n</a>', 2, 3],
    ['unbound attribute prefix', '<a y:z="1"/>', 1, 4],
    ['two colons in a name', '<a xmlns:b="urn:b"><b:c:d/></a>', 1, 20],
    ['undeclaring a prefix', '<a xmlns:b=""/>', 1, 4],
    ['binding the xml prefix elsewhere', '<a xmlns:xml="urn:x"/>', 1, 4],
    ['same expanded attribute twice', '<a xmlns:p="urn:x" xmlns:q="urn:x" p:k="1" q:k="2"/>', 1, 44],
    ['CRLF line ends keep user positions', '<a>\r\n<b>\r\n</c>', 3, 1],
  ])('%s -> XML_PARSE at %i:%i', (_what, input, line, column) => {
    const error = errorOf(input, 'case.xml');
    expect(error.toJSON()).toMatchObject({ code: 'XML_PARSE', file: 'case.xml', line, column });
    expect(error.expected).toBeTruthy();
  });

  it('says which start tag an end tag fails to match, and where it opened', () => {
    const error = errorOf('<root>\n  <item>\n</root>');
    expect(error.message).toContain('line 2, column 3');
    expect(error.expected).toBe('</item>');
  });

  it('rejects everything fast-xml-parser XMLValidator rejects', () => {
    const snippets = ['<a>', '<a></b>', '<a b></a>', '<a b="1" b="2"/>', '<a>&</a>', '<1/>', '<a><![CDATA[</a>', ' <?xml version="1.0"?><a/>', 'text', '<a b=c/>'];
    for (const snippet of snippets) {
      expect(XMLValidator.validate(snippet)).not.toBe(true);
      expect(errorOf(snippet).code).toBe('XML_PARSE');
    }
  });
});

describe('readXml: entities are never expanded', () => {
  it('reads a billion-laughs document as unexpanded text with one warning', () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n  ');
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n  <!ENTITY lol0 "lol">\n  ${levels}\n]>\n<lolz a="&lol9;">&lol9;&lol9;</lolz>`;
    const { value, warnings } = readXml(xml);
    expect(value).toEqual({ lolz: { '@a': '&lol9;', '#text': '&lol9;&lol9;' } });
    expect(warnings).toEqual([expect.objectContaining({ code: 'XML_ENTITY_NOT_EXPANDED', line: 14 })]);
  });

  it('never resolves an external entity', () => {
    const xml = '<!DOCTYPE r [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> <!-- a "quote and ] bracket --> ]>\n<r>&xxe;</r>';
    expect(readXml(xml).value).toEqual({ r: '&xxe;' });
  });

  it('still decodes the predefined entities and character references in a document with a DOCTYPE', () => {
    expect(readXml('<!DOCTYPE r><r>&amp;&#x41;</r>').value).toEqual({ r: '&A' });
  });
});
