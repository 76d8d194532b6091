/**
 * More of the compiled engine's runtime (see runtime.ts): lists of several
 * sources and the transforms over them, number and yes/no text, and the
 * policies that leave empty values and objects out. Same contract: the
 * happy path exactly as jsonata computes it, a {@link Bail} for anything else.
 */
import { Bail, exactResult, exactSum, lower, path, sortBy, SORT_LIMIT, str, trim } from './runtime';

function bail(reason: string): never {
  throw new Bail(reason);
}

/** Several sources as jsonata's array constructor gives them: values without one dropped; an array among them bails. */
export function list(values: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const v of values) {
    if (Array.isArray(v)) bail('source list with an array');
    if (v !== undefined) out.push(v);
  }
  return out;
}

/** The items of a value as a transform over a list sees them: nothing, the list, or the one value. */
function asList(value: unknown): unknown[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return [value];
  for (const v of value) if (Array.isArray(v)) bail('list with nested arrays');
  return value;
}

/** The concat transform: values as text joined; null and "" dropped unless kept (then null is ""). */
export function concat(value: unknown, separator: string, keepEmpty: boolean): string | undefined {
  const values = asList(value);
  if (values === undefined) return undefined;
  // jsonata's $map over an empty list and $join of that are left to jsonata.
  if (keepEmpty && values.length === 0) return bail('concat of an empty list');
  const parts: string[] = [];
  for (const v of values) {
    if (keepEmpty) parts.push(v === null ? '' : str(v)!);
    else if (v !== null && v !== '') parts.push(str(v)!);
  }
  return parts.length === 0 ? undefined : parts.join(separator);
}

/** The calculate transform: exactly `count` numbers combined left to right (the decimal result, money.ts `exactResult` / `exactSumStatements`), else nothing. */
export function calculate(value: unknown, op: string, count: number): number | undefined {
  const values = asList(value);
  if (values === undefined || values.length !== count) return undefined;
  const first = values[0];
  if (typeof first !== 'number') return bail('calculate with a non-number');
  let result = first;
  for (const v of values.slice(1)) {
    if (typeof v !== 'number') return bail('calculate with a non-number');
    result = op === '+' ? result + v : op === '-' ? result - v : op === '*' ? result * v : result / v;
  }
  if (!Number.isFinite(result)) bail('calculate gave a non-finite number');
  if (op === '*' || op === '/') return exactResult(result);
  let largest = 0;
  for (const v of values as number[]) largest = Math.max(largest, Math.abs(v));
  return exactSum(result, largest);
}

const NUMBER_SHAPE = /^-?[0-9]+([.][0-9]+)?([eE][+-]?[0-9]+)?$/;

/**
 * The parseNumber transform (the `$toNumber` helper): a number stays, null
 * and blank text give nothing, text loses its thousands separators, a
 * decimal comma becomes a point, and must then read as a number; other
 * text is the invalid-value error (bail) or nothing when `omit`.
 */
export function parseNumber(value: unknown, decimal: string, thousands: string, omit: boolean): number | number[] | undefined {
  if (Array.isArray(value)) return parseNumbers(value, decimal, thousands, omit);
  if (typeof value === 'number') return value;
  if (value === undefined || value === null) return undefined;
  let t = trim(str(value))!;
  if (thousands !== '') t = t.split(thousands).join('');
  if (decimal === ',') t = t.split(',').join('.');
  if (t === '') return undefined;
  if (NUMBER_SHAPE.test(t)) {
    const n = parseFloat(t);
    return Number.isFinite(n) ? n : bail('number text out of range');
  }
  return omit ? undefined : bail('not a number');
}

/**
 * `$map(list, $read)` of the `$toNumber` helper: each value read on its own.
 * Only a list of two or more whose every value gives a number is
 * reproduced; a shorter result (a singleton sequence) bails.
 */
function parseNumbers(list: unknown[], decimal: string, thousands: string, omit: boolean): number[] {
  const out: number[] = [];
  for (const v of list) {
    if (Array.isArray(v)) bail('number text of nested lists');
    const n = parseNumber(v, decimal, thousands, omit) as number | undefined;
    if (n !== undefined) out.push(n);
  }
  return out.length >= 2 && out.length === list.length ? out : bail('number text of a list with values left out');
}

/** The parseBoolean transform: the value's trimmed, lower-cased text in one of the lists. */
export function parseBoolean(value: unknown, trueValues: readonly string[], falseValues: readonly string[], omit: boolean): boolean | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return bail('yes/no of a list');
  const key = lower(trim(str(value)))!;
  if (trueValues.includes(key)) return true;
  if (falseValues.includes(key)) return false;
  return omit ? undefined : bail('not a yes/no value');
}

/** `$omitEmpty`: "" and null leave the field out. */
export function omitEmpty(value: unknown): unknown {
  return value === '' || value === null ? undefined : value;
}

