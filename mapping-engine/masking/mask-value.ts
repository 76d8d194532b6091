/**
 * Masks one value of a known category under the secret key. Deterministic:
 * the same key, category and value always give the same result.
 */
import { scanFreeText, type TextSpan } from './free-text-scan';
import { KeyedStream } from './keyed-stream';
import { maskBirthDate, maskPhone } from './mask-phone-date';
import { maskNationalId } from './national-ids';
import { maskCity, maskEmail, maskFirstName, maskFullName, maskLastName, maskStreet, maskUsername } from './mask-people';
import { maskSoleTrader } from './sole-trader';
import { maskBic, maskCard, maskCharClasses, maskIban, maskIp, maskCoordinate, maskPostcode } from './mask-shapes';
import type { MaskCategory } from './types';
import { isEmail, isIban, isIpv4, isIpv6 } from './value-formats';

/**
 * Normalises what counts as "the same value": emails ignore case and IBANs
 * ignore spaces, so `Bob@X.com` and `bob@x.com` mask alike and joins hold.
 */
export function canonical(category: MaskCategory, text: string): string {
  if (category === 'email') return text.trim().toLowerCase();
  if (category === 'iban') return text.replace(/\s/g, '').toUpperCase();
  return text.trim();
}

/** Masks one value as its category says; `maskSpan` masks the values found inside free text. */
export type SpanMasker = (category: MaskCategory, text: string) => string;

/** Masks `text` as `category` under `key`. Free text is redacted span by span. No collision check: see `collision-guard.ts`. */
export function maskText(category: MaskCategory, text: string, key: Uint8Array): string {
  return maskCandidate(category, text, key, 0);
}

/**
 * The `attempt`-th candidate mask of `text`: attempt 0 is {@link maskText}'s
 * result; later attempts draw from another keyed stream (and widen name
 * spaces) so a collision can be resolved deterministically.
 */
export function maskCandidate(category: MaskCategory, text: string, key: Uint8Array, attempt: number): string {
  const stream = new KeyedStream(key, category, canonical(category, text), attempt);
  switch (category) {
    case 'email':
      // Loose addresses (`41898282+github-actions[bot]@users.noreply.github.com`) still become valid emails.
      return isEmail(text.trim()) || text.includes('@') ? maskEmail(stream) : maskCharClasses(text, stream);
    case 'phone':
      return maskPhone(text, stream);
    case 'firstName':
      return maskFirstName(stream, attempt);
    case 'lastName':
      return maskLastName(stream, attempt);
    case 'fullName':
      // A sole trader keeps title and marker (`Dr. … Rechtsanwalt`, `… e.K.`), so the mask still reads like the supplier.
      return maskSoleTrader(text, (name) => maskFullName(name, stream, attempt)) ?? maskFullName(text, stream, attempt);
    case 'username':
      return maskUsername(stream);
    case 'street':
      return maskStreet(text, stream);
    case 'city':
      return maskCity(stream, attempt);
    case 'postcode':
      return maskPostcode(text, stream);
    case 'geoCoordinate':
      return maskCoordinate(text, stream);
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

/** How {@link redactFreeText} masks the values it finds. */
export interface RedactOptions {
  /** Masks one found value (default: {@link maskText} under the key). */
  maskSpan?: SpanMasker;
  /** Also find people's names (free text next to a person's fields). */
  names?: boolean;
  /** The mask of a whole name already masked in a field (`Bob Norman`), so text and field agree. */
  knownName?: (name: string) => string | undefined;
}

function isNameSpan(span: TextSpan | undefined): boolean {
  return span?.category === 'firstName' || span?.category === 'lastName';
}

/** Index of the last name span of the name starting at `spans[i]` (words joined by spaces and particles). */
function nameEnd(text: string, spans: readonly TextSpan[], i: number): number {
  let end = i;
  while (isNameSpan(spans[end + 1]) && /^[\s\p{Ll}]*$/u.test(text.slice(spans[end]!.end, spans[end + 1]!.start))) end++;
  return end;
}

/** Replaces each personal value found inside `text` (and people's names when asked) by its masked form; the words around it stay. */
export function redactFreeText(text: string, key: Uint8Array, options: RedactOptions = {}): string {
  const maskSpan = options.maskSpan ?? ((category: MaskCategory, value: string) => maskText(category, value, key));
  const spans = scanFreeText(text, { names: options.names ?? false });
  let out = '';
  let last = 0;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    if (options.knownName && isNameSpan(span)) {
      const end = nameEnd(text, spans, i);
      const known = options.knownName(text.slice(span.start, spans[end]!.end));
      if (known !== undefined) {
        out += text.slice(last, span.start) + known;
        last = spans[end]!.end;
        i = end;
        continue;
      }
    }
    out += text.slice(last, span.start) + maskSpan(span.category, text.slice(span.start, span.end));
    last = span.end;
  }
  return out + text.slice(last);
}

/**
 * Masks a JSON number by its digits and returns a number again when that is
 * lossless (no leading zero, safe integer); otherwise the masked string, since
 * a number cannot keep a leading zero.
 */
export function maskNumber(category: MaskCategory, value: number, key: Uint8Array, maskString: SpanMasker = (c, text) => maskText(c, text, key)): number | string {
  const masked = maskString(category, String(value));
  const asNumber = Number(masked);
  return /^-?[1-9]\d*(\.\d+)?$/.test(masked) && Number.isFinite(asNumber) && String(asNumber) === masked ? asNumber : masked;
}
