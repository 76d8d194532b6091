/**
 * JavaScript text of one transform node, applied to the value in `v`, for a
 * compiled program (see compile-program.ts). Each kind mirrors the JSONata
 * text the registry emits for it, through a runtime function that bails on
 * anything unusual. A kind or a parameter this engine does not reproduce
 * gives `undefined`, and the whole document then runs through jsonata.
 */
import type { Predicate, TransformNode } from '../transforms/transform-node';
import { splitPath } from '../transforms/jsonata-text';
import { regexLiteral } from '../transforms/jsonata-text';
import { fixedPicture } from '../transforms/money';
import { zoneRule } from '../transforms/zone-rule';
import { isNamedZone, fixedMinutes } from '../transforms/date-zones';
import { supportsDate } from './date-runtime';
import { numberPicture } from './number-picture';
import { replacementParts } from './runtime-text';

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

/** A lookup table's contents as the program binds them: a code table's entries (key -> value) or a row table's rows (key -> column -> value). */
export type TableData = { shape: 'codes'; data: Record<string, string> } | { shape: 'rows'; data: Record<string, Record<string, string>> } | { shape: 'constants'; data: Record<string, string> };

/** The contents of the lookup table a lookup node reads, when they are known. */
export type TableSource = (name: string) => TableData | undefined;

/** JavaScript expression text applying `node` to the value `v` computes (JavaScript text), or undefined when the kind or its parameters are not compiled. */
export function emitTransform(node: TransformNode, value: string, k: ConstantPool, table: TableSource, sourceCount = 1, present = false): string | undefined {
  // With the compiler's `$present` / `$text` helpers (transforms/present-value.ts), null and "" are no value to the kinds that read through them.
  const t = present ? `rt.text(${value})` : value;
  const p = present ? `rt.present(${value})` : value;
  const v = value;
  switch (node.kind) {
    case 'copy':
      return v;
    case 'constant':
      return `${k.json(node.value)}`;
    case 'default':
      return `rt.orDefault(${v}, ${k.json(node.value)})`;
    case 'trim':
      return `rt.trim(${t})`;
    case 'case':
      return node.mode === 'upper' ? `rt.upper(${t})` : node.mode === 'lower' ? `rt.lower(${t})` : `rt.title(${t})`;
    case 'replace':
      if (!node.regex) return `rt.replaceText(${t}, ${k.json(node.pattern)}, ${k.json(node.replacement)})`;
      return emitRegexReplace(node.pattern, node.flags ?? '', node.replacement, t, k);
    case 'split':
      return `rt.split(${t}, ${k.json(node.separator)}, ${node.index === undefined ? 'undefined' : JSON.stringify(node.index)})`;
    case 'round':
      return node.fixed ? fixedText(`rt.round(${p}, ${JSON.stringify(node.decimals)})`, node.decimals, k) : `rt.round(${p}, ${JSON.stringify(node.decimals)})`;
    case 'formatNumber': {
      const picture = numberPicture(node.picture, node.decimalSeparator ?? '.', node.groupingSeparator ?? ',');
      return picture ? `rt.formatNumber(${p}, ${k.json(picture)})` : undefined;
    }
    case 'check':
      return emitCheck(node, v, k);
    case 'arithmetic':
      return `rt.arith(${p}, ${JSON.stringify(node.op)}, ${k.json(node.operand)})`;
    case 'valueMap':
      return `rt.mapValue(${v}, ${k.json(node.entries)}, ${JSON.stringify(node.onUnknown)}, ${node.default === undefined ? 'undefined' : k.json(node.default)})`;
    case 'lookup': {
      const found = table(node.table);
      const unknown = `${JSON.stringify(node.onUnknown)}, ${node.default === undefined ? 'undefined' : k.json(node.default)}`;
      // A code table gives its entry; a table of rows, the named column of the found row (`$lookup($table_t, $k).column`).
      if (found?.shape === 'codes' && node.column === undefined) return `rt.mapValue(${v}, ${k.json(found.data)}, ${unknown})`;
      if (found?.shape === 'rows' && node.column !== undefined) return `rt.lookupColumn(${v}, ${k.json(found.data)}, ${k.json(node.column)}, ${unknown})`;
      return undefined;
    }
    case 'condition': {
      const test = emitPredicate(node.when, 'x', k);
      if (!test) return undefined;
      // A condition that rejects the record: a match bails, and jsonata raises its error.
      if (node.reject !== undefined) return `rt.reject(${v}, (x) => ${test})`;
      const then = node.then === undefined ? 'undefined' : k.json(node.then);
      const otherwise = node.else === undefined ? 'undefined' : k.json(node.else);
      return `rt.condition(${v}, (x) => ${test}, ${then}, ${otherwise}, ${node.then === undefined}, ${node.else === undefined})`;
    }
    case 'date':
      return emitDate(node, t, k);
    case 'filter': {
      const test = emitPredicate(node.when, 'x', k);
      return test ? `rt.filter(${v}, (x) => ${test})` : undefined;
    }
    case 'pick':
      return `rt.pick(${v}, ${node.index === undefined ? 'undefined' : JSON.stringify(node.index)}, ${node.field === undefined ? 'undefined' : k.json(splitPath(node.field))})`;
    case 'aggregate':
      return emitAggregate(node, v, k, present);
    case 'sort':
      return `rt.sortValues(${node.field === undefined ? p : v}, ${node.field === undefined ? 'undefined' : k.json(splitPath(node.field))}, ${node.descending === true})`;
    case 'substring':
      return `rt.substring(${t}, ${JSON.stringify(node.start)}, ${node.length === undefined ? 'undefined' : JSON.stringify(node.length)})`;
    case 'pad':
      return `rt.pad(${t}, ${JSON.stringify(node.side === 'left' ? -node.width : node.width)}, ${k.json(node.char)})`;
    case 'concat':
      return `rt.concat(${v}, ${k.json(node.separator)}, ${node.keepEmpty === true})`;
    case 'calculate':
      return sourceCount < 2 ? undefined : `rt.calculate(${p}, ${JSON.stringify(node.op)}, ${sourceCount})`;
    case 'parseNumber':
      return `rt.parseNumber(${v}, ${k.json(node.decimalSeparator)}, ${k.json(node.thousandsSeparator)}, ${node.onInvalid === 'omit'})`;
    case 'parseBoolean':
      return `rt.parseBoolean(${v}, ${k.json(node.trueValues.map((t) => t.toLowerCase()))}, ${k.json(node.falseValues.map((t) => t.toLowerCase()))}, ${node.onInvalid === 'omit'})`;
    default:
      // custom, and kinds added later.
      return undefined;
  }
}

