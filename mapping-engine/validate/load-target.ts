/**
 * Loads the target side of a mapping document for validation and writing:
 * the schema model, plus the original JSON Schema when the target is one
 * (ajv validates against it). Files are read through the host's resolver.
 */
import { isMapwrightError, MapwrightError } from '../errors';
import { resolveDocumentPath } from '../document/document-paths';
import type { MappingDocument } from '../document/document-schema';
import { readPayload } from '../payload/read-payload';
import { loadJsonSchema } from '../schema/json-schema';
import { detectSchemaKind, loadSchema, type SchemaInput } from '../schema/load-schema';
import type { SourceResolver } from '../schema/resolver';
import type { ValidationTarget } from './validation-types';

/** The target of a document, and whether it is only inferred from samples. */
export interface LoadedTarget extends ValidationTarget {
  /** True when the target has no schema and was inferred from its samples. */
  inferred: boolean;
}

async function readInput(resolver: SourceResolver, file: string): Promise<SchemaInput> {
  try {
    return { file, bytes: await resolver.read(file) };
  } catch (error) {
    if (isMapwrightError(error)) throw error;
    throw new MapwrightError('FILE_READ', 'cannot read target file', { file, cause: error });
  }
}

/**
 * Loads the target schema of `doc` (stored at `projectFile`); undefined when
 * the target has neither a schema nor samples. `side` 'source' loads the
 * source side the same way (`mapwright validate` checks rule paths against it).
 * @throws MapwrightError (`FILE_READ`, `SCHEMA_*`, `XSD_*`, a payload parse code)
 */
export async function loadTargetSchema(doc: MappingDocument, projectFile: string, resolver: SourceResolver, side: 'source' | 'target' = 'target'): Promise<LoadedTarget | undefined> {
  const { schema, samples, format } = doc[side];
  if (schema && 'inline' in schema) {
    const text = JSON.stringify(schema.inline);
    return { schema: await loadJsonSchema(text, projectFile, resolver), jsonSchema: schema.inline, inferred: false };
  }
  if (schema) {
    const input = await readInput(resolver, resolveDocumentPath(projectFile, schema.file));
    const kind = await detectSchemaKind(input);
    const loaded = await loadSchema([input], { resolver, ...(schema.root !== undefined ? { root: schema.root } : {}) });
    if (kind !== 'json-schema') return { schema: loaded, inferred: false };
    return { schema: loaded, jsonSchema: readPayload(input.bytes, { file: input.file, format: 'json' }).value, inferred: false };
  }
  if (samples.length === 0) return undefined;
  const inputs = await Promise.all(samples.map((sample) => readInput(resolver, resolveDocumentPath(projectFile, sample))));
  return { schema: await loadSchema(inputs, { resolver, format }), inferred: true };
}
