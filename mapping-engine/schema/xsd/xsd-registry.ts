/**
 * The global components of a loaded schema set (elements, types, groups,
 * attribute groups, attributes), keyed by expanded name, plus QName
 * resolution. A component remembers the schema document it was declared in,
 * because prefixes, the target namespace and the form defaults are per document.
 */
import { MapwrightError } from '../../errors';
import { positionOf, type ParsedXsd, type XsdNode } from './xsd-dom';

/** One schema document in the context it was loaded in. */
export interface SchemaDoc {
  parsed: ParsedXsd;
  /** Effective target namespace ('' for none). A chameleon include takes the includer's. */
  targetNamespace: string;
  /** True when the document has no targetNamespace of its own but was included into one. */
  chameleon: boolean;
  elementFormQualified: boolean;
  attributeFormQualified: boolean;
  /** The main file or a file it includes (directly or not): where root elements come from. */
  mainUnit: boolean;
}

/** Symbol spaces of XML Schema: each has its own names. */
export type ComponentKind = 'element' | 'type' | 'group' | 'attributeGroup' | 'attribute';

/** A global declaration or definition. */
export interface Component {
  kind: ComponentKind;
  ns: string;
  name: string;
  node: XsdNode;
  doc: SchemaDoc;
}

/** An expanded name. */
export interface QName {
  ns: string;
  local: string;
}

/** `{ns}local` (James Clark notation), or just `local` when there is no namespace. */
export function clark(name: QName | Component): string {
  const local = 'local' in name ? name.local : name.name;
  return name.ns ? `{${name.ns}}${local}` : local;
}

const KIND_LABEL: Record<ComponentKind, string> = {
  element: 'element',
  type: 'type',
  group: 'group',
  attributeGroup: 'attribute group',
  attribute: 'attribute',
};

/** Builds an `XSD_REF` error positioned at `node` of `doc`. */
export function refError(doc: SchemaDoc, node: XsdNode, message: string, expected: string): MapwrightError {
  const { line, column } = positionOf(doc.parsed, node);
  return new MapwrightError('XSD_REF', message, { file: doc.parsed.file, line, column, expected });
}

/** The global components of a schema set. */
export class XsdRegistry {
  readonly docs: SchemaDoc[] = [];
  private readonly components = new Map<string, Component>();

  /** Registers `component` unless one of that kind and name exists already (the first declaration wins). */
  add(component: Component): void {
    const key = `${component.kind} ${clark(component)}`;
    if (!this.components.has(key)) this.components.set(key, component);
  }

  /** The component of `kind` named `name`, if declared. */
  find(kind: ComponentKind, name: QName): Component | undefined {
    return this.components.get(`${kind} ${clark(name)}`);
  }

  /** True when some loaded document has `ns` as its target namespace. */
  hasNamespace(ns: string): boolean {
    return this.docs.some((doc) => doc.targetNamespace === ns);
  }

  /**
   * Resolves a QName attribute value written in `node` of `doc`. An unprefixed
   * name takes the default namespace; in a chameleon document, names in no
   * namespace take the includer's namespace (that is what chameleon means).
   * @throws MapwrightError `XSD_REF` for an undeclared prefix.
   */
  resolveQName(doc: SchemaDoc, node: XsdNode, value: string): QName {
    const trimmed = value.trim();
    const colon = trimmed.indexOf(':');
    const prefix = colon < 0 ? '' : trimmed.slice(0, colon);
    const local = colon < 0 ? trimmed : trimmed.slice(colon + 1);
    let ns = prefix === 'xml' ? 'http://www.w3.org/XML/1998/namespace' : node.scope.get(prefix);
    if (ns === undefined) {
      if (prefix !== '') {
        throw refError(doc, node, `prefix "${prefix}" of "${trimmed}" is not declared`, 'an xmlns declaration for the prefix');
      }
      ns = '';
    }
    if (ns === '' && doc.chameleon) ns = doc.targetNamespace;
    return { ns, local };
  }

  /**
   * Looks up the component a QName attribute (`type`, `ref`, `base`...) of `node` names.
   * @throws MapwrightError `XSD_REF` naming the file, position and QName when it is not declared.
   */
  lookup(kind: ComponentKind, doc: SchemaDoc, node: XsdNode, value: string): Component {
    const name = this.resolveQName(doc, node, value);
    const found = this.find(kind, name);
    if (found) return found;
    const known = this.hasNamespace(name.ns) || name.ns === doc.targetNamespace;
    const why = known ? '' : ` (no schema document for namespace "${name.ns}" was loaded)`;
    throw refError(
      doc,
      node,
      `${KIND_LABEL[kind]} "${value}" = ${clark(name)} is not declared${why}`,
      `a declared ${KIND_LABEL[kind]} (check xs:import / xs:include)`,
    );
  }
}