/** `$formatNumber(value, "0.00")`: text with exactly `decimals` fraction digits (money.ts `fixedText`). */
function fixedText(value: string, decimals: number, k: ConstantPool): string {
  return `rt.formatNumber(${value}, ${k.json(numberPicture(fixedPicture(decimals)))})`;
}

/** A regex replace, with the RegExp jsonata builds from the literal the compiler writes (flags plus `g`) and the replacement's `$` references read for its group count. */
function emitRegexReplace(pattern: string, flags: string, replacement: string, v: string, k: ConstantPool): string | undefined {
  const literal = regexLiteral(pattern, flags);
  const end = literal.lastIndexOf('/');
  const body = literal.slice(1, end);
  const allFlags = `${literal.slice(end + 1)}g`;
  let groups: number;
  try {
    groups = new RegExp(`${body}|`, allFlags).exec('')!.length - 1;
  } catch {
    return undefined;
  }
  const re = k.expression(`new RegExp(${JSON.stringify(body)}, ${JSON.stringify(allFlags)})`);
  const parts = replacement.includes('$') ? replacementParts(replacement, groups) : [replacement];
  return `rt.replaceGroups(${v}, ${re}, ${k.json(parts)})`;
}

/** The date transform: a converter bound once in the prelude, with the zone (a fixed offset in minutes, `source`, or a named zone's rule). */
function emitDate(node: Extract<TransformNode, { kind: 'date' }>, v: string, k: ConstantPool): string | undefined {
  if (!supportsDate(node.from, node.to)) return undefined;
  let zone: unknown;
  if (node.timezone === undefined || node.timezone === 'source') zone = node.timezone;
  else if (!isNamedZone(node.timezone)) zone = fixedMinutes(node.timezone);
  else {
    try {
      zone = zoneRule(node.timezone);
    } catch {
      return undefined;
    }
  }
  const args = [JSON.stringify(node.from), JSON.stringify(node.to), JSON.stringify(node.pivotYear ?? 50), zone === undefined ? 'undefined' : k.json(zone)];
  return `${k.expression(`rt.dateConverter(${args.join(', ')})`)}(${v})`;
}

