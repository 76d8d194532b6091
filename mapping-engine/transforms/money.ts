/**
 * Decimal-exact money in plain JSONata. JSONata numbers are binary doubles,
 * so `0.1 + 0.2 + 1000.7` adds up to `1001.0000000000001`. Amounts with a
 * known number of fraction digits are therefore combined as scaled integers:
 * each value is rounded to `decimals` and taken as a whole number of
 * 10^-decimals units (exact below 2^53, about 90 trillion cents), the whole
 * numbers are summed,
 * and the total is divided by 10^decimals once. The division gives the double
 * nearest the decimal total, which JSONata and JSON print as the decimal
 * (`1001`, `6655.86`). A fixed number of fraction digits is then written by
 * `$formatNumber` with a `0.00` picture. No helper functions and no
 * extensions: the exported expression runs the same in any JSONata.
 *
 * Products and quotients (`quantity * price`) are made exact the other way
 * round: the double result is written to 15 significant digits (`$string`
 * does) and read back, see {@link exactResult}; sums and differences of two
 * amounts are rounded at the 15th digit of the larger, see
 * {@link exactSumStatements}.
 */
import { literal } from './jsonata-text';

/** 10^decimals as JSONata text. */
function scale(decimals: number): string {
  return String(10 ** decimals);
}

/** Below this a double's 15 significant digits reach its fraction; at and above it a whole number is kept as it is. */
export const EXACT_LIMIT = 1e15;

/**
 * JSONata text of `value` (a product or quotient of decimal amounts) as
 * the decimal it stands for. A double carries 15 to 17
 * significant digits; one operation on amounts errs by at most 3.4e-16 of
 * the result (`0.7 * 0.05` is `0.034999999999999996`), less than half a unit
 * in the 15th digit (5e-16 at worst). So when the exact decimal result has
 * at most 15 significant digits, writing the double to 15 digits (which
 * `$string` does for a fraction) and reading it back gives exactly that
 * decimal, and a later `$round` (which works on the decimal text) rounds
 * ties as decimal arithmetic does: `0.035` to `0.04`, `3.015` to `3.02`.
 * From 1e15 on, doubles have no fraction digits to clean, and a whole
 * number of 16 digits must not lose its last one, so it is kept.
 */
export function exactResult(value: string): string {
  return `($r := ${value}; $abs($r) < 1e15 ? $number($string($r)) : $r)`;
}

/**
 * JSONata statements giving `value` (a sum or difference of amounts, the
 * largest of them by size `largest`, both JSONata text) as the decimal it
 * stands for. Its error is bounded by the amounts, not by the result:
 * `1.015 - 1` is `0.014999999999999902`, far below 1.015's last digit, so
 * writing the result to 15 digits (see {@link exactResult}) keeps the error.
 * Two amounts and their sum each err by at most half a unit in their last
 * binary digit, together less than 4.5e-16 of the largest, less than half
 * a unit in its 15th digit (5e-16 of it at worst). So the result is rounded
 * to the decimals the 15th digit of the largest amount reaches (`$round`
 * works on the decimal text): exact whenever the amounts have no more
 * decimals than that. The largest amount's whole digits come from its text;
 * from 1e15 on there are no decimals left and the result is kept.
 */
export function exactSumStatements(value: string, largest: string): string {
  return `$r := ${value}; $m := ${largest}; $m < 1e15 ? $round($r, 15 - $length($string($floor($m)))) : $r`;
}

/**
 * JSONata text of the whole number `$v` is in units of 10^-decimals,
 * rounded half to even on the decimal (`$round` shifts the decimal text):
 * `$round($v * 100)` would round `1.015` (the double `1.01499999999999990`)
 * times 100 down to 101, not to 102.
 */
function scaledAmount(decimals: number): string {
  return decimals === 0 ? '$round($v)' : `$round($round($v, ${decimals}) * ${scale(decimals)})`;
}

/**
 * JSONata text combining `values` (JSONata text of a number or a list of
 * numbers) with `fn` exactly to `decimals` fraction digits. An average is
 * rounded (half to even) to that many digits.
 */
export function exactAggregate(fn: 'sum' | 'min' | 'max' | 'average', values: string, decimals: number): string {
  const f = scale(decimals);
  const scaled = `$map(${values}, function($v) {${scaledAmount(decimals)}})`;
  if (fn === 'average') return `($s := ${scaled}; $round($sum($s) / $count($s)) / ${f})`;
  return `$${fn}(${scaled}) / ${f}`;
}

/** The `$formatNumber` picture with exactly `decimals` fraction digits (`0.00`). */
export function fixedPicture(decimals: number): string {
  return decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`;
}

/** JSONata text writing the number `value` as text with exactly `decimals` fraction digits. */
export function fixedText(value: string, decimals: number): string {
  return `$formatNumber(${value}, ${literal(fixedPicture(decimals))})`;
}
