/**
 * How a transform reports a value it cannot use (a date that does not match
 * its pattern, a code not in the map, text that is not yes or no). Payload
 * values may be masked personal data, and messages end up in logs, reports
 * and exports, so the value itself is never printed: only its shape, each
 * digit as `9`, each ASCII letter as `A` or `a`, spaces and common
 * punctuation kept and any other character as `*` (`"9X.1X.2024"` shows as
 * `"9A.9A.9999"`). A shape says what is wrong with the value without telling
 * what it is. The message names the target field, what was expected and the
 * record (see the compiler's record-label.ts):
 * `customerSince: date does not match dd.MM.yyyy, value shaped "9999-99-99" (accountId "ACC-1")`.
 */
import { literal } from './jsonata-text';
import type { TransformNode } from './transform-node';
import type { TransformContext } from './types';

/** Shapes longer than this are cut, and the value's length given instead. */
export const SHAPE_LIMIT = 40;

/**
 * The `$invalid` helper the raising transforms call, bound once at the top of
 * the expression (one line each; the writer indents them). Its `$error`
 * stands outside every field, so the host finds the field by the label the
 * message starts with.
 */
export const INVALID_HELPER: readonly string[] = [
  '$invalid := function($field, $problem, $value, $record) {(',
  '  $shape := $replace($replace($replace($replace($value, /[0-9]/, "9"), /[A-Z]/, "A"), /[a-z]/, "a"), /[^9Aa .,:;\\/+_()-]/, "*");',
  `  $shown := $length($shape) > ${SHAPE_LIMIT} ? "of " & $length($shape) & " characters shaped \\"" & $substring($shape, 0, ${SHAPE_LIMIT}) & "...\\"" : "shaped \\"" & $shape & "\\"";`,
  '  $error($field & ": " & $problem & ", value " & $shown & ($exists($record) ? " (" & $record & ")" : ""))',
  ')};',
];

/** The shape of `value` as the `$invalid` helper shows it (for tests and hosts that describe values the same way). */
export function valueShape(value: string): string {
  return value
    .replace(/[0-9]/g, '9')
    .replace(/[A-Z]/g, 'A')
    .replace(/[a-z]/g, 'a')
    .replace(/[^9Aa .,:;/+_()-]/g, '*');
}

/**
 * JSONata text raising the error for the string in `valueVariable`
 * (`$s`): `problem` says what was expected, and the `$record` in scope,
 * when the context has one, names the record.
 */
export function invalidCall(ctx: TransformContext, problem: string, valueVariable: string): string {
  return `$invalid(${literal(ctx.field)}, ${literal(problem)}, ${valueVariable}${ctx.record ? ', $record' : ''})`;
}

/** Whether `node` can raise an invalid-value error (so the expression needs the helper and the record label). */
export function raisesInvalid(node: TransformNode): boolean {
  switch (node.kind) {
    case 'date':
    case 'parseBoolean':
    case 'parseNumber':
      return node.onInvalid !== 'omit';
    case 'aggregate':
      return node.decimalSeparator !== undefined || node.thousandsSeparator !== undefined;
    case 'valueMap':
    case 'lookup':
      return node.onUnknown === 'error';
    case 'check':
      return node.onFail === 'reject';
    case 'condition':
      return node.reject !== undefined;
    default:
      return false;
  }
}
