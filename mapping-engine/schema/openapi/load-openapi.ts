/**
 * OpenAPI 3.0 / 3.1 (JSON or YAML) and Swagger 2.0 -> schema model. Schema
 * objects go through the JSON Schema machinery; OpenAPI 3.0's
 * `nullable: true` (and 2.0's `x-nullable`) is read as `null` allowed.
 */
import { MapwrightError } from '../../errors';
import type { SchemaDocument } from '../model';
import { normalizePath, type SourceResolver } from '../resolver';
import { newBuildContext, type RemoteRefPolicy } from '../json-schema/build-context';
import { buildField } from '../json-schema/build-field';
import { parsePointer } from '../json-schema/json-pointer';
import { SchemaRegistry, type Located } from '../json-schema/schema-registry';
import { parseSchemaText, schemaText } from '../json-schema/structured-text';
import { openApiVersion, type OpenApiVersion } from './detect-openapi';
import { listRoots, type OpenApiRoot } from './openapi-roots';

/** Options for {@link loadOpenApi}. */
export interface OpenApiLoadOptions {
  /** A root name from {@link listOpenApiRoots} (`Pet`, `POST /pets request`) or a pointer (`#/components/schemas/Pet`). */
  root?: string;
  /** Nesting depth at which fields are cut and marked `recursive` (default 32). */
  maxDepth?: number;
  /** What to do with a `$ref` to a web URI (default `open`, see JsonSchemaLoadOptions). */
  remoteRefs?: RemoteRefPolicy;
}

interface OpenedDoc {
  registry: SchemaRegistry;
  top: Located;
  version: OpenApiVersion;
}

function open(input: Uint8Array | string, file: string, resolver: SourceResolver): OpenedDoc {
  const text = schemaText(input, file);
  const value = parseSchemaText(text, file);
  const version = openApiVersion(value);
  if (!version) {
    throw new MapwrightError('OPENAPI_INVALID', 'not an OpenAPI document: no supported "openapi" or "swagger" version field', {
      file,
      line: 1,
      column: 1,
      expected: 'openapi: 3.0.x or 3.1.x, or swagger: "2.0"',
    });
  }
  const registry = new SchemaRegistry(resolver);
  const doc = registry.addDocument(normalizePath(file), file, text, value);
  return { registry, top: registry.rootOf(doc), version };
}

/** A resolver for listing without file access: every read fails, so only local refs are followed. */
const NO_FILES: SourceResolver = {
  read: (location) => Promise.reject(new MapwrightError('FILE_READ', `not read while listing roots: ${location}`)),
};

/**
 * Names of every root the document offers: component schemas, then
 * operation bodies. Without a resolver, bodies behind `$ref`s to other files
 * are left out (pass one to list those too).
 * @throws MapwrightError `JSON_PARSE`/`YAML_PARSE`, `OPENAPI_INVALID`.
 */
export async function listOpenApiRoots(text: Uint8Array | string, file: string, resolver?: SourceResolver): Promise<string[]> {
  const opened = open(text, file, resolver ?? NO_FILES);
  const roots = await listRoots(opened.registry, opened.top, opened.version, resolver === undefined);
  return roots.map((root) => root.name);
}

function rootNotFound(file: string, message: string, roots: OpenApiRoot[]): MapwrightError {
  return new MapwrightError('SCHEMA_ROOT', message, {
    file,
    expected: roots.length > 0 ? `one of: ${roots.map((r) => r.name).join(', ')}` : 'a document with components/schemas, definitions or operation bodies',
  });
}

async function chooseRoot(opened: OpenedDoc, file: string, wanted: string | undefined): Promise<OpenApiRoot> {
  const roots = await listRoots(opened.registry, opened.top, opened.version, false);
  if (wanted === undefined || wanted.trim() === '') {
    // The only component; failing that (a document without components), the only operation body.
    const components = roots.filter((r) => r.kind === 'component');
    const candidates = components.length > 0 ? components : roots;
    const [only] = candidates;
    if (only && candidates.length === 1) return only;
    throw rootNotFound(file, roots.length === 0 ? 'the document has no schemas' : 'the document has several schemas: choose a root', roots);
  }
  const name = wanted.trim();
  const exact = roots.find((r) => r.name === name) ?? roots.find((r) => r.name.toLowerCase() === name.toLowerCase());
  if (exact) return exact;
  const pointer = name.startsWith('#') ? parsePointer(name) : undefined;
  const at = pointer ? opened.registry.locate(opened.top.doc, pointer) : undefined;
  if (at) return { name, kind: 'component', schema: at };
  throw rootNotFound(file, `no root named "${name}"`, roots);
}

/**
 * Loads one schema of an OpenAPI document into the schema model: a component
 * schema or an operation's request/response body (`options.root`). Without a
 * root, the only component schema is used.
 * @throws MapwrightError `JSON_PARSE`/`YAML_PARSE`, `OPENAPI_INVALID`, `SCHEMA_ROOT` (with the roots in `expected`), `SCHEMA_REF`, `LIMIT_EXCEEDED`.
 */
export async function loadOpenApi(
  text: Uint8Array | string,
  file: string,
  resolver: SourceResolver,
  options: OpenApiLoadOptions = {},
): Promise<SchemaDocument> {
  const opened = open(text, file, resolver);
  const root = await chooseRoot(opened, file, options.root);
  const ctx = newBuildContext(opened.registry, 'openapi', file, options);
  const field = await buildField('', [], [root.schema], true, new Set(), 0, ctx);
  return { root: field, title: root.name };
}
