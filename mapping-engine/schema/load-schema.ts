/**
 * One entry point that turns any file a user offers as a source or target
 * into the schema model: an XSD, a JSON Schema, an OpenAPI document, or
 * sample payloads (inferred and merged).
 */
import { MapwrightError, codeStackOverflow } from '../errors';
import { decodeText } from '../payload/decode';
import { extensionOf } from '../payload/detect-format';
import { readPayload, type PayloadReadOptions } from '../payload/read-payload';
import type { ParsedPayload, PayloadFormat } from '../payload/types';
import { inferSchema, type InferSample } from './infer';
import { isJsonSchemaDocument, loadJsonSchema } from './json-schema';
import { parseYamlText, schemaText } from './json-schema/structured-text';
import { makeField, type SchemaDocument, type SchemaField } from './model';
import { isOpenApiDocument, listOpenApiRoots, loadOpenApi } from './openapi';
import type { SourceResolver } from './resolver';
import { loadXsd } from './xsd';

/** What kind of definition a file holds. */
export type SchemaKind = 'xsd' | 'json-schema' | 'openapi' | 'sample';

/** A file offered as a schema or sample. */
export interface SchemaInput {
  file: string;
  bytes: Uint8Array | string;
}

/** Options for {@link loadSchema}. */
export interface SchemaLoadOptions {
  resolver: SourceResolver;
  /** Payload format of sample files (otherwise detected). */
  format?: PayloadFormat;
  /** OpenAPI component/operation, XSD global element, or JSON pointer into a JSON Schema (`#/...`). */
  root?: string;
}

