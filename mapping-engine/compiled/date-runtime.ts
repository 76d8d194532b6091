/**
 * The date transform's happy path: text in a fixed-width pattern
 * (`dd.MM.yyyy`) read strictly and written in another pattern, in UTC, as
 * the compiled JSONata does with `$toMillis`, a round trip through the same
 * picture and `$fromMillis`. Text that does not match, a date that rolls
 * over (31.02) or a year before 1000 bails: jsonata then raises its
 * invalid-value error (or leaves the field out) itself.
 */
import { Bail, str } from './runtime';

/** Widths of the tokens the compiled engine reads and writes (two-digit years are left to jsonata). */
const WIDTHS: Array<[string, number]> = [
  ['yyyy', 4],
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
    if (pattern.startsWith('yy', i) && !pattern.startsWith('yyyy', i)) return undefined;
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

/** Whether the compiled engine can read and write dates between `from` and `to`. */
export function supportsDate(from: string, to: string): boolean {
  const read = patternParts(from);
  if (!read || !['yyyy', 'MM', 'dd'].every((t) => read.some((p) => 'token' in p && p.token === t))) return false;
  return to === 'iso' || to === 'epoch-ms' || to === 'epoch-s' || patternParts(to) !== undefined;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function write(parts: Part[], ms: number): string {
  const d = new Date(ms);
  let out = '';
  for (const p of parts) {
    if ('literal' in p) out += p.literal;
    else if (p.token === 'yyyy') out += pad(d.getUTCFullYear(), 4);
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

/** A function converting one value from `from` to `to` (see {@link supportsDate}); it bails on anything but a valid date. */
export function dateConverter(from: string, to: string): (value: unknown) => unknown {
  const read = patternParts(from)!;
  const written = to === 'iso' || to.startsWith('epoch-') ? undefined : patternParts(to)!;
  const tokens = read.filter((p): p is { token: string; width: number } => 'token' in p).map((p) => p.token);
  const matcher = new RegExp(`^${read.map((p) => ('literal' in p ? escapeRegex(p.literal) : `(\\d{${p.width}})`)).join('')}$`);
  return (value) => {
    const s = str(value);
    if (s === undefined) return undefined;
    const m = matcher.exec(s);
    if (!m) throw new Bail('date does not match its pattern');
    const at: Record<string, number> = { yyyy: 0, MM: 1, dd: 1, HH: 0, mm: 0, ss: 0, SSS: 0 };
    tokens.forEach((t, i) => (at[t] = Number(m[i + 1])));
    if (at.yyyy! < 1000) throw new Bail('year before 1000');
    const ms = Date.UTC(at.yyyy!, at.MM! - 1, at.dd!, at.HH!, at.mm!, at.ss!, at.SSS!);
    // A date that rolled over (31.02 -> 03.03) does not come back as the same text: jsonata calls it invalid.
    if (!Number.isFinite(ms) || write(read, ms) !== s) throw new Bail('date rolls over');
    if (to === 'epoch-ms') return ms;
    if (to === 'epoch-s') return Math.floor(ms / 1000);
    if (!written) return new Date(ms).toISOString();
    return write(written, ms);
  };
}
