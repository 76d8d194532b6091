/**
 * anyOf / oneOf. The model has no union type, so alternatives are folded:
 * - `null` branches make the field nullable (`oneOf: [{$ref: commit}, {type: null}]`);
 * - branches the field's own `type` rules out are dropped (an object schema
 *   that `$ref`s "object or array" stays an object), and so are branches that
 *   only add constraints (`oneOf: [{required: [a]}, {required: [b]}]`);
 * - one branch left: merged as if it were an allOf member;
 * - only object branches: their properties are merged, none required, and the
 *   field is marked `choice`;
 * - scalar branches of one type (`string` with different formats): that type;
 * - anything else: `any`.
 */
import { enterSchema, type BuildContext } from './build-context';
import type { Located } from './schema-registry';
import { collectSchema, intersectTypes, newShape, type JsonType, type Shape } from './schema-shape';

function unionSets<T>(into: Set<T>, from: Iterable<T>): void {
  for (const item of from) into.add(item);
}

/** Adds `branch` to `shape` (as an allOf member would; `required` only when asked). */
export function mergeShape(shape: Shape, branch: Shape, withRequired: boolean): void {
  if (branch.types) shape.types = intersectTypes(shape.types, branch.types);
  shape.nullable ||= branch.nullable;
  for (const [name, list] of branch.properties) {
    const existing = shape.properties.get(name);
    if (existing) existing.push(...list);
    else shape.properties.set(name, [...list]);
  }
  if (withRequired) unionSets(shape.required, branch.required);
  shape.items.push(...branch.items);
  shape.open ||= branch.open;
  if (branch.enumValues) shape.enumValues = shape.enumValues ? shape.enumValues.filter((v) => branch.enumValues?.includes(v)) : [...branch.enumValues];
  shape.format ??= branch.format;
  shape.pattern ??= branch.pattern;
  shape.description ??= branch.description;
  shape.minItems ??= branch.minItems;
  shape.maxItems ??= branch.maxItems;
  unionSets(shape.identities, branch.identities);
  shape.recursive ||= branch.recursive;
  shape.anyType ||= branch.anyType;
  shape.choice ||= branch.choice;
  shape.remote ??= branch.remote;
  shape.origin ??= branch.origin;
  shape.implied ??= branch.implied;
}

/** The types a shape may have, counting properties as `object` and items as `array` when no type is given. */
function effectiveTypes(shape: Shape): Set<JsonType> | undefined {
  if (shape.types) return shape.types;
  if (shape.properties.size > 0) return new Set(['object']);
  if (shape.items.length > 0) return new Set(['array']);
  return undefined;
}

function isNullOnly(shape: Shape): boolean {
  const types = effectiveTypes(shape);
  return types !== undefined && types.size === 1 && types.has('null');
}

/** A branch that only adds constraints (`{required: [...]}`): nothing to model. */
function isConstraintOnly(shape: Shape): boolean {
  return !effectiveTypes(shape) && !shape.enumValues && !shape.remote && !shape.anyType && !shape.open;
}

function compatible(field: Set<JsonType> | undefined, branch: Set<JsonType> | undefined): boolean {
  if (!field || !branch) return true;
  return intersectTypes(field, branch).size > 0;
}

/** The single non-null type of a branch (`integer` counts as `number`), or undefined. */
function scalarKind(shape: Shape): JsonType | undefined {
  const types = effectiveTypes(shape);
  if (!types) return undefined;
  const kinds = new Set([...types].filter((t) => t !== 'null').map((t) => (t === 'integer' ? 'number' : t)));
  const [kind] = kinds;
  return kinds.size === 1 && kind !== 'object' && kind !== 'array' ? kind : undefined;
}

async function branchShape(member: Located, ctx: BuildContext, ancestors: ReadonlySet<string>): Promise<Shape> {
  const shape = newShape();
  await collectSchema(shape, member, ctx, ancestors, 'full');
  enterSchema(ctx); // anyOf inside anyOf recurses here, not in collectSchema
  try {
    await resolveBranches(shape, ctx, ancestors);
  } finally {
    ctx.nesting--;
  }
  if (shape.types?.has('null') && shape.types.size > 1) {
    shape.types.delete('null');
    shape.nullable = true;
  }
  return shape;
}

function foldScalars(shape: Shape, branches: Shape[], kind: JsonType): void {
  const allInteger = branches.every((b) => effectiveTypes(b)?.has('integer') && !effectiveTypes(b)?.has('number'));
  shape.types = intersectTypes(shape.types, new Set([kind === 'number' && allInteger ? 'integer' : kind]));
  if (branches.every((b) => b.enumValues) && !shape.enumValues) shape.enumValues = [...new Set(branches.flatMap((b) => b.enumValues ?? []))];
  const formats = new Set(branches.map((b) => b.format));
  const [format] = formats;
  if (formats.size === 1 && format !== undefined) shape.format ??= format;
  for (const branch of branches) shape.nullable ||= branch.nullable;
}

/** Folds every pending anyOf/oneOf group of `shape` into it (see the module comment). */
export async function resolveBranches(shape: Shape, ctx: BuildContext, ancestors: ReadonlySet<string>): Promise<void> {
  const groups = shape.branches;
  shape.branches = [];
  for (const group of groups) {
    const below = new Set([...ancestors, ...shape.identities]);
    const branches: Shape[] = [];
    for (const member of group.members) branches.push(await branchShape(member, ctx, below));
    const fieldTypes = effectiveTypes(shape);
    const rest = branches.filter((b) => {
      if (isNullOnly(b)) shape.nullable = true;
      return !isNullOnly(b) && !isConstraintOnly(b) && compatible(fieldTypes, effectiveTypes(b));
    });
    const withRequired = group.mode === 'full';
    const [only] = rest;
    if (only && rest.length === 1) {
      mergeShape(shape, only, withRequired);
    } else if (rest.length > 1 && rest.every((b) => effectiveTypes(b)?.has('object') && effectiveTypes(b)?.size === 1)) {
      for (const branch of rest) mergeShape(shape, branch, false);
      shape.choice = true;
    } else if (rest.length > 1) {
      const kinds = new Set(rest.map(scalarKind));
      const [kind] = kinds;
      if (kinds.size === 1 && kind !== undefined) foldScalars(shape, rest, kind);
      else shape.anyType = true;
    }
  }
}
