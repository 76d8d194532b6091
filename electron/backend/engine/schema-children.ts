/**
 * A loaded schema tree served a level at a time: the fields under one field,
 * as many whole levels as fit. A field the loader cut (the XSD loader stops
 * at a depth budget and at recursion) is completed from the shallowest
 * occurrence of the same XSD type that has fields, so every type is built
 * once and still opens wherever it occurs.
 */
import { MapwrightError } from '../../../mapping-engine/errors';
import type { SchemaField } from '../../../mapping-engine/schema/model';
import type { SchemaChildRow } from '../../contract/methods/schema-tree-methods';
import { MAX_ENUM_SENT } from '../../contract/methods/engine-methods';
import { segment } from './import-schema';

/** The shallowest field with fields of each type (by `origin.ref`). */
export type TypeIndex = Map<string, SchemaField>;

/** Indexes `root` breadth first, so each type maps to its shallowest complete occurrence. */
export function indexTypes(root: SchemaField): TypeIndex {
  const index: TypeIndex = new Map();
  let level = [root];
  while (level.length > 0) {
    const next: SchemaField[] = [];
    for (const field of level) {
      const ref = field.origin.ref;
      if (ref !== undefined && field.children?.length && !index.has(ref)) index.set(ref, field);
      if (field.children) next.push(...field.children);
    }
    level = next;
  }
  return index;
}

/** The fields of `field`: its own, else those of its type's complete occurrence. */
export function fieldsOf(field: SchemaField, types: TypeIndex): readonly SchemaField[] {
  if (field.children?.length) return field.children;
  const ref = field.origin.ref;
  return (ref !== undefined ? types.get(ref)?.children : undefined) ?? [];
}

/**
 * The field at `names` under `root` (through shared types where the tree was cut), and its
 * path prefix as `importSchema` writes paths.
 * @throws MapwrightError `NOT_FOUND` when a name is not a field there.
 */
export function fieldAt(root: SchemaField, names: readonly string[], types: TypeIndex): { field: SchemaField; prefix: string } {
  let field = root;
  let prefix = root.repeating ? '[]' : '';
  for (const name of names) {
    const child = fieldsOf(field, types).find((f) => f.name === name);
    if (!child) throw new MapwrightError('NOT_FOUND', `the schema has no field ${[...names.slice(0, names.indexOf(name)), name].join('.')}`, { expected: 'a field the schema lists' });
    prefix = prefix ? `${prefix}.${segment(child)}` : segment(child);
    field = child;
  }
  return { field, prefix };
}

function rowOf(field: SchemaField, path: string, depth: number, hasChildren: boolean, childrenSent: boolean): SchemaChildRow {
  const row: SchemaChildRow = { path, name: field.name, depth, type: field.type, repeating: field.repeating, required: field.required, hasChildren, childrenSent };
  if (field.nullable) row.nullable = true;
  if (field.format !== undefined) row.format = field.format;
  if (field.enum !== undefined) row.enumValues = field.enum.length;
  if (field.enum !== undefined) row.enum = field.enum.slice(0, MAX_ENUM_SENT);
  if (field.origin.ref !== undefined) row.typeRef = field.origin.ref;
  return row;
}

/**
 * Up to `levels` whole levels of fields under `parent` (depth 0: its own
 * fields), in depth-first order, at most `limit` rows: a level that does not
 * fit is left out whole, so every sent field either has all its fields sent
 * or none (`childrenSent`). Only the first level is ever cut (`truncated`).
 */
export function childLevels(parent: SchemaField, prefix: string, types: TypeIndex, levels: number, limit: number): { rows: SchemaChildRow[]; truncated: boolean } {
  const first = fieldsOf(parent, types);
  const truncated = first.length > limit;
  // How many levels fit: count level by level (the tree may be huge below).
  let depthSent = 1;
  let count = Math.min(first.length, limit);
  let level: readonly SchemaField[] = truncated ? [] : first;
  while (depthSent < levels && level.length > 0) {
    const next = level.flatMap((f) => fieldsOf(f, types));
    if (next.length === 0 || count + next.length > limit) break;
    count += next.length;
    depthSent++;
    level = next;
  }
  const rows: SchemaChildRow[] = [];
  const visit = (fields: readonly SchemaField[], at: string, depth: number): void => {
    for (const field of fields) {
      const path = at ? `${at}.${segment(field)}` : segment(field);
      const own = fieldsOf(field, types);
      const sent = depth + 1 < depthSent && own.length > 0;
      rows.push(rowOf(field, path, depth, own.length > 0, sent));
      if (sent) visit(own, path, depth + 1);
    }
  };
  visit(first.slice(0, limit), prefix, 0);
  return { rows, truncated };
}
