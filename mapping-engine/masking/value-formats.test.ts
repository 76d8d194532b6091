import { describe, expect, it } from 'vitest';
import { scanFreeText } from './free-text-scan';
import { isCardNumber, isDateOnly, isEmail, isIban, isInternationalPhone, isIpv4, isIpv6, isTimestamp, looksLikeAmount, looksLikeCode, luhnValid } from './value-formats';

describe('value recognisers', () => {
  it('checks IBANs with mod 97', () => {
    expect(isIban('DE89370400440532013000')).toBe(true);
    expect(isIban('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(isIban('DE89370400440532013001')).toBe(false);
    expect(isIban('DE8937')).toBe(false);
  });

  it('checks cards with Luhn and issuer prefixes', () => {
    expect(luhnValid('4242424242424242')).toBe(true);
    expect(isCardNumber('4242 4242 4242 4242')).toBe(true);
    expect(isCardNumber('378282246310005')).toBe(true);
    expect(isCardNumber('4242424242424241')).toBe(false);
    // Luhn-valid but no card issuer starts with 1: an ID, not a card.
    expect(isCardNumber('1234567812345670')).toBe(false);
  });

  it('recognises emails, IPs and international phones', () => {
    expect(isEmail('bob.norman@hostmail.com')).toBe(true);
    expect(isEmail('git@github.com:owner/repo.git')).toBe(false);
    expect(isIpv4('192.168.0.1')).toBe(true);
    expect(isIpv4('256.1.1.1')).toBe(false);
    expect(isIpv6('2001:db8::1')).toBe(true);
    expect(isIpv6('::ffff:192.0.2.1')).toBe(true);
    expect(isIpv6('12:30')).toBe(false);
    expect(isInternationalPhone('+49 30 901820')).toBe(true);
    expect(isInternationalPhone('+1 555-555-5555')).toBe(false);
    expect(isInternationalPhone('4621230')).toBe(false);
  });

  it('knows the non-personal shapes', () => {
    expect(looksLikeAmount('409.94')).toBe(true);
    expect(looksLikeAmount('1,234.50')).toBe(true);
    expect(looksLikeAmount('54321')).toBe(false);
    expect(looksLikeCode('EUR')).toBe(true);
    expect(isTimestamp('2008-01-10T11:00:00-05:00')).toBe(true);
    expect(isDateOnly('1984-02-29')).toBe(true);
    expect(isDateOnly('29.02.1984')).toBe(true);
  });
});

describe('scanFreeText', () => {
  it('finds personal data inside text and nothing in service addresses', () => {
    const text = 'Call +49 30 901820 or mail jane.doe@corp.de, IBAN DE89 3704 0044 0532 0130 00, from 10.1.2.3';
    expect(scanFreeText(text).map((s) => [s.category, text.slice(s.start, s.end)])).toEqual([
      ['phone', '+49 30 901820'],
      ['email', 'jane.doe@corp.de'],
      ['iban', 'DE89 3704 0044 0532 0130 00'],
      ['ipAddress', '10.1.2.3'],
    ]);
    expect(scanFreeText('git@github.com:Codertocat/Hello-World.git')).toEqual([]);
    expect(scanFreeText('Order #1001 of 2024-01-01, total 409.94 USD')).toEqual([]);
  });
});
