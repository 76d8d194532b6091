/**
 * Compiles a mapping document (not arbitrary JSONata) to the text of a
 * JavaScript program: straight-line code per record over the runtime in
 * runtime.ts, the same target tree the JSONata compiler walks. The program
 * text is data: the worker builds it into a function (run-program.ts) with
 * no Node capability in scope. Every user string enters the text as a JSON
 * literal in the prelude, never as code.
 *
 * A document with a part this engine does not reproduce (a custom rule, a
 * transform kind or parameter emit-transform.ts leaves out, a member added
 * to the format later) gets no program, with the reason: it runs whole
 * through jsonata.
 *
 * The program is `function (c0, b)`: the input and the run's bindings (run
 * parameters, see runtime-groups.ts `param`), kept in `B` for the array
 * functions. Inside a grouped array the element's context is the group's
 * records as a sequence (`c<n>`, paths read over all of them; an array over
 * `$items` runs over them) and its key is `k<n>`.
 */
import type { MappingDocument, MappingRule } from '../document/document-schema';
import type { TransformNode } from '../transforms/transform-node';
import { NO_RECORDS_CHECK } from '../compiler/top-block';
import { PARAM_SOURCE, parameterBinding } from '../compiler/run-parameters';
import { buildTargetTree, type TargetNode } from '../compiler/target-tree';
import { levelsUp } from '../compiler/source-paths';
import { splitPath } from '../transforms/jsonata-text';
import { tableShape, tableSource } from '../compiler/lookup-table';
import { compileDocument, type CompiledMapping } from '../compiler/compile-document';
import { emitPredicate, emitTransform, type ConstantPool, type TableSource } from './emit-transform';
import { tableResolver, type FileTables } from './table-data';
import { unknownMember } from './known-shape';

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

  /** Depths whose context is a group's records (a sequence), not one object. */
  readonly groups = new Set<number>();

  /** Whether the JSONata binds the `$present` / `$text` helpers, so transforms read null and "" as no value (transforms/present-value.ts). */
  readonly present: boolean;

  constructor(
    readonly table: TableSource,
    readonly compiled: CompiledMapping,
    readonly doc: MappingDocument,
  ) {
    this.present = /\$present := function/.test(compiled.expression);
  }

  /** The helper (`$required`, `$omitEmpty`, `$nonEmpty`...) the JSONata text of target `path` (a source map key: a tree node's path) starts with, if any. */
  wrapperOf(path: string): string | undefined {
    const span = this.compiled.sourceMap[path];
    if (!span) return undefined;
    return /^\$[A-Za-z]+(?=\()/.exec(this.compiled.expression.slice(span.start, span.start + 40))?.[0];
  }

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

/** JavaScript text reading `names` from context `c` (known to be an object when `known`); `items` when the value is an array context's items (a path over a list then flattens). */
function pathText(e: Emitter, c: string, names: string[], known: boolean, items = false): string {
  // The element of an array is an object (rt.items checked it), so one plain name is a property read.
  if (known && names.length === 1 && !inherited(names[0]!)) return `${c}[${JSON.stringify(names[0])}]`;
  return `rt.${items ? 'pathItems' : 'path'}(${c}, ${e.k.json(names)})`;
}

/** The innermost depth at or above `depth` whose context is a group, or undefined. */
function groupDepth(e: Emitter, depth: number): number | undefined {
  for (let d = depth; d >= 1; d--) if (e.groups.has(d)) return d;
  return undefined;
}

/** JavaScript text reading `path` at array nesting `depth` (`c0` is the input, `c<n>` the element of the n-th array); `items` for an array context's source. */
function sourceText(e: Emitter, path: string, depth: number, items = false): string {
  if (path === '$key' || path === '$items') {
    const g = groupDepth(e, depth);
    if (g === undefined) return unsupported(`source ${path} outside a grouped array`);
    return path === '$key' ? `k${g}` : `c${g}`;
  }
  const param = PARAM_SOURCE.exec(path);
  if (param) {
    const spec = e.doc.parameters?.[param[1]!];
    if (!spec) return unsupported(`source ${path}: no such parameter`);
    return `rt.param(B, ${JSON.stringify(parameterBinding(param[1]!))}, ${e.k.json({ ...(spec.default === undefined ? {} : { default: spec.default }), ...(spec.now ? { now: true } : {}) })})`;
  }
  // A column of a constants table: the same text for every record.
  const constant = tableSource(path);
  if (constant) {
    const found = e.table(constant.table);
    if (found?.shape !== 'constants') return unsupported(`source ${path}: not a known table of constants`);
    return Object.hasOwn(found.data, constant.column) ? e.k.json(found.data[constant.column]) : 'undefined';
  }
  // The element's 1-based position in the target array: the loop index of the innermost array's function.
  if (path === '$position') return depth >= 1 ? '(n + 1)' : unsupported('$position outside an array');
  if (path === '.') return `c${depth}`;
  if (path.startsWith('/')) return pathText(e, 'c0', splitPath(path.slice(1)), false, items);
  const up = levelsUp(path);
  if (up > depth) return unsupported(`source ${path} steps out of every array`);
  return pathText(e, `c${depth - up}`, splitPath(path.slice(up * 3)), depth - up > 0 && !e.groups.has(depth - up), items);
}

/** JavaScript text applying `transforms` in order to the value `value` computes; `sourceCount` as calculate needs it. */
function chainText(e: Emitter, transforms: readonly TransformNode[], value: string, sourceCount: number, what: string): string {
  let text = value;
  for (const node of transforms) {
    const next = emitTransform(node, text, e.k, e.table, sourceCount, e.present);
    if (next === undefined) unsupported(`${what}: ${node.kind} transform${node.kind === 'custom' ? '' : ' with these parameters'}`);
    text = next;
  }
  return text;
}

/** A key function over an item in `c<inner>` (sort and group keys): the field, through its transforms when given. */
function keyFunction(e: Emitter, field: string, transforms: readonly TransformNode[] | undefined, inner: number, what: string): string {
  const value = pathText(e, `c${inner}`, splitPath(field), true);
  return `(c${inner}) => ${transforms && transforms.length > 0 ? chainText(e, transforms, value, 1, what) : value}`;
}

/** JavaScript expression computing `rule`'s value at nesting `depth`. */
function ruleText(e: Emitter, rule: MappingRule, depth: number): string {
  // Several sources are one list, as jsonata's array constructor `[a, b]` makes it.
  const sources = rule.sources.map((s) => sourceText(e, s, depth));
  let value = sources.length === 0 ? 'undefined' : sources.length === 1 ? sources[0]! : `rt.list([${sources.join(', ')}])`;
  value = chainText(e, rule.transforms, value, sources.length, rule.target);
  // The policy wrapper the JSONata compiler wrote for this field (read back from its text, so the two never drift apart).
  const wrapper = e.wrapperOf(splitPath(rule.target).join('.'));
  if (rule.required === 'default') {
    if (wrapper !== '$orDefault') unsupported(`${rule.target}: default policy written as ${wrapper ?? 'no helper'}`);
    value = `rt.orDefault(${value}, ${e.k.json(rule.default ?? null)})`;
  } else if (rule.required === 'error') {
    if (wrapper !== '$required') unsupported(`${rule.target}: required policy written as ${wrapper ?? 'no helper'}`);
    value = `rt.required(${value})`;
  } else if (wrapper === '$omitEmpty') {
    value = `rt.omitEmpty(${value})`;
  }
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
    // An object the JSONata compiler wraps in $nonEmpty is left out when none of its fields has a value.
    if (child.kind === 'object') {
      const wrapper = e.wrapperOf(child.path);
      if (wrapper !== undefined && wrapper !== '$nonEmpty') unsupported(`${child.path}: object written as ${wrapper}`);
      return `${key}: ${wrapper === '$nonEmpty' ? `rt.nonEmpty(${objectText(e, child.children, depth)})` : objectText(e, child.children, depth)}`;
    }
    return `${key}: ${arrayFunction(e, child, depth)}(${contexts(e, depth)})`;
  });
  return `{${members.join(', ')}}`;
}

