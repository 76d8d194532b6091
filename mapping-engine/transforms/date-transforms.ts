/** The date transform: parse in one pattern (or ISO, epoch seconds/millis) and write in another. */
import { toDatePicture } from './date-pattern';
import { zoneMinutesText } from './date-zones';
import { invalidCall } from './invalid-value';
import { literal } from './jsonata-text';
import { presentText } from './present-value';
import type { NodeOf } from './transform-node';
import type { SpecTable, TransformContext } from './types';

/**
 * The shape of an ISO 8601 date or timestamp (JSONata regex literal): only
 * text `$toMillis` accepts too (its own check wants seconds with a time and
 * month, day and offset digits in range), so anything else is an
 * invalid-value error naming the field rather than jsonata's own message.
 */
const ISO_SHAPE = '/^\\d{4}-[01]\\d-[0-3]\\d(T[0-2]\\d:[0-5]\\d:[0-5]\\d(\\.\\d+)?(Z|[+-][0-2]\\d:?[0-5]\\d)?)?$/';
/** The shape of epoch seconds or milliseconds as text (what `$number` reads, without `+`, `.5` or hex). */
const EPOCH_SHAPE = '/^-?[0-9]+([.][0-9]+)?([eE][+-]?[0-9]+)?$/';
/** ISO 8601 without the offset, which the zoned format step writes itself. */
const ISO_LOCAL = '[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001]';

/** JSONata text giving milliseconds in `$ms` from `$s`, plus a validity test. */
function parseStep(from: string, pivotYear: number): { setup: string; valid: string } {
  // $toMillis raises its own unnamed error on bad text; checking the shape first lets the field be named.
  // A month 13 or an hour 25 passes the shape and gives NaN; NaN is the one number neither below nor at least 0.
  if (from === 'iso') return { setup: `$ms := $contains($s, ${ISO_SHAPE}) ? $toMillis($s) : null`, valid: '$ms != null and ($ms >= 0 or $ms < 0)' };
  // Epoch text is checked for a number's shape first: `$number("abc")` fails with jsonata's uncoded cast error.
  if (from === 'epoch-ms') return { setup: `$ms := $contains($s, ${EPOCH_SHAPE}) ? $number($s) : null`, valid: '$ms != null' };
  if (from === 'epoch-s') return { setup: `$ms := $contains($s, ${EPOCH_SHAPE}) ? $number($s) * 1000 : null`, valid: '$ms != null' };
  const { picture, twoDigitYearAt: at } = toDatePicture(from);
  // A two-digit year is widened in the text first: below the pivot is 20xx, else 19xx (JSONata would read 1924 for "24").
  // $toMillis rolls 31.02 over to March; the round trip through the same picture rejects that.
  if (at === undefined) return { setup: `$ms := $toMillis($s, ${literal(picture)})`, valid: `$ms != null and $fromMillis($ms, ${literal(picture)}) = $s` };
  const text = `$substring($s, 0, ${at}) & ($number($substring($s, ${at}, 2)) < ${pivotYear} ? "20" : "19") & $substring($s, ${at})`;
  return { setup: `$t := ${text}; $ms := $toMillis($t, ${literal(picture)})`, valid: `$ms != null and $fromMillis($ms, ${literal(picture)}) = $t` };
}

/** JSONata text writing `$ms` in the `to` form in UTC. */
function formatStep(to: string): string {
  if (to === 'epoch-ms') return '$ms';
  if (to === 'epoch-s') return '$floor($ms / 1000)';
  if (to === 'iso') return '$fromMillis($ms)';
  return `$fromMillis($ms, ${literal(toDatePicture(to).picture)})`;
}

/**
 * JSONata text writing `$ms` in the `to` form at the offset `minutes`
 * computes (see date-zones.ts): the wall-clock time is the instant moved by
 * the offset and written as UTC, and ISO text gets the offset written out.
 */
function zonedFormatStep(to: string, minutes: string): string {
  const shifted = '$ms + $z * 60000';
  const picture = to === 'iso' ? ISO_LOCAL : toDatePicture(to).picture;
  const text = `$fromMillis(${shifted}, ${literal(picture)})`;
  const offset = '($z < 0 ? "-" : "+") & $pad($string($floor($abs($z) / 60)), -2, "0") & ":" & $pad($string($abs($z) % 60), -2, "0")';
  return `($z := ${minutes}; ${to === 'iso' ? `${text} & ${offset}` : text})`;
}

function compileDate(n: NodeOf<'date'>, input: string, ctx: TransformContext): string {
  const parse = parseStep(n.from, n.pivotYear);
  const fail = n.onInvalid === 'omit' ? '()' : invalidCall(ctx, `date does not match ${n.from}`, '$s');
  // Epoch output has no zone: the offset is left out rather than computed for nothing.
  const epoch = n.to === 'epoch-ms' || n.to === 'epoch-s';
  const minutes = epoch ? undefined : zoneMinutesText(n.timezone, n.from === 'iso');
  const format = minutes === undefined ? formatStep(n.to) : zonedFormatStep(n.to, minutes);
  const body = parse.valid === 'true' ? format : `${parse.valid} ? ${format} : ${fail}`;
  // Null and "" are no value (the rule's policy applies), not a date that does not match.
  return `($s := ${presentText(input, ctx)}; ${parse.setup}; $exists($s) ? (${body}) : ())`;
}

/** How the spec names the zone a date is written in. */
function zoneWords(timezone: string | undefined): string {
  if (timezone === undefined) return '';
  if (timezone === 'source') return ' at the offset it was written with';
  return ` in time zone ${timezone}`;
}

/** Compiler and description of the date transform. */
export const DATE_TRANSFORMS: SpecTable<'date'> = {
  date: {
    compile: compileDate,
    describe: (n) =>
      `Date read as ${n.from} and written as ${n.to}${zoneWords(n.timezone)}${n.onInvalid === 'omit' ? '; left out when invalid' : '; an invalid date is an error'}.`,
  },
};
