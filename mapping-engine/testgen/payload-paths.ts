/**
 * Where a rule's source sits in one good input: the path (keys and array
 * indexes) to its value in the first item of every array context around the
 * rule, and copy-on-write changes at such a path. Generated test cases are
 * the good input with one value changed.
 */
import type { MappingDocument } from '../document/document-schema';
import { scopeOf } from '../document/edits/edit-paths';
import { levelsUp } from '../compiler/source-paths';
import type { JsonValue } from '../payload/types';
import { splitPath } from '../transforms/jsonata-text';

/** Keys and indexes from the input root to a value. */
export type ValuePath = Array<string | number>;

/** The value at `path`, or undefined. */
export function valueAt(root: JsonValue, path: ValuePath): JsonValue | undefined {
  let current: JsonValue | undefined = root;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (Array.isArray(current)) current = typeof step === 'number' ? current[step] : undefined;
    else current = typeof step === 'string' && Object.hasOwn(current, step) ? current[step] : undefined;
  }
  return current;
}

/** A copy of `root` with the value at `path` replaced (`undefined`: removed); parts off the path are shared. */
export function withValueAt(root: JsonValue, path: ValuePath, value: JsonValue | undefined): JsonValue {
  if (path.length === 0) return value ?? null;
  const [step, ...rest] = path;
  if (Array.isArray(root) && typeof step === 'number') {
    const copy = [...root];
    if (rest.length === 0 && value === undefined) copy.splice(step, 1);
    else copy[step] = withValueAt(root[step] ?? null, rest, value);
    return copy;
  }
  if (root !== null && typeof root === 'object' && !Array.isArray(root) && typeof step === 'string') {
    const copy: Record<string, JsonValue> = { ...root };
    if (rest.length === 0 && value === undefined) delete copy[step];
    else copy[step] = withValueAt(Object.hasOwn(root, step) ? root[step]! : {}, rest, value);
    return copy;
  }
  return root;
}

/** Follows `names` from `base`, stepping into the first item of any list on the way. */
function follow(root: JsonValue, base: ValuePath, names: readonly string[]): ValuePath | undefined {
  const path = [...base];
  for (const name of names) {
    const here = valueAt(root, path);
    if (Array.isArray(here)) path.push(0);
    path.push(name);
    if (valueAt(root, path) === undefined) return undefined;
  }
  return path;
}

/** Paths of a context's list and of its first item. */
export interface ContextPlace {
  list: ValuePath;
  item: ValuePath;
}

/**
 * The first item of every array context around `target`, outermost first;
 * undefined when a context groups its items or its list is absent or empty.
 */
export function contextPlaces(doc: MappingDocument, input: JsonValue, target: string): ContextPlace[] | undefined {
  const places: ContextPlace[] = [];
  const stack: ValuePath[] = [[]];
  for (const context of scopeOf(doc, target).contexts) {
    if (context.groupBy !== undefined) return undefined;
    const list = sourcePath(input, stack, context.source);
    if (!list) return undefined;
    const value = valueAt(input, list);
    const item = Array.isArray(value) ? (value.length > 0 ? [...list, 0] : undefined) : list;
    if (!item) return undefined;
    places.push({ list, item });
    stack.push(item);
  }
  return places;
}

/** The path of `source` read inside the contexts of `stack` (the root first); undefined for `$key`, `$items`, `$position` or an absent value. */
export function sourcePath(input: JsonValue, stack: readonly ValuePath[], source: string): ValuePath | undefined {
  if (source.startsWith('$')) return undefined;
  if (source === '.') return [...stack[stack.length - 1]!];
  if (source.startsWith('/')) return follow(input, [], splitPath(source.slice(1)));
  const up = levelsUp(source);
  const base = stack[stack.length - 1 - up];
  if (!base) return undefined;
  const rest = source.slice(up * 3);
  return rest === '.' ? [...base] : follow(input, base, splitPath(rest));
}

/** Where the rule at `target` reads `source` in `input`, or undefined. */
export function locateSource(doc: MappingDocument, input: JsonValue, target: string, source: string): ValuePath | undefined {
  const places = contextPlaces(doc, input, target);
  if (!places) return undefined;
  return sourcePath(input, [[], ...places.map((p) => p.item)], source);
}
