/**
 * Visits every leaf of a payload value with its report path and the context
 * detection needs, following the payload conventions: arrays add `[]`, XML
 * `#text` belongs to its element and `@attr` to the element carrying it.
 */
import type { JsonValue } from '../payload/types';
import { isPersonSiblingName, type FieldContext } from './classify-field';
import { isPersonContext } from './classify-name';

/** A leaf (string or number) with where it sits. */
export interface Leaf {
  /** Report path, e.g. `order.customer.email`, `[].name`, `Invoice.Amount.#text`. */
  path: string;
  value: string | number;
  context: FieldContext;
}

function joinPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** Whether a value is a record (or a list of records) rather than a leaf: `user: {...}` is a person's object, `author: "Ralls, Kim"` is text. */
function holdsRecord(value: JsonValue | undefined): boolean {
  const first = Array.isArray(value) ? value[0] : value;
  return first !== null && typeof first === 'object' && !Array.isArray(first) && Object.keys(first).some((k) => !k.startsWith('@') && k !== '#text');
}

interface Siblings {
  names: readonly string[];
  records: readonly string[];
}

const NO_SIBLINGS: Siblings = { names: [], records: [] };

/** The first two of `names` that pass `test`: enough to know whether any name other than a field's own does. */
function firstTwo(names: readonly string[], test: (name: string) => boolean): string[] {
  const found: string[] = [];
  for (const name of names) {
    if (test(name)) found.push(name);
    if (found.length === 2) break;
  }
  return found;
}

function visit(node: JsonValue, path: string, ownName: string | undefined, parentName: string | undefined, siblings: Siblings, out: (leaf: Leaf) => void): void {
  if (Array.isArray(node)) {
    // Items of an array take the array's name: `customers[]` items are customers.
    for (const item of node) visit(item, `${path}[]`, ownName, parentName, siblings, out);
    return;
  }
  if (node !== null && typeof node === 'object') {
    const keys = Object.keys(node);
    // Only person-like siblings matter to detection (see classify-field.ts). Finding them once per
    // object, not once per field, keeps an object of 200k keys (or a row of 100k columns) linear.
    const personNames = firstTwo(keys, isPersonSiblingName);
    const personRecords = firstTwo(keys, (k) => isPersonContext(k) && holdsRecord(node[k]));
    for (const key of keys) {
      const child = node[key]!;
      const others = { names: personNames.filter((k) => k !== key), records: personRecords.filter((k) => k !== key) };
      if (key === '#text') visit(child, joinPath(path, key), ownName, parentName, siblings, out);
      else visit(child, joinPath(path, key), key, ownName, others, out);
    }
    return;
  }
  if (typeof node === 'string' || typeof node === 'number') {
    out({ path, value: node, context: { name: ownName, parentName, siblingNames: siblings.names, recordSiblingNames: siblings.records } });
  }
}

/** Calls `out` for each string and number leaf of `value`, in document order. */
export function walkLeaves(value: JsonValue, out: (leaf: Leaf) => void): void {
  visit(value, '', undefined, undefined, NO_SIBLINGS, out);
}

/**
 * Rebuilds `value` with each leaf replaced by `replace(leaf)`, in the same
 * order as {@link walkLeaves}; key order and every non-leaf are kept.
 */
export function mapLeaves(value: JsonValue, replace: (value: string | number, index: number) => JsonValue): JsonValue {
  let index = 0;
  const rebuild = (node: JsonValue): JsonValue => {
    if (Array.isArray(node)) return node.map(rebuild);
    if (node !== null && typeof node === 'object') {
      const copy: { [key: string]: JsonValue } = {};
      for (const key of Object.keys(node)) copy[key] = rebuild(node[key]!);
      return copy;
    }
    if (typeof node === 'string' || typeof node === 'number') return replace(node, index++);
    return node;
  };
  return rebuild(value);
}
