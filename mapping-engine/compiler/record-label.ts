/**
 * Names the record a required-field error is about. The compiler binds
 * `$record` once per scope: at the top from the document's `recordKey`
 * (`accountId "ACC-1"`), and in each array element from its position in the
 * source array (1-based, before filter and sort) and the context's
 * `recordKey` (`record 3: id "C-1001"`, `contacts item 2`). Nested arrays
 * append to the enclosing `$record`. Only the key the user chose is shown,
 * so messages carry no other payload values; a grouped array names the
 * group by its key.
 */
import type { ArrayContext, MappingDocument } from '../document/document-schema';
import { literal } from '../transforms/jsonata-text';
import type { TargetNode } from './target-tree';

/** Whether the fields at array nesting `depth` have a `$record` in scope (arrays bind one when their fields need it). */
export function recordInScope(doc: Pick<MappingDocument, 'recordKey'>, depth: number): boolean {
  return depth >= 1 || doc.recordKey !== undefined;
}

/** Whether any field under `node` raises a required-field error, so the record must be named. */
export function needsRecord(node: TargetNode): boolean {
  return node.kind === 'field' ? node.rule.required === 'error' : node.children.some(needsRecord);
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

/** How a key path is shown: without the `../` or `/` that only say where it is read from. */
function keyName(path: string): string {
  return path.replace(/^(\.\.\/)+/, '').replace(/^\//, '');
}

/** `$record := 'accountId "' & accountId & '"';`: the whole input named by the document's key. */
export function rootRecordBinding(key: string, keyExpression: string): string {
  return `$record := ${concat([`${keyName(key)} "`, { expr: keyExpression }, '"'])};`;
}

/**
 * The `$record := ...;` of one element of the array driven by `ctx` at
 * element nesting `depth`; `keyExpression` is the compiled `recordKey` and
 * `outer` says whether an enclosing `$record` is in scope to extend.
 */
export function itemRecordBinding(ctx: ArrayContext, depth: number, keyExpression: string | undefined, outer: boolean): string {
  const root = ctx.target === '.';
  const pieces: Array<string | { expr: string }> = outer ? [{ expr: '$record' }, ', '] : [];
  if (ctx.groupBy) {
    pieces.push(root ? 'group "' : `${ctx.target} group "`, { expr: '$key' }, '"');
  } else {
    pieces.push(root ? 'record ' : `${ctx.target} item `, { expr: `(${positionVariable(depth)} + 1)` });
    if (keyExpression !== undefined && ctx.recordKey !== undefined) pieces.push(`: ${keyName(ctx.recordKey)} "`, { expr: keyExpression }, '"');
  }
  return `$record := ${concat(pieces)};`;
}
