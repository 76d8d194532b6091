/**
 * Decimal-exact money in plain JSONata. JSONata numbers are binary doubles,
 * so `0.1 + 0.2 + 1000.7` adds up to `1001.0000000000001`. Amounts with a
 * known number of fraction digits are therefore combined as scaled integers:
 * each value is multiplied by 10^decimals and rounded to a whole number
 * (exact below 2^53, about 90 trillion cents), the whole numbers are summed,
 * and the total is divided by 10^decimals once. The division gives the double
 * nearest the decimal total, which JSONata and JSON print as the decimal
 * (`1001`, `6655.86`). A fixed number of fraction digits is then written by
 * `$formatNumber` with a `0.00` picture. No helper functions and no
 * extensions: the exported expression runs the same in any JSONata.
 */
import { literal } from './jsonata-text';

/** 10^decimals as JSONata text. */
function scale(decimals: number): string {
  return String(10 ** decimals);
}

/**
 * JSONata text combining `values` (JSONata text of a number or a list of
 * numbers) with `fn` exactly to `decimals` fraction digits. An average is
 * rounded (half to even) to that many digits.
 */
export function exactAggregate(fn: 'sum' | 'min' | 'max' | 'average', values: string, decimals: number): string {
  const f = scale(decimals);
  const scaled = `$map(${values}, function($v) {$round($v * ${f})})`;
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
