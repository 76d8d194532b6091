/**
 * Where a rule reads from, in absolute source names. Rule sources and nested
 * array-context sources are written relative to the array contexts around
 * the target (`value` inside `contacts`, `../accountId` one level out,
 * `/order.id` from the input root); the canvas draws lines between absolute
 * fields, so it resolves them here, and writes new sources the same way.
 */
import type { MappingDocument } from '../document-schema';
import { levelsUp } from '../../compiler/source-paths';
import { splitPath } from '../../transforms/jsonata-text';
import { scopeOf } from '../edits/edit-paths';

/** Names of a path, or undefined when it does not split (a malformed path draws no line). */
export function namesOfPath(path: string): string[] | undefined {
  if (path === '.') return [];
  try {
    return splitPath(path);
  } catch {
    return undefined;
  }
}

/**
 * Absolute names of `source` read at nesting `bases` (each enclosing
 * context's absolute source, outermost first). Undefined for `$key` (the
 * group key is no field) and malformed paths.
 */
export function resolveSource(source: string, bases: readonly (readonly string[])[]): string[] | undefined {
  if (source === '$key') return undefined;
  if (source.startsWith('/')) return namesOfPath(source.slice(1));
  const up = levelsUp(source);
  const level = bases.length - 1 - up;
  const base = level >= 0 ? bases[level]! : [];
  const rest = namesOfPath(source.slice(up * 3));
  return rest === undefined ? undefined : [...base, ...rest];
}

/**
 * Absolute source names each array context around `target` iterates,
 * outermost first. A context's own source is relative to the contexts
 * around it, as a rule's is.
 */
export function contextBases(doc: Pick<MappingDocument, 'arrays'>, target: string): string[][] {
  let contexts;
  try {
    contexts = scopeOf(doc, target).contexts;
  } catch {
    return [];
  }
  const bases: string[][] = [];
  for (const context of contexts) {
    bases.push(resolveSource(context.source, bases) ?? []);
  }
  return bases;
}

/** True when `prefix` names `names` or one of its ancestors. */
export function startsWithNames(names: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= names.length && prefix.every((n, i) => names[i] === n);
}
