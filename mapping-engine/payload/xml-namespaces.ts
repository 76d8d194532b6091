/**
 * Namespaces in XML 1.0 for the reader: turns qualified names into
 * (local name, namespace URI) pairs using the in-scope `xmlns` declarations,
 * rejects what is not namespace-well-formed (unbound prefixes, `a:b:c`,
 * undeclared prefixes, rebinding `xml`/`xmlns`) and remembers each URI's
 * first-declared prefix for the writer.
 */
import { setMember } from './xml-members';
import { isNcName } from './xml-names';
import type { XmlFail } from './xml-parse-error';
import type { RawAttribute } from './xml-scanner';

/** The namespace the reserved `xml:` prefix is bound to. */
export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
/** The namespace of `xmlns` declarations themselves (never data). */
export const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';
/** XML Schema instance: `xsi:nil`, `xsi:type`, `xsi:schemaLocation`. */
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/** A name with its namespace resolved; `uri` is `''` for no namespace. */
export interface ResolvedName {
  local: string;
  uri: string;
}

/** A data attribute (declarations removed) with its namespace resolved. */
export interface ResolvedAttribute extends ResolvedName {
  value: string;
  offset: number;
}

/** A start tag with its namespaces resolved. */
export interface ResolvedElement extends ResolvedName {
  attributes: ResolvedAttribute[];
}

type Scope = ReadonlyMap<string, string>;

/** The prefix an `xmlns` / `xmlns:p` attribute declares (`''` = default), or undefined for data attributes. */
function declaredPrefix(name: string): string | undefined {
  if (!name.startsWith('xmlns')) return undefined;
  if (name.length === 5) return '';
  return name.charCodeAt(5) === 0x3a ? name.slice(6) : undefined;
}

/** Tracks declarations element by element; call {@link open} per start tag and {@link close} per end tag. */
export class NamespaceResolver {
  /** Namespace URI -> prefix of its first declaration (`''` for a default namespace). */
  readonly declared: Record<string, string> = {};
  private readonly scopes: Scope[] = [new Map([['xml', XML_NAMESPACE]])];

  constructor(private readonly fail: XmlFail) {}

  /** Applies the declarations of a start tag and resolves its names. */
  open(name: string, attributes: readonly RawAttribute[], offset: number): ResolvedElement {
    const parent = this.scopes[this.scopes.length - 1] ?? new Map<string, string>();
    let own: Map<string, string> | undefined;
    for (const attribute of attributes) {
      const prefix = declaredPrefix(attribute.name);
      if (prefix === undefined) continue;
      this.checkDeclaration(prefix, attribute);
      // Copy on write: elements without declarations share their parent's scope.
      own ??= new Map(parent);
      own.set(prefix, attribute.value);
      if (attribute.value !== '' && attribute.value !== XML_NAMESPACE && !Object.hasOwn(this.declared, attribute.value)) {
        setMember(this.declared, attribute.value, prefix);
      }
    }
    const scope = own ?? parent;
    this.scopes.push(scope);
    const { local, uri } = this.resolve(name, scope, offset, 'element');
    const element: ResolvedElement = { local, uri, attributes: [] };
    for (const attribute of attributes) {
      if (declaredPrefix(attribute.name) !== undefined) continue;
      const resolved = this.resolve(attribute.name, scope, attribute.offset, 'attribute');
      element.attributes.push({ local: resolved.local, uri: resolved.uri, value: attribute.value, offset: attribute.offset });
    }
    if (element.attributes.length > 1) this.checkUnique(element.attributes, name);
    return element;
  }

  /** Leaves the element opened last. */
  close(): void {
    this.scopes.pop();
  }

  private resolve(qname: string, scope: Scope, offset: number, kind: 'element' | 'attribute'): ResolvedName {
    const colon = qname.indexOf(':');
    // Unprefixed attributes are in no namespace: the default namespace applies to elements only.
    if (colon < 0) return { local: qname, uri: kind === 'element' ? (scope.get('') ?? '') : '' };
    const prefix = qname.slice(0, colon);
    const local = qname.slice(colon + 1);
    if (prefix === '' || !isNcName(local)) {
      this.fail(offset, `"${qname}" is not a valid ${kind} name when namespaces are used`, 'a name with at most one colon, as prefix:localName');
    }
    if (prefix === 'xmlns') this.fail(offset, `the prefix "xmlns" is reserved (in ${kind} "${qname}")`, 'a declared prefix');
    const uri = scope.get(prefix);
    if (uri === undefined) {
      this.fail(offset, `the prefix "${prefix}" of ${kind} "${qname}" is not declared`, `xmlns:${prefix}="..." on this element or an ancestor`);
    }
    return { local, uri };
  }

  private checkDeclaration(prefix: string, attribute: RawAttribute): void {
    const { value, offset } = attribute;
    if (prefix !== '' && !isNcName(prefix)) this.fail(offset, `"${attribute.name}" declares an invalid prefix`, 'xmlns:prefix with a prefix without colons');
    if (prefix === 'xmlns') this.fail(offset, 'the prefix "xmlns" must not be declared', 'another prefix');
    if (prefix === 'xml' && value !== XML_NAMESPACE) this.fail(offset, `the prefix "xml" can only be bound to ${XML_NAMESPACE}`, XML_NAMESPACE);
    if (prefix !== 'xml' && (value === XML_NAMESPACE || value === XMLNS_NAMESPACE)) {
      this.fail(offset, `${value} is reserved and cannot be bound to "${prefix || 'xmlns'}"`, 'another namespace URI');
    }
    if (prefix !== '' && value === '') this.fail(offset, `xmlns:${prefix}="" cannot undeclare a prefix in XML 1.0`, 'a non-empty namespace URI');
  }

  private checkUnique(attributes: readonly ResolvedAttribute[], element: string): void {
    const seen = new Set<string>();
    for (const attribute of attributes) {
      const key = `${attribute.uri} ${attribute.local}`;
      if (seen.has(key)) {
        this.fail(attribute.offset, `two attributes of <${element}> have the same namespace and local name "${attribute.local}"`, 'each attribute once per element');
      }
      seen.add(key);
    }
  }
}
