/**
 * Field and source paths as edits compare them. Two spellings of one path
 * (`a.b` and `` a.`b` ``) name the same field, so identity is by the names
 * the path splits into; new paths are written in the canonical form the
 * schema tree produces (each name quoted only when it is not an identifier).
 */
import type { ArrayContext, MappingDocument } from '../document-schema';
import { fieldPathSchema, sourcePathSchema } from '../document-schema';
import { quoteName, splitPath } from '../../transforms/jsonata-text';
import { levelsUp } from '../../compiler/source-paths';
import { refuse } from './edit-error';

const SEP = '\u0000';

/** Comparison key of a field path (`.` for the root array); throws on a malformed path. */
export function pathKey(path: string): string {
  return path === '.' ? '.' : splitPath(path).join(SEP);
}

/** A document path from names (`['Quantity', '@unitCode']` -> ``Quantity.`@unitCode` ``). */
export function documentPath(names: readonly string[]): string {
  return names.map(quoteName).join('.');
}

/** Validates a target field path and returns it in canonical form. */
export function checkTarget(path: string, what: string): string {
  if (!fieldPathSchema.safeParse(path).success) refuse(`${what}: "${path}" is not a field path such as address.city or \`cbc:ID\``, what);
  const names = splitPath(path);
  if (names.some((n) => n.includes('`'))) refuse(`${what}: a name cannot contain a backtick`, what);
  return documentPath(names);
}

/** Validates a source path's form (not its scope). */
export function checkSourceForm(path: string, what: string): void {
  if (typeof path !== 'string' || !sourcePathSchema.safeParse(path).success) refuse(`${what}: "${String(path)}" is not a source path such as billing.street, /order.id, ../id or $key`, what);
}

/** True when `inner` lies strictly inside `outer` (both keys from {@link pathKey}). */
export function keyInside(inner: string, outer: string): boolean {
  if (outer === '.') return inner !== '.';
  return inner.startsWith(outer + SEP);
}

/** The array contexts around a target path, outermost first, and what its sources may reach. */
export interface Scope {
  contexts: ArrayContext[];
  /** How many `../` a source may take (the number of enclosing array contexts). */
  depth: number;
  /** The innermost context groups its items, so `$key` is the group key. */
  grouped: boolean;
}

// Array contexts are shared between the documents of one history, so each one's key is computed once.
const contextKeys = new WeakMap<ArrayContext, string>();

/** The comparison key of an array context's target. */
export function contextKey(context: ArrayContext): string {
  let key = contextKeys.get(context);
  if (key === undefined) {
    key = pathKey(context.target);
    contextKeys.set(context, key);
  }
  return key;
}

/** The scope a rule (or a nested array context) at `target` is compiled in. */
export function scopeOf(doc: Pick<MappingDocument, 'arrays'>, target: string): Scope {
  const key = pathKey(target);
  const contexts = doc.arrays.filter((a) => keyInside(key, contextKey(a))).sort((a, b) => depthOf(a.target) - depthOf(b.target));
  const inner = contexts[contexts.length - 1];
  return { contexts, depth: contexts.length, grouped: inner?.groupBy !== undefined };
}

function depthOf(target: string): number {
  return target === '.' ? 0 : splitPath(target).length;
}

/** Why `source` cannot be read at `scope` (extra `depth` for an array's own record key), or undefined. */
export function scopeProblem(source: string, scope: Scope, extraDepth = 0): string | undefined {
  if (source === '$key') return scope.grouped && extraDepth === 0 ? undefined : '$key is the group key and only exists inside a grouped array context';
  // As the compiler refuses it (COMPILE_INVALID): the element's position needs an array around it that is not a group.
  if (source === '$position') {
    if (scope.depth + extraDepth === 0) return '$position is the position of an array element and no array context encloses it';
    return scope.grouped && extraDepth === 0 ? '$position is not available directly inside a grouped array context' : undefined;
  }
  const up = levelsUp(source);
  const depth = scope.depth + extraDepth;
  if (up > depth) return `${source} steps out of ${up} array context${up === 1 ? '' : 's'} but ${depth === 0 ? 'none encloses' : `only ${depth} enclose`} it`;
  return undefined;
}
