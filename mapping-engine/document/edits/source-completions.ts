/**
 * The source paths a rule may read, as completion entries: paths relative to
 * the innermost array context's item, `../x` for each enclosing context,
 * `/x` from the input root, `.` for the item itself and `$key` in a grouped
 * context. Every `path` is valid as written in the rule's `sources`.
 */
import type { MappingDocument } from '../document-schema';
import { findField, type FieldType, type SchemaField } from '../../schema/model';
import { splitPath } from '../../transforms/jsonata-text';
import { levelsUp } from '../../compiler/source-paths';
import { documentPath, scopeOf } from './edit-paths';

/** How a completion reaches its field. */
export type SourceReach = 'item' | 'outer' | 'root' | 'self' | 'key';

/** One source path a rule may use. */
export interface SourceCompletion {
  /** As written in a rule's sources (`value`, `../accountId`, `/order.id`, `.`, `$key`). */
  path: string;
  /** The field's names from the level it is read at, for display (`billing › city`). */
  label: string;
  type: FieldType;
  repeating: boolean;
  reach: SourceReach;
  /** For `outer`: how many contexts up (the number of `../`). */
  up?: number;
}

function resolve(source: string, levels: ReadonlyArray<SchemaField | undefined>, root: SchemaField): SchemaField | undefined {
  if (source === '$key') return undefined;
  if (source === '.') return levels[levels.length - 1];
  try {
    if (source.startsWith('/')) return findField(root, splitPath(source.slice(1)));
    const up = levelsUp(source);
    const base = levels[levels.length - 1 - up];
    return base && findField(base, splitPath(source.slice(up * 3)));
  } catch {
    return undefined;
  }
}

function descendants(base: SchemaField, prefix: string, reach: SourceReach, out: SourceCompletion[], up?: number): void {
  const walk = (field: SchemaField, names: string[]): void => {
    for (const child of field.children ?? []) {
      const here = [...names, child.name];
      const entry: SourceCompletion = { path: prefix + documentPath(here), label: here.join(' › '), type: child.type, repeating: child.repeating, reach };
      if (up !== undefined) entry.up = up;
      out.push(entry);
      walk(child, here);
    }
  };
  walk(base, []);
}

/**
 * The source paths valid for a rule at `forTarget` (or for the source of an
 * array context at `forTarget`), nearest first: the current item's fields,
 * then each enclosing context's, then the input root's. A context whose
 * source the tree does not know contributes no fields of its own.
 */
export function sourcePathCompletions(doc: MappingDocument, sourceTree: SchemaField, forTarget: string): SourceCompletion[] {
  let scope;
  try {
    scope = scopeOf(doc, forTarget);
  } catch {
    return [];
  }
  const levels: Array<SchemaField | undefined> = [sourceTree];
  for (const context of scope.contexts) levels.push(resolve(context.source, levels, sourceTree));
  const depth = scope.depth;
  const out: SourceCompletion[] = [];
  if (scope.grouped) out.push({ path: '$key', label: 'group key', type: 'any', repeating: false, reach: 'key' });
  const current = levels[depth];
  if (depth > 0 || sourceTree.repeating) out.push({ path: '.', label: depth > 0 ? 'the current item' : 'all records', type: current?.type ?? 'object', repeating: depth === 0, reach: 'self' });
  if (current) descendants(current, '', 'item', out);
  for (let up = 1; up <= depth; up++) {
    const level = levels[depth - up];
    if (level) descendants(level, '../'.repeat(up), 'outer', out, up);
  }
  if (depth > 0) descendants(sourceTree, '/', 'root', out);
  return out;
}