const XSD_ROOT = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*<([A-Za-z_][\w.-]*:)?schema[\s>][\s\S]*?http:\/\/www\.w3\.org\/2001\/XMLSchema["']/;

function headOf(bytes: Uint8Array | string): string {
  try {
    return decodeText(typeof bytes === 'string' ? bytes.slice(0, 4096) : bytes.subarray(0, 4096), { sniffXmlDeclaration: true, nonUtf8: 'windows-1252' }).text;
  } catch {
    return '';
  }
}

/**
 * Parses JSON or YAML text into a value when it may hold a schema document, else undefined.
 * @throws MapwrightError `YAML_PARSE` (a YAML file is only ever a schema), `LIMIT_EXCEEDED`
 */
function parseStructured(input: SchemaInput, ext: string): unknown {
  // The coded YAML parser: syntax errors as YAML_PARSE with line and column, aliases bounded.
  if (ext === 'yaml' || ext === 'yml') return parseYamlText(schemaText(input.bytes, input.file), input.file);
  if (ext !== 'json') return undefined;
  try {
    return readPayload(input.bytes, { file: input.file, format: 'json' }).value;
  } catch {
    return undefined; // a broken JSON file is reported by the sample reader with its position
  }
}

/** Determines what `input` holds, from its extension and content. */
export async function detectSchemaKind(input: SchemaInput): Promise<SchemaKind> {
  const ext = extensionOf(input.file);
  if (ext === 'xsd') return 'xsd';
  if (ext === 'xml' || ext === '') {
    if (XSD_ROOT.test(headOf(input.bytes))) return 'xsd';
    return 'sample';
  }
  const value = parseStructured(input, ext);
  if (value === undefined) {
    if (ext === 'yaml' || ext === 'yml') {
      throw new MapwrightError('OPENAPI_INVALID', 'YAML file is neither an OpenAPI document nor a schema', { file: input.file });
    }
    return 'sample';
  }
  if (isOpenApiDocument(value)) return 'openapi';
  if (isJsonSchemaDocument(value)) return 'json-schema';
  if (ext === 'yaml' || ext === 'yml') {
    throw new MapwrightError('OPENAPI_INVALID', 'YAML file has no "openapi" or "swagger" version field', {
      file: input.file,
      expected: 'an OpenAPI 3.x or Swagger 2.0 document',
    });
  }
  return 'sample';
}

/** Reads sample payloads into inference input, keeping XML namespaces. */
export function samplesFrom(inputs: SchemaInput[], options: PayloadReadOptions = {}): InferSample[] {
  return inputs.map((input) => {
    const parsed: ParsedPayload = readPayload(input.bytes, { ...options, file: input.file });
    const meta = parsed.meta as { elementNamespaces?: Record<string, string> } | undefined;
    const sample: InferSample = { value: parsed.value, format: parsed.format, file: input.file };
    if (meta?.elementNamespaces) sample.xmlNamespaces = meta.elementNamespaces;
    return sample;
  });
}

/**
 * Loads one schema file, or infers one schema from one or more sample files
 * (merged: arrays in any sample make a field repeating, absence makes it optional).
 * @throws MapwrightError (`SCHEMA_*`, `XSD_*`, `OPENAPI_INVALID`, or a payload parse code)
 */
export async function loadSchema(inputs: SchemaInput[], options: SchemaLoadOptions): Promise<SchemaDocument> {
  try {
    return await loadSchemaOf(inputs, options);
  } catch (error) {
    // Loaders walk definitions recursively; past the stack it is the file's depth, not a bug.
    throw codeStackOverflow(error, inputs[0]?.file, 'the schema');
  }
}

async function loadSchemaOf(inputs: SchemaInput[], options: SchemaLoadOptions): Promise<SchemaDocument> {
  const first = inputs[0];
  if (!first) throw new MapwrightError('USAGE', 'no schema or sample file given');
  const kind = options.format ? 'sample' : await detectSchemaKind(first);
  if (kind !== 'sample' && inputs.length > 1) {
    throw new MapwrightError('USAGE', `only one ${kind} file can be loaded at a time (several files are merged only when they are samples)`, {
      file: inputs[1]?.file,
    });
  }
  switch (kind) {
    case 'xsd':
      return loadXsd(first.bytes, first.file, options.resolver, options.root ? { root: options.root } : {});
    case 'openapi':
      if (options.root) return loadOpenApi(first.bytes, first.file, options.resolver, { root: options.root });
      return loadOpenApiOverview(first, options.resolver);
    case 'json-schema':
      return loadJsonSchema(first.bytes, first.file, options.resolver, options.root ? { pointer: options.root } : {});
    case 'sample': {
      const format = options.format;
      const samples = samplesFrom(inputs, format ? { format } : {});
      return inferSchema(samples);
    }
  }
}

/** Moves a loaded root under `name`, prefixing every path, so several roots can sit side by side. */
function rehome(field: SchemaField, prefix: string[]): SchemaField {
  const moved: SchemaField = { ...field, path: [...prefix, ...field.path] };
  if (field.children) moved.children = field.children.map((child) => rehome(child, prefix));
  return moved;
}

/** Most roots the overview of an OpenAPI document without `--root` builds (each is a whole schema build). */
export const MAX_OVERVIEW_ROOTS = 200;

/**
 * An OpenAPI document without a chosen root: its only root when it has one,
 * else an overview whose children are all its roots (components, then
 * operation bodies) as alternatives, so `infer` shows the whole API and the
 * user picks one with `--root`.
 */
async function loadOpenApiOverview(input: SchemaInput, resolver: SourceResolver): Promise<SchemaDocument> {
  const roots = await listOpenApiRoots(input.bytes, input.file, resolver);
  if (roots.length === 1) return loadOpenApi(input.bytes, input.file, resolver, { root: roots[0] });
  if (roots.length > MAX_OVERVIEW_ROOTS) {
    // Each root is a whole build; tens of thousands of them would take minutes. The user picks one instead.
    throw new MapwrightError('SCHEMA_ROOT', `the API has ${roots.length} roots, more than the ${MAX_OVERVIEW_ROOTS} an overview shows: choose one with --root`, {
      file: input.file,
      expected: `one of ${roots.slice(0, 10).join(', ')}, …`,
    });
  }
  const children: SchemaField[] = [];
  for (const name of roots) {
    const doc = await loadOpenApi(input.bytes, input.file, resolver, { root: name });
    children.push(rehome({ ...doc.root, name, required: false }, [name]));
  }
  const root = makeField({ name: '', path: [], type: 'object', choice: true, origin: { kind: 'openapi', file: input.file }, children });
  root.description = roots.length ? 'All roots of the API; choose one with --root' : 'The document defines no schemas';
  return { root, title: input.file };
}
