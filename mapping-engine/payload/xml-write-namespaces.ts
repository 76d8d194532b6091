/**
 * Prefix allocation for the XML writer. Every namespace is declared once, on
 * the root element, with its preferred prefix when that is free. The default
 * namespace (`xmlns="..."`) is only used when the root element itself is in
 * a namespace: declaring one on a no-namespace root would move the root.
 */
import type { XmlMeta } from './xml-meta';
import { getMember } from './xml-members';
import { XML_NAMESPACE, XSI_NAMESPACE } from './xml-namespaces';

/** Prefixes conventionally used for namespaces that have no preference of their own. */
const CONVENTIONAL: Readonly<Record<string, string>> = { [XSI_NAMESPACE]: 'xsi', 'http://www.w3.org/2001/XMLSchema': 'xs' };

/** One `xmlns` declaration of the root element; prefix `''` is the default namespace. */
export interface NamespaceDeclaration {
  prefix: string;
  uri: string;
}

/** Assigns prefixes on demand and remembers the declarations the root must carry. */
export class WriterNamespaces {
  /** The declarations, in the order the prefixes were assigned. */
  readonly declarations: NamespaceDeclaration[] = [];
  /** Namespace of unprefixed elements under the root ('' when there is no default namespace). */
  readonly defaultUri: string;
  private readonly elementPrefixes = new Map<string, string>();
  private readonly attributePrefixes = new Map<string, string>();
  private readonly taken = new Set<string>(['xml', 'xmlns']);
  private generated = 0;

  constructor(
    rootUri: string,
    private readonly preferred: Record<string, string> = {},
  ) {
    if (rootUri !== '') {
      const rootPrefix = getMember(preferred, rootUri) ?? '';
      this.assign(rootUri, rootPrefix, this.elementPrefixes);
    }
    // Only when the root is namespaced may another namespace become the default.
    for (const [uri, prefix] of Object.entries(preferred)) {
      if (uri === XML_NAMESPACE || this.elementPrefixes.has(uri)) continue;
      this.assign(uri, prefix === '' && (rootUri === '' || this.taken.has('')) ? this.fresh(uri) : prefix, this.elementPrefixes);
    }
    this.defaultUri = this.declarations.find((declaration) => declaration.prefix === '')?.uri ?? '';
  }

  /** Creates the allocator for a document whose root element is in `rootUri`, honouring the reader's meta. */
  static forDocument(rootUri: string, meta: XmlMeta | undefined): WriterNamespaces {
    return new WriterNamespaces(rootUri, meta?.namespaces ?? {});
  }

  /** Prefix for an element in `uri` (`''` = the default namespace). */
  elementPrefix(uri: string): string {
    if (uri === XML_NAMESPACE) return 'xml';
    const known = this.elementPrefixes.get(uri);
    if (known !== undefined) return known;
    return this.assign(uri, this.fresh(uri), this.elementPrefixes);
  }

  /** Prefix for an attribute in `uri`: never empty, since unprefixed attributes are in no namespace. */
  attributePrefix(uri: string): string {
    const element = this.elementPrefix(uri);
    if (element !== '') return element;
    return this.attributePrefixes.get(uri) ?? this.assign(uri, this.fresh(uri, true), this.attributePrefixes);
  }

  private assign(uri: string, wanted: string, into: Map<string, string>): string {
    const prefix = this.taken.has(wanted) || /^xml/i.test(wanted) ? this.fresh(uri, true) : wanted;
    this.taken.add(prefix);
    into.set(uri, prefix);
    this.declarations.push({ prefix, uri });
    return prefix;
  }

  /** The preferred or conventional prefix of `uri` when free, else the next free `nsN`. */
  private fresh(uri: string, avoidPreferred = false): string {
    const preferred = avoidPreferred ? undefined : (getMember(this.preferred, uri) || getMember(CONVENTIONAL, uri));
    if (preferred && !this.taken.has(preferred) && !/^xml/i.test(preferred)) return preferred;
    const conventional = getMember(CONVENTIONAL, uri);
    if (conventional && !this.taken.has(conventional)) return conventional;
    let prefix: string;
    do prefix = `ns${++this.generated}`;
    while (this.taken.has(prefix));
    return prefix;
  }
}
