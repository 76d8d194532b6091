/**
 * Names the record a required-field or invalid-value error is about. The compiler binds
 * `$record` once per scope: at the top from the document's `recordKey`
 * (`accountId "ACC-1"`), and in each array element from its position in the
 * source array (1-based, before filter and sort) and the context's
 * `recordKey` (`record 3: id "C-1001"`, `contacts item 2`). Nested arrays
 * append to the enclosing `$record`. A key the record lacks reads
 * `order.name missing` (a null one `order.name null`), so it is not taken
 * for an empty one (`order.name ""`). Only the key the user chose is shown,
 * under the label the user picked (`recordLabel`: `Payment-No "PAY-0042"`),
 * so messages carry no other payload values, and a key holding personal
 * data is shown by its shape; a grouped array names the group by its key.
 */
import type { ArrayContext, MappingDocument, MappingRule } from '../document/document-schema';
import { classifyName, isPersonContext } from '../masking/classify-name';
import { raisesInvalid } from '../transforms/invalid-value';
import { literal } from '../transforms/jsonata-text';
import type { TargetNode } from './target-tree';

/** Whether the fields at array nesting `depth` have a `$record` in scope (arrays bind one when their fields need it). */
export function recordInScope(doc: Pick<MappingDocument, 'recordKey'>, depth: number): boolean {
  return depth >= 1 || doc.recordKey !== undefined;
}

/** Whether `rule` can raise an error that names the record: a required field, or a transform rejecting a value. */
export function namesRecord(rule: MappingRule): boolean {
  return rule.required === 'error' || rule.transforms.some(raisesInvalid);
}

/**
 * Whether anything under `node` can raise an error naming the record, so the
 * record must be named: a field, or a nested array that must not be empty
 * (its error names the record of the element holding it).
 */
export function needsRecord(node: TargetNode): boolean {
  if (node.kind === 'field') return namesRecord(node.rule);
  return node.children.some((c) => needsRecord(c) || (c.kind === 'array' && c.context.required === 'error'));
}

/** The variable holding an element's position in array nesting `depth` (bound with `#`). */
export function positionVariable(depth: number): string {
  return `$index${depth}`;
}

/** A JSONata string literal, single-quoted when that spares escaping double quotes. */
function text(value: string): string {
  return value.includes('"') && !/['\\]/.test(value) ? `'${value}'` : literal(value);
}

/** Joins literal pieces (strings) and expressions (`{ expr }`) with `&`, merging neighbouring literals. */
function concat(pieces: Array<string | { expr: string }>): string {
  const merged: Array<string | { expr: string }> = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (typeof piece === 'string' && typeof last === 'string') merged[merged.length - 1] = last + piece;
    else merged.push(piece);
  }
  return merged.map((p) => (typeof p === 'string' ? text(p) : p.expr)).join(' & ');
}

