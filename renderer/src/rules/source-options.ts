/**
 * The source paths a rule may read, for completion: relative to the array
 * context the target sits in (`value` inside `contacts`), then the fields
 * around it with `../` (`../accountId`), as the compiler reads them.
 */
import type { MappingDocument } from '../../../mapping-engine/document/document-schema';
import type { SchemaFieldRow } from '../../../electron/contract/methods/engine-methods';
import { quoteName, splitPath } from '../../../mapping-engine/transforms/jsonata-text';
import { TABLE_SOURCE_PREFIX, tableColumns, tableShape, type FileTables } from '../../../mapping-engine/compiler/lookup-table';
import { namesKey, pathKeyOf, pathOf, treeFields, type TreeField } from './field-tree';

/** One completion. */
export interface SourceOption {
  path: string;
  type: string;
  /** Read from the level around the target's array context (`../`). */
  outer: boolean;
}

function namesOf(path: string): string[] {
  try {
    return splitPath(path);
  } catch {
    return [path];
  }
}

/** The source names each enclosing array context iterates, outermost first (absolute). */
export function contextBases(doc: Pick<MappingDocument, 'arrays'>, target: string): string[][] {
  const key = pathKeyOf(target);
  const enclosing = doc.arrays
    .filter((a) => a.target === '.' || (key !== pathKeyOf(a.target) && key.startsWith(pathKeyOf(a.target) + '\u0000')))
    .sort((a, b) => (a.target === '.' ? 0 : namesOf(a.target).length) - (b.target === '.' ? 0 : namesOf(b.target).length));
  const bases: string[][] = [];
  let base: string[] = [];
  for (const context of enclosing) {
    let source = context.source;
    if (source.startsWith('/')) {
      base = [];
      source = source.slice(1);
    }
    while (source.startsWith('../')) {
      base = bases[bases.length - 2] ?? [];
      source = source.slice(3);
    }
    base = source === '.' ? base : [...base, ...namesOf(source)];
    bases.push(base);
  }
  return bases;
}

function under(fields: readonly TreeField[], base: readonly string[], exclude?: readonly string[]): Array<{ field: TreeField; rest: string[] }> {
  const prefix = namesKey(base);
  const skip = exclude && exclude.length > base.length ? namesKey(exclude) : undefined;
  return fields.flatMap((field) => {
    if (field.names.length <= base.length) return [];
    if (base.length > 0 && !namesKey(field.names).startsWith(`${prefix}\u0000`)) return [];
    if (skip !== undefined && (namesKey(field.names) === skip || namesKey(field.names).startsWith(`${skip}\u0000`))) return [];
    return [{ field, rest: field.names.slice(base.length) }];
  });
}

/** Completions for a source of the rule at `target`: the context's own fields first, then `../` ones. */
export function sourceOptions(doc: Pick<MappingDocument, 'arrays'> & { lookups?: MappingDocument['lookups'] }, sourceRows: readonly SchemaFieldRow[] | undefined, target: string, files: FileTables = {}): SourceOption[] {
  const fields = treeFields(sourceRows ?? []);
  const bases = contextBases(doc, target);
  const inner = bases[bases.length - 1] ?? [];
  const own = under(fields, inner).map(({ field, rest }) => ({ path: pathOf(rest), type: typeOf(field), outer: false }));
  // The columns of constants tables read the same from anywhere, so they come last.
  const constants = constantOptions(doc.lookups ?? {}, files);
  if (bases.length === 0) return [...own, ...constants];
  const outerBase = bases[bases.length - 2] ?? [];
  const outer = under(fields, outerBase, inner).map(({ field, rest }) => ({ path: `../${pathOf(rest)}`, type: typeOf(field), outer: true }));
  return [...own, ...outer, ...constants];
}

/** `$table.<name>.<column>` for every column of every constants table (see mapping-engine/compiler/lookup-table.ts); one in a CSV file once `files` holds what the studio read of it. */
function constantOptions(lookups: MappingDocument['lookups'], files: FileTables): SourceOption[] {
  return Object.entries(lookups).flatMap(([name, table]) =>
    tableShape(table) === 'constants' ? tableColumns(table, files[name]).map((column) => ({ path: `${TABLE_SOURCE_PREFIX}${name}.${quoteName(column)}`, type: 'constant', outer: false })) : [],
  );
}

function typeOf(field: TreeField): string {
  return field.row.repeating ? `${field.row.type}[]` : field.row.type;
}

/** Options matching what was typed: prefix matches first, then any that contain it. */
export function filterOptions(options: readonly SourceOption[], typed: string, limit = 50): SourceOption[] {
  const wanted = typed.trim().toLowerCase();
  if (!wanted) return options.slice(0, limit);
  const starts = options.filter((o) => o.path.toLowerCase().startsWith(wanted));
  const contains = options.filter((o) => !o.path.toLowerCase().startsWith(wanted) && o.path.toLowerCase().includes(wanted));
  return [...starts, ...contains].slice(0, limit);
}
