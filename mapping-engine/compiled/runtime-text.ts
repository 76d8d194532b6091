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

/** One piece of a `$replace` replacement: literal text, or the whole match (0) or a capture group (1-based; past the last one nothing). */
export type ReplacementPart = string | number;

/**
 * A replacement with `$` references read as jsonata's `$replace` reads it,
 * given the pattern's number of capture groups: `$$` is `$`, `$0` the
 * match, `$n` a group (as many digits as the group count has, one fewer
 * when that names no group), a `$` before anything else stays literal.
 * Read once when the program is compiled.
 */
export function replacementParts(replacement: string, groups: number): ReplacementPart[] {
  const parts: ReplacementPart[] = [];
  let literal = '';
  let position = 0;
  let index = replacement.indexOf('$', position);
  while (index !== -1 && position < replacement.length) {
    literal += replacement.substring(position, index);
    position = index + 1;
    const next = replacement.charAt(position);
    if (next === '$') {
      literal += '$';
      position++;
    } else if (next === '0') {
      parts.push(literal, 0);
      literal = '';
      position++;
    } else {
      const digits = groups === 0 ? 1 : Math.floor(Math.log(groups) * Math.LOG10E) + 1;
      let n = parseInt(replacement.substring(position, position + digits), 10);
      if (digits > 1 && n > groups) n = parseInt(replacement.substring(position, position + digits - 1), 10);
      if (Number.isNaN(n)) literal += '$';
      else {
        // A group number past the last group (or any with no groups) gives nothing.
        if (groups > 0 && n >= 1 && n <= groups) {
          parts.push(literal, n);
          literal = '';
        }
        position += n.toString().length;
      }
    }
    index = replacement.indexOf('$', position);
  }
  parts.push(literal + replacement.substring(position));
  return parts;
}

/** `$replace($string(value), /re/g, replacement)` with `$` references; a zero-length match is jsonata's D1004 (bail). */
export function replaceGroups(value: unknown, re: RegExp, parts: readonly ReplacementPart[]): string | undefined {
  const s = str(value);
  if (s === undefined) return undefined;
  re.lastIndex = 0;
  let out = '';
  let last = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    if (m[0] === '') throw new Bail('regex matched an empty string');
    out += s.slice(last, m.index);
    for (const p of parts) out += typeof p === 'string' ? p : (m[p] ?? '');
    last = m.index + m[0].length;
  }
  return out + s.slice(last);
}
