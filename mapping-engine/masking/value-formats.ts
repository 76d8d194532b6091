/**
 * Recognisers for values that are personal data by their shape alone
 * (emails, IBANs, payment cards, IP addresses, international phone numbers)
 * and for shapes that are known not to be (amounts, codes, timestamps, URLs).
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** A practical email syntax: one `@`, a dotted domain, no spaces. */
export const EMAIL_PATTERN = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** True for a syntactically valid email address. */
export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL_PATTERN.test(value);
}

/** IBAN mod-97 remainder of a compact IBAN (letters as 10..35); 1 means valid. */
export function ibanRemainder(compact: string): number {
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const digits = code >= 65 ? String(code - 55) : ch;
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder;
}

/** True for an IBAN (spaces allowed) with a correct mod-97 checksum. */
export function isIban(value: string): boolean {
  const compact = value.replace(/ /g, '').toUpperCase();
  return /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact) && ibanRemainder(compact) === 1;
}

/** True when the digit string passes the Luhn check. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Card numbers: 13-19 digits (spaces or dashes between groups), a known issuer prefix, Luhn-valid. */
export function isCardNumber(value: string): boolean {
  if (!/^\d[\d -]{11,22}\d$/.test(value)) return false;
  const digits = value.replace(/[ -]/g, '');
  if (digits.length < 13 || digits.length > 19) return false;
  // Issuer prefixes (Visa, Mastercard, Amex, Discover, JCB, Diners, Maestro) keep long IDs out.
  return /^(4|5[1-5]|2[2-7]|3[47]|6011|65|35|3[068]|5[06-9]|6)/.test(digits) && luhnValid(digits);
}

/** Dotted-quad IPv4. */
export function isIpv4(value: string): boolean {
  const parts = value.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

/** IPv6 in full or `::`-compressed form (an embedded IPv4 tail allowed). */
export function isIpv6(value: string): boolean {
  if (!value.includes(':') || !/^[0-9A-Fa-f:.]+$/.test(value)) return false;
  const halves = value.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  const last = groups[groups.length - 1] ?? '';
  const v4 = last.includes('.');
  if (v4 && !isIpv4(last)) return false;
  const hex = v4 ? groups.slice(0, -1) : groups;
  if (!hex.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  const width = hex.length + (v4 ? 2 : 0);
  return halves.length === 2 ? width < 8 : width === 8;
}

/** An international phone number (`+` or `00` prefix) that libphonenumber-js accepts as valid. */
export function isInternationalPhone(value: string): boolean {
  if (!/^(\+|00)[\d ()./-]{6,20}$/.test(value.trim())) return false;
  const phone = parsePhoneNumberFromString(value.trim().replace(/^00/, '+'));
  return phone?.isValid() ?? false;
}

/** Amounts and plain quantities: `409.94`, `-10,00`, `1 234.5`. */
export function looksLikeAmount(value: string): boolean {
  return /^[-+]?\d{1,3}(?:[ ,.']?\d{3})*(?:[.,]\d{1,4})?$/.test(value.trim()) && /[.,]\d{1,4}$/.test(value.trim());
}

/** ISO currency (`EUR`) or country (`DE`, `DEU`) codes: upper-case letters only, 2-3 long. */
export function looksLikeCode(value: string): boolean {
  return /^[A-Z]{2,3}$/.test(value);
}

/** An ISO 8601 date-time with a time part: a business event's timestamp, not a birthday. */
export function isTimestamp(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value);
}

/** A date without a time: ISO, `DD.MM.YYYY`, `DD/MM/YYYY` or `MM/DD/YYYY`. */
export function isDateOnly(value: string): boolean {
  return /^(\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{8})$/.test(value.trim());
}

/** An absolute URL. */
export function isUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(value);
}
