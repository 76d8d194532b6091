/**
 * Entry points of the XSD loader: list the root elements a schema offers, and
 * load one of them as a {@link SchemaDocument}. Both load the whole schema set
 * (includes and imports through the resolver) because the roots of a schema
 * include the global elements of the files the main file includes.
 */
import { MapwrightError, isMapwrightError } from '../../errors';
import { makeField, type SchemaDocument, type SchemaField } from '../model';
import type { SourceResolver } from '../resolver';
import { compiledTypeOf, createCompileContext } from './xsd-complex-types';
import type { ElementDecl } from './xsd-model';
import { loadSchemaSet, type LoadedSchemaSet } from './xsd-loader';
import { namespaceMap } from './xsd-namespaces';
import { globalElementDecl } from './xsd-particles';
import type { Component } from './xsd-registry';
import { buildRootElement } from './xsd-tree';

/** Options of {@link loadXsd}. */
export interface XsdLoadOptions {
  /** Local name of the global element to load; default: the first global element of the main file. */
  root?: string;
  /**
   * Complex elements deeper than this (the root element is depth 1) get no
   * children and are marked `recursive`. Default: as deep as fits in
   * {@link XSD_FIELD_BUDGET} fields (complete levels only), at most 64.
   */
  maxDepth?: number;
}

/**
 * Field budget of a build without an explicit `maxDepth`. UBL Invoice grows
 * about 2.5x per level even with recursion cut (each aggregate nests dozens
 * of others: 1.2 million fields at depth 8); 100 000 fields keeps it complete to depth 5 (Invoice/AccountingSupplierParty/
 * Party/PostalAddress/Country/IdentificationCode) in well under a second.
 */
export const XSD_FIELD_BUDGET = 100_000;
/**
 * With an explicit `maxDepth`, the build fails with `LIMIT_EXCEEDED` beyond
 * this many fields (about 250 MB of field objects).
 */
const HARD_FIELD_LIMIT = 300_000;
const DEEPEST = 64;

function isLimit(error: unknown): boolean {
  return isMapwrightError(error) && error.code === 'LIMIT_EXCEEDED';
}

/**
 * Builds with the deepest complete depth that fits the budget: first the
 * whole tree (most schemas fit), else deepen level by level until the next
 * level would not fit. Levels grow geometrically, so the retries cost about
 * as much as the final build.
 */
function buildWithinBudget(decl: ElementDecl, file: string, maxDepth: number | undefined): SchemaField {
  if (maxDepth !== undefined) return buildRootElement(decl, { maxDepth, maxFields: HARD_FIELD_LIMIT }, file).element;
  try {
    return buildRootElement(decl, { maxDepth: DEEPEST, maxFields: XSD_FIELD_BUDGET }, file).element;
  } catch (error) {
    if (!isLimit(error)) throw error;
  }
  let best: SchemaField | undefined;
  for (let depth = 1; depth <= DEEPEST; depth++) {
    try {
      const built = buildRootElement(decl, { maxDepth: depth, maxFields: XSD_FIELD_BUDGET }, file);
      best = built.element;
      if (!built.depthCut) break;
    } catch (error) {
      if (!isLimit(error) || !best) throw error;
      break;
    }
  }
  return best as SchemaField;
}

/**
 * Root candidates: global elements of the main file and the files it includes.
 * A file that only defines types (common in WSDL-side schemas and in module
 * files) offers its named complex types instead, or failing those its named
 * simple types, each as an element of the type's name.
 */
function rootComponents(set: LoadedSchemaSet): Component[] {
  const mainDocs = set.registry.docs.filter((doc) => doc.mainUnit);
  const declared = (kind: 'element' | 'type', local: string): Component[] =>
    mainDocs.flatMap((doc) =>
      doc.parsed.root.children.flatMap((node) => {
        if (node.local !== local || !node.attrs.name) return [];
        const component = set.registry.find(kind, { ns: doc.targetNamespace, local: node.attrs.name });
        return component ? [component] : [];
      }),
    );
  const elements = declared('element', 'element');
  if (elements.length > 0) return elements;
  const complexTypes = declared('type', 'complexType');
  return complexTypes.length > 0 ? complexTypes : declared('type', 'simpleType');
}

/**
 * Names of the root elements `loadXsd` accepts for this schema, in document order.
 * @throws MapwrightError `XSD_PARSE`, `XSD_REF`, `SCHEMA_REF`, `ENCODING` as {@link loadXsd}.
 */
export async function listXsdRoots(text: Uint8Array | string, file: string, resolver: SourceResolver): Promise<string[]> {
  const set = await loadSchemaSet(text, file, resolver);
  return [...new Set(rootComponents(set).map((component) => component.name))];
}

/**
 * Loads an XML Schema (with its includes and imports) as the field tree of one root element.
 * The returned root field is synthetic (`name: ''`); its single child is the root element.
 * @throws MapwrightError `XSD_PARSE` (malformed schema, with line), `XSD_REF` (missing
 *   include/import target, undeclared type/element/group/attribute), `SCHEMA_REF` (remote
 *   schemaLocation that is needed), `SCHEMA_ROOT` (unknown root; `expected` lists the roots),
 *   `LIMIT_EXCEEDED` (tree too large), `ENCODING`. A schema that declares nothing
 *   gives a root without children.
 */
export async function loadXsd(
  text: Uint8Array | string,
  file: string,
  resolver: SourceResolver,
  options: XsdLoadOptions = {},
): Promise<SchemaDocument> {
  const set = await loadSchemaSet(text, file, resolver);
  const candidates = rootComponents(set);
  const wanted = options.root;
  const chosen =
    wanted === undefined
      ? candidates[0]
      : candidates.find((c) => c.name === wanted || `{${c.ns}}${c.name}` === wanted);
  if (!chosen) {
    const origin = { kind: 'xsd' as const, file };
    // A module that declares nothing (UBL's QualifiedDataTypes only imports) is valid: there is just nothing to map.
    if (wanted === undefined) return { root: makeField({ name: '', path: [], type: 'object', origin, children: [] }), namespaces: namespaceMap(set) };
    const names = [...new Set(candidates.map((c) => c.name))];
    throw new MapwrightError('SCHEMA_ROOT', `"${wanted}" is not a global element of the schema`, {
      file,
      expected: names.length > 0 ? names.join(', ') : 'a schema that declares a global element',
    });
  }
  const ctx = createCompileContext(set.registry);
  const decl: ElementDecl =
    chosen.kind === 'element'
      ? globalElementDecl(ctx, chosen)
      : { name: chosen.name, nillable: false, file: chosen.doc.parsed.file, type: () => compiledTypeOf(ctx, chosen), ...(chosen.ns ? { ns: chosen.ns } : {}) };
  const maxDepth = options.maxDepth !== undefined && options.maxDepth >= 1 ? Math.floor(options.maxDepth) : undefined;
  const element = buildWithinBudget(decl, file, maxDepth);
  const root = makeField({ name: '', path: [], type: 'object', origin: { kind: 'xsd', file }, children: [element] });
  return { root, namespaces: namespaceMap(set), title: chosen.name };
}
