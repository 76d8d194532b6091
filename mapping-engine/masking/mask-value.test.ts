import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { maskNumber, maskText, redactFreeText } from './mask-value';
import { isCardNumber, isEmail, isIban, isIpv4, isIpv6, luhnValid } from './value-formats';

const key = new TextEncoder().encode('test-key-0123456789abcdef-0123456');
const otherKey = new TextEncoder().encode('another-key-0123456789abcdef-0123');

describe('maskText', () => {
  it('is deterministic under one key and differs under another', () => {
    for (const [category, value] of [['email', 'bob@x.com'], ['fullName', 'Bob Norman'], ['iban', 'DE89370400440532013000'], ['phone', '+49 30 901820']] as const) {
      expect(maskText(category, value, key)).toBe(maskText(category, value, key));
      expect(maskText(category, value, key)).not.toBe(maskText(category, value, otherKey));
      expect(maskText(category, value, key)).not.toBe(value);
    }
  });

  it('masks emails to valid addresses on reserved domains, ignoring case for joins', () => {
    const masked = maskText('email', 'Bob.Norman@Hostmail.com', key);
    expect(isEmail(masked)).toBe(true);
    expect(masked).toMatch(/@example\.(com|org|net)$/);
    expect(maskText('email', 'bob.norman@hostmail.com', key)).toBe(masked);
  });

  it('keeps IBAN country, layout and a valid checksum', () => {
    for (const iban of ['DE89370400440532013000', 'GB82 WEST 1234 5698 7654 32', 'CH9300762011623852957']) {
      const masked = maskText('iban', iban, key);
      expect(isIban(masked)).toBe(true);
      expect(masked.slice(0, 2)).toBe(iban.slice(0, 2));
      expect(masked.length).toBe(iban.length);
      expect(masked.replace(/\S/g, 'x')).toBe(iban.replace(/\S/g, 'x'));
    }
  });

  it('keeps card length, layout, issuer digit and Luhn validity', () => {
    for (const card of ['4242424242424242', '3782 822463 10005', '5555-5555-5555-4444']) {
      const masked = maskText('card', card, key);
      expect(masked).not.toBe(card);
      expect(masked.replace(/\d/g, '9')).toBe(card.replace(/\d/g, '9'));
      expect(masked[0]).toBe(card[0]);
      expect(luhnValid(masked.replace(/\D/g, ''))).toBe(true);
      expect(isCardNumber(masked)).toBe(true);
    }
  });

  it('keeps the phone country prefix, length and layout, and validity when it can', () => {
    const masked = maskText('phone', '+49 30 901820', key);
    expect(masked.startsWith('+49 ')).toBe(true);
    expect(masked.replace(/\d/g, '9')).toBe('+99 99 999999');
    expect(parsePhoneNumberFromString(masked)?.isValid()).toBe(true);
    expect(maskText('phone', '0041 44 668 18 00', key)).toMatch(/^0041 \d\d \d{3} \d\d \d\d$/);
    expect(maskText('phone', '030 1234567', key)).toMatch(/^0[1-9]\d \d{7}$/);
  });

  it('shifts dates of birth by a keyed offset and keeps their format', () => {
    const iso = maskText('birthDate', '1984-02-29', key);
    expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const days = Math.abs(Date.parse(iso) - Date.parse('1984-02-29')) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(1);
    expect(days).toBeLessThanOrEqual(365);
    expect(maskText('birthDate', '29.02.1984', key)).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    expect(maskText('birthDate', '1984-02-29T00:00:00Z', key)).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
  });

  it('keeps postcode shape and leading zeros', () => {
    expect(maskText('postcode', '01067', key)).toMatch(/^0[1-9]\d{3}$/);
    expect(maskText('postcode', 'SW1A 1AA', key)).toMatch(/^[A-Z]{2}\d[A-Z] \d[A-Z]{2}$/);
    expect(maskText('postcode', '75001', key)).toMatch(/^[1-9]\d{4}$/);
  });

  it('gives realistic names, with the word count of a full name', () => {
    expect(maskText('firstName', 'Antonio', key)).toMatch(/^\p{L}[\p{L}' -]*$/u);
    expect(maskText('fullName', 'Bob Norman', key).split(' ')).toHaveLength(2);
    expect(maskText('fullName', 'Bob Norman', key)).not.toBe('Bob Norman');
  });

  it('keeps IP versions on private and documentation ranges', () => {
    expect(isIpv4(maskText('ipAddress', '84.12.1.9', key))).toBe(true);
    expect(maskText('ipAddress', '84.12.1.9', key)).toMatch(/^10\./);
    const v6 = maskText('ipAddress', '2a00:1450:4001::200e', key);
    expect(isIpv6(v6) && v6.startsWith('2001:db8:')).toBe(true);
  });

  it('redacts personal data inside free text in place', () => {
    const text = 'Call +49 30 901820 or mail jane.doe@corp.de before Friday';
    const masked = redactFreeText(text, key);
    expect(masked).toMatch(/^Call \+49 \d\d \d{6} or mail \S+@example\.(com|org|net) before Friday$/);
    expect(masked).not.toContain('jane.doe@corp.de');
    expect(masked).not.toContain('901820');
  });

  it('masks numbers and keeps them numbers when that is lossless', () => {
    const masked = maskNumber('phone', 4621230, key);
    expect(typeof masked).toBe('number');
    expect(String(masked)).toHaveLength(7);
  });
});
