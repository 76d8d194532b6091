/**
 * Compiles a mapping document into ONE readable JSONata expression: lookup
 * tables and value maps bound once at the top, then the target object with
 * one field per line, nested objects and arrays indented. A source map gives,
 * for every target path, the span of text that computes it.
 */
import { MapwrightError } from '../errors';
import type { ArrayContext, MappingDocument, MappingRule } from '../document/document-schema';
import type { TransformNode } from '../transforms/transform-node';
import { compilePredicate } from '../transforms/predicate';
import { literal, pathExpression } from '../transforms/jsonata-text';
import { compileChain } from '../transforms/registry';
import { compileRule, compileSource, tableVariable } from './compile-rule';
import { inputRecordMembers, parseOwners, type RuleOwners } from './parse-owners';
import { itemRecordBinding, needsRecord, positionVariable, recordInScope, type RootKey } from './record-label';
import { levelsUp, contextVariable } from './source-paths';
import { buildTargetTree, optionalObject, type TargetNode } from './target-tree';
import { TextWriter, type Span } from './text-writer';
import { needsTopBlock, writeTopBindings } from './top-block';
import type { FileTables } from './lookup-table';
import { checkFileTableColumns } from './table-file';
import { nameValueMaps, type ValueMapBinding } from './value-map-names';

/** Target path -> [start, end) span of the generated text computing it. */
export type SourceMap = Record<string, Span>;

/** Options of {@link compileDocument}. */
export interface CompileOptions {
  /** Contents of lookup tables stored as CSV files, read by the host (see table-file.ts). */
  tables?: FileTables;
}

/** The compiled expression and its source map. */
export interface CompiledMapping {
  expression: string;
  sourceMap: SourceMap;
}

/** What every field of one compilation shares. */
interface Compilation {
  doc: MappingDocument;
  w: TextWriter;
  variables: Map<TransformNode, string>;
  /** Element depths inside a grouped array, where `$members` and `$items` are bound. */
  grouped: Set<number>;
  /** Element depths inside a group of the input's records, whose members are named as records of the input. */
  inputMembers: Set<number>;
  /** Rules whose number reads other fields own (see parse-owners.ts). */
  owners: Map<MappingRule, RuleOwners>;
}

/** Context depths (>= 1) that fields below `node` reach with `../`, so the array must bind them. */
function reachedDepths(node: TargetNode, depth: number, out: Set<number>): Set<number> {
  if (node.kind === 'field') {
    for (const s of node.rule.sources) if (levelsUp(s) > 0) out.add(depth - levelsUp(s));
    return out;
  }
  const inner = node.kind === 'array' ? depth + 1 : depth;
  // A record key read from the enclosing element (`../id`) needs it bound like a field's source does.
  const key = node.kind === 'array' && !node.context.groupBy && needsRecord(node) ? node.context.recordKey : undefined;
  if (key !== undefined && levelsUp(key) > 0) out.add(inner - levelsUp(key));
  for (const c of node.children) reachedDepths(c, inner, out);
  return out;
}

function writeChildren(c: Compilation, children: TargetNode[], depth: number, indent: number, label: string): void {
  c.w.write('{');
  children.forEach((child, i) => {
    c.w.newline(indent + 1);
    c.w.write(`${literal(child.name)}: `);
    writeValue(c, child, depth, indent + 1, label);
    if (i < children.length - 1) c.w.write(',');
  });
  c.w.newline(indent);
  c.w.write('}');
}

function writeValue(c: Compilation, node: TargetNode, depth: number, indent: number, label: string): void {
  const start = c.w.offset;
  const here = label ? `${label}.${node.name}` : node.name;
  if (node.kind === 'field') {
    c.w.write(compileRule(node.rule, depth, here, { record: recordInScope(c.doc, depth), valueMapVariable: (n) => c.variables.get(n), owners: c.owners.get(node.rule) }));
  } else if (node.kind === 'object' && optionalObject(node)) {
    // Left out when every field inside it was left out.
    c.w.write('$nonEmpty(');
    writeChildren(c, node.children, depth, indent, here);
    c.w.write(')');
  } else if (node.kind === 'object') writeChildren(c, node.children, depth, indent, here);
  else writeArray(c, node, depth, indent, `${here}[]`);
  c.w.mark(node.path, start);
}

/** Writes the element's object, inside a block binding `lines` first (`$items`, `$record`) when there are any. */
function writeElement(c: Compilation, node: Extract<TargetNode, { kind: 'array' }>, depth: number, indent: number, label: string, lines: readonly string[], prefix = ''): void {
  const { w } = c;
  if (lines.length === 0) {
    w.write(prefix);
    writeChildren(c, node.children, depth + 1, indent, label);
    return;
  }
  w.write('(');
  for (const line of lines) {
    w.newline(indent + 1);
    w.write(line);
  }
  w.newline(indent + 1);
  w.write(prefix);
  writeChildren(c, node.children, depth + 1, indent + 1, label);
  w.newline(indent);
  w.write(')');
}

