/**
 * JavaScript text of one transform node, applied to the value in `v`, for a
 * compiled program (see compile-program.ts). Each kind mirrors the JSONata
 * text the registry emits for it, through a runtime function that bails on
 * anything unusual. A kind or a parameter this engine does not reproduce
 * gives `undefined`, and the whole document then runs through jsonata.
 */
import type { Predicate, TransformNode } from '../transforms/transform-node';
import { splitPath } from '../transforms/jsonata-text';
import { supportsDate } from './date-runtime';

/** Where emitted code keeps its constants: each call returns the name of a constant bound once in the program's prelude. */
export interface ConstantPool {
  /** A JSON value (tables, maps, names, literals). */
  json(value: unknown): string;
  /** Any other prelude expression (a RegExp, a date converter). */
  expression(text: string): string;
}

/** JavaScript text testing `subject` with `p` (see runtime `test`); undefined when the predicate is outside the subset. */
export function emitPredicate(p: Predicate, subject: string, k: ConstantPool): string | undefined {
  const names = p.field === undefined ? 'undefined' : k.json(splitPath(p.field));
  const value = p.value;
  if (p.op === 'in') return `rt.test(${subject}, ${names}, "in", ${k.json(Array.isArray(value) ? value : [value ?? null])})`;
  if (Array.isArray(value)) return undefined;
  if (p.op === 'exists' || p.op === 'empty') return `rt.test(${subject}, ${names}, ${JSON.stringify(p.op)}, undefined)`;
  const literal = value ?? null;
  if ((p.op === '<' || p.op === '<=' || p.op === '>' || p.op === '>=') && typeof literal !== 'number' && typeof literal !== 'string') return undefined;
  return `rt.test(${subject}, ${names}, ${JSON.stringify(p.op)}, ${k.json(literal)})`;
}

/** Entries of the lookup table a lookup node reads, when they are known. */
export type TableSource = (name: string) => Record<string, string> | undefined;

/** JavaScript expression text applying `node` to the value `v` computes (JavaScript text), or undefined when the kind or its parameters are not compiled. */
export function emitTransform(node: TransformNode, v: string, k: ConstantPool, table: TableSource, sourceCount = 1): string | undefined {
  switch (node.kind) {
    case 'copy':
      return v;
    case 'constant':
      return `${k.json(node.value)}`;
    case 'default':
      return `rt.orDefault(${v}, ${k.json(node.value)})`;
    case 'trim':
      return `rt.trim(${v})`;
    case 'case':
      return node.mode === 'upper' ? `rt.upper(${v})` : node.mode === 'lower' ? `rt.lower(${v})` : `rt.title(${v})`;
    case 'replace':
      if (!node.regex) return `rt.replaceText(${v}, ${k.json(node.pattern)}, ${k.json(node.replacement)})`;
      // `$` groups in the replacement and slashes in the pattern (escaped in the JSONata literal) stay with jsonata.
      if (node.replacement.includes('$') || node.pattern.includes('/')) return undefined;
      return `rt.replaceRegex(${v}, ${k.expression(`new RegExp(${JSON.stringify(node.pattern)}, ${JSON.stringify(`${node.flags ?? ''}g`)})`)}, ${k.json(node.replacement)})`;
    case 'split':
      return `rt.split(${v}, ${k.json(node.separator)}, ${node.index === undefined ? 'undefined' : JSON.stringify(node.index)})`;
    case 'round':
      return `rt.round(${v}, ${JSON.stringify(node.decimals)})`;
    case 'arithmetic':
      return `rt.arith(${v}, ${JSON.stringify(node.op)}, ${k.json(node.operand)})`;
    case 'valueMap':
      return `rt.mapValue(${v}, ${k.json(node.entries)}, ${JSON.stringify(node.onUnknown)}, ${node.default === undefined ? 'undefined' : k.json(node.default)})`;
    case 'lookup': {
      const entries = table(node.table);
      if (!entries) return undefined;
      return `rt.mapValue(${v}, ${k.json(entries)}, ${JSON.stringify(node.onUnknown)}, ${node.default === undefined ? 'undefined' : k.json(node.default)})`;
    }
    case 'condition': {
      // A condition that rejects the record raises jsonata's error: left to jsonata.
      if ((node as { reject?: unknown }).reject !== undefined) return undefined;
      const test = emitPredicate(node.when, 'x', k);
      if (!test) return undefined;
      const then = node.then === undefined ? 'undefined' : k.json(node.then);
      const otherwise = node.else === undefined ? 'undefined' : k.json(node.else);
      return `rt.condition(${v}, (x) => ${test}, ${then}, ${otherwise}, ${node.then === undefined}, ${node.else === undefined})`;
    }
    case 'date':
      if (node.timezone !== undefined || !supportsDate(node.from, node.to)) return undefined;
      return `${k.expression(`rt.dateConverter(${JSON.stringify(node.from)}, ${JSON.stringify(node.to)})`)}(${v})`;
    case 'filter': {
      const test = emitPredicate(node.when, 'x', k);
      return test ? `rt.filter(${v}, (x) => ${test})` : undefined;
    }
    case 'pick':
      return `rt.pick(${v}, ${node.index === undefined ? 'undefined' : JSON.stringify(node.index)}, ${node.field === undefined ? 'undefined' : k.json(splitPath(node.field))})`;
    case 'aggregate':
      // Per-item values (times, rounding, number text) stay with jsonata.
      if (node.times !== undefined || node.itemDecimals !== undefined || node.decimalSeparator !== undefined || node.thousandsSeparator !== undefined) return undefined;
      return `rt.aggregate(${v}, ${JSON.stringify(node.fn)}, ${node.field === undefined ? 'undefined' : k.json(splitPath(node.field))}, ${k.json(node.separator)})`;
    case 'sort':
      return `rt.sortValues(${v}, ${node.field === undefined ? 'undefined' : k.json(splitPath(node.field))}, ${node.descending === true})`;
    case 'substring':
      return `rt.substring(${v}, ${JSON.stringify(node.start)}, ${node.length === undefined ? 'undefined' : JSON.stringify(node.length)})`;
    case 'pad':
      return `rt.pad(${v}, ${JSON.stringify(node.side === 'left' ? -node.width : node.width)}, ${k.json(node.char)})`;
    case 'concat':
      return `rt.concat(${v}, ${k.json(node.separator)}, ${node.keepEmpty === true})`;
    case 'calculate':
      return sourceCount < 2 ? undefined : `rt.calculate(${v}, ${JSON.stringify(node.op)}, ${sourceCount})`;
    case 'parseNumber':
      return `rt.parseNumber(${v}, ${k.json(node.decimalSeparator)}, ${k.json(node.thousandsSeparator)}, ${node.onInvalid === 'omit'})`;
    case 'parseBoolean':
      return `rt.parseBoolean(${v}, ${k.json(node.trueValues.map((t) => t.toLowerCase()))}, ${k.json(node.falseValues.map((t) => t.toLowerCase()))}, ${node.onInvalid === 'omit'})`;
    default:
      // formatNumber, custom, and kinds added later.
      return undefined;
  }
}
