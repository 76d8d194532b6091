/**
 * Builds the JSON value of an XML document from scanner events, following
 * the conventions of docs/formats-xml.md: local names, `@attr`, `#text`,
 * arrays for repeated (or schema-repeating) elements, `xsi:nil` -> null.
 * Namespace URIs go to {@link XmlMeta}, never into the value.
 */
import { lineColumnAt } from '../errors';
import { repeatingPaths, type SchemaField } from '../schema/model';
import type { JsonValue, ParseWarning } from './types';
import { getMember, setMember, type JsonObject } from './xml-members';
import { emptyXmlMeta, type XmlMeta } from './xml-meta';
import { NamespaceResolver, XSI_NAMESPACE, type ResolvedAttribute } from './xml-namespaces';
import type { XmlFail } from './xml-parse-error';
import type { RawAttribute, XmlDeclaration, XmlScanHandler } from './xml-scanner';
import { coerceText, scalarTypesOf, type XmlScalarType } from './xml-typing';

/** Key of an element's own text next to attributes or child elements. */
export const TEXT_KEY = '#text';

/** Warnings of one kind beyond this many are summarised, so a pathological file cannot flood the caller. */
const MAX_WARNINGS_PER_CODE = 20;

interface Frame {
  local: string;
  key: string;
  offset: number;
  /** Created on the first data attribute or child element. */
  object?: JsonObject;
  hasChildren: boolean;
  nil: boolean;
  /** Text since the last child element; joined once when the run ends. */
  pieces: string[];
  /** Finished text runs, one per gap between child elements. */
  runs: string[];
}

/** Scanner handler that assembles the value, the meta and the warnings. */
export class XmlTreeBuilder implements XmlScanHandler {
  readonly meta: XmlMeta = emptyXmlMeta();
  readonly warnings: ParseWarning[] = [];
  private value: JsonValue = null;
  private readonly stack: Frame[] = [];
  private readonly resolver: NamespaceResolver;
  private readonly repeating: Set<string>;
  private readonly types: Map<string, XmlScalarType>;
  /** Path key -> namespace URI of its first occurrence ('' = none). */
  private readonly firstNamespace = new Map<string, string>();
  private readonly warned = new Set<string>();
  private readonly warningCounts = new Map<string, number>();

  constructor(
    private readonly source: string,
    fail: XmlFail,
    schema?: SchemaField,
  ) {
    this.resolver = new NamespaceResolver(fail);
    this.repeating = schema ? repeatingPaths(schema) : new Set();
    this.types = scalarTypesOf(schema);
  }

  /** The document's value, `{ <RootLocalName>: ... }`, once scanning finished. */
  result(): JsonValue {
    this.meta.namespaces = this.resolver.declared;
    return this.value;
  }

  declaration(declaration: XmlDeclaration): void {
    this.meta.declaration = declaration;
  }

  startElement(name: string, attributes: RawAttribute[], offset: number): void {
    const element = this.resolver.open(name, attributes, offset);
    const parent = this.stack.at(-1);
    const key = parent ? `${parent.key}/${element.local}` : element.local;
    if (parent) {
      endRun(parent);
      parent.hasChildren = true;
    } else {
      this.meta.rootName = element.local;
    }
    this.noteNamespace(key, element.uri, offset);
    const frame: Frame = { local: element.local, key, offset, hasChildren: false, nil: false, pieces: [], runs: [] };
    for (const attribute of element.attributes) {
      if (attribute.uri === XSI_NAMESPACE && this.consumeXsi(frame, attribute, parent === undefined)) continue;
      this.addAttribute(frame, attribute);
    }
    this.stack.push(frame);
  }

  text(value: string): void {
    this.stack.at(-1)?.pieces.push(value);
  }

  endElement(): void {
    const frame = this.stack.pop();
    if (!frame) return;
    this.resolver.close();
    const value = this.finish(frame);
    const parent = this.stack.at(-1);
    if (!parent) {
      const root: JsonObject = {};
      setMember(root, frame.local, value);
      this.value = root;
      return;
    }
    parent.object ??= {};
    const existing = getMember(parent.object, frame.local);
    if (existing === undefined) setMember(parent.object, frame.local, this.repeating.has(frame.key) ? [value] : value);
    else if (Array.isArray(existing)) existing.push(value);
    else setMember(parent.object, frame.local, [existing, value]);
  }