/** `$nonEmpty`: an object none of whose members has a value is left out. */
export function nonEmpty(object: Record<string, unknown>): Record<string, unknown> | undefined {
  for (const key in object) if (object[key] !== undefined) return object;
  return undefined;
}

/**
 * The sort transform: `$sort(value)` (numbers or text, stable, `$reverse`d
 * when descending; a single value becomes a list of one, a list of one
 * stays) or `value^(<field)` by a field of each item (a sequence: no item
 * is nothing, one item is that item). Long lists, nested lists, mixed or
 * missing keys bail.
 */
export function sortValues(value: unknown, names: readonly string[] | undefined, descending: boolean): unknown {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return names ? value : [value];
  if (value.some((v) => Array.isArray(v)) || value.length > SORT_LIMIT) return bail('sort of nested or long lists');
  if (value.length < 2) return names ? value[0] : value;
  if (names) return sortBy(value, names, descending);
  const kind = typeof value[0];
  if ((kind !== 'number' && kind !== 'string') || value.some((v) => typeof v !== kind)) return bail('sort of mixed values');
  const sorted = (value as Array<number | string>).map((v, at) => ({ v, at })).sort((x, y) => (x.v === y.v ? x.at - y.at : x.v < y.v ? -1 : 1));
  const out = sorted.map((s) => s.v);
  return descending ? out.reverse() : out;
}

/**
 * `$present(value)` (transforms/present-value.ts): null and "" are no value,
 * a list loses them (and is no value when none is left; an empty list stays
 * as it is). Nested lists bail.
 */
export function present(value: unknown): unknown {
  if (value === null || value === '') return undefined;
  if (!Array.isArray(value)) return value;
  // An empty list stays the empty list; one whose items were all null or "" is no value.
  if (value.length === 0) return value;
  const kept: unknown[] = [];
  for (const v of value) {
    if (Array.isArray(v)) bail('list of lists');
    if (v !== null && v !== '') kept.push(v);
  }
  return kept.length === 0 ? undefined : kept;
}

/** `$text(value)`: null and "" are no value, anything else its `$string` text (a list or object bails). */
export function text(value: unknown): string | undefined {
  if (value === null || value === '') return undefined;
  return str(value);
}

/** A sequence as jsonata gives it back: nothing, the single item, or the array. */
export function sequence(values: readonly unknown[]): unknown {
  return values.length === 0 ? undefined : values.length === 1 ? values[0] : values;
}

/** `value[predicate]` (the filter transform). */
export function filter(value: unknown, test: (item: unknown) => boolean): unknown {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return test(value) ? value : undefined;
  const kept: unknown[] = [];
  for (const item of value) {
    if (Array.isArray(item)) bail('filter over nested arrays');
    if (test(item)) kept.push(item);
  }
  return sequence(kept);
}

/** The values `value.field` gives as a flat list (aggregates); nested arrays bail. */
function plucked(value: unknown, names: readonly string[] | undefined): unknown[] | undefined {
  if (value === undefined) return names ? [] : undefined;
  const list = Array.isArray(value) ? value : [value];
  if (!names) {
    for (const item of list) if (Array.isArray(item)) bail('aggregate of nested arrays');
    return list;
  }
  // path over a list bails on nested arrays and on an item whose field holds a list, as jsonata would flatten both.
  const values = path(list, names);
  return values === undefined ? [] : Array.isArray(values) ? values : [values];
}

/** `$sum`, `$count`, `$min`, `$max`, `$average`, `$join` of `value` or of `value.field`. */
export function aggregate(value: unknown, fn: string, names: readonly string[] | undefined, separator: string, present = false): unknown {
  let values = plucked(value, names);
  // `$present(...)` first (transforms/present-value.ts): null and "" drop out, and a list with none left is no value.
  if (present && values !== undefined && values.length > 0) {
    values = values.filter((v) => v !== null && v !== '');
    if (values.length === 0) values = names ? [] : undefined;
  }
  if (fn === 'count') return values === undefined ? 0 : values.length;
  // A path that gives nothing is undefined to the function: no sum, not 0.
  if (values === undefined || (names && values.length === 0)) return undefined;
  if (fn === 'join') return values.length === 0 ? undefined : values.map((v) => str(v)).join(separator);
  for (const v of values) if (typeof v !== 'number') bail('aggregate of a non-number');
  const numbers = values as number[];
  if (fn === 'sum') {
    let total = 0;
    for (const n of numbers) total += n;
    return total;
  }
  if (numbers.length === 0) return undefined;
  if (fn === 'min') return Math.min(...numbers);
  if (fn === 'max') return Math.max(...numbers);
  let total = 0;
  for (const n of numbers) total += n;
  return total / numbers.length;
}
