/**
 * What the XML reader records besides the value, so that the writer can put
 * elements back in their namespaces. Re-exported by `xml-read.ts`.
 */
import type { XmlDeclaration } from './xml-scanner';

/** Format details of a read XML document (see docs/formats-xml.md). */
export interface XmlMeta {
  /** Local name of the root element. */
  rootName: string;
  /** The `<?xml ...?>` declaration, when the document had one. */
  declaration?: XmlDeclaration;
  /** Namespace URI -> preferred prefix (`''` = default namespace), as first declared in the document. */
  namespaces: Record<string, string>;
  /**
   * Path key (local names joined by `/`, e.g. `Invoice/InvoiceLine/ID`, attributes as `@name`)
   * -> namespace URI, for the elements and attributes that are in a namespace. When one path
   * occurs in several namespaces, the first occurrence wins (and a warning says so).
   */
  elementNamespaces: Record<string, string>;
  /** `xsi:schemaLocation` of the root element: not data, kept so a round trip keeps it. */
  schemaLocation?: string;
  /** `xsi:noNamespaceSchemaLocation` of the root element, kept for the same reason. */
  noNamespaceSchemaLocation?: string;
}

/** An empty {@link XmlMeta}. */
export function emptyXmlMeta(): XmlMeta {
  return { rootName: '', namespaces: {}, elementNamespaces: {} };
}
