/**
 * The runtime of compiled mappings: small functions that reproduce what the
 * JSONata text the compiler emits computes, on the happy path only. Every
 * function checks its input and throws {@link Bail} the moment it meets a
 * value whose jsonata result it does not reproduce exactly (an array where a
 * single value is expected, a type jsonata would reject, an error jsonata
 * would raise, a number that is not finite). The worker then runs the whole
 * chunk through jsonata, so output and error text stay jsonata's.
 *
 * The traps these functions copy are listed in
 * ../shared/design/compiled-engine.md: undefined propagates, `$string`
 * prints 15 significant digits, `$round` is half to even through the decimal
 * string, `$trim` collapses inner whitespace, `$lookup` sees own properties
 * only, comparisons with nothing are false.
 */

import { EXACT_LIMIT } from '../transforms/money';

/** Thrown when the compiled code meets a case it does not reproduce; the run falls back to jsonata. */
export class Bail {
  constructor(readonly reason: string) {}
}

function bail(reason: string): never {
  throw new Bail(reason);
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * A field path read from one object (jsonata's path over a single item);
 * arrays on the way are a bail. Over a list of objects (the records of a
 * chunk, a group's members) each item's value, as a sequence; a value that
 * is itself a list (which jsonata would flatten) bails.
 */
export function path(ctx: unknown, names: readonly string[]): unknown {
  if (Array.isArray(ctx)) {
    const out: unknown[] = [];
    for (const item of ctx) {
      if (Array.isArray(item)) bail('path over nested arrays');
      const v = path(item, names);
      if (Array.isArray(v)) bail('path over a list gives lists');
      if (v !== undefined) out.push(v);
    }
    return out.length === 0 ? undefined : out.length === 1 ? out[0] : out;
  }
  let current: unknown = ctx;
  for (const name of names) {
    if (current === undefined) return undefined;
    if (Array.isArray(current)) bail('path over an array');
    if (!isObject(current)) return undefined;
    current = hasOwn(current, name) ? current[name] : undefined;
  }
  return current;
}

/**
 * The value of an array context's source path: as {@link path}, except
 * that over a list (a chunk's records, a group's members) the items'
 * values are concatenated as jsonata's path flattens them, lists spread
 * one level. {@link items} then checks every item is an object.
 */
export function pathItems(ctx: unknown, names: readonly string[]): unknown {
  if (!Array.isArray(ctx)) return path(ctx, names);
  const out: unknown[] = [];
  for (const item of ctx) {
    if (Array.isArray(item)) bail('path over nested arrays');
    const v = path(item, names);
    if (Array.isArray(v)) out.push(...v);
    else if (v !== undefined) out.push(v);
  }
  return out.length === 0 ? undefined : out;
}

/** The items an array context or a root array maps: nothing, one object, or a data array of objects. */
export function items(value: unknown): Array<Record<string, unknown>> {
  if (value === undefined) return [];
  if (Array.isArray(value)) {
    for (const item of value) if (!isObject(item)) bail('array item that is not an object');
    return value as Array<Record<string, unknown>>;
  }
  if (isObject(value)) return [value];
  return bail('items of a scalar');
}

/** jsonata's `$string` for the values the happy path meets. */
export function str(value: unknown): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) bail('non-finite number');
    return JSON.stringify(Number.isInteger(value) ? value : Number(value.toPrecision(15)));
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null) return 'null';
  return bail('text of an object or array');
}

function text(value: unknown): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  return bail('text function on a non-string');
}

/** jsonata's `$trim`: runs of space, tab and line breaks become one space, then one space is cut at each end. */
export function trim(value: unknown): string | undefined {
  const s = text(value);
  if (s === undefined) return undefined;
  let result = s.replace(/[ \t\n\r]+/gm, ' ');
  if (result.charAt(0) === ' ') result = result.substring(1);
  if (result.charAt(result.length - 1) === ' ') result = result.substring(0, result.length - 1);
  return result;
}

/** `$uppercase`. */
export function upper(value: unknown): string | undefined {
  return text(value)?.toUpperCase();
}

/** `$lowercase`. */
export function lower(value: unknown): string | undefined {
  return text(value)?.toLowerCase();
}

