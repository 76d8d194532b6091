/**
 * Masks one value of a known category under the secret key. Deterministic:
 * the same key, category and value always give the same result.
 */
import { scanFreeText } from './free-text-scan';
import { KeyedStream } from './keyed-stream';
import { maskBirthDate, maskPhone } from './mask-phone-date';
import { maskNationalId } from './national-ids';
import { maskCity, maskEmail, maskFirstName, maskFullName, maskLastName, maskStreet, maskUsername } from './mask-people';
import { maskBic, maskCard, maskCharClasses, maskIban, maskIp, maskPostcode } from './mask-shapes';
import type { MaskCategory } from './types';
import { isEmail, isIban, isIpv4, isIpv6 } from './value-formats';

/**
 * Normalises what counts as "the same value": emails ignore case and IBANs
 * ignore spaces, so `Bob@X.com` and `bob@x.com` mask alike and joins hold.
 */
function canonical(category: MaskCategory, text: string): string {
  if (category === 'email') return text.trim().toLowerCase();
  if (category === 'iban') return text.replace(/\s/g, '').toUpperCase();
  return text.trim();
}

/** Masks `text` as `category` under `key`. Free text is redacted span by span. */
export function maskText(category: MaskCategory, text: string, key: Uint8Array): string {
  const stream = new KeyedStream(key, category, canonical(category, text));
  switch (category) {
    case 'email':
      // Loose addresses (`41898282+github-actions[bot]@users.noreply.github.com`) still become valid emails.
      return isEmail(text.trim()) || text.includes('@') ? maskEmail(stream) : maskCharClasses(text, stream);
    case 'phone':
      return maskPhone(text, stream);
    case 'firstName':
      return maskFirstName(stream);
    case 'lastName':
      return maskLastName(stream);
    case 'fullName':
      return maskFullName(text, stream);
    case 'username':
      return maskUsername(stream);
    case 'street':
      return maskStreet(text, stream);
    case 'city':
      return maskCity(stream);
    case 'postcode':
      return maskPostcode(text, stream);
    case 'iban':
      return isIban(text) ? maskIban(text, stream) : maskCharClasses(text, stream, (i) => i < 2);
    case 'bic':
      return maskBic(text, stream);
    case 'card':
      return maskCard(text, stream);
    case 'birthDate':
      return maskBirthDate(text, stream);
    case 'ipAddress':
      return isIpv4(text) || isIpv6(text) ? maskIp(text, stream) : maskCharClasses(text, stream);
    case 'nationalId':
    case 'taxId':
      return maskNationalId(text.trim(), stream) ?? maskCharClasses(text, stream);
    case 'freeText':
      return redactFreeText(text, key);
    default:
      return maskCharClasses(text, stream);
  }
}

/** Replaces each personal value found inside `text` by its masked form; the words around it stay. */
export function redactFreeText(text: string, key: Uint8Array): string {
  let out = '';
  let last = 0;
  for (const span of scanFreeText(text)) {
    out += text.slice(last, span.start) + maskText(span.category, text.slice(span.start, span.end), key);
    last = span.end;
  }
  return out + text.slice(last);
}

/**
 * Masks a JSON number by its digits and returns a number again when that is
 * lossless (no leading zero, safe integer); otherwise the masked string, since
 * a number cannot keep a leading zero.
 */
export function maskNumber(category: MaskCategory, value: number, key: Uint8Array): number | string {
  const masked = maskText(category, String(value), key);
  const asNumber = Number(masked);
  return /^-?[1-9]\d*(\.\d+)?$/.test(masked) && Number.isFinite(asNumber) && String(asNumber) === masked ? asNumber : masked;
}