/** Whether a field of this array's own elements (not of a nested array) reads `$position`. */
function readsPosition(children: TargetNode[]): boolean {
  return children.some((c) => (c.kind === 'field' ? c.rule.sources.includes('$position') : c.kind === 'object' && readsPosition(c.children)));
}

/** JSONata text of a key computed from an item's `field` (relative to the item), through `transforms` when given. */
function keyText(c: Compilation, field: string, transforms: readonly TransformNode[] | undefined, depth: number, label: string): string {
  const path = pathExpression(field);
  if (!transforms || transforms.length === 0) return path;
  return compileChain(transforms, path, { field: label, tableVariable, ...(recordInScope(c.doc, depth) ? { record: true } : {}) });
}

/**
 * The items of the array with the element position bound as `#$index<n>`
 * where something reads it. A record label counts items as the source has
 * them, so it binds before filter and sort; `$position` counts them as the
 * target has them, so alone it binds after. JSONata keeps one `#` binding
 * per step, so an array that needs both and filters or sorts numbers its
 * elements with `$map` instead (see {@link writeArray}).
 */
function arrayItems(c: Compilation, node: Extract<TargetNode, { kind: 'array' }>, depth: number, label: string, named: boolean): { items: string; mapped: boolean } {
  const ctx = node.context;
  const position = readsPosition(node.children);
  let items = compileSource(ctx.source, depth, label);
  if (named) items += `#${positionVariable(depth + 1)}`;
  if (ctx.filter) items += `[${compilePredicate(ctx.filter, '$')}]`;
  if (ctx.sort) items += `^(${ctx.sort.descending ? '>' : '<'}${keyText(c, ctx.sort.field, ctx.sort.transforms, depth, `${label.slice(0, -2) || '.'} sort key`)})`;
  if (position && !named) items += `#${positionVariable(depth + 1)}`;
  return { items, mapped: position && named && (ctx.filter !== undefined || ctx.sort !== undefined) };
}

/**
 * The members of a grouped array, or of an array over a group's `$items`:
 * each item with its 0-based position in the source (`{"item": $v, "at": $i}`),
 * filtered and sorted (stable) on the item, so a record keeps its place in
 * the input for its label however the groups and elements are ordered.
 */
function memberItems(c: Compilation, node: Extract<TargetNode, { kind: 'array' }>, depth: number, label: string): string {
  const ctx = node.context;
  const base = label.slice(0, -2) || '.';
  if (ctx.source === '$items' && !c.grouped.has(depth)) throw new MapwrightError('COMPILE_INVALID', `${base}: $items are the members of a group, and this array is in no grouped array`);
  const all = ctx.source === '$items' ? '$members' : `$map(${compileSource(ctx.source, depth, label)}, function($v, $i) {{"item": $v, "at": $i}})`;
  if (!ctx.filter && !ctx.sort) return all;
  // Filtered and sorted behind a variable: a path starting with a function call would run it once per input item.
  let items = ctx.source === '$items' ? '$members' : '$m';
  if (ctx.filter) items += `[item.(${compilePredicate(ctx.filter, '$')})]`;
  if (ctx.sort) items += `^(${ctx.sort.descending ? '>' : '<'}item.(${keyText(c, ctx.sort.field, ctx.sort.transforms, depth, `${base} sort key`)}))`;
  return ctx.source === '$items' ? items : `($m := ${all}; ${items})`;
}

/** On the elements of the input's records (source `.` at the top), the document's key read in the element, naming that one record. */
function rootKeyOf(c: Compilation, ctx: ArrayContext, depth: number, label: string): RootKey | undefined {
  return depth === 0 && ctx.source === '.' ? documentKey(c, depth, label) : undefined;
}

/** The document's key read inside an element of the input's records at element `depth - 1`, with the label it is shown by. */
function documentKey(c: Compilation, depth: number, label: string): RootKey | undefined {
  const { recordKey, recordLabel } = c.doc;
  return recordKey === undefined ? undefined : { key: recordKey, expression: compileSource(recordKey, depth + 1, label), ...(recordLabel === undefined ? {} : { label: recordLabel }) };
}

