/**
 * Loads a schema set: the main file plus everything it reaches through
 * xs:include, xs:redefine, xs:override and xs:import, through the host's
 * {@link SourceResolver}. Every location is read and parsed once, however many
 * documents import it; a chameleon include is registered once per namespace it
 * is included into.
 */
import { MapwrightError, isMapwrightError } from '../../errors';
import { normalizePath, resolveLocation, type SourceResolver } from '../resolver';
import { XML_NS, parseXsdDocument, positionOf, xsdChildren, type ParsedXsd, type XsdNode } from './xsd-dom';
import { XsdRegistry, type ComponentKind, type SchemaDoc } from './xsd-registry';

/** What {@link loadSchemaSet} returns. */
export interface LoadedSchemaSet {
  registry: XsdRegistry;
  main: SchemaDoc;
}

const COMPONENT_KINDS: Record<string, ComponentKind> = {
  element: 'element',
  complexType: 'type',
  simpleType: 'type',
  group: 'group',
  attributeGroup: 'attributeGroup',
  attribute: 'attribute',
};

const INCLUDES = new Set(['include', 'redefine', 'override']);

interface PendingRemote {
  doc: SchemaDoc;
  node: XsdNode;
  namespace: string;
  error: MapwrightError;
}

function makeDoc(parsed: ParsedXsd, includerNamespace: string | undefined, mainUnit: boolean): SchemaDoc {
  const declared = parsed.root.attrs.targetNamespace;
  const chameleon = declared === undefined && includerNamespace !== undefined && includerNamespace !== '';
  return {
    parsed,
    targetNamespace: declared ?? (chameleon ? (includerNamespace ?? '') : ''),
    chameleon,
    elementFormQualified: parsed.root.attrs.elementFormDefault === 'qualified',
    attributeFormQualified: parsed.root.attrs.attributeFormDefault === 'qualified',
    mainUnit,
  };
}

function register(registry: XsdRegistry, doc: SchemaDoc): void {
  registry.docs.push(doc);
  for (const node of xsdChildren(doc.parsed.root)) {
    const kind = COMPONENT_KINDS[node.local];
    const name = node.attrs.name;
    if (kind && name) registry.add({ kind, ns: doc.targetNamespace, name, node, doc });
  }
}

/** Re-raises `error` (from resolveLocation) at the position of the directive that caused it. */
function atDirective(error: MapwrightError, doc: SchemaDoc, node: XsdNode): MapwrightError {
  const { line, column } = positionOf(doc.parsed, node);
  return new MapwrightError(error.code, error.message, {
    file: doc.parsed.file,
    line,
    column,
    ...(error.expected !== undefined ? { expected: error.expected } : {}),
  });
}

/** Reads and parses schema files through the resolver, once per location. */
class DocumentReader {
  private readonly cache = new Map<string, Promise<ParsedXsd>>();

  constructor(private readonly resolver: SourceResolver) {}

  seed(location: string, parsed: ParsedXsd): void {
    this.cache.set(location, Promise.resolve(parsed));
  }

  read(location: string, doc: SchemaDoc, node: XsdNode): Promise<ParsedXsd> {
    let pending = this.cache.get(location);
    if (!pending) {
      pending = this.fetch(location, doc, node);
      this.cache.set(location, pending);
    }
    return pending;
  }

  private async fetch(location: string, doc: SchemaDoc, node: XsdNode): Promise<ParsedXsd> {
    let bytes: Uint8Array | string;
    try {
      bytes = await this.resolver.read(location);
    } catch (cause) {
      const { line, column } = positionOf(doc.parsed, node);
      if (isMapwrightError(cause) && cause.code === 'ACCESS_DENIED') {
        // One answer whether or not the file exists; the position is the include that asked for it.
        throw new MapwrightError('ACCESS_DENIED', `xs:${node.local} schemaLocation="${node.attrs.schemaLocation ?? ''}" leads outside the schema's folder`, {
          file: doc.parsed.file,
          line,
          column,
          expected: 'a schema file inside the project or schema folder (the CLI allows others with --allow-outside)',
        });
      }
      const why = isMapwrightError(cause) || cause instanceof Error ? `: ${cause.message}` : '';
      throw new MapwrightError('XSD_REF', `xs:${node.local} target "${location}" cannot be read${why}`, {
        file: doc.parsed.file,
        line,
        column,
        expected: `a schema file at ${location} (schemaLocation="${node.attrs.schemaLocation ?? ''}")`,
        cause,
      });
    }
    return parseXsdDocument(bytes, location);
  }
}

/**
 * Loads `text` (the main schema, named `file`) and every schema it includes or imports.
 * Imports of remote locations are never fetched: one whose namespace another
 * (local) document supplies, or the `xml:` namespace, is skipped; any other
 * raises the resolver's `SCHEMA_REF` error at the import.
 * @throws MapwrightError `XSD_PARSE`, `ENCODING`, `XSD_REF` (unreadable target), `SCHEMA_REF` (remote target).
 */
export async function loadSchemaSet(text: Uint8Array | string, file: string, resolver: SourceResolver): Promise<LoadedSchemaSet> {
  const registry = new XsdRegistry();
  const reader = new DocumentReader(resolver);
  const mainParsed = parseXsdDocument(text, file);
  reader.seed(normalizePath(file), mainParsed);
  const main = makeDoc(mainParsed, undefined, true);
  const seen = new Set<string>([`${normalizePath(file)}|${main.targetNamespace}`]);
  const queue: SchemaDoc[] = [main];
  const remote: PendingRemote[] = [];

  for (let doc = queue.shift(); doc; doc = queue.shift()) {
    register(registry, doc);
    for (const node of xsdChildren(doc.parsed.root)) {
      const isInclude = INCLUDES.has(node.local);
      if (!isInclude && node.local !== 'import') continue;
      const reference = node.attrs.schemaLocation;
      if (reference === undefined || reference.trim() === '') continue;
      let location: string;
      try {
        location = resolveLocation(doc.parsed.file, reference.trim());
      } catch (error) {
        if (!isMapwrightError(error)) throw error;
        const positioned = atDirective(error, doc, node);
        if (isInclude) throw positioned;
        remote.push({ doc, node, namespace: node.attrs.namespace ?? '', error: positioned });
        continue;
      }
      const parsed = await reader.read(location, doc, node);
      const child = isInclude ? makeDoc(parsed, doc.targetNamespace, doc.mainUnit) : makeDoc(parsed, undefined, false);
      const key = `${location}|${child.targetNamespace}`;
      if (seen.has(key)) continue;
      seen.add(key);
      queue.push(child);
    }
  }

  for (const pending of remote) {
    if (pending.namespace === XML_NS || registry.hasNamespace(pending.namespace)) continue;
    throw pending.error;
  }
  return { registry, main };
}