/** An aggregate: plain (runtime.ts), per item (a product, rounding or number text), exact to decimals, written fixed. */
function emitAggregate(node: Extract<TransformNode, { kind: 'aggregate' }>, v: string, k: ConstantPool, present: boolean): string | undefined {
  const perItem = node.times !== undefined || node.itemDecimals !== undefined || node.decimalSeparator !== undefined || node.thousandsSeparator !== undefined;
  const field = node.field === undefined ? 'undefined' : k.json(splitPath(node.field));
  if (!perItem && (node.decimals === undefined || node.fn === 'count' || node.fn === 'join')) {
    if (node.decimals !== undefined || node.fixed) return undefined;
    return `rt.aggregate(${v}, ${JSON.stringify(node.fn)}, ${field}, ${k.json(node.separator)}, ${present})`;
  }
  if (node.fn === 'count' || node.fn === 'join' || (node.fixed && node.decimals === undefined)) return undefined;
  let items: string;
  if (perItem) {
    if (node.field === undefined) return undefined;
    const text = node.decimalSeparator === undefined && node.thousandsSeparator === undefined ? undefined : { decimal: node.decimalSeparator ?? '.', thousands: node.thousandsSeparator ?? '' };
    const how = { field: splitPath(node.field), ...(node.times === undefined ? {} : { times: splitPath(node.times) }), ...(node.itemDecimals === undefined ? {} : { decimals: node.itemDecimals }), ...(text ? { text } : {}) };
    items = `rt.itemValues(${present ? `rt.present(${v})` : v}, ${k.json(how)})`;
  } else {
    items = present ? `rt.present(rt.fieldValues(${v}, ${field}))` : `rt.fieldValues(${v}, ${field})`;
  }
  if (node.decimals === undefined) return `rt.combine(${items}, ${JSON.stringify(node.fn)})`;
  const total = `rt.exact(${items}, ${JSON.stringify(node.fn)}, ${node.decimals})`;
  return node.fixed ? fixedText(total, node.decimals, k) : total;
}

/** A check: its test built once in the prelude (runtime-checks.ts), the value kept, or rejected (bail), or missing. */
function emitCheck(node: Extract<TransformNode, { kind: 'check' }>, v: string, k: ConstantPool): string | undefined {
  let test: string;
  switch (node.test) {
    case 'length':
      if (node.min === undefined && node.max === undefined) return undefined;
      test = `rt.lengthTest(${JSON.stringify(node.min ?? null)} ?? undefined, ${JSON.stringify(node.max ?? null)} ?? undefined)`;
      break;
    case 'pattern': {
      if (node.pattern === undefined) return undefined;
      const literal = regexLiteral(`^(?:${node.pattern})$`);
      test = `rt.patternTest(new RegExp(${JSON.stringify(literal.slice(1, literal.lastIndexOf('/')))}))`;
      break;
    }
    case 'range': {
      const bounds = (
        [
          ['>=', node.min],
          ['>', node.exclusiveMin],
          ['<=', node.max],
          ['<', node.exclusiveMax],
        ] as const
      ).filter(([, b]) => b !== undefined);
      if (bounds.length === 0) return undefined;
      test = `rt.rangeTest(${k.json(bounds)})`;
      break;
    }
    case 'oneOf':
      if (!node.values || node.values.length === 0) return undefined;
      test = `rt.oneOfTest(${k.json(node.values)})`;
      break;
    case 'iban':
      test = 'rt.ibanTest';
      break;
    case 'luhn':
      test = 'rt.luhnTest';
      break;
    default:
      return undefined;
  }
  return `rt.check(${v}, ${k.expression(`{ test: ${test}, missing: ${node.onFail === 'missing'} }`)})`;
}
