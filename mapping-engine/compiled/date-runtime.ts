/**
 * The date transform's happy path (see transforms/date-transforms.ts): text
 * in a fixed-width pattern (`dd.MM.yyyy`, `dd.MM.yy` widened by the pivot
 * year) read strictly, ISO text read with the same `Date.parse` jsonata's
 * `$toMillis` calls, or epoch numbers; written in a pattern, ISO or epoch,
 * in UTC, at a fixed offset, at the offset the source was written with, or
 * in a named zone by its rule (zone-rule.ts, the rule the JSONata carries).
 * Text that does not match, a date that rolls over (31.02) or a year
 * outside 1000-9999 bails: jsonata then raises its invalid-value error (or
 * leaves the field out) itself.
 */
import { Bail, str } from './runtime';
import { ruleOffset, type ZoneRule } from '../transforms/zone-rule';

/** Widths of the tokens the compiled engine reads and writes (`yy` is widened to four digits before reading). */
const WIDTHS: Array<[string, number]> = [
  ['yyyy', 4],
  ['yy', 2],
  ['SSS', 3],
  ['MM', 2],
  ['dd', 2],
  ['HH', 2],
  ['mm', 2],
  ['ss', 2],
];

type Part = { token: string; width: number } | { literal: string };

/** Splits a pattern into tokens and literal text; undefined when it holds a token this runtime leaves to jsonata. */
export function patternParts(pattern: string): Part[] | undefined {
  const parts: Part[] = [];
  let i = 0;
  while (i < pattern.length) {
    if (pattern.startsWith('yyy', i) && !pattern.startsWith('yyyy', i)) return undefined;
    const token = WIDTHS.find(([t]) => pattern.startsWith(t, i));
    if (token) {
      parts.push({ token: token[0], width: token[1] });
      i += token[0].length;
      continue;
    }
    const ch = pattern[i]!;
    if (/[A-Za-z]/.test(ch) && ch !== 'T' && ch !== 'Z') return undefined;
    parts.push({ literal: ch });
    i += 1;
  }
  return parts;
}

/** Named forms of a date besides patterns. */
const NAMED = ['iso', 'epoch-ms', 'epoch-s'];

