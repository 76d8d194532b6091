/** The date transform: parse in one pattern (or ISO, epoch seconds/millis) and write in another. */
import { toDatePicture } from './date-pattern';
import { invalidCall } from './invalid-value';
import { literal } from './jsonata-text';
import type { NodeOf } from './transform-node';
import type { SpecTable, TransformContext } from './types';

/** The shape of an ISO 8601 date or timestamp (JSONata regex literal). */
const ISO_SHAPE = '/^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?$/';
const ISO_WITH_ZONE = '[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z01:01]';

/** JSONata text giving milliseconds in `$ms` from `$s`, plus a validity test. */
function parseStep(from: string, pivotYear: number): { setup: string; valid: string } {
  // $toMillis raises its own unnamed error on bad text; checking the shape first lets the field be named.
  if (from === 'iso') return { setup: `$ms := $contains($s, ${ISO_SHAPE}) ? $toMillis($s) : null`, valid: '$ms != null' };
  if (from === 'epoch-ms') return { setup: '$ms := $number($s)', valid: 'true' };
  if (from === 'epoch-s') return { setup: '$ms := $number($s) * 1000', valid: 'true' };
  const { picture, twoDigitYearAt: at } = toDatePicture(from);
  // A two-digit year is widened in the text first: below the pivot is 20xx, else 19xx (JSONata would read 1924 for "24").
  // $toMillis rolls 31.02 over to March; the round trip through the same picture rejects that.
  if (at === undefined) return { setup: `$ms := $toMillis($s, ${literal(picture)})`, valid: `$ms != null and $fromMillis($ms, ${literal(picture)}) = $s` };
  const text = `$substring($s, 0, ${at}) & ($number($substring($s, ${at}, 2)) < ${pivotYear} ? "20" : "19") & $substring($s, ${at})`;
  return { setup: `$t := ${text}; $ms := $toMillis($t, ${literal(picture)})`, valid: `$ms != null and $fromMillis($ms, ${literal(picture)}) = $t` };
}

/** JSONata text writing `$ms` in the `to` form. */
function formatStep(to: string, timezone: string | undefined): string {
  const zone = timezone === undefined ? '' : `, ${literal(timezone)}`;
  if (to === 'epoch-ms') return '$ms';
  if (to === 'epoch-s') return '$floor($ms / 1000)';
  if (to === 'iso') return timezone === undefined ? '$fromMillis($ms)' : `$fromMillis($ms, ${literal(ISO_WITH_ZONE)}${zone})`;
  return `$fromMillis($ms, ${literal(toDatePicture(to).picture)}${zone})`;
}

function compileDate(n: NodeOf<'date'>, input: string, ctx: TransformContext): string {
  const parse = parseStep(n.from, n.pivotYear);
  const fail = n.onInvalid === 'omit' ? '()' : invalidCall(ctx, `date does not match ${n.from}`, '$s');
  const body = parse.valid === 'true' ? formatStep(n.to, n.timezone) : `${parse.valid} ? ${formatStep(n.to, n.timezone)} : ${fail}`;
  return `($s := $string(${input}); ${parse.setup}; $exists($s) ? (${body}) : ())`;
}

/** Compiler and description of the date transform. */
export const DATE_TRANSFORMS: SpecTable<'date'> = {
  date: {
    compile: compileDate,
    describe: (n) =>
      `Date read as ${n.from} and written as ${n.to}${n.timezone ? ` in time zone ${n.timezone}` : ''}${n.onInvalid === 'omit' ? '; left out when invalid' : '; an invalid date is an error'}.`,
  },
};
