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

/** JavaScript text reading `path` at array nesting `depth` (`c0` is the input, `c<n>` the element of the n-th array). */
function sourceText(e: Emitter, path: string, depth: number): string {
  if (path === '$key' || path === '$position') return unsupported(`source ${path}`);
  if (path === '.') return `c${depth}`;
  if (path.startsWith('/')) return `rt.path(c0, ${e.k.json(splitPath(path.slice(1)))})`;
  const up = levelsUp(path);
  if (up > depth) return unsupported(`source ${path} steps out of every array`);
  return `rt.path(c${depth - up}, ${e.k.json(splitPath(path.slice(up * 3)))})`;
}

function ruleLines(e: Emitter, rule: MappingRule, depth: number): string[] {
  if (rule.sources.length > 1) unsupported(`${rule.target} reads several sources`);
  const lines = [`v = ${rule.sources.length === 0 ? 'undefined' : sourceText(e, rule.sources[0]!, depth)};`];
  for (const node of rule.transforms) {
    const text = emitTransform(node, e.k, (name) => {
      const table = e.tables[name];
      return table;
    });
    if (text === undefined) unsupported(`${rule.target}: ${node.kind} transform${node.kind === 'custom' ? '' : ' with these parameters'}`);
    if (text) lines.push(text);
  }
  if (rule.required === 'default') lines.push(`v = rt.orDefault(v, ${e.k.json(rule.default ?? null)});`);
  if (rule.required === 'error') lines.push('v = rt.required(v);');
  return lines;
}

/** Statements filling object `target` with `children` at nesting `depth`. */
function objectLines(e: Emitter, children: TargetNode[], depth: number, target: string): string[] {
  const lines: string[] = [];
  for (const child of children) {
    const key = e.k.json(child.name);
    if (child.kind === 'field') {
      lines.push(...ruleLines(e, child.rule, depth), `if (v !== undefined) ${target}[${key}] = v;`);
    } else if (child.kind === 'object') {
      const inner = e.name('o');
      lines.push(`const ${inner} = {};`, ...objectLines(e, child.children, depth, inner), `${target}[${key}] = ${inner};`);
    } else {
      const list = e.name('a');
      lines.push(...arrayLines(e, child, depth, list), `${target}[${key}] = ${list};`);
    }
  }
  return lines;
}

/** Statements setting `list` to the elements of array node `node` read at nesting `depth`. */
function arrayLines(e: Emitter, node: Extract<TargetNode, { kind: 'array' }>, depth: number, list: string): string[] {
  const ctx = node.context;
  if (ctx.groupBy) unsupported(`${node.path || '.'} is grouped`);
  const inner = depth + 1;
  const items = e.name('i');
  const lines = [`let ${items} = rt.items(${sourceText(e, ctx.source, depth)});`];
  if (ctx.filter) {
    const test = emitPredicate(ctx.filter, `c${inner}`, e.k);
    if (!test) unsupported(`${node.path || '.'}: filter with these parameters`);
    lines.push(`${items} = ${items}.filter((c${inner}) => ${test});`);
  }
  if (ctx.sort) lines.push(`${items} = rt.sortBy(${items}, ${e.k.json(splitPath(ctx.sort.field))}, ${ctx.sort.descending});`);
  if (ctx.required === 'error') lines.push(`rt.requiredItems(${items});`);
  const element = e.name('o');
  lines.push(
    `const ${list} = new Array(${items}.length);`,
    `for (let n = 0; n < ${items}.length; n++) {`,
    `const c${inner} = ${items}[n];`,
    'let v;',
    `const ${element} = {};`,
    ...objectLines(e, node.children, inner, element),
    `${list}[n] = ${element};`,
    '}',
  );
  return lines;
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
    let body: string[];
    if (tree.kind === 'array') {
      body = [...arrayLines(e, tree, 0, 'out'), 'return out;'];
    } else if (tree.kind === 'object') {
      body = ['let v;', 'const out = {};', ...objectLines(e, tree.children, 0, 'out'), 'return out;'];
    } else {
      return { unsupported: 'the target is a single field' };
    }
    const program = ['"use strict";', ...e.prelude, 'return function (c0) {', ...body, '};'].join('\n');
    return { program };
  } catch (error) {
    if (error instanceof Unsupported) return { unsupported: error.message };
    return { unsupported: `not compiled: ${error instanceof Error ? error.message : String(error)}` };
  }
}
