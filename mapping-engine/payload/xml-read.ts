/**
 * XML payload reader: bytes or text -> `{ <RootLocalName>: ... }` plus the
 * namespace facts the writer needs (see docs/formats-xml.md for the
 * conventions and how JSONata addresses the result).
 */
import { decodeText, sniffXmlEncoding } from './decode';
import type { ParsedPayload, ParseWarning, ReadOptions } from './types';
import type { XmlMeta } from './xml-meta';
import { xmlFailer } from './xml-parse-error';
import { applyXmlPreviewLimit } from './xml-preview';
import { normalizeLineEnds, scanXml } from './xml-scanner';
import { XmlTreeBuilder } from './xml-tree-builder';

export type { XmlMeta } from './xml-meta';

const ASCII_XML_DECLARATION = [0x3c, 0x3f, 0x78, 0x6d, 0x6c];

/**
 * Reads an XML document. The value keeps text as strings unless
 * `options.schema` types a field; `options.schema` also makes its repeating
 * paths arrays even when they occur once.
 * @throws MapwrightError `ENCODING` for undecodable bytes, `XML_PARSE` (with
 * line, column and what was expected) for anything not namespace-well-formed.
 */
export function readXml(input: Uint8Array | string, options: ReadOptions = {}): ParsedPayload<XmlMeta> {
  const { file } = options;
  const warnings: ParseWarning[] = [];
  const encoding = options.encoding ?? utf8DespiteUtf16Label(input, warnings);
  const decoded = decodeText(input, { file, encoding, sniffXmlDeclaration: true, nonUtf8: 'error' });
  // Scanner offsets refer to the normalised text; so must every error and warning position.
  const text = normalizeLineEnds(decoded.text);
  const fail = xmlFailer(text, file);
  const builder = new XmlTreeBuilder(text, fail, options.schema);
  scanXml(text, builder, fail);
  const value = builder.result();
  const truncated = options.previewLimit === undefined ? undefined : applyXmlPreviewLimit(value, options.previewLimit);
  return {
    format: 'xml',
    value,
    meta: builder.meta,
    warnings: [...warnings, ...builder.warnings],
    encoding: decoded.encoding,
    ...(truncated ? { truncated } : {}),
  };
}

/**
 * A document that starts with an ASCII `<?xml` cannot be UTF-16, whatever
 * its declaration says (UTF-16 documents start with a BOM or zero bytes).
 * Such mislabelled files are common; read them as UTF-8, as libxml2 does.
 */
function utf8DespiteUtf16Label(input: Uint8Array | string, warnings: ParseWarning[]): string | undefined {
  if (typeof input === 'string' || !ASCII_XML_DECLARATION.every((byte, i) => input[i] === byte)) return undefined;
  const label = sniffXmlEncoding(input);
  if (!label || !/^utf-?16/i.test(label)) return undefined;
  warnings.push({ code: 'XML_ENCODING_LABEL_IGNORED', message: `the declaration says ${label}, but the bytes are not UTF-16; read as UTF-8`, line: 1, column: 1 });
  return 'utf-8';
}
