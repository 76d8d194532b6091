/**
 * The rows of a tree loaded a level at a time (the backend's
 * `schemaChildren`): the known fields of each field by its id, merged from
 * answers as they arrive, and flattened depth first for
 * {@link buildFieldTree}. A field of a shared type whose fields are known
 * from another place takes them from there, so each type is asked for once.
 */
import type { SchemaFieldRow } from '../../../electron/contract/methods/engine-methods';
import type { SchemaChildRow } from '../../../electron/contract/methods/schema-tree-methods';
import { fieldId } from './field-tree-model';

/** What is known of a lazily loaded tree. */
export interface LazyRows {
  /** Each known field's own fields, by the field's id ('' for the top level). */
  children: Map<string, SchemaChildRow[]>;
  /** A type's fields, by type name. */
  types: Map<string, SchemaChildRow[]>;
}

/** Nothing known yet. */
export function emptyLazyRows(): LazyRows {
  return { children: new Map(), types: new Map() };
}

/** Adds an answer for the fields under `parent` (names from the root; `parentType` its type). Returns a new value. */
export function mergeAnswer(known: LazyRows, parent: readonly string[], rows: readonly SchemaChildRow[], parentType?: string): LazyRows {
  const children = new Map(known.children);
  const types = new Map(known.types);
  const stack: Array<{ names: readonly string[]; typeRef?: string; list: SchemaChildRow[] }> = [{ names: parent, ...(parentType !== undefined ? { typeRef: parentType } : {}), list: [] }];
  const close = () => {
    const done = stack.pop()!;
    children.set(fieldId(done.names), done.list);
    if (done.typeRef !== undefined && !types.has(done.typeRef)) types.set(done.typeRef, done.list);
  };
  for (const row of rows) {
    while (stack.length > row.depth + 1) close();
    const top = stack[stack.length - 1]!;
    top.list.push(row);
    if (row.childrenSent) stack.push({ names: [...top.names, row.name], ...(row.typeRef !== undefined ? { typeRef: row.typeRef } : {}), list: [] });
  }
  while (stack.length > 0) close();
  return { children, types };
}

/** The fields known under `id` (its own, else its type's). */
export function knownChildren(known: LazyRows, id: string, typeRef: string | undefined): SchemaChildRow[] | undefined {
  return known.children.get(id) ?? (typeRef !== undefined ? known.types.get(typeRef) : undefined);
}

/**
 * The known tree, depth first, as rows for {@link buildFieldTree}. A field's
 * fields are listed when the backend sent them for it, or, through its
 * type, when the user opened it: reuse alone never opens a field, so a
 * shared type does not multiply into every place it occurs.
 */
export function flattenKnown(known: LazyRows, expanded: ReadonlySet<string>): SchemaFieldRow[] {
  const out: SchemaFieldRow[] = [];
  const visit = (names: readonly string[], list: readonly SchemaChildRow[], depth: number): void => {
    for (const row of list) {
      out.push({ ...row, depth });
      const own = [...names, row.name];
      const id = fieldId(own);
      const sent = known.children.get(id);
      const below = sent ?? (expanded.has(id) && row.typeRef !== undefined ? known.types.get(row.typeRef) : undefined);
      if (below) visit(own, below, depth + 1);
    }
  };
  visit([], known.children.get('') ?? [], 0);
  return out;
}
