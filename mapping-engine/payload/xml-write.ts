/**
 * XML payload writer, the inverse of `readXml`: `{ Root: ... }` -> XML text.
 * `@name` members become attributes, `#text` the element's text, arrays
 * repeated elements and null `xsi:nil="true"`. Namespaces come from the
 * reader's meta or from a schema whose fields carry `xml.namespace`; all of
 * them are declared on the root element.
 */
import { MapwrightError } from '../errors';
import { withImpliedRoot } from '../schema/implied-xml-root';
import { xmlScalarText } from '../schema/xsd/xsd-number-kinds';
import { pathKey, walkFields, type SchemaField } from '../schema/model';
import type { JsonValue } from './types';
import { escapeAttribute, escapeText } from './xml-entities';
import { getMember, isJsonObject, type JsonObject } from './xml-members';
import type { XmlMeta } from './xml-meta';
import { INVALID_XML_CHAR, isNcName } from './xml-names';
import { XSI_NAMESPACE } from './xml-namespaces';
import { WriterNamespaces } from './xml-write-namespaces';

/** Options for {@link writeXml}. */
export interface XmlWriteOptions {
  /** Namespaces recorded by `readXml` (prefixes and the namespace of each path). */
  meta?: XmlMeta;
  /** Target schema: namespaces (`xml.namespace`, which wins over `meta`) and element order. */
  schema?: SchemaField;
  /** Indentation per level; `''` writes everything on one line. Default: two spaces. */
  indent?: string;
  /** Write `<?xml version="1.0" encoding="UTF-8"?>` first. Default: true. */
  declaration?: boolean;
}

const TEXT_KEY = '#text';

/**
 * Serialises `output`, an object with exactly one member (the root element);
 * `{}` under a schema that names one root element is that element, empty
 * (schema/implied-xml-root.ts).
 * @throws MapwrightError `XML_WRITE` naming the key path of anything XML cannot express
 * (invalid names, arrays of arrays, characters XML 1.0 forbids, several roots).
 */
export function writeXml(output: JsonValue, options: XmlWriteOptions = {}): string {
  const value = withImpliedRoot(output, options.schema);
  if (!isJsonObject(value) || Object.keys(value).length !== 1) {
    const found = isJsonObject(value) ? `an object with ${Object.keys(value).length} members` : Array.isArray(value) ? 'an array' : typeof value;
    throw writeError(`XML needs exactly one root element, got ${found}`, 'an object with one member, the root element: { "Root": { ... } }');
  }
  const [rootName, rootValue] = Object.entries(value)[0] ?? ['', null];
  if (Array.isArray(rootValue)) throw writeError(`the root "${rootName}" is an array, but a document has one root element`, 'an object or a value for the root');
  try {
    return new XmlSerializer(options).document(rootName, rootValue);
  } catch (error) {
    // The serializer recurses per level; a pathologically deep value must not escape as a crash.
    if (error instanceof RangeError) throw writeError('the value is nested too deeply to write as XML', 'fewer nesting levels');
    throw error;
  }
}

function writeError(message: string, expected: string): MapwrightError {
  return new MapwrightError('XML_WRITE', message, { expected });
}

class XmlSerializer {
  private readonly out: string[] = [];
  private readonly fields = new Map<string, SchemaField>();
  private readonly indent: string;
  private namespaces!: WriterNamespaces;

  constructor(private readonly options: XmlWriteOptions) {
    this.indent = options.indent ?? '  ';
    // The schema root has path []; the XML root element is its child.
    if (options.schema) walkFields(options.schema, (field) => this.fields.set(pathKey(field.path), field));
  }

  document(rootName: string, rootValue: JsonValue): string {
    this.checkName(rootName, rootName, 'element');
    this.namespaces = WriterNamespaces.forDocument(this.namespaceOf(rootName), this.options.meta);
    const head = this.options.declaration === false ? '' : `<?xml version="1.0" encoding="UTF-8"${this.standalone()}?>${this.indent ? '\n' : ''}`;
    this.out.push(head);
    const rootTag = this.out.length;
    this.element(rootName, rootName, rootValue, 0, this.namespaces.defaultUri);
    // Declarations are known only now: prefixes are assigned while writing.
    this.out[rootTag] = (this.out[rootTag] ?? '').replace(/^<[^\s/>]+/, (tag) => tag + this.rootExtras());
    if (this.indent) this.out.push('\n');
    return this.out.join('');
  }

  private standalone(): string {
    const standalone = this.options.meta?.declaration?.standalone;
    return standalone ? ` standalone="${escapeAttribute(standalone)}"` : '';
  }

  private rootExtras(): string {
    const meta = this.options.meta;
    // Locations first: they may assign the xsi prefix, which must then be declared too.
    let locations = '';
    for (const name of ['schemaLocation', 'noNamespaceSchemaLocation'] as const) {
      const location = meta?.[name];
      if (location !== undefined) locations += ` ${this.namespaces.attributePrefix(XSI_NAMESPACE)}:${name}="${escapeAttribute(location)}"`;
    }
    const declarations = this.namespaces.declarations.map(({ prefix, uri }) => ` xmlns${prefix ? `:${prefix}` : ''}="${escapeAttribute(uri)}"`);
    return declarations.join('') + locations;
  }

