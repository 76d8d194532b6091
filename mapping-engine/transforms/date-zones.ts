/**
 * The time zone a date is written in: UTC (no `timezone`), a fixed offset
 * (`+0100`), the offset the ISO timestamp itself was written with
 * (`source`: `2025-07-01T00:15:00+02:00` stays on 1 July), or an IANA zone
 * with its daylight-saving rule (`Europe/Berlin`: +0100 in winter, +0200 in
 * summer).
 *
 * Everything here compiles to portable JSONata: the offset is a number of
 * minutes, added to the instant before it is written with
 * `$fromMillis(ms, picture)` in UTC, and an ISO offset (`+02:00`) is written
 * by the expression itself. The time-zone argument of `$fromMillis` is not
 * used: the JSONata spec gives it only as a fixed `±HHMM`, and jsonata-js
 * 2.x gets negative offsets with minutes wrong (`-0330` comes out as
 * -04:30). The functions relied on are `$fromMillis` and `$toMillis` with
 * pictures, `$match`, `$pad`, `$floor`, `$abs`, `$number`, `$string`,
 * arithmetic and function definitions. A named zone's offset is computed
 * from its rule (see zone-rule.ts) by the `$zoneOffset` helper bound once
 * at the top, so no runtime needs a time-zone database.
 */
import { literal } from './jsonata-text';
import type { TransformNode } from './transform-node';
import { zoneRule, type ZoneRule } from './zone-rule';

/** Whether `timezone` names an IANA zone (not a fixed offset, not `source`). */
export function isNamedZone(timezone: string | undefined): timezone is string {
  return timezone !== undefined && timezone !== 'source' && !/^[+-]\d{4}$/.test(timezone);
}

/** Whether `node` writes dates in a named zone, so the expression needs the `$zoneOffset` helper. */
export function usesZoneHelper(node: TransformNode): boolean {
  return node.kind === 'date' && isNamedZone(node.timezone);
}

/**
 * `$zoneOffset($ms, $zone, $rule)`: the offset in minutes east of UTC that
 * `$rule` gives at `$ms` (`$zone` only names it for the reader). The
 * changes are computed for the UTC year of `$ms`: the month's first day,
 * its weekday (1 January 1970 was a Thursday), the week's day (the 5th week
 * is the month's last such weekday), then the local time less the offset
 * in force before the change. One line each; the writer indents them.
 */
export const ZONE_HELPER: readonly string[] = [
  '$zoneOffset := function($ms, $zone, $rule) {(',
  '  $y := $number($fromMillis($ms, "[Y0001]"));',
  '  $change := function($c, $before) {(',
  '    $first := $toMillis($string($y) & "-" & $pad($string($c[0]), -2, "0") & "-01");',
  '    $firstDay := 1 + ($c[2] - (($floor($first / 86400000) + 4) % 7 + 7) % 7 + 7) % 7;',
  '    $days := [31, ($y % 4 = 0 and ($y % 100 != 0 or $y % 400 = 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][$c[0] - 1];',
  '    $day := $c[1] < 5 ? $firstDay + 7 * ($c[1] - 1) : $firstDay + 28 <= $days ? $firstDay + 28 : $firstDay + 21;',
  '    $first + ($day - 1) * 86400000 + ($c[3] - $before) * 60000',
  '  )};',
  '  $start := $exists($rule.start) ? $change($rule.start, $rule.std);',
  '  $end := $exists($rule.end) ? $change($rule.end, $rule.dst);',
  '  $summer := $exists($start) and ($start < $end ? $ms >= $start and $ms < $end : $ms >= $start or $ms < $end);',
  '  $summer ? $rule.dst : $rule.std',
  ')};',
];

/** A rule as a JSONata object literal, keys in a fixed order. */
function ruleLiteral(rule: ZoneRule): string {
  const parts = [`"std": ${rule.std}`];
  if (rule.dst !== undefined && rule.start && rule.end) parts.push(`"dst": ${rule.dst}`, `"start": [${rule.start.join(', ')}]`, `"end": [${rule.end.join(', ')}]`);
  return `{${parts.join(', ')}}`;
}

/** Minutes east of UTC of a fixed `+HHMM` offset. */
export function fixedMinutes(offset: string): number {
  const minutes = Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5));
  return offset.startsWith('-') ? -minutes : minutes;
}

/**
 * JSONata text of the offset a date is written at, in minutes east of UTC,
 * or undefined for UTC. `$s` holds the source text and `$ms` the instant;
 * `fromIso` says whether the source is an ISO timestamp (only those carry
 * an offset). Throws a plain message for an unknown or irregular named zone.
 */
export function zoneMinutesText(timezone: string | undefined, fromIso: boolean): string | undefined {
  if (timezone === undefined) return undefined;
  if (timezone === 'source') {
    // Date-only and zone-less timestamps are read as UTC, and so are written as read.
    if (!fromIso) return '0';
    return '($o := $match($s, /T.*([+-])([0-9]{2}):?([0-9]{2})$/); $o ? ($o.groups[0] = "-" ? -1 : 1) * ($number($o.groups[1]) * 60 + $number($o.groups[2])) : 0)';
  }
  if (!isNamedZone(timezone)) return String(fixedMinutes(timezone));
  return `$zoneOffset($ms, ${literal(timezone)}, ${ruleLiteral(zoneRule(timezone))})`;
}
