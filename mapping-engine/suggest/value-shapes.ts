/**
 * What a field's sample values look like: dates in a known pattern, numbers
 * written as text, emails, country or currency codes, a small set of codes.
 * Auto-map uses it to match fields by content and to pick a transform.
 */
import type { EnumValue } from '../schema/model';

/** The shape most sample values of a field share. */
export type ValueShape =
  | { kind: 'date'; pattern: string }
  | { kind: 'datetime' }
  | { kind: 'numberText'; decimalSeparator: '.' | ',' }
  | { kind: 'booleanText' }
  | { kind: 'email' }
  | { kind: 'countryCode' }
  | { kind: 'currencyCode' }
  | { kind: 'number' }
  | { kind: 'text' };

const DATE_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/^\d{4}-\d{2}-\d{2}$/, 'yyyy-MM-dd'],
  [/^\d{2}\.\d{2}\.\d{4}$/, 'dd.MM.yyyy'],
  [/^\d{2}\/\d{2}\/\d{4}$/, 'MM/dd/yyyy'],
  [/^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/, 'yyyyMMdd'],
];
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/;
// Common ISO 4217 codes; a three-letter code outside the list is just a code.
const CURRENCIES = new Set(['EUR', 'USD', 'GBP', 'CHF', 'JPY', 'CNY', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'CAD', 'AUD', 'NZD', 'INR', 'BRL', 'MXN', 'ZAR', 'HUF', 'RON', 'TRY']);
const BOOLEAN_TEXT = new Set(['true', 'false', 'yes', 'no', 'y', 'n', 'ja', 'nein', 'j']);

function all(values: readonly string[], test: (v: string) => boolean): boolean {
  return values.length > 0 && values.every(test);
}

/** The shape of `values` (scalars seen in the samples); `text` when nothing fits all of them. */
export function valueShape(values: readonly EnumValue[]): ValueShape {
  const present = values.filter((v) => v !== null && v !== '');
  if (present.length === 0) return { kind: 'text' };
  if (present.every((v) => typeof v === 'number')) return { kind: 'number' };
  if (!present.every((v) => typeof v === 'string')) return { kind: 'text' };
  const texts = present as string[];
  for (const [re, pattern] of DATE_PATTERNS) if (all(texts, (v) => re.test(v))) return { kind: 'date', pattern };
  if (all(texts, (v) => ISO_DATETIME.test(v))) return { kind: 'datetime' };
  if (all(texts, (v) => EMAIL.test(v))) return { kind: 'email' };
  if (all(texts, (v) => BOOLEAN_TEXT.has(v.toLowerCase()))) return { kind: 'booleanText' };
  if (all(texts, (v) => /^-?\d+(\.\d+)?$/.test(v))) return { kind: 'numberText', decimalSeparator: '.' };
  if (all(texts, (v) => /^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+(,\d+)?$/.test(v)) && texts.some((v) => v.includes(','))) return { kind: 'numberText', decimalSeparator: ',' };
  if (all(texts, (v) => CURRENCIES.has(v.toUpperCase()))) return { kind: 'currencyCode' };
  if (all(texts, (v) => /^[A-Za-z]{2}$/.test(v))) return { kind: 'countryCode' };
  return { kind: 'text' };
}

/** Words for a shape, as a reason reads them ("values look like dd.MM.yyyy dates"). */
export function describeShape(shape: ValueShape): string {
  switch (shape.kind) {
    case 'date':
      return `${shape.pattern} dates`;
    case 'datetime':
      return 'ISO date-times';
    case 'numberText':
      return `numbers written as text${shape.decimalSeparator === ',' ? ' with a decimal comma' : ''}`;
    case 'booleanText':
      return 'yes/no words';
    case 'email':
      return 'email addresses';
    case 'countryCode':
      return 'two-letter country codes';
    case 'currencyCode':
      return 'currency codes';
    case 'number':
      return 'numbers';
    default:
      return 'text';
  }
}

/** Names that say what a target holds when the source's name does not match (`email`, `country`). */
export function shapeFitsName(shape: ValueShape, tokens: readonly string[]): boolean {
  const has = (...words: string[]) => words.some((w) => tokens.includes(w));
  switch (shape.kind) {
    case 'email':
      return has('email', 'mail');
    case 'countryCode':
      return has('country');
    case 'currencyCode':
      return has('currency');
    case 'date':
    case 'datetime':
      return has('date', 'time', 'since', 'at');
    default:
      return false;
  }
}
