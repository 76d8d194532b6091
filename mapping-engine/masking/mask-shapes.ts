/**
 * Format-preserving maskers for structured identifiers: every character is
 * replaced by one of the same class (digit, upper, lower), separators stay,
 * and check digits are recomputed so masked IBANs and cards stay valid.
 */
import type { KeyedStream } from './keyed-stream';
import { ibanRemainder } from './value-formats';

/** Replaces digits and letters by random ones of the same class; `keep(i)` leaves position i alone. */
export function maskCharClasses(text: string, stream: KeyedStream, keep: (index: number) => boolean = () => false): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (keep(i)) out += ch;
    else if (/\d/.test(ch)) out += stream.digit();
    else if (/[A-Z]/.test(ch)) out += stream.letter(true);
    else if (/[a-z]/.test(ch)) out += stream.letter(false);
    else if (/\p{L}/u.test(ch)) out += stream.letter(ch === ch.toUpperCase());
    else out += ch;
  }
  return out;
}

/** Re-inserts the separators of `template` (everything that is not a letter or digit) around `compact`. */
export function withSeparatorsOf(template: string, compact: string): string {
  let out = '';
  let j = 0;
  for (const ch of template) out += /[A-Za-z0-9]/.test(ch) ? (compact[j++] ?? '') : ch;
  return out;
}

/**
 * A latitude or longitude: sign, number of decimals and the text around kept,
 * degrees drawn below 90 (valid for both), so the value stays a coordinate
 * that says nothing of where the person is. Several numbers (`52.52,13.40`)
 * are masked one by one.
 */
export function maskCoordinate(text: string, stream: KeyedStream): string {
  return text.replace(/(\d+)(\.\d+)?/g, (_match, _degrees: string, fraction: string | undefined) => {
    // 1 to 89 and no trailing zero: a JSON number masks to a number of the same shape.
    const degrees = String(1 + stream.below(89));
    const digits = [...fraction?.slice(1) ?? ''].map((_, i, all) => stream.digit(i === all.length - 1 ? 1 : 0));
    return fraction === undefined ? degrees : `${degrees}.${digits.join('')}`;
  });
}

/** Postcodes and other codes where leading zeros matter: zeros before the first other digit stay zeros. */
export function maskPostcode(text: string, stream: KeyedStream): string {
  const leadingZeros = text.match(/^0*/)![0].length;
  let firstOther = true;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (i < leadingZeros) out += '0';
    else if (/\d/.test(ch)) {
      // A leading zero appearing where there was none would change the shape.
      out += stream.digit(firstOther && i === leadingZeros ? 1 : 0);
      firstOther = false;
    } else out += maskCharClasses(ch, stream);
  }
  return out;
}

/** IBAN: same country, same length and layout, fresh BBAN, valid mod-97 check digits. */
export function maskIban(text: string, stream: KeyedStream): string {
  const compact = text.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  const country = compact.slice(0, 2);
  const bban = maskCharClasses(compact.slice(4), stream);
  const check = String(98 - ibanRemainder(`${country}00${bban}`)).padStart(2, '0');
  return withSeparatorsOf(text, `${country}${check}${bban}`);
}

/** Luhn check digit for `body` (the number without its last digit). */
export function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** Card: same length, layout and issuer digit, random middle, valid Luhn digit. */
export function maskCard(text: string, stream: KeyedStream): string {
  const digits = text.replace(/\D/g, '');
  let body = digits[0] ?? '4';
  for (let i = 1; i < digits.length - 1; i++) body += stream.digit();
  return withSeparatorsOf(text, body + luhnCheckDigit(body));
}

/** BIC: country (letters 5-6) kept so routing stays plausible; the rest masked by class, the result still a valid BIC. */
export function maskBic(text: string, stream: KeyedStream): string {
  let masked = maskCharClasses(text, stream, (i) => i === 4 || i === 5);
  // Position 7 (the location code's first character) is never 0 or 1 in a valid BIC (0 is a test BIC, 1 passive).
  if (masked[6] === '0' || masked[6] === '1') masked = `${masked.slice(0, 6)}${2 + stream.below(8)}${masked.slice(7)}`;
  // Position 8 is never the letter O: ISO 20022's BIC pattern (the SEPA XSDs' BICIdentifier) has [A-NP-Z0-9] there.
  if (masked[7] === 'O') masked = `${masked.slice(0, 7)}${LETTERS_BUT_O[stream.below(LETTERS_BUT_O.length)]}${masked.slice(8)}`;
  return masked;
}

const LETTERS_BUT_O = 'ABCDEFGHIJKLMNPQRSTUVWXYZ';

/** IPv4 inside 10.0.0.0/8, IPv6 inside the documentation prefix 2001:db8::/32. */
export function maskIp(text: string, stream: KeyedStream): string {
  if (!text.includes(':')) return `10.${stream.below(256)}.${stream.below(256)}.${stream.below(256)}`;
  const groups = Array.from({ length: 6 }, () => stream.below(0x10000).toString(16));
  return `2001:db8:${groups.join(':')}`;
}
