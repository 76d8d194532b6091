/**
 * Number text and exact amounts of the compiled engine: `$formatNumber` for
 * the plain pictures mappings use (`0.00`, `#,##0.00`, `0,00` with a decimal
 * comma), the scaled-integer sums of money.ts (`$round($v * 100)` per item,
 * summed, divided once) and aggregates computing a value per item (a field,
 * read from text, times another, rounded). Same contract as runtime.ts:
 * jsonata's result on the happy path, a {@link Bail} for anything else.
 */
import { Bail, path, round } from './runtime';
import { parseNumber } from './runtime-lists';

function bail(reason: string): never {
  throw new Bail(reason);
}

/** A `$formatNumber` picture as the compiled engine writes it (see {@link numberPicture}). */
export interface NumberPicture {
  minInt: number;
  minFrac: number;
  maxFrac: number;
  /** Digits per group in the integer part; 0 for no grouping. */
  group: number;
  decimal: string;
  grouping: string;
}

/**
 * The picture `picture` with options `decimal` and `grouping` when it is a
 * plain one: optional `#` then `0` digits with evenly spaced grouping
 * separators, then optionally the decimal separator, `0` digits and `#`
 * digits. Anything else (prefix or suffix text, percent, exponent, uneven
 * groups, a picture jsonata rejects) gives undefined: the document then runs
 * through jsonata.
 */
export function numberPicture(picture: string, decimal = '.', grouping = ','): NumberPicture | undefined {
  if (decimal === grouping || /[0-9#;e%‰]/.test(decimal + grouping)) return undefined;
  const at = picture.indexOf(decimal);
  if (at !== picture.lastIndexOf(decimal)) return undefined;
  const integer = at === -1 ? picture : picture.slice(0, at);
  const fraction = at === -1 ? '' : picture.slice(at + 1);
  if (!/^#*0*$/.test(integer.split(grouping).join('')) || !/^0*#*$/.test(fraction)) return undefined;
  // Separators only between digits of the integer part, evenly spaced from the decimal point (jsonata's "regular" grouping).
  const groups = integer.split(grouping);
  if (groups.some((g) => g === '')) return undefined;
  const sizes = groups.slice(1).map((g) => g.length);
  if (sizes.some((s) => s !== sizes[0])) return undefined;
  let minInt = (integer.match(/0/g) ?? []).length;
  let minFrac = (fraction.match(/0/g) ?? []).length;
  const maxFrac = fraction.length;
  if (minInt + (integer.match(/#/g) ?? []).length === 0 && maxFrac === 0) return undefined;
  if (minInt === 0 && maxFrac === 0) minInt = 1;
  if (minInt === 0 && minFrac === 0) minFrac = 1;
  return { minInt, minFrac, maxFrac, group: sizes[0] ?? 0, decimal, grouping };
}

/** `$formatNumber(value, picture, options)` for a picture {@link numberPicture} accepted. */
export function formatNumber(value: unknown, p: NumberPicture): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) return bail('number text of a non-number');
  const rounded = round(value, p.maxFrac)!;
  if (Math.abs(rounded) >= 1e21) return bail('number text of a very large number');
  const [whole, part = ''] = Math.abs(rounded).toFixed(p.maxFrac).split('.') as [string, string?];
  let int = whole.replace(/^0+/, '');
  let frac = part.replace(/0+$/, '');
  if (int.length < p.minInt) int = '0'.repeat(p.minInt - int.length) + int;
  if (frac.length < p.minFrac) frac += '0'.repeat(p.minFrac - frac.length);
  if (p.group > 0) {
    let grouped = '';
    for (let end = int.length; end > 0; end -= p.group) grouped = int.slice(Math.max(0, end - p.group), end) + (grouped === '' ? '' : p.grouping + grouped);
    int = grouped;
  }
  return (value < 0 ? '-' : '') + int + (frac === '' ? '' : p.decimal + frac);
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
  if (how.times) v = times(v, read(how.times));
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
 * money.ts `exactAggregate`: each value times 10^decimals rounded (half to
 * even) to a whole number, combined, divided by 10^decimals once; an
 * average's quotient rounded first.
 */
export function exact(values: unknown, fn: string, decimals: number): number | undefined {
  const f = 10 ** decimals;
  const scaled = numbers(mapped(values, (v) => (typeof v === 'number' ? round(times(v, f), 0) : bail('amount of a non-number'))));
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
