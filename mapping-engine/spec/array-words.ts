/**
 * An array context in the spec's plain words: which list drives the target
 * list, and for a grouped array that it makes one element per distinct value
 * of the group key (not one per row), how the groups are ordered, and that an
 * array over `$items` makes one element per row of its group. Written as the
 * compiler builds the list (compile-document.ts): the items are filtered,
 * then sorted (stable), then grouped by `$string(key)`; each group comes
 * where its first item comes, and its members keep that order.
 */
import type { ArrayContext } from '../document/document-schema';
import { splitPath } from '../transforms/jsonata-text';
import { describeCondition, describeTransformNode } from './describe-transform';
import { arrayRecordWords } from './record-words';
import type { SpecArray } from './spec-types';

type Transforms = ArrayContext['groupTransforms'];

/** Plain words for a key computed from `field` by `transforms`: `field "X" (format date from dd.MM.yyyy to yyyy-MM-dd; …)`. */
export function keyWords(field: string, transforms: Transforms): string {
  const plain = field.replace(/`/g, '');
  return transforms && transforms.length > 0 ? `field "${plain}" (${transforms.map((t) => describeTransformNode(t)).join(', then ')})` : `field "${plain}"`;
}

/** What one value of a key computed by `transforms` is: a date, a number, a yes/no value or a value. */
function keyNoun(transforms: Transforms): string {
  const last = transforms?.at(-1);
  if (last === undefined) return 'value';
  if (last.kind === 'date') return 'date';
  if (['parseNumber', 'round', 'arithmetic', 'calculate', 'formatNumber'].includes(last.kind)) return 'number';
  if (last.kind === 'parseBoolean') return 'yes/no value';
  return 'value';
}

/** The array's source items as plural and singular nouns: the input's rows, the items of a list, a group's members. */
function itemNouns(a: ArrayContext, parent: ArrayContext | undefined): [string, string] {
  if (a.source === '.') return ['input rows', 'row'];
  if (a.source === '$items') return parent?.source === '.' ? ['rows of the group', 'row'] : ['items of the group', 'item'];
  return [`items of ${a.source}`, 'item'];
}

function sameKey(a: ArrayContext): boolean {
  return a.sort !== undefined && a.sort.field === a.groupBy && JSON.stringify(a.sort.transforms ?? []) === JSON.stringify(a.groupTransforms ?? []);
}

/** One element per distinct key, what forms a group, and in what order the groups come. */
function groupParts(a: ArrayContext & { groupBy: string }, name: string, rows: string, row: string): string[] {
  const parts = [
    `one ${name} per distinct ${keyNoun(a.groupTransforms)} of the ${rows}, not one per ${row}: the group key ($key) is ${keyWords(a.groupBy, a.groupTransforms)}, and the ${row}s with the same key form one group ($items)`,
  ];
  if (a.filter) parts.push(`only ${row}s where ${describeCondition(a.filter)}`);
  const order = a.sort?.descending ? 'largest' : 'smallest';
  if (!a.sort) parts.push(`groups in the order of their first ${row} in the input, the ${row}s of a group in input order`);
  else if (sameKey(a)) parts.push(`groups sorted by their key, ${order} first`);
  else parts.push(`the ${row}s sorted by ${keyWords(a.sort.field, a.sort.transforms)}, ${order} first (stable), each group where its first ${row} comes and its ${row}s in that order`);
  return parts;
}

function namesOf(target: string): string[] {
  return target === '.' ? [] : splitPath(target);
}

/** The innermost array context whose target holds `a`'s target (the array a `$items` array sits in). */
function parentOf(a: ArrayContext, arrays: readonly ArrayContext[]): ArrayContext | undefined {
  const names = namesOf(a.target);
  let best: ArrayContext | undefined;
  for (const b of arrays) {
    const prefix = namesOf(b.target);
    const inside = prefix.length < names.length && prefix.every((n, i) => names[i] === n);
    if (inside && (!best || prefix.length > namesOf(best.target).length)) best = b;
  }
  return best;
}

/** The spec row of array context `a` among the document's `arrays`. */
export function arrayRow(a: ArrayContext, arrays: readonly ArrayContext[]): SpecArray {
  const parent = a.source === '$items' ? parentOf(a, arrays) : undefined;
  const [rows, row] = itemNouns(a, parent);
  const name = a.target === '.' ? 'output row' : `${a.target.split('.').pop()!.replace(/`/g, '')} element`;
  const order = a.sort?.descending ? 'largest' : 'smallest';
  const parts: string[] = [];
  if (a.groupBy !== undefined) parts.push(...groupParts({ ...a, groupBy: a.groupBy }, name, rows, row));
  else {
    const each = a.source === '.' ? 'row of the input (a CSV row, or an item of a top-level list)' : a.source === '$items' ? `${row} of the group ($items)` : `item of ${a.source}`;
    parts.push(`one ${name} per ${each}${a.source === '$items' && !a.sort ? ", in the group's order" : ''}`);
    if (a.filter) parts.push(`only ${row}s where ${describeCondition(a.filter)}`);
    if (a.sort) parts.push(`sorted by ${keyWords(a.sort.field, a.sort.transforms)}, ${order} first (stable)`);
  }
  // The required policy: what an empty list does to the record.
  parts.push(a.required === 'error' ? 'required: at least one element, an empty list is an error (MAP_REQUIRED_MISSING)' : 'optional: an empty list is left out');
  const records = arrayRecordWords(a);
  if (records) parts.push(`errors name an item as ${records}`);
  return { target: a.target, source: a.source, description: parts.join('; '), ...(records ? { records } : {}) };
}
