/**
 * Follows one `$ref`. Order of lookup:
 * 1. a fragment-only ref (`#/definitions/x`, `#anchor`) stays in the current resource;
 * 2. a known `$id`: the ref resolved against the nearest `$id` base, then the ref as written;
 * 3. a file relative to the referring file (through the host's resolver);
 * 4. fallbacks that are checked against the target's own `$id`: the same name
 *    in up to three parent folders (octokit's `common/...` refs are relative to
 *    the schema set's root, not to the referring file), and for a web URI, a
 *    file with the URI's last segment beside the referring file (an offline copy).
 * Web URIs that none of these find are reported as remote: Mapwright never fetches.
 */
import { MapwrightError, lineColumnAt } from '../../errors';
import { dirname, normalizePath, resolveLocation } from '../resolver';
import { parsePointer } from './json-pointer';
import { childOf, type IdTarget, type LoadedDoc, type Located, type SchemaRegistry } from './schema-registry';
import { hasScheme, isMetaSchemaUri, isWebUri, normalizeUri, resolveUri, splitFragment } from './uri';

/** What a `$ref` leads to. */
export type RefTarget =
  | { kind: 'found'; at: Located }
  /** A web URI that is not available offline. */
  | { kind: 'remote'; uri: string }
  /** A JSON Schema or OpenAPI meta-schema: "any schema". */
  | { kind: 'meta'; uri: string };

const PARENT_FOLDERS_TRIED = 3;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A SCHEMA_REF error naming the referring file and, when the ref text can be
 * found in it, its line and column.
 */
export function refError(doc: LoadedDoc, ref: string, message: string, expected: string, code: 'SCHEMA_REF' | 'ACCESS_DENIED' = 'SCHEMA_REF'): MapwrightError {
  const pattern = new RegExp(`["']?\\$ref["']?\\s*:\\s*["']?${escapeRegExp(ref)}`);
  const match = pattern.exec(doc.text);
  const position = match ? lineColumnAt(doc.text, match.index) : {};
  return new MapwrightError(code, message, { file: doc.file, ...position, expected });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

interface Candidate {
  location: string;
  /** Accept only when the file's root `$id` is the URI asked for. */
  checkId: boolean;
}

function candidatesFor(from: Located, refDocument: string): Candidate[] {
  const here = from.doc.location;
  if (hasScheme(refDocument)) {
    if (/^file:/i.test(refDocument)) return [{ location: resolveLocation(here, refDocument), checkId: false }];
    if (!isWebUri(refDocument)) return [];
    const last = safeDecode(refDocument.replace(/[?#].*$/, '').split('/').pop() ?? '');
    return last ? [{ location: normalizePath(`${dirname(here)}/${last}`), checkId: true }] : [];
  }
  const path = safeDecode(refDocument);
  const list: Candidate[] = [{ location: resolveLocation(here, path), checkId: false }];
  let folder = dirname(here);
  for (let i = 0; i < PARENT_FOLDERS_TRIED; i++) {
    const parent = dirname(folder);
    if (parent === folder) break;
    folder = parent;
    list.push({ location: normalizePath(`${folder}/${path}`), checkId: true });
  }
  return list;
}

async function findFile(registry: SchemaRegistry, from: Located, refDocument: string, uri: string): Promise<LoadedDoc | undefined> {
  const seen = new Set<string>();
  for (const candidate of candidatesFor(from, refDocument)) {
    if (seen.has(candidate.location)) continue;
    seen.add(candidate.location);
    let doc: LoadedDoc | undefined;
    try {
      doc = await registry.load(candidate.location);
    } catch (error) {
      if (!candidate.checkId) throw error; // the file the ref names is broken: say so
      continue; // an unrelated file in a fallback folder
    }
    if (!doc) continue;
    if (!candidate.checkId || doc.rootId === uri || doc.rootId === refDocument) return doc;
  }
  return undefined;
}

/** The resource (document or embedded `$id` subschema) that contains `from`. */
function resourceOf(registry: SchemaRegistry, from: Located): IdTarget {
  if (from.base !== undefined) {
    const byBase = registry.byId(from.base);
    if (byBase && byBase.doc === from.doc) return byBase;
  }
  return { doc: from.doc, pointer: [] };
}

function applyFragment(registry: SchemaRegistry, from: Located, ref: string, resource: IdTarget, resourceUri: string, fragment: string): Located {
  const resourceRoot = registry.locate(resource.doc, resource.pointer);
  if (!resourceRoot) throw refError(from.doc, ref, `$ref "${ref}" points into a missing document`, 'an existing schema');
  if (fragment === '') return resourceRoot;
  const pointer = parsePointer(`#${fragment}`);
  if (pointer) {
    const target = childOf(resourceRoot, ...pointer);
    if (!target) {
      throw refError(from.doc, ref, `$ref "${ref}" points to nothing: no such JSON pointer in ${resource.doc.file}`, 'a JSON pointer to an existing schema, like #/definitions/Name');
    }
    return target;
  }
  const anchor = registry.byId(`${resourceUri}#${fragment}`) ?? registry.byId(`#${fragment}`);
  const located = anchor ? registry.locate(anchor.doc, anchor.pointer) : undefined;
  if (!located) throw refError(from.doc, ref, `$ref "${ref}" names an anchor that is not declared`, `an $anchor or $id "#${fragment}"`);
  return located;
}

/**
 * Resolves `ref`, written at `from`.
 * @throws MapwrightError `SCHEMA_REF` for a missing local file, pointer or anchor (a broken file throws its parse error).
 */
export async function resolveRef(registry: SchemaRegistry, from: Located, ref: string): Promise<RefTarget> {
  const { document: refDocument, fragment } = splitFragment(ref.trim());
  if (refDocument === '') {
    const resource = resourceOf(registry, from);
    return { kind: 'found', at: applyFragment(registry, from, ref, resource, from.base ?? '', fragment) };
  }
  const uri = normalizeUri(resolveUri(from.base, refDocument));
  if (isMetaSchemaUri(uri)) return { kind: 'meta', uri };
  const known = registry.byId(uri) ?? registry.byId(refDocument);
  if (known) return { kind: 'found', at: applyFragment(registry, from, ref, known, uri, fragment) };
  const doc = await findFile(registry, from, refDocument, uri);
  if (doc) return { kind: 'found', at: applyFragment(registry, from, ref, { doc, pointer: [] }, doc.rootId ?? uri, fragment) };
  if (isWebUri(uri)) return { kind: 'remote', uri: fragment ? `${uri}#${fragment}` : uri };
  if (registry.isDenied(resolveLocation(from.doc.location, refDocument))) {
    // The same answer whether or not the file exists: the reference leaves the folders the user granted.
    throw refError(from.doc, ref, `$ref "${ref}" leads outside the schema's folder`, 'a schema file inside the project or schema folder (the CLI allows others with --allow-outside)', 'ACCESS_DENIED');
  }
  throw refError(from.doc, ref, `$ref "${ref}" cannot be resolved: no file ${resolveLocation(from.doc.location, refDocument)} and no schema with that $id`, 'a schema file next to the referring file, or a known $id');
}