/** How a key path is shown: without the `../` or `/` that only say where it is read from, nor JSONata's backticks (`Zahlungs-Nr "PAY-0042"`). */
export function keyName(path: string): string {
  return path
    .replace(/^(\.\.\/)+/, '')
    .replace(/^\//, '')
    .replace(/`/g, '');
}

/**
 * Whether the key's field holds personal data by its name (`email`,
 * `customer.name`, `iban`), as masking's default detection reads names:
 * such a value is shown by its shape, as invalid values are, since
 * messages reach logs, reports and exports.
 */
export function personalKey(path: string): boolean {
  const names = keyName(path).split('.');
  const verdict = classifyName(names[names.length - 1] ?? '');
  // A bare `name` is a person's only in a person's record (`customer.name`, not `order.name`).
  return verdict?.kind === 'category' || (verdict?.kind === 'contextualName' && isPersonContext(names[names.length - 2]));
}

/** JSONata text of `value`'s shape, as the `$invalid` helper shows a value (see invalid-value.ts). */
function shapeText(value: string): string {
  return `$replace($replace($replace($replace($string(${value}), /[0-9]/, "9"), /[A-Z]/, "A"), /[a-z]/, "a"), /[^9Aa .,:;\\/+_()-]/, "*")`;
}

/** The variable the key's value is held in while its label is written (local to the label's block). */
const KEY_VALUE = '$rk';

/**
 * The piece naming a record by its key: the label the user picked or the
 * key's name, then the value (`Payment-No "PAY-0042"`), or the value's
 * shape when the key holds personal data (`email shaped "aaaa@aaaa.aaa"`).
 * A key the record lacks is `missing` and a null one `null`, never quotes
 * around nothing: `order.name ""` is a name that is empty text.
 */
function keyPieces(key: string, expression: string, label: string | undefined): Array<string | { expr: string }> {
  const name = label ?? keyName(key);
  const present = personalKey(key) ? [`${name} shaped "`, { expr: shapeText(KEY_VALUE) }, '"'] : [`${name} "`, { expr: KEY_VALUE }, '"'];
  return [{ expr: `(${KEY_VALUE} := ${expression}; $exists(${KEY_VALUE}) ? (${KEY_VALUE} = null ? ${text(`${name} null`)} : ${concat(present)}) : ${text(`${name} missing`)})` }];
}

/** `$record := ($rk := accountId; … 'accountId "' & $rk & '"' …);`: the whole input named by the document's key (see {@link keyPieces}), shown as `label` when the user picked one. */
export function rootRecordBinding(key: string, keyExpression: string, label?: string): string {
  return `$record := ${concat(keyPieces(key, keyExpression, label))};`;
}

/** The document's `recordKey` and its JSONata text read inside one element of the input's records (source `.`). */
export interface RootKey {
  key: string;
  expression: string;
  /** The document's `recordLabel`: how the key is shown. */
  label?: string;
}

/**
 * The `$record := ...;` of one element of the array driven by `ctx` at
 * element nesting `depth`; `keyExpression` is the compiled `recordKey` and
 * `outer` says whether an enclosing `$record` is in scope to extend;
 * `position` is the JSONata text of the item's 0-based source position;
 * `rootKey`, on the elements of the input's records, names the record by the
 * document's key in place of the enclosing `$record`.
 */
export function itemRecordBinding(ctx: ArrayContext, depth: number, keyExpression: string | undefined, outer: boolean, position = positionVariable(depth), rootKey?: RootKey): string {
  // A group's members are records of the input being grouped, named by their place in it.
  const root = ctx.target === '.' || ctx.source === '$items';
  // The input's records: the document's key names this one record, not the whole input (whose key is every record's).
  const pieces: Array<string | { expr: string }> = rootKey ? [...keyPieces(rootKey.key, rootKey.expression, rootKey.label), ', '] : outer ? [{ expr: '$record' }, ', '] : [];
  if (ctx.groupBy) {
    pieces.push(root ? 'group "' : `${ctx.target} group "`, { expr: '$key' }, '"');
  } else {
    // Written as positionLabel writes it, so shiftPositionLabel finds it.
    pieces.push(root ? 'record ' : `${ctx.target} item `, { expr: `(${position} + 1)` });
    if (keyExpression !== undefined && ctx.recordKey !== undefined) pieces.push(': ', ...keyPieces(ctx.recordKey, keyExpression, ctx.recordLabel));
  }
  return `$record := ${concat(pieces)};`;
}

/** The label of the element at 1-based `position` of the array whose target is `target`: `record 5`, `events item 5`. */
export function positionLabel(target: string, position: number): string {
  return target === '.' ? `record ${position}` : `${target} item ${position}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `message` with the position in the label of an element of the array
 * `target` moved on by `offset` (`record 1` -> `record 5021`), or undefined
 * when the message names no such element. Positions count within the input
 * a run was given, so a host that runs part of a larger file on its own
 * (batch mode runs chunks and single records) moves the label to the
 * element's place in the file. Only a label where {@link itemRecordBinding}
 * puts one is matched: after the opening parenthesis or a comma of the
 * record chain, before its end, its key or the next link.
 */
export function shiftPositionLabel(message: string, target: string, offset: number): string | undefined {
  // The label is its words followed by the position: `record 3`, `events item 3`.
  const words = positionLabel(target, 0).slice(0, -1);
  const pattern = new RegExp(`(\\(|, )${escapeRegExp(words)}(\\d+)(?=[),:])`);
  if (!pattern.test(message)) return undefined;
  return message.replace(pattern, (_match, start: string, position: string) => `${start}${positionLabel(target, Number(position) + offset)}`);
}