  /** Namespace URI of the element or attribute at `key` ('' = none): the schema's word first, then the meta's. */
  private namespaceOf(key: string): string {
    const field = this.fields.get(key);
    if (field?.xml) return field.xml.namespace ?? '';
    const recorded = this.options.meta ? getMember(this.options.meta.elementNamespaces, key) : undefined;
    return recorded ?? '';
  }

  private element(name: string, key: string, value: JsonValue, depth: number, inScopeDefault: string): void {
    const uri = this.namespaceOf(key);
    const prefix = uri === '' ? '' : this.namespaces.elementPrefix(uri);
    const qname = prefix ? `${prefix}:${name}` : name;
    let start = `<${qname}`;
    let innerDefault = inScopeDefault;
    // An unprefixed element must re-declare the default when it differs from the one in scope.
    if (prefix === '' && uri !== inScopeDefault) {
      start += ` xmlns="${escapeAttribute(uri)}"`;
      innerDefault = uri;
    }
    if (value === null) {
      this.out.push(`${start} ${this.namespaces.attributePrefix(XSI_NAMESPACE)}:nil="true"/>`);
    } else if (!isJsonObject(value)) {
      if (Array.isArray(value)) throw writeError(`${key} is an array inside an array, which XML cannot express`, 'arrays of values or objects');
      const text = this.scalar(value, key);
      this.out.push(text === '' ? `${start}/>` : `${start}>${escapeText(text)}</${qname}>`);
    } else {
      this.complex(start, qname, key, value, depth, innerDefault);
    }
  }

  private complex(start: string, qname: string, key: string, value: JsonObject, depth: number, inScopeDefault: string): void {
    let tag = start;
    let text = '';
    const children: Array<[string, JsonValue]> = [];
    for (const member of this.orderedKeys(key, value)) {
      const memberValue = value[member];
      if (memberValue === undefined) continue;
      if (member === TEXT_KEY) {
        if (memberValue !== null) text = this.scalar(memberValue, `${key}/${member}`);
      } else if (member.startsWith('@')) {
        tag += this.attribute(member.slice(1), `${key}/${member}`, memberValue);
      } else {
        this.checkName(member, `${key}/${member}`, 'element');
        children.push([member, memberValue]);
      }
    }
    if (children.length === 0) {
      this.out.push(text === '' ? `${tag}/>` : `${tag}>${escapeText(text)}</${qname}>`);
      return;
    }
    this.out.push(`${tag}>${escapeText(text)}`);
    const childIndent = this.indent ? `\n${this.indent.repeat(depth + 1)}` : '';
    for (const [child, childValue] of children) {
      const items = Array.isArray(childValue) ? childValue : [childValue];
      for (const item of items) {
        this.out.push(childIndent);
        this.element(child, `${key}/${child}`, item, depth + 1, inScopeDefault);
      }
    }
    this.out.push(`${this.indent ? `\n${this.indent.repeat(depth)}` : ''}</${qname}>`);
  }

  private attribute(local: string, key: string, value: JsonValue): string {
    this.checkName(local, key, 'attribute');
    if (local === 'xmlns') throw writeError(`${key}: "xmlns" is reserved for namespace declarations`, 'another attribute name');
    if (value === null) return '';
    if (typeof value === 'object') throw writeError(`${key} is an attribute but holds ${Array.isArray(value) ? 'an array' : 'an object'}`, 'a string, number or boolean');
    const uri = this.namespaceOf(key);
    const prefix = uri === '' ? '' : `${this.namespaces.attributePrefix(uri)}:`;
    return ` ${prefix}${local}="${escapeAttribute(this.scalar(value, key))}"`;
  }

  private scalar(value: JsonValue, key: string): string {
    if (typeof value === 'object') throw writeError(`${key} must be text but holds ${Array.isArray(value) ? 'an array' : 'an object'}`, 'a string, number or boolean');
    // A number for an xs:decimal is written without an exponent (1e-7 as 0.0000001), as that type requires.
    const text = xmlScalarText(value, this.fields.get(key));
    if (INVALID_XML_CHAR.test(text)) throw writeError(`${key} contains a character XML 1.0 cannot represent`, 'text without control characters or lone surrogates');
    return text;
  }

  private checkName(name: string, key: string, kind: 'element' | 'attribute'): void {
    if (!isNcName(name)) {
      throw writeError(`"${name}" (at ${key}) is not a valid XML ${kind} name`, 'a name that starts with a letter or "_" and has no spaces, colons or other punctuation than "-", "." and "_"');
    }
  }

  /** Members in schema order first (XSD sequences are ordered), the rest as they come. */
  private orderedKeys(key: string, value: JsonObject): string[] {
    const keys = Object.keys(value);
    const order = this.fields.get(key)?.children?.map((child) => child.name);
    if (!order) return keys;
    const rank = (member: string): number => {
      const index = order.indexOf(member);
      return index < 0 ? order.length : index;
    };
    return keys.map((member, index) => ({ member, index, rank: rank(member) })).sort((a, b) => a.rank - b.rank || a.index - b.index).map((entry) => entry.member);
  }
}