/** `$round(value, decimals)`: half to even through the decimal string, -0 as 0 (jsonata's algorithm). */
export function round(value: unknown, decimals: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) return bail('round of a non-number');
  let arg = value;
  if (decimals) {
    const parts = arg.toString().split('e');
    arg = +(parts[0] + 'e' + (parts[1] ? +parts[1] + decimals : decimals));
  }
  let result = Math.round(arg);
  if (Math.abs(result - arg) === 0.5 && Math.abs(result % 2) === 1) result -= 1;
  if (decimals) {
    const parts = result.toString().split('e');
    result = +(parts[0] + 'e' + (parts[1] ? +parts[1] - decimals : -decimals));
  }
  if (Object.is(result, -0)) result = 0;
  if (!Number.isFinite(result)) bail('round gave a non-finite number');
  return result;
}

/**
 * money.ts `exactResult`, `($r := r; $abs($r) < 1e15 ? $number($string($r)) : $r)`:
 * a finite result below 1e15 written to 15 significant digits (as `$string`
 * writes a fraction; a whole number that small has at most 15) and read
 * back, -0 giving 0 as `$string` writes it; from 1e15 on the number as it is.
 */
export function exactResult(result: number): number {
  return Math.abs(result) < EXACT_LIMIT ? Number(result.toPrecision(15)) : result;
}

/**
 * money.ts `exactSumStatements`, `$m < 1e15 ? $round($r, 15 - $length($string($floor($m)))) : $r`:
 * a sum or difference rounded at the 15th digit of `largest`, the largest
 * amount by size (its whole digits: `$string` writes a whole number below
 * 1e15 as plain digits); from 1e15 on the result as it is.
 */
export function exactSum(result: number, largest: number): number {
  return largest < EXACT_LIMIT ? round(result, 15 - String(Math.floor(largest)).length)! : result;
}

/** `(value op operand)`: nothing stays nothing; a non-number or a non-finite result is jsonata's error; + - * / give the decimal result. */
export function arith(value: unknown, op: string, operand: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number') return bail('arithmetic on a non-number');
  const result = op === '+' ? value + operand : op === '-' ? value - operand : op === '*' ? value * operand : op === '/' ? value / operand : value % operand;
  if (!Number.isFinite(result)) bail('arithmetic gave a non-finite number');
  if (op === '%') return result;
  return op === '*' || op === '/' ? exactResult(result) : exactSum(result, Math.max(Math.abs(value), Math.abs(operand)));
}

/**
 * A value map or lookup table: the value's text looked up among own keys;
 * `unknown` says what a missing key gives (`keep`, `default`; `error` bails
 * so jsonata raises its invalid-value error).
 */
export function mapValue(value: unknown, table: Record<string, unknown>, unknown: 'default' | 'keep' | 'error', fallback: unknown): unknown {
  if (value === undefined) return undefined;
  const key = str(value)!;
  if (hasOwn(table, key)) return table[key];
  return notFound(value, unknown, fallback);
}

/**
 * A lookup of one column in a table of rows (`$lookup(T, $k).column`): the
 * found row's column (nothing when the row lacks it), else what a missing
 * key gives, as {@link mapValue}.
 */
export function lookupColumn(value: unknown, rows: Record<string, Record<string, unknown>>, column: string, unknown: 'default' | 'keep' | 'error', fallback: unknown): unknown {
  if (value === undefined) return undefined;
  const key = str(value)!;
  if (!hasOwn(rows, key)) return notFound(value, unknown, fallback);
  const row = rows[key]!;
  return hasOwn(row, column) ? row[column] : undefined;
}

function notFound(value: unknown, unknown: 'default' | 'keep' | 'error', fallback: unknown): unknown {
  if (unknown === 'keep') return value;
  if (unknown === 'error') return bail('unknown key');
  return fallback;
}

/** `$replace($string(value), "text", replacement)`: every occurrence. */
export function replaceText(value: unknown, pattern: string, replacement: string): string | undefined {
  const s = str(value);
  return s === undefined ? undefined : s.split(pattern).join(replacement);
}