/** The context parameters at nesting `depth`: `c0, c1, ..., c<depth>`, then the key `k<n>` of each group around it. */
function contexts(e: Emitter, depth: number): string {
  const keys = [...e.groups].filter((g) => g <= depth).map((g) => `k${g}`);
  return [...Array.from({ length: depth + 1 }, (_, i) => `c${i}`), ...keys].join(', ');
}

/** Adds to the prelude a function giving the elements of array node `node` read at nesting `depth`; returns its name. */
function arrayFunction(e: Emitter, node: Extract<TargetNode, { kind: 'array' }>, depth: number): string {
  const ctx = node.context;
  const where = node.path || '.';
  // The JSONata compiler writes an array as `[...]`, or inside $requiredItems when it must not be empty; anything else is new to this engine.
  const wrapper = e.wrapperOf(node.path);
  if (wrapper !== undefined && !(wrapper === '$requiredItems' && ctx.required === 'error')) unsupported(`${node.path || '.'}: array written as ${wrapper}`);
  const inner = depth + 1;
  const name = e.name('A');
  // An array over `$items` runs over the records of the group its element is in.
  let source: string;
  if (ctx.source === '$items') {
    if (!e.groups.has(depth)) unsupported(`${where}: $items outside a grouped array's element`);
    source = `rt.items(c${depth})`;
  } else source = `rt.items(${sourceText(e, ctx.source, depth, true)})`;
  const lines = [`function ${name}(${contexts(e, depth)}) {`, `let items = ${source};`];
  if (ctx.filter) {
    const test = emitPredicate(ctx.filter, `c${inner}`, e.k);
    if (!test) unsupported(`${where}: filter with these parameters`);
    lines.push(`items = items.filter((c${inner}) => ${test});`);
  }
  if (ctx.sort) {
    const key = ctx.sort.transforms?.length ? keyFunction(e, ctx.sort.field, ctx.sort.transforms, inner, `${where} sort key`) : e.k.json(splitPath(ctx.sort.field));
    lines.push(`items = rt.sortBy(items, ${key}, ${ctx.sort.descending === true});`);
  }
  if (ctx.groupBy) {
    // One element per group: its context is the group's records as a sequence, `$key` its key.
    const key = keyFunction(e, ctx.groupBy, ctx.groupTransforms, inner, `${where} group key`);
    lines.push(`const groups = rt.group(items, (c${inner}) => rt.str((${key})(c${inner})));`);
    if (ctx.required === 'error') lines.push('rt.requiredItems(groups);');
    e.groups.add(inner);
    const element = objectText(e, node.children, inner);
    e.groups.delete(inner);
    lines.push(
      'const out = new Array(groups.length);',
      'for (let n = 0; n < groups.length; n++) {',
      `const k${inner} = groups[n].key;`,
      `const c${inner} = rt.sequence(groups[n].items);`,
      `out[n] = ${element};`,
      '}',
      'return out;',
      '}',
    );
    e.functions.push(lines.join('\n'));
    return name;
  }
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
 * records). `tables` holds the entries of lookup tables stored in files;
 * `compiled` is the document's JSONata (compiled here when not given), whose
 * text says which policy helper wraps each field.
 */
