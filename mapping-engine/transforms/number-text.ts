/**
 * Reading numbers written as text (`"1.234,50"`, `"129.90"`), shared by the
 * parseNumber transform and aggregates over items whose amounts are text.
 * jsonata's own `$number` fails with "Unable to cast value to a number" and
 * no field, and when two fields read the same source the error lands on
 * whichever runs first; so the text is checked against a strict number
 * shape first and a mismatch raises through `$invalid`, naming the target
 * field, the value's shape and the record (see invalid-value.ts). The check
 * is the `$toNumber` helper, bound once at the top, so each field stays one
 * short call.
 */
import { literal } from './jsonata-text';
import type { TransformNode } from './transform-node';
import type { TransformContext } from './types';

/** How number text is written. */
export interface NumberFormat {
  decimalSeparator: '.' | ',';
  thousandsSeparator: '' | ',' | '.' | ' ' | "'";
  onInvalid: 'error' | 'omit';
}

/**
 * `$toNumber($value, $decimal, $thousands, $field, $record)`: each value of
 * `$value` (one, or a list) as a number; one value gives one number, not a
 * list of one (which `$map` would give, and an aggregate would then nest). A number stays as it is; `null` and
 * blank text give no value; other text has its thousands separators taken
 * out and a decimal comma turned into a point, and must then have the shape
 * `$number` reads (`-12.5`, `1e3`; not `+5`, `.5`, `0x1F`). Anything else is
 * an invalid-value error naming `$field` and `$record`, or no value when
 * `$field` is null (`onInvalid: "omit"`). One line each; the writer indents
 * them.
 */
export const NUMBER_HELPER: readonly string[] = [
  '$toNumber := function($value, $decimal, $thousands, $field, $record) {(',
  '  $read := function($v) {(',
  '    $t := $trim($string($v));',
  '    $t := $thousands = "" ? $t : $replace($t, $thousands, "");',
  '    $t := $decimal = "," ? $replace($t, ",", ".") : $t;',
  '    $type($v) = "number" ? $v : $not($exists($v)) or $type($v) = "null" or $t = "" ? () : $contains($t, /^-?[0-9]+([.][0-9]+)?([eE][+-]?[0-9]+)?$/) ? $number($t) : $field = null ? () : $invalid($field, "not a number with \\"" & $decimal & "\\" as decimal separator" & ($thousands = "" ? "" : " and \\"" & $thousands & "\\" between thousands"), $string($v), $record)',
  '  )};',
  '  $type($value) = "array" ? $map($value, $read) : $read($value)',
  ')};',
];

/** Whether `node` reads number text, so the expression needs the `$toNumber` helper. */
export function usesNumberHelper(node: TransformNode): boolean {
  return node.kind === 'parseNumber' || (node.kind === 'aggregate' && (node.decimalSeparator !== undefined || node.thousandsSeparator !== undefined));
}

/**
 * JSONata text reading `value` (JSONata text; one value or a list) as
 * numbers with the `$toNumber` helper. `record`, when given, is JSONata text
 * naming the record instead of the `$record` in scope.
 */
export function numberCall(value: string, f: NumberFormat, ctx: TransformContext, record?: string): string {
  const head = `$toNumber(${value}, ${literal(f.decimalSeparator)}, ${literal(f.thousandsSeparator)}`;
  if (f.onInvalid === 'omit') return `${head}, null)`;
  const label = record ?? (ctx.record ? '$record' : undefined);
  return `${head}, ${literal(ctx.field)}${label === undefined ? '' : `, ${label}`})`;
}
