/**
 * Text transforms of the compiled engine that count code points, as jsonata
 * does (`for (const c of s)`): substring, pad and title case. Same contract
 * as runtime.ts: jsonata's result on the happy path, a {@link Bail} otherwise.
 */
import { Bail, lower, str } from './runtime';

/** jsonata's `$substring` of text already known (code points; a negative start counts from the end). */
function codePointSubstring(s: string, start: number, length: number | undefined): string {
  const chars = [...s];
  let from = start;
  if (chars.length + from < 0) from = 0;
  if (length !== undefined) {
    if (length <= 0) return '';
    const end = from >= 0 ? from + length : chars.length + from + length;
    return chars.slice(from, end).join('');
  }
  return chars.slice(from).join('');
}

/** The substring transform: `$substring($string(value), start, length)`. */
export function substring(value: unknown, start: number, length: number | undefined): string | undefined {
  const s = str(value);
  return s === undefined ? undefined : codePointSubstring(s, start, length);
}

/** The pad transform: `$pad($string(value), width, char)`; a negative width pads on the left. */
export function pad(value: unknown, width: number, char: string): string | undefined {
  const s = str(value);
  if (s === undefined) return undefined;
  const fill = char.length === 0 ? ' ' : char;
  const w = Math.trunc(width);
  const padLength = Math.abs(w) - [...s].length;
  if (padLength <= 0) return s;
  let padding = new Array(padLength + 1).join(fill);
  if (fill.length > 1) padding = codePointSubstring(padding, 0, padLength);
  return w > 0 ? s + padding : padding + s;
}

/** Title case: the lower-cased text split at spaces, each word's first code point upper-cased. */
export function title(value: unknown): string | undefined {
  if (value !== undefined && typeof value !== 'string') throw new Bail('title case of a non-string');
  const s = lower(value);
  if (s === undefined) return undefined;
  return s
    .split(' ')
    .map((word) => codePointSubstring(word, 0, 1).toUpperCase() + codePointSubstring(word, 1, undefined))
    .join(' ');
}
