import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacSha256, sha256, toHex } from './hmac-sha256';
import { KeyedStream } from './keyed-stream';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('sha256 / hmacSha256', () => {
  it('matches the FIPS 180-4 vectors', () => {
    expect(toHex(sha256(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(toHex(sha256(utf8('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(toHex(sha256(utf8('a'.repeat(1000))))).toBe('41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3');
  });

  it('matches RFC 4231 test case 2 and node:crypto for long keys and messages', () => {
    expect(toHex(hmacSha256(utf8('Jefe'), utf8('what do ya want for nothing?')))).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    const key = utf8('k'.repeat(131));
    const message = utf8('m'.repeat(300));
    expect(toHex(hmacSha256(key, message))).toBe(createHmac('sha256', key).update(message).digest('hex'));
  });
});

describe('KeyedStream', () => {
  const key = utf8('0123456789abcdef0123456789abcdef');

  it('is reproducible for the same key, label and value and differs otherwise', () => {
    const draw = (k: Uint8Array, label: string, value: string): number[] => {
      const s = new KeyedStream(k, label, value);
      return Array.from({ length: 40 }, () => s.byte());
    };
    expect(draw(key, 'email', 'a@b.c')).toEqual(draw(key, 'email', 'a@b.c'));
    expect(draw(key, 'email', 'a@b.c')).not.toEqual(draw(key, 'fullName', 'a@b.c'));
    expect(draw(key, 'email', 'a@b.c')).not.toEqual(draw(utf8('another key'), 'email', 'a@b.c'));
  });

  it('draws numbers in range', () => {
    const s = new KeyedStream(key, 'x', 'y');
    for (let i = 0; i < 200; i++) {
      expect(s.below(7)).toBeLessThan(7);
      expect(Number(s.digit(1))).toBeGreaterThanOrEqual(1);
      expect(s.letter(true)).toMatch(/^[A-Z]$/);
    }
  });
});
