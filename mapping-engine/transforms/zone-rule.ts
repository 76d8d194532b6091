/**
 * The daylight-saving rule of an IANA time zone (`Europe/Berlin`), derived
 * when the mapping is compiled, so the generated JSONata can compute the
 * zone's offset with arithmetic alone.
 *
 * Why not leave it to the runtime: JSONata's `$fromMillis` takes a time zone
 * only as a fixed `±HHMM` offset, and runtimes differ in whether they have a
 * time-zone database at all (jsonata-js has none, other ports use their
 * platform's). A rule in the expression runs the same in every runtime.
 *
 * The rule is the zone's current one, in the form POSIX TZ strings use:
 * the offset in force in January, the other offset, and for each change the
 * month, the week (1-4, or 5 for the last), the weekday and the local time,
 * read from this machine's time-zone data (`Intl`) for {@link RULE_YEAR}
 * and checked against every year from {@link FIRST_CHECKED_YEAR} to
 * {@link LAST_CHECKED_YEAR}. It is applied to every year, so dates before
 * the zone took up its current rule (Berlin before 1996, for example) may
 * be off by the daylight-saving hour. A zone whose changes follow no such
 * rule is refused when the mapping is compiled.
 */

/** The year the rule is read from; fixed so that compiling is deterministic. */
export const RULE_YEAR = 2025;
/** Years the rule is checked against. */
export const FIRST_CHECKED_YEAR = 2020;
export const LAST_CHECKED_YEAR = 2037;

/** One change of offset: month (1-12), week (1-4, 5 = last), weekday (0 = Sunday) and local minutes after midnight. */
export type ZoneChange = [month: number, week: number, weekday: number, minutes: number];

/** A zone's rule: `std` is the offset in January, `dst` the other one, in minutes east of UTC. */
export interface ZoneRule {
  std: number;
  dst?: number;
  /** The change from `std` to `dst`, in `std` local time. */
  start?: ZoneChange;
  /** The change back, in `dst` local time. */
  end?: ZoneChange;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** The formatter of `zone`; throws a plain message when the runtime does not know the zone. */
function formatter(zone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
  } catch {
    throw new Error(`unknown time zone "${zone}" (an IANA name such as Europe/Berlin)`);
  }
}

/** The offset of `zone` at `ms`, in minutes east of UTC, from the local time the formatter shows. */
function offsetAt(format: Intl.DateTimeFormat, ms: number): number {
  const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, Number(p.value)]));
  const local = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
  return Math.round((local - Math.floor(ms / MINUTE) * MINUTE) / MINUTE);
}

/** The instants in `year` where the offset changes (to the minute), with the offsets before and after. */
function changesIn(format: Intl.DateTimeFormat, year: number): Array<{ at: number; before: number; after: number }> {
  const out: Array<{ at: number; before: number; after: number }> = [];
  const end = Date.UTC(year + 1, 0, 1);
  for (let day = Date.UTC(year, 0, 1); day < end; day += DAY) {
    const before = offsetAt(format, day);
    const after = offsetAt(format, day + DAY);
    if (before === after) continue;
    let [lo, hi] = [day, day + DAY];
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
      if (offsetAt(format, mid) === before) lo = mid;
      else hi = mid;
    }
    out.push({ at: hi, before, after });
  }
  return out;
}

/** The 1-based day of the month of a change in `year`, as the rule computes it (the generated JSONata does the same). */
export function changeDay(year: number, [month, week, weekday]: ZoneChange): number {
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const first = 1 + ((weekday - firstWeekday + 7) % 7);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (week < 5) return first + 7 * (week - 1);
  return first + 28 <= days ? first + 28 : first + 21;
}

/** The UTC instant of a change in `year`; `offset` is the offset in force before it. */
export function changeInstant(year: number, change: ZoneChange, offset: number): number {
  return Date.UTC(year, change[0] - 1, changeDay(year, change)) + (change[3] - offset) * MINUTE;
}

/** Candidate changes for one observed change: the week it fell in, and "last" when it was the month's last such weekday. */
function candidates(at: number, before: number): ZoneChange[] {
  const local = new Date(at + before * MINUTE);
  const [month, day, weekday] = [local.getUTCMonth() + 1, local.getUTCDate(), local.getUTCDay()];
  const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
  const days = new Date(Date.UTC(local.getUTCFullYear(), month, 0)).getUTCDate();
  const out: ZoneChange[] = [];
  if (day + 7 > days) out.push([month, 5, weekday, minutes]);
  if (day <= 28) out.push([month, Math.ceil(day / 7), weekday, minutes]);
  return out;
}

/**
 * The rule of `zone`, or a thrown plain message when the zone is unknown or
 * its changes follow no month-week-weekday rule in the checked years.
 */
export function zoneRule(zone: string): ZoneRule {
  let rule = RULES.get(zone);
  if (!rule) {
    rule = deriveRule(zone);
    RULES.set(zone, rule);
  }
  return rule;
}

/** Rules already derived: deriving scans a year of the zone's data, and a mapping is compiled on every edit. */
const RULES = new Map<string, ZoneRule>();

function deriveRule(zone: string): ZoneRule {
  const format = formatter(zone);
  const changes = changesIn(format, RULE_YEAR);
  const std = offsetAt(format, Date.UTC(RULE_YEAR, 0, 1));
  const fixed = changes.length === 0 && [FIRST_CHECKED_YEAR, LAST_CHECKED_YEAR].every((y) => offsetAt(format, Date.UTC(y, 0, 1)) === std && offsetAt(format, Date.UTC(y, 6, 1)) === std);
  if (fixed) return { std };
  const irregular = new Error(`time zone "${zone}" changes its offset on no yearly month-week-weekday rule between ${FIRST_CHECKED_YEAR} and ${LAST_CHECKED_YEAR}; use a fixed offset such as +0100 instead`);
  if (changes.length !== 2) throw irregular;
  const [first, second] = changes as [(typeof changes)[0], (typeof changes)[0]];
  const [into, back] = first.before === std ? [first, second] : [second, first];
  const dst = into.after;
  for (const start of candidates(into.at, into.before)) {
    for (const end of candidates(back.at, back.before)) {
      const rule: ZoneRule = { std, dst, start, end };
      if (holds(format, rule)) return rule;
    }
  }
  throw irregular;
}

/** The offset `rule` gives at `ms`, as the generated JSONata computes it (changes in the UTC year of `ms`). */
export function ruleOffset(rule: ZoneRule, ms: number): number {
  if (!rule.start || !rule.end || rule.dst === undefined) return rule.std;
  const year = new Date(ms).getUTCFullYear();
  const start = changeInstant(year, rule.start, rule.std);
  const end = changeInstant(year, rule.end, rule.dst);
  const inDst = start < end ? ms >= start && ms < end : ms >= start || ms < end;
  return inDst ? rule.dst : rule.std;
}

/** Whether the rule gives the zone's offset around each change and twice a month, in every checked year. */
function holds(format: Intl.DateTimeFormat, rule: ZoneRule): boolean {
  for (let year = FIRST_CHECKED_YEAR; year <= LAST_CHECKED_YEAR; year++) {
    const points = [changeInstant(year, rule.start!, rule.std), changeInstant(year, rule.end!, rule.dst!)].flatMap((at) => [at - MINUTE, at]);
    for (let month = 0; month < 12; month++) points.push(Date.UTC(year, month, 1), Date.UTC(year, month, 15));
    if (points.some((ms) => offsetAt(format, ms) !== ruleOffset(rule, ms))) return false;
  }
  return true;
}
