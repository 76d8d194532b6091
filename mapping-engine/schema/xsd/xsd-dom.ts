/**
 * XSD text -> a small namespace-aware element tree. fast-xml-parser does the
 * tokenising; this file adds what schema loading needs and the parser does not
 * keep: the in-scope `xmlns` declarations of every element (QName attribute
 * values such as `type="cbc:IDType"` are resolved against them) and the source
 * offset of every element, so reference errors can name a line and column.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MapwrightError, lineColumnAt } from '../../errors';
import { decodeText } from '../../payload/decode';
import { stripDoctype } from './xsd-doctype';

/** Namespace of XML Schema itself. */
export const XSD_NS = 'http://www.w3.org/2001/XMLSchema';

/** The namespace bound to the reserved `xml:` prefix. */
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Prefix -> namespace URI; the default namespace is under `''`. */
export type NamespaceScope = ReadonlyMap<string, string>;

/** One element of a parsed schema document. */
export interface XsdNode {
  /** Local name (`element`, `complexType`, ...). */
  local: string;
  /** Namespace URI of the element name ('' when none). */
  ns: string;
  /** Attributes by their name as written (`name`, `type`, `xml:lang`); xmlns declarations excluded. */
  attrs: Readonly<Record<string, string>>;
  children: XsdNode[];
  /** Concatenated character data directly inside this element. */
  text: string;
  /** 0-based offset of the start tag in the decoded text. */
  offset: number;
  scope: NamespaceScope;
}

/** A parsed schema file: its root element plus what error positions need. */
export interface ParsedXsd {
  file: string;
  text: string;
  root: XsdNode;
}

type RawNode = Record<string, unknown>;

const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

const PARSER_OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  htmlEntities: false,
  captureMetaData: true,
  // Annotations of generated schemas nest deeper than the default 100.
  maxNestedTags: 1000,
} as const;

const sharedParser = new XMLParser(PARSER_OPTIONS);

/** The shared parser, or a private one when the document declares entities (they would leak into later documents). */
function parserFor(entities: Record<string, string>): XMLParser {
  const names = Object.keys(entities);
  if (names.length === 0) return sharedParser;
  const parser = new XMLParser(PARSER_OPTIONS);
  for (const name of names) parser.addEntity(name, entities[name] ?? '');
  return parser;
}

function parseError(file: string, text: string, message: string, offset: number | undefined, line?: number, column?: number): MapwrightError {
  const pos = offset === undefined ? { line, column } : lineColumnAt(text, offset);
  return new MapwrightError('XSD_PARSE', message, {
    file,
    ...(pos.line !== undefined ? { line: pos.line } : {}),
    ...(pos.column !== undefined ? { column: pos.column } : {}),
    expected: 'a well-formed XML Schema document',
  });
}

function tagOf(raw: RawNode): string | undefined {
  return Object.keys(raw).find((key) => key !== ':@');
}

function splitName(name: string): [prefix: string, local: string] {
  const colon = name.indexOf(':');
  return colon < 0 ? ['', name] : [name.slice(0, colon), name.slice(colon + 1)];
}

/** Builds the scope of an element: the parent's plus its own `xmlns` declarations (copied only when it has some). */
function scopeFor(attrs: Record<string, string>, parent: NamespaceScope): NamespaceScope {
  let scope: Map<string, string> | undefined;
  for (const [name, value] of Object.entries(attrs)) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    scope ??= new Map(parent);
    scope.set(name === 'xmlns' ? '' : name.slice(6), value);
  }
  return scope ?? parent;
}

function convert(raw: RawNode, tag: string, parentScope: NamespaceScope, where: Omit<ParsedXsd, 'root'>): XsdNode {
  const rawAttrs = (raw[':@'] ?? {}) as Record<string, string>;
  const scope = scopeFor(rawAttrs, parentScope);
  const offset = ((raw as Record<symbol, { startIndex?: number } | undefined>)[META]?.startIndex) ?? 0;
  const [prefix, local] = splitName(tag);
  const ns = prefix === 'xml' ? XML_NS : scope.get(prefix);
  if (ns === undefined) throw parseError(where.file, where.text, `prefix "${prefix}" of <${tag}> is not declared`, offset);
  const attrs: Record<string, string> = {};
  for (const [name, value] of Object.entries(rawAttrs)) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) attrs[name] = String(value);
  }
  const node: XsdNode = { local, ns, attrs, children: [], text: '', offset, scope };
  for (const child of (raw[tag] ?? []) as RawNode[]) {
    const childTag = tagOf(child);
    if (childTag === undefined) continue;
    if (childTag === '#text') node.text += String(child['#text']);
    else node.children.push(convert(child, childTag, scope, where));
  }
  return node;
}

/**
 * Decodes and parses one schema file.
 * @throws MapwrightError `XSD_PARSE` (with line and column) when the text is not
 *   well-formed or is not an `xs:schema` document; `ENCODING` for undecodable bytes.
 */
export function parseXsdDocument(input: Uint8Array | string, file: string): ParsedXsd {
  const decoded = decodeText(input, { file, sniffXmlDeclaration: true, nonUtf8: 'error' }).text;
  const { text, entities } = stripDoctype(decoded);
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw parseError(file, text, valid.err.msg, undefined, valid.err.line, valid.err.col);
  let rawTop: RawNode[];
  try {
    rawTop = parserFor(entities).parse(text) as RawNode[];
  } catch (error) {
    throw parseError(file, text, error instanceof Error ? error.message : String(error), undefined);
  }
  // Offsets are the same in both texts (the DOCTYPE is blanked, not removed); errors quote the original.
  const where = { file, text: decoded };
  const top = rawTop.find((raw) => {
    const tag = tagOf(raw);
    return tag !== undefined && tag !== '#text';
  });
  if (!top) throw parseError(file, text, 'the document has no root element', 0);
  const root = convert(top, tagOf(top) ?? '', new Map(), where);
  if (root.local !== 'schema' || root.ns !== XSD_NS) {
    throw parseError(file, text, `the root element is <${root.local}> in namespace "${root.ns}", not xs:schema`, root.offset);
  }
  return { ...where, root };
}

/** Element children of `node` in the XML Schema namespace, optionally only those named `local`. */
export function xsdChildren(node: XsdNode, local?: string): XsdNode[] {
  return node.children.filter((child) => child.ns === XSD_NS && (local === undefined || child.local === local));
}

/** First XML Schema child named `local`, if any. */
export function xsdChild(node: XsdNode, local: string): XsdNode | undefined {
  return node.children.find((child) => child.ns === XSD_NS && child.local === local);
}

/** 1-based line and column of `node` in `doc`. */
export function positionOf(doc: ParsedXsd, node: XsdNode): { line: number; column: number } {
  return lineColumnAt(doc.text, node.offset);
}