export function compileProgram(doc: MappingDocument, tables: FileTables = {}, compiled?: CompiledMapping): ProgramResult {
  const unknown = unknownMember(doc);
  if (unknown) return { unsupported: unknown };
  try {
    const e = new Emitter(tableResolver(doc, tables), compiled ?? compileDocument(doc, { tables }), doc);
    const tree = buildTargetTree(doc);
    const body = tree.kind === 'array' ? `return ${arrayFunction(e, tree, 0)}(c0);` : `return ${objectText(e, tree.children, 0)};`;
    // The input's records are counted first, as the JSONata's top block does.
    const check = e.compiled.expression.includes(NO_RECORDS_CHECK) ? ['rt.records(c0);'] : [];
    // Binding a table of rows (nested object constructors) turns jsonata's input [] into [undefined], so an empty list maps to one element there.
    if (Object.values(doc.lookups).some((table) => tableShape(table) === 'rows')) check.push('rt.notEmptyList(c0);');
    const program = ['"use strict";', 'let B;', ...e.prelude, ...e.functions, 'return function (c0, b) {', 'B = b;', ...check, body, '};'].join('\n');
    return { program };
  } catch (error) {
    if (error instanceof Unsupported) return { unsupported: error.message };
    return { unsupported: `not compiled: ${error instanceof Error ? error.message : String(error)}` };
  }
}