/** Writes a grouped array or one over a group's `$items`: elements numbered by `$map` over the members. */
function writeMemberArray(c: Compilation, node: Extract<TargetNode, { kind: 'array' }>, depth: number, indent: number, label: string, named: boolean): void {
  const { w } = c;
  const ctx = node.context;
  const items = memberItems(c, node, depth, label);
  const outer = recordInScope(c.doc, depth);
  if (ctx.groupBy) {
    if (readsPosition(node.children)) throw new MapwrightError('COMPILE_INVALID', `${label.slice(0, -2) || '.'}: $position is not available in a grouped array`);
    // One element per group, in the order the groups' first members come (after the sort); `$items` are the group's members.
    const key = keyText(c, ctx.groupBy, ctx.groupTransforms, depth, `${label.slice(0, -2) || '.'} group key`);
    const lines = ['$items := $members.item;', ...(named ? [itemRecordBinding(ctx, depth + 1, undefined, outer)] : [])];
    c.grouped.add(depth + 1);
    if (inputRecordMembers(ctx, depth)) c.inputMembers.add(depth + 1);
    w.write(`$each(${items}{item.($string(${key})): [$]}, function($members, $key) {`);
    w.newline(indent + 1);
    writeElement(c, node, depth, indent + 1, label, lines, '$items');
    w.newline(indent);
    w.write('})');
    c.grouped.delete(depth + 1);
    c.inputMembers.delete(depth + 1);
    return;
  }
  const position = positionVariable(depth + 1);
  const key = named && ctx.recordKey !== undefined ? compileSource(ctx.recordKey, depth + 1, label) : undefined;
  // Members of a group of the input's records are records of the input: named by their place in it and the document's key, not by the group.
  const inputRecord = ctx.source === '$items' && c.inputMembers.has(depth);
  const rootKey = inputRecord ? documentKey(c, depth, label) : rootKeyOf(c, ctx, depth, label);
  w.write(`$map(${items}, function($e, ${position}) {$e.item.`);
  writeElement(c, node, depth, indent, label, named ? [itemRecordBinding(ctx, depth + 1, key, outer && !inputRecord, '$e.at', rootKey)] : []);
  w.write('})');
}

function writeArray(c: Compilation, node: Extract<TargetNode, { kind: 'array' }>, depth: number, indent: number, label: string): void {
  const { w } = c;
  const ctx = node.context;
  const named = needsRecord(node);
  const members = ctx.groupBy !== undefined || ctx.source === '$items';
  const bind = depth >= 1 && reachedDepths(node, depth, new Set()).has(depth);
  // An array that must not be empty raises what a missing required field raises, naming the enclosing record.
  const required = ctx.required === 'error';
  if (required) w.write('$requiredItems(');
  let inner = indent;
  w.write('[');
  if (bind) {
    // The enclosing element is bound by name because JSONata's % parent does not survive filters and sorts.
    w.write('(');
    inner = indent + 1;
    w.newline(inner);
    w.write(`${contextVariable(depth)} := $;`);
    w.newline(inner);
  }
  if (members) {
    writeMemberArray(c, node, depth, inner, label, named);
  } else {
    const { items, mapped } = arrayItems(c, node, depth, label, named);
    const key = named && ctx.recordKey !== undefined ? compileSource(ctx.recordKey, depth + 1, label) : undefined;
    const position = positionVariable(depth + 1);
    // Numbered by $map, the element's source position travels with it as `$e.at` and `$index<n>` is its target position.
    const record = named ? [itemRecordBinding(ctx, depth + 1, key, recordInScope(c.doc, depth), mapped ? '$e.at' : position, rootKeyOf(c, ctx, depth, label))] : [];
    if (mapped) {
      w.write(`$map(${items}.{"item": $, "at": ${position}}, function($e, ${position}) {$e.item.`);
      writeElement(c, node, depth, inner, label, record);
      w.write('})');
    } else {
      w.write(`${items}.`);
      writeElement(c, node, depth, inner, label, record);
    }
  }
  if (bind) {
    w.newline(indent);
    w.write(')');
  }
  w.write(']');
  if (required) w.write(`, ${literal(label.slice(0, -2) || '.')}${recordInScope(c.doc, depth) ? ', $record' : ''})`);
}

/** Compiles `doc` and lists the value maps bound at the top (the reverse parser reads them back). */
export function compileWithBindings(doc: MappingDocument, options: CompileOptions = {}): CompiledMapping & { valueMaps: ValueMapBinding[] } {
  // Columns of tables stored in files are known only now that the host has read them.
  checkFileTableColumns(doc, options.tables);
  const tree = buildTargetTree(doc);
  const valueMaps = nameValueMaps(tree);
  const c: Compilation = { doc, w: new TextWriter(), variables: new Map(valueMaps.map((m) => [m.node, m.variable])), grouped: new Set(), inputMembers: new Set(), owners: parseOwners(doc, tree) };
  const { w } = c;
  const block = needsTopBlock(doc, valueMaps);
  if (block) {
    w.write('(');
    writeTopBindings(w, doc, options.tables, valueMaps);
    w.newline(1);
  }
  if (tree.kind === 'array') {
    const start = w.offset;
    // Root rows are named by their own field names in messages ("weightKg", not "[].weightKg").
    writeArray(c, tree, 0, block ? 1 : 0, '');
    w.mark('.', start);
  } else {
    writeChildren(c, tree.children, 0, block ? 1 : 0, '');
  }
  if (block) {
    w.newline(0);
    w.write(')');
  }
  w.write('\n');
  const sourceMap: SourceMap = {};
  for (const [path, span] of w.spans) sourceMap[path] = span;
  return { expression: w.toString(), sourceMap, valueMaps };
}

/** Compiles `doc`; throws COMPILE_INVALID or TRANSFORM_INVALID naming the target field. */
export function compileDocument(doc: MappingDocument, options: CompileOptions = {}): CompiledMapping {
  const { expression, sourceMap } = compileWithBindings(doc, options);
  return { expression, sourceMap };
}