  unexpandedEntity(name: string, offset: number): void {
    this.warnOnce(`entity ${name}`, 'XML_ENTITY_NOT_EXPANDED', `&${name}; is kept as text: entities declared in a DOCTYPE are never expanded`, offset);
  }

  /** xsi attributes are instructions to XML processors; only xsi:type is also data. Returns true when consumed. */
  private consumeXsi(frame: Frame, attribute: ResolvedAttribute, isRoot: boolean): boolean {
    switch (attribute.local) {
      case 'nil':
        frame.nil = attribute.value.trim() === 'true' || attribute.value.trim() === '1';
        return true;
      case 'schemaLocation':
      case 'noNamespaceSchemaLocation':
        if (isRoot) this.meta[attribute.local] = attribute.value;
        return true;
      case 'type':
        return false;
      default:
        return true;
    }
  }

  private addAttribute(frame: Frame, attribute: ResolvedAttribute): void {
    const name = `@${attribute.local}`;
    const key = `${frame.key}/${name}`;
    frame.object ??= {};
    if (Object.hasOwn(frame.object, name)) {
      this.warnOnce(`collision ${key}`, 'XML_ATTRIBUTE_COLLISION', `two attributes named "${attribute.local}" (different namespaces) on ${frame.key}: the first is kept`, attribute.offset);
      return;
    }
    setMember(frame.object, name, coerceText(attribute.value, this.types.get(key)));
    this.noteNamespace(key, attribute.uri, attribute.offset);
  }

  private finish(frame: Frame): JsonValue {
    endRun(frame);
    if (frame.nil) {
      if (frame.object || frame.runs.some((run) => run.trim() !== '')) {
        this.warnOnce(`nil ${frame.key}`, 'XML_NIL_CONTENT_DROPPED', `${frame.key} has xsi:nil="true" and content; it reads as null`, frame.offset);
      }
      return null;
    }
    const { object } = frame;
    if (!object) return coerceText(frame.runs.join(''), this.types.get(frame.key));
    // Next to attributes or children, white-space-only text is layout; in
    // mixed content each run is trimmed and the runs are joined by a space.
    const text = frame.hasChildren
      ? frame.runs.map((run) => run.trim()).filter((run) => run !== '').join(' ')
      : (frame.runs[0] ?? '');
    if (text.trim() !== '') {
      const textKey = `${frame.key}/${TEXT_KEY}`;
      setMember(object, TEXT_KEY, coerceText(text, this.types.get(textKey) ?? this.types.get(frame.key)));
    }
    return object;
  }

  private noteNamespace(key: string, uri: string, offset: number): void {
    const first = this.firstNamespace.get(key);
    if (first === undefined) {
      this.firstNamespace.set(key, uri);
      if (uri !== '') setMember(this.meta.elementNamespaces, key, uri);
    } else if (first !== uri) {
      this.warnOnce(
        `namespace ${key}`,
        'XML_MIXED_NAMESPACES',
        `${key} occurs in several namespaces (${first || 'none'} and ${uri || 'none'}); its value does not tell them apart, and writing uses ${first || 'no namespace'}`,
        offset,
      );
    }
  }

  private warnOnce(id: string, code: string, message: string, offset: number): void {
    if (this.warned.has(id)) return;
    this.warned.add(id);
    const count = (this.warningCounts.get(code) ?? 0) + 1;
    this.warningCounts.set(code, count);
    if (count > MAX_WARNINGS_PER_CODE) return;
    const { line, column } = lineColumnAt(this.source, offset);
    this.warnings.push({ code, message: count === MAX_WARNINGS_PER_CODE ? `${message} (further ${code} warnings omitted)` : message, line, column });
  }
}

function endRun(frame: Frame): void {
  if (frame.pieces.length === 0) return;
  frame.runs.push(frame.pieces.length === 1 ? (frame.pieces[0] ?? '') : frame.pieces.join(''));
  frame.pieces = [];
}
