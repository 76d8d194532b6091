/**
 * National identifiers with a check digit or letter: recognised by their
 * checksum and masked so the checksum still holds (Spanish DNI/NIE, French
 * NIR, Dutch BSN, German Steuer-ID) or so the shape still holds (US SSN).
 */
import type { KeyedStream } from './keyed-stream';
import { withSeparatorsOf } from './mask-shapes';

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spanish DNI (`12345678Z`) or NIE (`X1234567L`) with the right control letter. */
export function isSpanishId(value: string): boolean {
  const m = /^([XYZ]|\d)(\d{7})([A-Z])$/.exec(value.toUpperCase());
  if (!m) return false;
  const number = Number(`${'XYZ'.indexOf(m[1]!) >= 0 ? 'XYZ'.indexOf(m[1]!) : m[1]}${m[2]}`);
  return DNI_LETTERS[number % 23] === m[3];
}

/** French NIR (social security number): 13 characters (Corsica 2A/2B) and a mod-97 key. */
export function isFrenchNir(value: string): boolean {
  const compact = value.replace(/ /g, '').toUpperCase();
  const m = /^([12]\d{4}(?:\d{2}|2A|2B)\d{6})(\d{2})$/.exec(compact);
  if (!m) return false;
  return nirKey(m[1]!) === Number(m[2]);
}

function nirKey(body: string): number {
  // Corsican departments 2A and 2B count as 19 and 18 for the key.
  const numeric = body.replace('2A', '19').replace('2B', '18');
  return 97 - Number(BigInt(numeric) % 97n);
}

/** Dutch BSN: 9 digits passing the "11-proof" (last digit weighted -1). */
export function isDutchBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(value[i]) * (9 - i);
  return (sum - Number(value[8])) % 11 === 0 && value !== '000000000';
}

/** ISO 7064 MOD 11,10 check digit, as used by the German Steuer-ID. */
function mod1110(body: string): string {
  let product = 10;
  for (const d of body) {
    let sum = (Number(d) + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  return String((11 - product) % 10);
}

/** German Steuer-ID: 11 digits, no leading zero, ISO 7064 MOD 11,10 check digit. */
export function isGermanTaxId(value: string): boolean {
  const compact = value.replace(/ /g, '');
  return /^[1-9]\d{10}$/.test(compact) && mod1110(compact.slice(0, 10)) === compact[10];
}

/** US SSN written with dashes (`123-45-6789`), excluding never-issued areas. */
export function isUsSsn(value: string): boolean {
  const m = /^(\d{3})-(\d{2})-(\d{4})$/.exec(value);
  return m !== null && m[1] !== '000' && m[1] !== '666' && !m[1]!.startsWith('9') && m[2] !== '00' && m[3] !== '0000';
}

const digits = (stream: KeyedStream, n: number, first = 0): string => {
  let out = '';
  for (let i = 0; i < n; i++) out += stream.digit(i === 0 ? first : 0);
  return out;
};

/**
 * Masks a national ID keeping its kind and a valid checksum; undefined when
 * the value is none of the recognised kinds (the caller masks it by shape).
 */
export function maskNationalId(value: string, stream: KeyedStream): string | undefined {
  if (isSpanishId(value)) {
    const prefix = /^[XYZ]/i.test(value) ? value[0]!.toUpperCase() : '';
    const body = digits(stream, prefix ? 7 : 8);
    const number = Number(`${prefix ? 'XYZ'.indexOf(prefix) : ''}${body}`);
    return `${prefix}${body}${DNI_LETTERS[number % 23]}`;
  }
  if (isFrenchNir(value)) {
    const body = `${value.replace(/ /g, '')[0]}${digits(stream, 12)}`;
    const masked = `${body}${String(nirKey(body)).padStart(2, '0')}`;
    return withSeparatorsOf(value, masked);
  }
  if (isDutchBsn(value)) {
    for (;;) {
      const candidate = digits(stream, 9, 1);
      if (isDutchBsn(candidate)) return candidate;
    }
  }
  if (isGermanTaxId(value)) {
    const body = digits(stream, 10, 1);
    const masked = body + mod1110(body);
    return withSeparatorsOf(value, masked);
  }
  if (isUsSsn(value)) return `${100 + stream.below(565)}-${digits(stream, 1, 1)}${digits(stream, 1)}-${digits(stream, 4, 1)}`;
  return undefined;
}
