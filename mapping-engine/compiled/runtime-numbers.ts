/**
 * Number text and exact amounts of the compiled engine: `$formatNumber`
 * (number-picture.ts, re-exported here for the program's runtime), the
 * scaled-integer sums of money.ts (`$round($round($v, 2) * 100)` per item, summed,
 * divided once) and aggregates computing a value per item (a field, read
 * from text, times another, rounded). Same contract as runtime.ts:
 * jsonata's result on the happy path, a {@link Bail} for anything else.
 */
import { Bail, exactResult, path, round } from './runtime';
import { parseNumber } from './runtime-lists';

export { formatNumber } from './number-picture';

function bail(reason: string): never {
  throw new Bail(reason);
}

/** The values `$map(value, f)` gives: f per item, items without a value dropped; nothing when none has one. */
function mapped(value: unknown, f: (item: unknown) => unknown): unknown[] | undefined {
  if (value === undefined) return undefined;
  const out: unknown[] = [];
  for (const item of Array.isArray(value) ? value : [value]) {
    if (Array.isArray(item)) bail('list of lists');
    const v = f(item);
    if (Array.isArray(v)) bail('item value is a list');
    if (v !== undefined) out.push(v);
  }
  return out.length === 0 ? undefined : out;
}

/** `a * b` of two item values: nothing when one is missing; a non-number is jsonata's error. */
function times(a: unknown, b: unknown): number | undefined {
  if (a === undefined || b === undefined) return undefined;
  if (typeof a !== 'number' || typeof b !== 'number') return bail('product of a non-number');
  const r = a * b;
  return Number.isFinite(r) ? r : bail('product out of range');
}

/** money.ts `scaledAmount`: `$round($round($v, decimals) * 10^decimals)`, or `$round($v)` for no decimals. */
function scaledAmount(v: unknown, decimals: number): number | undefined {
  if (typeof v !== 'number') return bail('amount of a non-number');
  return decimals === 0 ? round(v, 0) : round(times(round(v, decimals), 10 ** decimals), 0);
}

/** How an aggregate reads one item's value (see array-transforms.ts `itemValue`). */
export interface ItemValue {
  field: readonly string[];
  times?: readonly string[];
  decimals?: number;
  /** Separators when amounts are text (`$toNumber`); absent for plain numbers. */
  text?: { decimal: string; thousands: string };
}

/** One item's value: its field (read as a number when text), times the other field, rounded. */
function itemValue(item: unknown, how: ItemValue): unknown {
  const read = (names: readonly string[]): unknown => {
    const v = path(item, names);
    return how.text ? parseNumber(v, how.text.decimal, how.text.thousands, false) : v;
  };
  let v = read(how.field);
  if (how.times) {
    // The decimal product (money.ts exactResult), as the JSONata's `($r := a * b; ...)`.
    const product = times(v, read(how.times));
    v = product === undefined ? undefined : exactResult(product);
  }
  return how.decimals === undefined ? v : round(v, how.decimals);
}

/** `$map(value, itemValue)`: the per-item values an aggregate combines, or nothing. */
export function itemValues(value: unknown, how: ItemValue): unknown[] | undefined {
  return mapped(value, (item) => itemValue(item, how));
}

function numbers(values: unknown[] | undefined): number[] | undefined {
  if (values === undefined) return undefined;
  for (const v of values) if (typeof v !== 'number') bail('aggregate of a non-number');
  return values as number[];
}

/** `$sum`, `$min`, `$max` or `$average` of per-item values (undefined when there are none). */
export function combine(values: unknown[] | undefined, fn: string): number | undefined {
  const list = numbers(values);
  if (list === undefined) return undefined;
  let total = 0;
  for (const n of list) total += n;
  if (fn === 'sum') return total;
  if (fn === 'min') return Math.min(...list);
  if (fn === 'max') return Math.max(...list);
  return total / list.length;
}

/**
 * money.ts `exactAggregate`: each value rounded (half to even) to
 * `decimals` and taken in units of 10^-decimals, combined, divided by
 * 10^decimals once; an average's quotient rounded first.
 */
export function exact(values: unknown, fn: string, decimals: number): number | undefined {
  const f = 10 ** decimals;
  const scaled = numbers(mapped(values, (v) => scaledAmount(v, decimals)));
  if (scaled === undefined) return undefined;
  let total = 0;
  for (const n of scaled) total += n;
  if (fn === 'average') return round(total / scaled.length, 0)! / f;
  const r = fn === 'sum' ? total : fn === 'min' ? Math.min(...scaled) : Math.max(...scaled);
  return r / f;
}

/** The values `value.field` gives (a path over each item), as a list for {@link exact}; nothing when none. */
export function fieldValues(value: unknown, names: readonly string[] | undefined): unknown {
  if (names === undefined) return value;
  return mapped(value, (item) => path(item, names));
}
