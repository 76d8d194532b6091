/**
 * Reading numbers written as text (`"1.234,50"`, `"129.90"`), shared by the
 * parseNumber transform and aggregates over items whose amounts are text.
 * jsonata's own `$number` fails with "Unable to cast value to a number" and
 * no field, and when two fields read the same source the error lands on
 * whichever runs first; so the text is checked against a strict number
 * shape first and a mismatch raises through `$invalid`, naming the target
 * field, the value's shape and the record (see invalid-value.ts).
 */
import { invalidCall } from './invalid-value';
import { literal } from './jsonata-text';
import type { TransformContext } from './types';

/** How number text is written. */
export interface NumberFormat {
  decimalSeparator: '.' | ',';
  thousandsSeparator: '' | ',' | '.' | ' ' | "'";
  onInvalid: 'error' | 'omit';
}

/**
 * A decimal number after separators are normalised, as `$number` reads one
 * (no sign `+`, no `.5`, no `0x`, no `Infinity`, no empty text).
 */
const NUMBER_SHAPE = '/^-?[0-9]+([.][0-9]+)?([eE][+-]?[0-9]+)?$/';

/** The problem an invalid-value error states, naming the separators so the user sees the expectation. */
export function numberProblem(f: Pick<NumberFormat, 'decimalSeparator' | 'thousandsSeparator'>): string {
  return `not a number with ${JSON.stringify(f.decimalSeparator)} as decimal separator${f.thousandsSeparator ? ` and ${JSON.stringify(f.thousandsSeparator)} between thousands` : ''}`;
}

/**
 * JSONata text reading the value in variable `v` (`$v`) as a number: a
 * number stays as it is; missing, `null` and `""` (blank text) give no
 * value; other text is normalised (thousands separators out, decimal comma
 * to point) and must then have the shape of a number, else it is an error
 * naming the field (or no value with `onInvalid: 'omit'`). `record`, when
 * given, is JSONata text naming the record instead of `$record`.
 */
export function numberFromText(v: string, f: NumberFormat, ctx: TransformContext, record?: string): string {
  let text = `$trim($string(${v}))`;
  if (f.thousandsSeparator !== '') text = `$replace(${text}, ${literal(f.thousandsSeparator)}, "")`;
  if (f.decimalSeparator === ',') text = `$replace(${text}, ",", ".")`;
  const fail = f.onInvalid === 'omit' ? '()' : invalidCall(ctx, numberProblem(f), `$string(${v})`, record);
  return `($t := ${text}; $type(${v}) = "number" ? ${v} : $not($exists(${v})) or $type(${v}) = "null" or $t = "" ? () : $contains($t, ${NUMBER_SHAPE}) ? $number($t) : ${fail})`;
}
