/**
 * A "shape" is what one field's schema says once `$ref` and `allOf` are
 * flattened: the allowed types, the properties (each with every schema that
 * describes it), required names, items, enum and hints. Collecting into one
 * shape is what merges `allOf` members and a `$ref` with its siblings.
 */
import { MapwrightError } from '../../errors';
import type { EnumValue } from '../model';
import { isObject } from './json-pointer';
import { enterSchema, type BuildContext } from './build-context';
import { resolveRef } from './resolve-ref';
import { childOf, identityOf, type Located } from './schema-registry';

/** JSON Schema's instance types. */
export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

const JSON_TYPES = new Set<string>(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

/** How much of a schema to collect. */
export type CollectMode =
  /** Everything. */
  | 'full'
  /** Properties but not `required` (if/then/else, dependentSchemas). */
  | 'optional'
  /** Only the type and hints: the schema recursed, its members are cut. */
  | 'shallow';

/** One anyOf/oneOf list, waiting for {@link resolveBranches}. */
export interface BranchGroup {
  members: Located[];
  mode: CollectMode;
}

/** Flattened facts about one field's schemas. */
export interface Shape {
  /** Allowed types; undefined = unconstrained. */
  types?: Set<JsonType>;
  nullable: boolean;
  properties: Map<string, Located[]>;
  required: Set<string>;
  items: Located[];
  open: boolean;
  enumValues?: EnumValue[];
  format?: string;
  pattern?: string;
  maxLength?: number;
  description?: string;
  title?: string;
  minItems?: number;
  maxItems?: number;
  branches: BranchGroup[];
  /** Identities of the schemas merged in (refs followed), for recursion checks below this field. */
  identities: Set<string>;
  recursive: boolean;
  /** Alternatives that share no type: the field can hold anything. */
  anyType: boolean;
  choice: boolean;
  /** A `$ref` to a web URI that is not available offline. */
  remote?: string;
  /** Where the defining schema is. */
  origin?: Located;
  /** Type suggested by type-specific keywords (`maximum`, `minLength`, `format`) when `type` is absent. */
  implied?: JsonType;
}

/** An empty shape. */
export function newShape(): Shape {
  return { nullable: false, properties: new Map(), required: new Set(), items: [], open: false, branches: [], identities: new Set(), recursive: false, anyType: false, choice: false };
}

/** Intersects allowed types; `integer` survives an intersection with `number`. */
export function intersectTypes(current: Set<JsonType> | undefined, next: Set<JsonType>): Set<JsonType> {
  if (!current) return new Set(next);
  const out = new Set<JsonType>();
  for (const type of current) {
    if (next.has(type)) out.add(type);
    else if (type === 'integer' && next.has('number')) out.add('integer');
    else if (type === 'number' && next.has('integer')) out.add('integer');
  }
  return out;
}

function typesOf(value: unknown): Set<JsonType> | undefined {
  const list = (Array.isArray(value) ? value : [value]).filter((t): t is JsonType => typeof t === 'string' && JSON_TYPES.has(t));
  return list.length > 0 ? new Set(list) : undefined;
}

function isEnumValue(value: unknown): value is EnumValue {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** Keywords that define a type; a node with only `$ref` and notes is a mere pointer, not a definition. */
const DEFINING = ['type', 'properties', 'items', 'prefixItems', 'enum', 'const', 'allOf', 'anyOf', 'oneOf', 'format', 'additionalProperties', 'patternProperties'];

const NUMERIC_KEYWORDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'];
const STRING_KEYWORDS = ['minLength', 'maxLength', 'pattern', 'format', 'contentEncoding', 'contentMediaType'];
const NUMERIC_FORMATS: Record<string, JsonType> = { int32: 'integer', int64: 'integer', float: 'number', double: 'number' };

/** The type that keywords without `type` talk about: `{maximum: 5}` is about numbers, `{format: 'uuid'}` about strings. */
function impliedType(node: Record<string, unknown>): JsonType | undefined {
  if (typeof node.format === 'string' && NUMERIC_FORMATS[node.format]) return NUMERIC_FORMATS[node.format];
  if (NUMERIC_KEYWORDS.some((k) => typeof node[k] === 'number')) return 'number';
  if (STRING_KEYWORDS.some((k) => k in node)) return 'string';
  return undefined;
}

function collectHints(shape: Shape, at: Located, node: Record<string, unknown>): void {
  shape.implied ??= impliedType(node);
  if (!shape.origin && DEFINING.some((k) => k in node)) shape.origin = at;
  const types = typesOf(node.type);
  if (types) shape.types = intersectTypes(shape.types, types);
  if (node.nullable === true || node['x-nullable'] === true) shape.nullable = true;
  const values = Array.isArray(node.enum) ? node.enum : 'const' in node ? [node.const] : undefined;
  if (values) {
    const scalars = values.every(isEnumValue) ? values : undefined;
    shape.enumValues = shape.enumValues && scalars ? shape.enumValues.filter((v) => scalars.includes(v)) : (scalars ?? shape.enumValues);
  }
  if (typeof node.format === 'string') shape.format ??= node.format;
  if (typeof node.pattern === 'string') shape.pattern ??= node.pattern;
  if (typeof node.maxLength === 'number' && Number.isInteger(node.maxLength) && node.maxLength >= 0) shape.maxLength = Math.min(shape.maxLength ?? node.maxLength, node.maxLength);
  if (typeof node.description === 'string') shape.description ??= node.description;
  if (typeof node.title === 'string') shape.title ??= node.title;
  if (typeof node.minItems === 'number') shape.minItems = Math.max(shape.minItems ?? 0, node.minItems);
  if (typeof node.maxItems === 'number') shape.maxItems = Math.min(shape.maxItems ?? Infinity, node.maxItems);
}

function collectMembers(shape: Shape, at: Located, node: Record<string, unknown>, mode: CollectMode): void {
  if (isObject(node.properties)) {
    for (const name of Object.keys(node.properties)) {
      const child = childOf(at, 'properties', name);
      if (!child) continue;
      const list = shape.properties.get(name);
      if (list) list.push(child);
      else shape.properties.set(name, [child]);
    }
  }
  if (mode === 'full' && Array.isArray(node.required)) {
    for (const name of node.required) if (typeof name === 'string') shape.required.add(name);
  }
  const additional = node.additionalProperties;
  if ((additional !== undefined && additional !== false) || (isObject(node.patternProperties) && Object.keys(node.patternProperties).length > 0)) {
    shape.open = true;
  }
  const tuple = Array.isArray(node.prefixItems) ? 'prefixItems' : Array.isArray(node.items) ? 'items' : undefined;
  if (tuple) (node[tuple] as unknown[]).forEach((_, i) => pushLocated(shape.items, childOf(at, tuple, String(i))));
  if (isObject(node.items) || node.items === true) pushLocated(shape.items, childOf(at, 'items'));
  for (const keyword of ['anyOf', 'oneOf']) {
    const list = node[keyword];
    if (Array.isArray(list) && list.length > 0) {
      const members = list.map((_, i) => childOf(at, keyword, String(i))).filter((m): m is Located => m !== undefined);
      shape.branches.push({ members, mode: mode === 'optional' ? 'optional' : 'full' });
    }
  }
}

function pushLocated(list: Located[], item: Located | undefined): void {
  if (item) list.push(item);
}

async function collectRef(shape: Shape, at: Located, ref: string, ctx: BuildContext, ancestors: ReadonlySet<string>, mode: CollectMode): Promise<void> {
  const target = await resolveRef(ctx.registry, at, ref);
  if (target.kind === 'meta') {
    shape.open = true;
    shape.types = intersectTypes(shape.types, new Set(['object']));
    return;
  }
  if (target.kind === 'remote') {
    if (ctx.remoteRefs === 'error') {
      throw new MapwrightError('SCHEMA_REF', `remote $ref "${target.uri}" is not fetched: Mapwright works offline`, {
        file: at.doc.file,
        expected: 'a local schema file or a known $id',
      });
    }
    shape.remote ??= target.uri;
    return;
  }
  const identity = identityOf(target.at);
  if (mode === 'shallow') {
    // A cut schema still says what type it is: follow its refs for hints only, each once.
    if (shape.identities.has(identity)) return;
    shape.identities.add(identity);
    await collectSchema(shape, target.at, ctx, ancestors, 'shallow');
  } else if (ancestors.has(identity)) {
    shape.recursive = true;
    await collectSchema(shape, target.at, ctx, ancestors, 'shallow');
  } else if (!shape.identities.has(identity)) {
    shape.identities.add(identity);
    await collectSchema(shape, target.at, ctx, ancestors, mode);
  }
}

/**
 * Adds what the schema at `at` says to `shape`: its own keywords first (so a
 * referring schema's description wins over the referenced one), then its
 * `$ref`, `allOf`, and `then`/`else`/`dependentSchemas` (as optional members).
 * `ancestors` are the identities of the fields above: a `$ref` to one of them
 * is recursion, and is cut.
 */
export async function collectSchema(shape: Shape, at: Located, ctx: BuildContext, ancestors: ReadonlySet<string>, mode: CollectMode): Promise<void> {
  if (!isObject(at.node)) return; // true, false and non-schemas add no constraint worth modelling
  enterSchema(ctx);
  try {
    await collectNode(shape, at, at.node, ctx, ancestors, mode);
  } finally {
    ctx.nesting--;
  }
}

async function collectNode(shape: Shape, at: Located, node: Record<string, unknown>, ctx: BuildContext, ancestors: ReadonlySet<string>, mode: CollectMode): Promise<void> {
  collectHints(shape, at, node);
  if (mode !== 'shallow') collectMembers(shape, at, node, mode);
  else if (isObject(node.properties) && !shape.types) shape.types = new Set(['object']);
  if (typeof node.$ref === 'string') await collectRef(shape, at, node.$ref, ctx, ancestors, mode);
  if (Array.isArray(node.allOf)) {
    for (let i = 0; i < node.allOf.length; i++) {
      const member = childOf(at, 'allOf', String(i));
      if (member) await collectSchema(shape, member, ctx, ancestors, mode);
    }
  }
  if (mode === 'shallow') return;
  for (const keyword of ['then', 'else']) {
    const member = isObject(node[keyword]) ? childOf(at, keyword) : undefined;
    if (member) await collectSchema(shape, member, ctx, ancestors, 'optional');
  }
  const dependent = isObject(node.dependentSchemas) ? 'dependentSchemas' : isObject(node.dependencies) ? 'dependencies' : undefined;
  if (dependent) {
    for (const [name, value] of Object.entries(node[dependent] as Record<string, unknown>)) {
      const member = isObject(value) ? childOf(at, dependent, name) : undefined;
      if (member) await collectSchema(shape, member, ctx, ancestors, 'optional');
    }
  }
}
