/**
 * Phone numbers keep their country prefix, length and layout; dates of birth
 * shift by a keyed offset and keep their written format.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { KeyedStream } from './keyed-stream';

/** Number of leading characters that hold the `+`/`00` and the country calling code. */
function prefixLength(text: string): number {
  const trimmed = text.trimStart();
  const offset = text.length - trimmed.length;
  const international = trimmed.startsWith('+') ? 1 : trimmed.startsWith('00') ? 2 : 0;
  if (international === 0) return offset + (trimmed.match(/^0*/)![0].length);
  const phone = parsePhoneNumberFromString(`+${trimmed.slice(international).replace(/\D/g, '')}`);
  const code = phone?.countryCallingCode ?? trimmed.slice(international).replace(/\D/g, '').slice(0, 1);
  let kept = 0;
  let i = offset + international;
  while (i < text.length && kept < code.length) {
    if (/\d/.test(text[i]!)) kept++;
    i++;
  }
  return i;
}

function maskDigitsAfter(text: string, keep: number, stream: KeyedStream): string {
  let out = text.slice(0, keep);
  let first = true;
  for (const ch of text.slice(keep)) {
    if (!/\d/.test(ch)) out += ch;
    else {
      // No 0 right after the prefix: it would read as a trunk prefix.
      out += stream.digit(first ? 1 : 0);
      first = false;
    }
  }
  return out;
}

/**
 * Masks a phone number: country prefix (or national trunk zeros) kept, other
 * digits replaced. When the original is a valid international number, a few
 * candidates are tried so the mask is valid too.
 */
export function maskPhone(text: string, stream: KeyedStream): string {
  const keep = prefixLength(text);
  const original = parsePhoneNumberFromString(text.trim().replace(/^00/, '+'));
  let candidate = maskDigitsAfter(text, keep, stream);
  if (!original?.isValid()) return candidate;
  for (let attempt = 0; attempt < 20; attempt++) {
    if (parsePhoneNumberFromString(candidate.trim().replace(/^00/, '+'))?.isValid()) return candidate;
    candidate = maskDigitsAfter(text, keep, stream);
  }
  return candidate;
}

const DATE_FORMATS: ReadonlyArray<{ pattern: RegExp; order: 'ymd' | 'dmy' | 'mdy' }> = [
  { pattern: /^(\d{4})-(\d{2})-(\d{2})/, order: 'ymd' },
  { pattern: /^(\d{4})(\d{2})(\d{2})$/, order: 'ymd' },
  { pattern: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, order: 'dmy' },
  { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: 'mdy' },
  { pattern: /^(\d{1,2})-(\d{1,2})-(\d{4})$/, order: 'dmy' },
];

/**
 * Shifts a date of birth by 1..365 days either way, the offset drawn from the
 * keyed hash of the value, and writes it back in the same format (the time
 * part of a date-time is kept). Unparseable text is masked digit by digit.
 */
export function maskBirthDate(text: string, stream: KeyedStream): string {
  const offsetDays = (stream.below(365) + 1) * (stream.below(2) === 0 ? -1 : 1);
  for (const { pattern, order } of DATE_FORMATS) {
    const m = text.match(pattern);
    if (!m) continue;
    const [a, b, c] = [m[1]!, m[2]!, m[3]!];
    const [y, mo, d] = order === 'ymd' ? [a, b, c] : order === 'dmy' ? [c, b, a] : [c, a, b];
    const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    if (Number.isNaN(date.getTime())) break;
    date.setUTCDate(date.getUTCDate() + offsetDays);
    const pad = (n: number, like: string): string => String(n).padStart(like.length, '0');
    const ny = String(date.getUTCFullYear()).padStart(4, '0');
    const nm = pad(date.getUTCMonth() + 1, mo);
    const nd = pad(date.getUTCDate(), d);
    const rest = text.slice(m[0].length);
    if (order === 'ymd') return (m[0].includes('-') ? `${ny}-${nm}-${nd}` : `${ny}${nm}${nd}`) + rest;
    const sep = m[0].match(/[./-]/)![0];
    return order === 'dmy' ? `${nd}${sep}${nm}${sep}${ny}` : `${nm}${sep}${nd}${sep}${ny}`;
  }
  return text.replace(/\d/g, () => stream.digit());
}
