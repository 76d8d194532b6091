/**
 * Compiles a mapping document (not arbitrary JSONata) to the text of a
 * JavaScript program: straight-line code per record over the runtime in
 * runtime.ts, the same target tree the JSONata compiler walks. The program
 * text is data: the worker builds it into a function (run-program.ts) with
 * no Node capability in scope. Every user string enters the text as a JSON
 * literal in the prelude, never as code.
 *
 * A document with a part this engine does not reproduce (a custom rule, a
 * grouped array, `$position`, several sources, a transform kind or parameter
 * listed as unsupported in emit-transform.ts) gets no program, with the
 * reason: it runs whole through jsonata.
 */
import type { MappingDocument, MappingRule } from '../document/document-schema';
import { buildTargetTree, type TargetNode } from '../compiler/target-tree';
import { levelsUp } from '../compiler/source-paths';
import { splitPath } from '../transforms/jsonata-text';
import { emitPredicate, emitTransform, type ConstantPool } from './emit-transform';

/** A compiled program, or why the document runs through jsonata. */
export type ProgramResult = { program: string } | { unsupported: string };

class Unsupported extends Error {}

function unsupported(reason: string): never {
  throw new Unsupported(reason);
}

/** What one compilation shares: the prelude's constants and a counter for unique names. */
class Emitter {
  readonly prelude: string[] = [];
  /** The functions of array nodes. */
  readonly functions: string[] = [];
  private readonly known = new Map<string, string>();
  private next = 0;
  readonly k: ConstantPool = {
    json: (value) => this.constant(`JSON.parse(${JSON.stringify(JSON.stringify(value))})`),
    expression: (text) => this.constant(text),
  };

  constructor(readonly tables: Record<string, Record<string, string>>) {}

  name(prefix: string): string {
    return `${prefix}${this.next++}`;
  }

  private constant(text: string): string {
    let name = this.known.get(text);
    if (!name) {
      name = this.name('K');
      this.known.set(text, name);
      this.prelude.push(`const ${name} = ${text};`);
    }
    return name;
  }
}

/** Names JSON data can shadow on Object.prototype: a plain `o[name]` would find the prototype's member, so these are read as own properties. */
function inherited(name: string): boolean {
  return name in Object.prototype;
}

/** JavaScript text reading `names` from context `c` (known to be an object when `known`). */
function pathText(e: Emitter, c: string, names: string[], known: boolean): string {
  // The element of an array is an object (rt.items checked it), so one plain name is a property read.
  if (known && names.length === 1 && !inherited(names[0]!)) return `${c}[${JSON.stringify(names[0])}]`;
  return `rt.path(${c}, ${e.k.json(names)})`;
}

/** JavaScript text reading `path` at array nesting `depth` (`c0` is the input, `c<n>` the element of the n-th array). */
function sourceText(e: Emitter, path: string, depth: number): string {
  if (path === '$key' || path === '$position') return unsupported(`source ${path}`);
  if (path === '.') return `c${depth}`;
  if (path.startsWith('/')) return pathText(e, 'c0', splitPath(path.slice(1)), false);
  const up = levelsUp(path);
  if (up > depth) return unsupported(`source ${path} steps out of every array`);
  return pathText(e, `c${depth - up}`, splitPath(path.slice(up * 3)), depth - up > 0);
}

/** JavaScript expression computing `rule`'s value at nesting `depth`. */
function ruleText(e: Emitter, rule: MappingRule, depth: number): string {
  if (rule.sources.length > 1) unsupported(`${rule.target} reads several sources`);
  let value = rule.sources.length === 0 ? 'undefined' : sourceText(e, rule.sources[0]!, depth);
  for (const node of rule.transforms) {
    const text = emitTransform(node, value, e.k, (name) => e.tables[name]);
    if (text === undefined) unsupported(`${rule.target}: ${node.kind} transform${node.kind === 'custom' ? '' : ' with these parameters'}`);
    value = text;
  }
  if (rule.required === 'default') value = `rt.orDefault(${value}, ${e.k.json(rule.default ?? null)})`;
  if (rule.required === 'error') value = `rt.required(${value})`;
  return value;
}

/**
 * An object literal of `children` at nesting `depth`. A member without a
 * value is `undefined` in the object: the worker sends the output as JSON
 * text, which drops it, as jsonata's object constructor does, and keeps the
 * constructor's key order.
 */
function objectText(e: Emitter, children: TargetNode[], depth: number): string {
  const members = children.map((child) => {
    const key = JSON.stringify(child.name);
    if (child.kind === 'field') return `${key}: ${ruleText(e, child.rule, depth)}`;
    if (child.kind === 'object') return `${key}: ${objectText(e, child.children, depth)}`;
    return `${key}: ${arrayFunction(e, child, depth)}(${contexts(depth)})`;
  });
  return `{${members.join(', ')}}`;
}

/** The context parameters at nesting `depth`: `c0, c1, ..., c<depth>`. */
function contexts(depth: number): string {
  return Array.from({ length: depth + 1 }, (_, i) => `c${i}`).join(', ');
}

/** Adds to the prelude a function giving the elements of array node `node` read at nesting `depth`; returns its name. */
function arrayFunction(e: Emitter, node: Extract<TargetNode, { kind: 'array' }>, depth: number): string {
  const ctx = node.context;
  if (ctx.groupBy) unsupported(`${node.path || '.'} is grouped`);
  const inner = depth + 1;
  const name = e.name('A');
  const lines = [`function ${name}(${contexts(depth)}) {`, `let items = rt.items(${sourceText(e, ctx.source, depth)});`];
  if (ctx.filter) {
    const test = emitPredicate(ctx.filter, `c${inner}`, e.k);
    if (!test) unsupported(`${node.path || '.'}: filter with these parameters`);
    lines.push(`items = items.filter((c${inner}) => ${test});`);
  }
  if (ctx.sort) lines.push(`items = rt.sortBy(items, ${e.k.json(splitPath(ctx.sort.field))}, ${ctx.sort.descending});`);
  if (ctx.required === 'error') lines.push('rt.requiredItems(items);');
  lines.push(
    'const out = new Array(items.length);',
    'for (let n = 0; n < items.length; n++) {',
    `const c${inner} = items[n];`,
    `out[n] = ${objectText(e, node.children, inner)};`,
    '}',
    'return out;',
    '}',
  );
  e.functions.push(lines.join('\n'));
  return name;
}

/**
 * Compiles `doc` to program text: a function body taking `rt` (the runtime)
 * that returns the mapping of one input (a whole payload or a chunk of
 * records). `tables` holds the entries of lookup tables stored in files.
 */
export function compileProgram(doc: MappingDocument, tables: Record<string, Record<string, string>> = {}): ProgramResult {
  const known: Record<string, Record<string, string>> = { ...tables };
  for (const [name, table] of Object.entries(doc.lookups)) if ('entries' in table) known[name] = table.entries;
  const e = new Emitter(known);
  try {
    const tree = buildTargetTree(doc);
    const body = tree.kind === 'array' ? `return ${arrayFunction(e, tree, 0)}(c0);` : `return ${objectText(e, tree.children, 0)};`;
    const program = ['"use strict";', ...e.prelude, ...e.functions, 'return function (c0) {', body, '};'].join('\n');
    return { program };
  } catch (error) {
    if (error instanceof Unsupported) return { unsupported: error.message };
    return { unsupported: `not compiled: ${error instanceof Error ? error.message : String(error)}` };
  }
}