/** Whether the compiled engine can read and write dates between `from` and `to` (patterns need year, month and day; no astral characters). */
export function supportsDate(from: string, to: string): boolean {
  if (/[\uD800-\uDFFF]/.test(from + to)) return false;
  if (!NAMED.includes(from)) {
    const read = patternParts(from);
    if (!read || !['MM', 'dd'].every((t) => read.some((p) => 'token' in p && p.token === t))) return false;
    if (read.filter((p) => 'token' in p && (p.token === 'yyyy' || p.token === 'yy')).length !== 1) return false;
  }
  return NAMED.includes(to) || patternParts(to) !== undefined;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function write(parts: Part[], ms: number): string {
  const d = new Date(ms);
  let out = '';
  for (const p of parts) {
    if ('literal' in p) out += p.literal;
    // A two-digit year is written with four digits: the JSONata picture of `yy` is [Y0001].
    else if (p.token === 'yyyy' || p.token === 'yy') out += pad(d.getUTCFullYear(), 4);
    else if (p.token === 'MM') out += pad(d.getUTCMonth() + 1, 2);
    else if (p.token === 'dd') out += pad(d.getUTCDate(), 2);
    else if (p.token === 'HH') out += pad(d.getUTCHours(), 2);
    else if (p.token === 'mm') out += pad(d.getUTCMinutes(), 2);
    else if (p.token === 'ss') out += pad(d.getUTCSeconds(), 2);
    else out += pad(d.getUTCMilliseconds(), 3);
  }
  return out;
}

function escapeRegex(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** The shape of ISO text the compiled JSONata checks before `$toMillis` (date-transforms.ts ISO_SHAPE). */
const ISO_SHAPE = /^\d{4}-[01]\d-[0-3]\d(T[0-2]\d:[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-][0-2]\d:?[0-5]\d)?)?$/;
/** Text jsonata's `$number` reads in plain decimal form. */
const DECIMAL = /^-?[0-9]+(\.[0-9]+)?([Ee][-+]?[0-9]+)?$/;

/** Where a date is written: UTC, the source's own offset, a fixed offset in minutes, or a named zone's rule. */
export type DateZone = undefined | 'source' | number | ZoneRule;

/** How a date converter reads: the pattern's parts (with `yy` read as four digits after widening), where `yy` sits, and a matcher. */
function reader(from: string): { read: Part[]; yyAt?: number; matcher: RegExp; tokens: string[] } {
  const parts = patternParts(from)!;
  let offset = 0;
  let yyAt: number | undefined;
  const read: Part[] = parts.map((p) => {
    if ('token' in p && p.token === 'yy') {
      yyAt = offset;
      offset += 2;
      return { token: 'yyyy', width: 4 };
    }
    offset += 'token' in p ? p.width : 1;
    return p;
  });
  const tokens = read.filter((p): p is { token: string; width: number } => 'token' in p).map((p) => p.token);
  const matcher = new RegExp(`^${read.map((p) => ('literal' in p ? escapeRegex(p.literal) : `(\\d{${p.width}})`)).join('')}$`);
  return yyAt === undefined ? { read, matcher, tokens } : { read, yyAt, matcher, tokens };
}

/** Milliseconds of text `s` read in pattern form, or a bail. */
function readPattern(r: ReturnType<typeof reader>, s: string, pivot: number): number {
  let t = s;
  if (r.yyAt !== undefined) {
    const yy = s.slice(r.yyAt, r.yyAt + 2);
    if (!/^\d\d$/.test(yy)) throw new Bail('two-digit year is not two digits');
    t = s.slice(0, r.yyAt) + (Number(yy) < pivot ? '20' : '19') + s.slice(r.yyAt);
  }
  const m = r.matcher.exec(t);
  if (!m) throw new Bail('date does not match its pattern');
  const at: Record<string, number> = { yyyy: 0, MM: 1, dd: 1, HH: 0, mm: 0, ss: 0, SSS: 0 };
  r.tokens.forEach((token, i) => (at[token] = Number(m[i + 1])));
  if (at.yyyy! < 1000) throw new Bail('year before 1000');
  const ms = Date.UTC(at.yyyy!, at.MM! - 1, at.dd!, at.HH!, at.mm!, at.ss!, at.SSS!);
  // A date that rolled over (31.02 -> 03.03) does not come back as the same text: jsonata calls it invalid.
  if (!Number.isFinite(ms) || write(r.read, ms) !== t) throw new Bail('date rolls over');
  return ms;
}

/** Minutes east of UTC the date is written at (see date-zones.ts `zoneMinutesText`). */
function offsetOf(zone: DateZone, s: string, ms: number, fromIso: boolean): number {
  if (zone === undefined) return 0;
  if (typeof zone === 'number') return zone;
  if (zone === 'source') {
    if (!fromIso) return 0;
    const o = /T.*([+-])([0-9]{2}):?([0-9]{2})$/.exec(s);
    return o ? (o[1] === '-' ? -1 : 1) * (Number(o[2]) * 60 + Number(o[3])) : 0;
  }
  return ruleOffset(zone, ms);
}

/** The year of `ms` must have four digits, as the pictures and `Date.prototype.toISOString` agree only there. */
function checkYear(ms: number): void {
  if (!Number.isInteger(ms)) throw new Bail('instant with a fraction of a millisecond');
  const year = new Date(ms).getUTCFullYear();
  if (!(year >= 1000 && year <= 9999)) throw new Bail('year outside 1000-9999');
}

/** A function converting one value from `from` to `to` (see {@link supportsDate}); it bails on anything but a valid date. */
export function dateConverter(from: string, to: string, pivot = 50, zone: DateZone = undefined): (value: unknown) => unknown {
  const r = NAMED.includes(from) ? undefined : reader(from);
  const written = NAMED.includes(to) ? undefined : patternParts(to)!;
  const fromIso = from === 'iso';
  return (value) => {
    const s = str(value);
    if (s === undefined) return undefined;
    let ms: number;
    if (r) ms = readPattern(r, s, pivot);
    else if (fromIso) {
      ms = ISO_SHAPE.test(s) ? Date.parse(s) : NaN;
      if (Number.isNaN(ms)) throw new Bail('date does not match iso');
    } else {
      if (!DECIMAL.test(s) || !Number.isFinite(Number(s))) throw new Bail('epoch that is not a plain number');
      ms = from === 'epoch-s' ? Number(s) * 1000 : Number(s);
      if (!Number.isFinite(ms)) throw new Bail('epoch out of range');
    }
    if (to === 'epoch-ms') return ms;
    if (to === 'epoch-s') return Math.floor(ms / 1000);
    checkYear(ms);
    if (zone === undefined) return written ? write(written, ms) : new Date(ms).toISOString();
    const z = offsetOf(zone, s, ms, fromIso);
    const local = ms + z * 60_000;
    checkYear(local);
    if (written) return write(written, local);
    const sign = z < 0 ? '-' : '+';
    return `${new Date(local).toISOString().slice(0, 23)}${sign}${pad(Math.floor(Math.abs(z) / 60), 2)}:${pad(Math.abs(z) % 60, 2)}`;
  };
}
