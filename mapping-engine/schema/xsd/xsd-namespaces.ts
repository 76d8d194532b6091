/**
 * Namespace URI -> preferred prefix for a loaded schema set. The main file's
 * own declarations win (they are what the consultant recognises); a namespace
 * the main file does not declare gets the prefix its defining file uses for
 * it (or, failing that, the prefix other files import it under). Prefixes stay unique so a writer can declare them all on one element.
 */
import { XML_NS, XSD_NS } from './xsd-dom';
import type { LoadedSchemaSet } from './xsd-loader';

function uniquePrefix(wanted: string[], used: Set<string>): string {
  const free = wanted.find((prefix) => !used.has(prefix));
  if (free !== undefined) return free;
  for (let n = 1; ; n++) if (!used.has(`ns${n}`)) return `ns${n}`;
}

/** The namespaces map of a schema document (see `SchemaDocument.namespaces`). */
export function namespaceMap(set: LoadedSchemaSet): Record<string, string> {
  const map: Record<string, string> = {};
  const used = new Set<string>();
  const claim = (uri: string, prefix: string): void => {
    map[uri] = prefix;
    used.add(prefix);
  };
  for (const [prefix, uri] of set.main.parsed.root.scope) {
    if (uri === '' || uri === XSD_NS || uri === XML_NS || uri in map || used.has(prefix)) continue;
    claim(uri, prefix);
  }
  const prefixesIn = (scope: ReadonlyMap<string, string>, uri: string): string[] =>
    [...scope].filter(([prefix, value]) => value === uri && prefix !== '').map(([prefix]) => prefix);
  for (const doc of set.registry.docs) {
    const uri = doc.targetNamespace;
    if (uri === '' || uri in map) continue;
    // A default-namespace declaration is no prefix; then borrow the prefix other files import it under.
    const own = prefixesIn(doc.parsed.root.scope, uri);
    const borrowed = set.registry.docs.flatMap((other) => prefixesIn(other.parsed.root.scope, uri));
    claim(uri, uniquePrefix([...own, ...borrowed], used));
  }
  return map;
}
