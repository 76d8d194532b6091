/**
 * Compiles a mapping document into ONE readable JSONata expression: lookup
 * tables bound once at the top, then the target object with one field per
 * line, nested objects and arrays indented. A source map gives, for every
 * target path, the span of text that computes it.
 */
import { MapwrightError } from '../errors';
import type { MappingDocument } from '../document/document-schema';
import { compilePredicate } from '../transforms/predicate';
import { literal, pathExpression } from '../transforms/jsonata-text';
import { compileRule, compileSource, POLICY_HELPERS, tableVariable } from './compile-rule';
import { levelsUp, contextVariable } from './source-paths';
import { buildTargetTree, type TargetNode } from './target-tree';
import { TextWriter, type Span } from './text-writer';

/** Target path -> [start, end) span of the generated text computing it. */
export type SourceMap = Record<string, Span>;

/** Options of {@link compileDocument}. */
export interface CompileOptions {
  /** Entries of lookup tables stored as CSV files, read by the host (see `tableFromRows`). */
  tables?: Record<string, Record<string, string>>;
}

/** The compiled expression and its source map. */
export interface CompiledMapping {
  expression: string;
  sourceMap: SourceMap;
}

/** Context depths (>= 1) that fields below `node` reach with `../`, so the array must bind them. */
function reachedDepths(node: TargetNode, depth: number, out: Set<number>): Set<number> {
  if (node.kind === 'field') {
    for (const s of node.rule.sources) if (levelsUp(s) > 0) out.add(depth - levelsUp(s));
  } else {
    for (const c of node.children) reachedDepths(c, node.kind === 'array' ? depth + 1 : depth, out);
  }
  return out;
}

function writeChildren(w: TextWriter, children: TargetNode[], depth: number, indent: number, label: string): void {
  w.write('{');
  children.forEach((child, i) => {
    w.newline(indent + 1);
    w.write(`${literal(child.name)}: `);
    writeValue(w, child, depth, indent + 1, label);
    if (i < children.length - 1) w.write(',');
  });
  w.newline(indent);
  w.write('}');
}

function writeValue(w: TextWriter, node: TargetNode, depth: number, indent: number, label: string): void {
  const start = w.offset;
  const here = label ? `${label}.${node.name}` : node.name;
  if (node.kind === 'field') w.write(compileRule(node.rule, depth, here));
  else if (node.kind === 'object') writeChildren(w, node.children, depth, indent, here);
  else writeArray(w, node, depth, indent, `${here}[]`);
  w.mark(node.path, start);
}

function writeArray(w: TextWriter, node: Extract<TargetNode, { kind: 'array' }>, depth: number, indent: number, label: string): void {
  const ctx = node.context;
  let items = compileSource(ctx.source, depth, label);
  if (ctx.filter) items += `[${compilePredicate(ctx.filter, '$')}]`;
  if (ctx.sort) items += `^(${ctx.sort.descending ? '>' : '<'}${pathExpression(ctx.sort.field)})`;
  const bind = depth >= 1 && reachedDepths(node, depth, new Set()).has(depth);
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
  if (ctx.groupBy) {
    // Items are grouped by key; each group becomes one element, its fields read over all of the group's items.
    w.write(`$each(${items}{${pathExpression(ctx.groupBy)}: [$]}, function($items, $key) {`);
    w.newline(inner + 1);
    w.write('$items');
    writeChildren(w, node.children, depth + 1, inner + 1, label);
    w.newline(inner);
    w.write('})');
  } else {
    w.write(`${items}.`);
    writeChildren(w, node.children, depth + 1, inner, label);
  }
  if (bind) {
    w.newline(indent);
    w.write(')');
  }
  w.write(']');
}

/** Binds the policy helpers the rules use; returns how many were written. */
function writeHelpers(w: TextWriter, doc: MappingDocument): number {
  const used = (['required', 'orDefault'] as const).filter((name) => doc.rules.some((r) => r.required === (name === 'required' ? 'error' : 'default')));
  for (const name of used) {
    w.newline(1);
    w.write(POLICY_HELPERS[name]);
  }
  return used.length;
}

function writeTables(w: TextWriter, doc: MappingDocument, options: CompileOptions): void {
  const names = Object.keys(doc.lookups).sort();
  for (const name of names) {
    const table = doc.lookups[name]!;
    const entries = 'entries' in table ? table.entries : options.tables?.[name];
    if (!entries) throw new MapwrightError('COMPILE_INVALID', `lookup table ${name} is stored in ${'file' in table ? table.file : 'a file'}; its entries were not given to the compiler`);
    w.newline(1);
    w.write(`${tableVariable(name)} := {`);
    Object.entries(entries).forEach(([key, value], i, all) => {
      w.newline(2);
      w.write(`${literal(key)}: ${literal(value)}${i < all.length - 1 ? ',' : ''}`);
    });
    w.newline(1);
    w.write('};');
  }
}

/** Compiles `doc`; throws COMPILE_INVALID or TRANSFORM_INVALID naming the target field. */
export function compileDocument(doc: MappingDocument, options: CompileOptions = {}): CompiledMapping {
  const tree = buildTargetTree(doc);
  const w = new TextWriter();
  // The top block (helpers, then tables) is only written when something needs binding.
  const block = Object.keys(doc.lookups).length > 0 || doc.rules.some((r) => r.required !== 'omit');
  if (block) {
    w.write('(');
    writeHelpers(w, doc);
    writeTables(w, doc, options);
    w.newline(1);
  }
  if (tree.kind === 'array') {
    const start = w.offset;
    // Root rows are named by their own field names in messages ("weightKg", not "[].weightKg").
    writeArray(w, tree, 0, block ? 1 : 0, '');
    w.mark('.', start);
  } else {
    writeChildren(w, tree.children, 0, block ? 1 : 0, '');
  }
  if (block) {
    w.newline(0);
    w.write(')');
  }
  w.write('\n');
  const sourceMap: SourceMap = {};
  for (const [path, span] of w.spans) sourceMap[path] = span;
  return { expression: w.toString(), sourceMap };
}
