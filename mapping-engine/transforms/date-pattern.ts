/**
 * Converts the date patterns people write (`dd.MM.yyyy`, `MM/dd/yy`) into
 * JSONata picture strings. Only fixed-width tokens are accepted: that keeps
 * parsing strict (a round trip must reproduce the text) and lets a two-digit
 * year be widened by position before parsing.
 */

const TOKENS: Array<[string, string]> = [
  ['yyyy', '[Y0001]'],
  ['yy', '[Y0001]'],
  ['MM', '[M01]'],
  ['dd', '[D01]'],
  ['HH', '[H01]'],
  ['mm', '[m01]'],
  ['ss', '[s01]'],
  ['SSS', '[f001]'],
];

/** A pattern turned into a JSONata picture, with where a two-digit year sits (if any). */
export interface DatePicture {
  picture: string;
  /** Offset of a `yy` token in matching text, when the pattern has one. */
  twoDigitYearAt?: number;
}

/** Converts `pattern`; throws with a plain message on a token that is not fixed width or unknown. */
export function toDatePicture(pattern: string): DatePicture {
  let picture = '';
  let offset = 0;
  let twoDigitYearAt: number | undefined;
  let i = 0;
  while (i < pattern.length) {
    const token = TOKENS.find(([t]) => pattern.startsWith(t, i) && !(t === 'yy' && pattern.startsWith('yyy', i)));
    if (token) {
      if (token[0] === 'yy') twoDigitYearAt = offset;
      picture += token[1];
      offset += token[0].length;
      i += token[0].length;
      continue;
    }
    const ch = pattern[i]!;
    if (/[yMdHmsS]/.test(ch)) throw new Error(`date pattern "${pattern}": "${ch}" must be part of yyyy, yy, MM, dd, HH, mm, ss or SSS`);
    if (/[A-Za-z]/.test(ch) && ch !== 'T' && ch !== 'Z') throw new Error(`date pattern "${pattern}": unknown letter "${ch}"`);
    picture += ch === '[' ? '[[' : ch === ']' ? ']]' : ch;
    offset += 1;
    i += 1;
  }
  return twoDigitYearAt === undefined ? { picture } : { picture, twoDigitYearAt };
}

/** Named date forms that are not picture patterns. */
export const NAMED_DATE_FORMS = ['iso', 'epoch-s', 'epoch-ms'] as const;
