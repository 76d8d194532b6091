/**
 * Issue 11: masking hostile payloads ends with the masked copy or a coded
 * LIMIT_EXCEEDED naming the file, never a stack overflow or a hang.
 */
import { describe, expect, it } from 'vitest';
import { isMapwrightError } from '../errors';
import { MAX_PAYLOAD_DEPTH } from '../payload/depth-limit';
import { scanFreeText } from './free-text-scan';
import { maskSample } from './mask-sample';
import { MAX_MASK_VALUE_CHARS } from './mask-session';

const key = new Uint8Array(32).fill(7);

function codeOf(run: () => unknown): { code: string; file?: string } {
  try {
    run();
  } catch (error) {
    if (isMapwrightError(error)) return { code: error.code, ...(error.file ? { file: error.file } : {}) };
    throw error;
  }
  throw new Error('no error');
}

describe('masking limits', () => {
  it('refuses JSON nested past the depth limit with LIMIT_EXCEEDED naming the file', () => {
    const deep = `${'{"email":'.repeat(5000)}"a@b.de"${'}'.repeat(5000)}`;
    expect(codeOf(() => maskSample(deep, { key, format: 'json', file: 'deep.json' }))).toEqual({ code: 'LIMIT_EXCEEDED', file: 'deep.json' });
    const xml = `${'<a>'.repeat(100_000)}x${'</a>'.repeat(100_000)}`;
    expect(codeOf(() => maskSample(xml, { key, format: 'xml', file: 'deep.xml' }))).toEqual({ code: 'LIMIT_EXCEEDED', file: 'deep.xml' });
  });

  it('masks a payload exactly at the depth limit', () => {
    const depth = MAX_PAYLOAD_DEPTH - 1;
    const text = `${'{"a":'.repeat(depth)}{"email":"ann@example.com"}${'}'.repeat(depth)}`;
    const masked = maskSample(text, { key, format: 'json', file: 'ok.json' });
    expect(masked.text).not.toContain('ann@example.com');
  });

  it('refuses a string value over the size limit with LIMIT_EXCEEDED naming the file', () => {
    const text = `{"name":"${'a '.repeat(MAX_MASK_VALUE_CHARS / 2 + 1)}"}`;
    expect(codeOf(() => maskSample(text, { key, format: 'json', file: 'big.json' }))).toEqual({ code: 'LIMIT_EXCEEDED', file: 'big.json' });
    const csv = `name,email\n"${'b'.repeat(MAX_MASK_VALUE_CHARS + 1)}",a@example.com\n`;
    expect(codeOf(() => maskSample(csv, { key, format: 'csv', file: 'big.csv' }))).toEqual({ code: 'LIMIT_EXCEEDED', file: 'big.csv' });
  });

  // Liveness: each of these was quadratic (siblings per field, e-mail regex, HMAC per block over the value).
  it('masks an object of 50k keys, a row of 20k columns, 20k attributes and long values (the hostile suite runs the full sizes)', () => {
    const wide = JSON.stringify(Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`field${i}`, i % 2 ? 'x' : i])));
    expect(maskSample(wide, { key, format: 'json', file: 'wide.json' }).format).toBe('json');
    const columns = `${Array.from({ length: 20_000 }, (_, i) => `c${i}`).join(',')}\n${Array.from({ length: 20_000 }, (_, i) => i).join(',')}\n`;
    expect(maskSample(columns, { key, format: 'csv', file: 'wide.csv' }).format).toBe('csv');
    const attrs = `<r ${Array.from({ length: 20_000 }, (_, i) => `a${i}="${i}"`).join(' ')}/>`;
    expect(maskSample(attrs, { key, format: 'xml', file: 'wide.xml' }).format).toBe('xml');
    const long = `{"email":"${'e'.repeat(200_000)}","note":"${'x'.repeat(MAX_MASK_VALUE_CHARS - 100)}"}`;
    expect(maskSample(long, { key, format: 'json', file: 'long.json' }).text.length).toBeGreaterThan(MAX_MASK_VALUE_CHARS);
  });
});

describe('scanFreeText on long text', () => {
  it('finds e-mail addresses as the regex did, skipping service addresses', () => {
    const text = 'mail ann.lee+x@corp.example.org, git@github.com:o/r and https://user@host.example/ or bob@b.de.';
    const emails = scanFreeText(text).filter((s) => s.category === 'email').map((s) => text.slice(s.start, s.end));
    expect(emails).toEqual(['ann.lee+x@corp.example.org', 'bob@b.de']);
  });

  it('scans a million characters without an @, and a million of e-mails, in one pass', () => {
    expect(scanFreeText('x'.repeat(1_000_000))).toEqual([]);
    expect(scanFreeText('a@b.de,'.repeat(150_000))).toHaveLength(150_000);
  });
});