/** `$split($string(value), separator)`, then `[index]` when given (negative counts from the end). */
export function split(value: unknown, separator: string, index: number | undefined): unknown {
  const s = str(value);
  if (s === undefined) return undefined;
  const parts = s.split(separator);
  if (index === undefined) return parts;
  return parts[index < 0 ? parts.length + index : index];
}

/** `(value)[index]`, then `.field` (pick). */
export function pick(value: unknown, index: number | undefined, names: readonly string[] | undefined): unknown {
  let v = value;
  if (index !== undefined && v !== undefined) {
    const list = Array.isArray(v) ? v : [v];
    for (const item of list) if (Array.isArray(item)) bail('pick from nested arrays');
    v = list[index < 0 ? list.length + index : index];
  }
  if (names === undefined || v === undefined) return v;
  if (Array.isArray(v)) return bail('field of an array');
  return path(v, names);
}

function isScalar(v: unknown): boolean {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/**
 * A predicate (filters, conditions): the subject, or its field, compared
 * with a literal. Comparisons with nothing are false; ordering a string
 * against a number is jsonata's error (bail).
 */
export function test(subject: unknown, names: readonly string[] | undefined, op: string, literal: unknown): boolean {
  let t = subject;
  if (names) {
    if (Array.isArray(subject)) bail('predicate field of an array');
    t = path(subject, names);
  }
  if (Array.isArray(t)) bail('predicate on an array');
  switch (op) {
    case 'exists':
      return t !== undefined;
    case 'empty':
      return t === undefined || t === null || t === '';
    case 'in':
      return t !== undefined && isScalar(t) && (literal as unknown[]).includes(t);
    case '=':
      return t !== undefined && isScalar(t) && t === literal;
    case '!=':
      return t !== undefined && !(isScalar(t) && t === literal);
    default: {
      if (t === undefined) return false;
      if (typeof t !== typeof literal || (typeof t !== 'number' && typeof t !== 'string')) return bail('ordering of mixed types');
      const a = t as number | string;
      const b = literal as number | string;
      return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
    }
  }
}

/** Longest list the compiled engine sorts itself; jsonata sorts (or overflows on) longer ones. */
export const SORT_LIMIT = 1_000;

/** Sorts array-context items by a field, or by a key computed from each item (stable, like jsonata's merge sort); missing or mixed keys bail. */
export function sortBy<T>(list: T[], key: readonly string[] | ((item: T) => unknown), descending: boolean): T[] {
  if (list.length < 2) return list;
  // jsonata's merge sort recurses once per item: past a few thousand it may overflow where this would not.
  if (list.length > SORT_LIMIT) bail('long sort');
  const keyed = list.map((item, at) => ({ item, at, key: typeof key === 'function' ? key(item) : path(item, key) }));
  const kind = typeof keyed[0]!.key;
  for (const k of keyed) if (typeof k.key !== kind || (kind !== 'string' && kind !== 'number')) bail('sort key missing or of mixed types');
  keyed.sort((x, y) => {
    const a = x.key as string | number;
    const b = y.key as string | number;
    if (a === b) return x.at - y.at;
    return (a < b ? -1 : 1) * (descending ? -1 : 1);
  });
  return keyed.map((k) => k.item);
}

/** Missing, null and "" count as no value (the required and default policies, the default transform). */
function hasValue(value: unknown): boolean {
  if (Array.isArray(value)) bail('policy on an array');
  return value !== undefined && value !== null && value !== '';
}

/** `$orDefault(value, fallback)` and the default transform. */
export function orDefault(value: unknown, fallback: unknown): unknown {
  return hasValue(value) ? value : fallback;
}

/** `$required(value, ...)`: a missing value is jsonata's error, so it bails. */
export function required(value: unknown): unknown {
  return hasValue(value) ? value : bail('required value missing');
}

/** `$requiredItems`: an empty array context that must not be empty bails. */
export function requiredItems<T>(list: T[]): T[] {
  return list.length > 0 ? list : bail('required array empty');
}

/** A condition: then/else replace the value, undefined keeps it. */
export function condition(value: unknown, test: (v: unknown) => boolean, then: unknown, otherwise: unknown, keepThen: boolean, keepElse: boolean): unknown {
  if (Array.isArray(value)) bail('condition on an array');
  if (test(value)) return keepThen ? value : then;
  return keepElse ? value : otherwise;
}

