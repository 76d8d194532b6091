/**
 * JSON Schema (draft-04, draft-07, 2019-09, 2020-12) -> schema model.
 * See docs/schemas-json-openapi.md for the rules.
 */
import { MapwrightError } from '../../errors';
import type { SchemaDocument } from '../model';
import type { SourceResolver } from '../resolver';
import { normalizePath } from '../resolver';
import { newBuildContext, type RemoteRefPolicy } from './build-context';
import { buildField } from './build-field';
import { formatPointer, isObject, parsePointer } from './json-pointer';
import { SchemaRegistry, type LoadedDoc, type Located } from './schema-registry';
import { parseSchemaText, schemaText } from './structured-text';

/** Options for {@link loadJsonSchema}. */
export interface JsonSchemaLoadOptions {
  /**
   * A sub-schema to use as the root: a JSON pointer (`#/definitions/Address`,
   * `#/0/schema`) or the plain name of a `$defs`/`definitions` entry (`Address`).
   */
  pointer?: string;
  /** Nesting depth at which fields are cut and marked `recursive` (default 32). */
  maxDepth?: number;
  /**
   * A `$ref` to a web URI that no local file or known `$id` provides:
   * `open` (default) keeps the field as open `any` content with `origin.ref`
   * set to the URI; `error` fails with `SCHEMA_REF`.
   */
  remoteRefs?: RemoteRefPolicy;
}

function isSchemaNode(value: unknown): boolean {
  return isObject(value) || typeof value === 'boolean';
}

/** Definition pointers of `root`, listed in a SCHEMA_ROOT error. */
function definitionPointers(root: unknown): string[] {
  if (!isObject(root)) return Array.isArray(root) ? root.map((_, i) => `#/${i}`).slice(0, 20) : [];
  const names: string[] = [];
  for (const keyword of ['$defs', 'definitions']) {
    const defs = root[keyword];
    if (isObject(defs)) for (const name of Object.keys(defs)) names.push(formatPointer([keyword, name]));
  }
  return names;
}

function rootError(doc: LoadedDoc, message: string): MapwrightError {
  const available = definitionPointers(doc.root);
  return new MapwrightError('SCHEMA_ROOT', message, {
    file: doc.file,
    expected: available.length > 0 ? `one of ${available.slice(0, 30).join(', ')}${available.length > 30 ? ', ...' : ''}` : 'a JSON pointer to a schema, like #/definitions/Name',
  });
}

/** Pointer segments of the `$defs`/`definitions` entry called `name`, if there is one. */
function definitionNamed(root: unknown, name: string): string[] | undefined {
  if (!isObject(root)) return undefined;
  for (const keyword of ['$defs', 'definitions']) {
    const defs = root[keyword];
    if (isObject(defs) && Object.prototype.hasOwnProperty.call(defs, name)) return [keyword, name];
  }
  return undefined;
}

/** The located root schema chosen by `pointer`. */
export function selectRoot(registry: SchemaRegistry, doc: LoadedDoc, pointer: string | undefined): Located {
  if (pointer === undefined || pointer === '' || pointer === '#') {
    if (!isSchemaNode(doc.root)) {
      throw new MapwrightError('SCHEMA_INVALID', 'the document is not a JSON Schema (its top level is not an object)', {
        file: doc.file,
        line: 1,
        column: 1,
        expected: 'a JSON Schema object, or a pointer to one such as #/0/schema',
      });
    }
    return registry.rootOf(doc);
  }
  let segments = /^#?\//.test(pointer) ? parsePointer(pointer.startsWith('#') ? pointer : `#${pointer}`) : undefined;
  if (!segments && !pointer.includes('/')) segments = definitionNamed(doc.root, pointer);
  if (!segments) throw rootError(doc, `"${pointer}" is not a JSON pointer or a definition name`);
  const at = registry.locate(doc, segments);
  if (!at || !isSchemaNode(at.node)) throw rootError(doc, `no schema at ${formatPointer(segments)}`);
  return at;
}

/**
 * Loads a JSON Schema file into the schema model. Cross-file `$ref`s are read
 * through `resolver` relative to the referring file (or matched by `$id`).
 * @throws MapwrightError `JSON_PARSE`/`YAML_PARSE` (with line and column), `SCHEMA_REF`, `SCHEMA_ROOT`, `SCHEMA_INVALID`, `LIMIT_EXCEEDED`.
 */
export async function loadJsonSchema(
  text: Uint8Array | string,
  file: string,
  resolver: SourceResolver,
  options: JsonSchemaLoadOptions = {},
): Promise<SchemaDocument> {
  const source = schemaText(text, file);
  const registry = new SchemaRegistry(resolver);
  const doc = registry.addDocument(normalizePath(file), file, source, parseSchemaText(source, file));
  const root = selectRoot(registry, doc, options.pointer);
  const ctx = newBuildContext(registry, 'json-schema', file, options);
  const field = await buildField('', [], [root], true, new Set(), 0, ctx);
  const result: SchemaDocument = { root: field };
  const title = isObject(root.node) && typeof root.node.title === 'string' ? root.node.title : undefined;
  if (title) result.title = title;
  return result;
}
