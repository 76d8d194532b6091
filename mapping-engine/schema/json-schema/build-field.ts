/**
 * Shape -> SchemaField. Arrays are not fields of their own in the model: an
 * array property becomes its item field with `repeating: true` (an array of
 * arrays cannot be expressed, so the outer field is `any`).
 */
import { makeField, type FieldType, type SchemaField } from '../model';
import { resolveBranches } from './branches';
import { countField, type BuildContext } from './build-context';
import { formatPointer } from './json-pointer';
import { identityOf, type Located } from './schema-registry';
import { collectSchema, newShape, type JsonType, type Shape } from './schema-shape';

/** Type of the model for a JSON Schema `string` with a `format`, where the model has a dedicated type. */
const FORMAT_TYPES: Record<string, FieldType> = { date: 'date', 'date-time': 'datetime', time: 'time' };

interface Decided {
  type: JsonType | 'any';
  nullable: boolean;
}

function typeFromEnum(values: readonly unknown[]): JsonType | undefined {
  const kinds = new Set(values.filter((v) => v !== null).map((v) => (typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v)));
  if (kinds.size === 2 && kinds.has('integer') && kinds.has('number')) return 'number';
  const [kind] = kinds;
  return kinds.size === 1 && (kind === 'string' || kind === 'integer' || kind === 'number' || kind === 'boolean') ? kind : undefined;
}

function decideType(shape: Shape): Decided {
  let nullable = shape.nullable;
  if (shape.anyType) return { type: 'any', nullable };
  const types = shape.types ? new Set(shape.types) : undefined;
  if (types?.has('null')) {
    nullable = true;
    if (types.size > 1) types.delete('null');
  }
  if (types && types.size === 1) return { type: [...types][0] ?? 'any', nullable };
  if (types && types.size === 2 && types.has('integer') && types.has('number')) return { type: 'number', nullable };
  if (types && types.size > 1) return { type: 'any', nullable };
  if (shape.remote) return { type: 'any', nullable };
  if (shape.properties.size > 0 || shape.open) return { type: 'object', nullable };
  if (shape.items.length > 0) return { type: 'array', nullable };
  const fromEnum = shape.enumValues ? typeFromEnum(shape.enumValues) : undefined;
  return { type: fromEnum ?? shape.implied ?? 'any', nullable };
}

function originOf(shape: Shape, fallback: Located, ctx: BuildContext): SchemaField['origin'] {
  if (shape.remote && !shape.origin) return { kind: ctx.originKind, file: fallback.doc.file, ref: shape.remote };
  const at = shape.origin ?? fallback;
  return { kind: ctx.originKind, file: at.doc.file, ref: formatPointer(at.pointer) };
}

/** Copies hints (description, enum, format, pattern) onto `field`. */
function applyHints(field: SchemaField, shape: Shape, type: FieldType): void {
  if (shape.description !== undefined) field.description = shape.description;
  if (shape.enumValues && shape.enumValues.length > 0) field.enum = shape.enumValues;
  if (shape.format !== undefined && FORMAT_TYPES[shape.format] !== type) field.format = shape.format;
  if (shape.pattern !== undefined) field.pattern = shape.pattern;
  if (shape.maxLength !== undefined) field.maxLength = shape.maxLength;
}

/** The field for `name` at `path`, from every schema that describes it. */
export async function buildField(
  name: string,
  path: string[],
  schemas: Located[],
  required: boolean,
  ancestors: ReadonlySet<string>,
  depth: number,
  ctx: BuildContext,
): Promise<SchemaField> {
  countField(ctx);
  const shape = newShape();
  for (const at of schemas) shape.identities.add(identityOf(at));
  for (const at of schemas) await collectSchema(shape, at, ctx, ancestors, 'full');
  await resolveBranches(shape, ctx, ancestors);
  const decided = decideType(shape);
  const fallback = schemas[0];
  if (!fallback) return makeField({ name, path, type: 'any', required, origin: { kind: ctx.originKind } });
  const below = new Set([...ancestors, ...shape.identities]);
  if (decided.type === 'array') return arrayField(name, path, shape, decided, required, below, depth, ctx, fallback);
  return objectOrScalar(name, path, shape, decided, required, below, depth, ctx, fallback);
}

async function objectOrScalar(
  name: string,
  path: string[],
  shape: Shape,
  decided: Decided,
  required: boolean,
  below: ReadonlySet<string>,
  depth: number,
  ctx: BuildContext,
  fallback: Located,
): Promise<SchemaField> {
  const base: FieldType = decided.type === 'array' ? 'any' : decided.type; // arrays are built by arrayField
  const type = base === 'string' && shape.format ? (FORMAT_TYPES[shape.format] ?? 'string') : base;
  const field = makeField({ name, path, type, required, origin: originOf(shape, fallback, ctx) });
  if (decided.nullable) field.nullable = true;
  applyHints(field, shape, type);
  if (shape.remote && type === 'any') field.open = true;
  if (type !== 'object') return field;
  if (shape.choice) field.choice = true;
  if (shape.recursive || depth >= ctx.maxDepth) {
    field.recursive = true;
    return field;
  }
  // An object that lists no properties can hold anything: as open as additionalProperties.
  if (shape.open || shape.properties.size === 0) field.open = true;
  const children: SchemaField[] = [];
  for (const [childName, list] of shape.properties) {
    children.push(await buildField(childName, [...path, childName], list, shape.required.has(childName), below, depth + 1, ctx));
  }
  if (children.length > 0) field.children = children;
  return field;
}

async function arrayField(
  name: string,
  path: string[],
  shape: Shape,
  decided: Decided,
  required: boolean,
  below: ReadonlySet<string>,
  depth: number,
  ctx: BuildContext,
  fallback: Located,
): Promise<SchemaField> {
  const origin = originOf(shape, fallback, ctx);
  const item = shape.items.length > 0 ? await buildField(name, path, shape.items, required, below, depth, ctx) : undefined;
  let field: SchemaField;
  if (!item || item.repeating) {
    field = makeField({ name, path, type: 'any', required, origin });
    if (item?.recursive) field.recursive = true;
  } else {
    field = { ...item, origin };
    delete field.description;
    if (shape.recursive) {
      field.recursive = true;
      delete field.children;
    }
  }
  field.repeating = true;
  field.required = required;
  const description = shape.description ?? item?.description;
  if (description !== undefined) field.description = description;
  if (decided.nullable) field.nullable = true;
  else delete field.nullable;
  if (shape.minItems !== undefined) field.minOccurs = shape.minItems;
  if (shape.maxItems !== undefined && Number.isFinite(shape.maxItems)) field.maxOccurs = shape.maxItems;
  return field;
}
