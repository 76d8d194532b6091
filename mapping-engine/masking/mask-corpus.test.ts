/**
 * Masking over real payloads from the corpus and the hand-written masking
 * fixtures: personal values gone, everything else unchanged, deterministic
 * per key, masked values valid, and XML/CSV still parsing to the same shape.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPayload } from '../payload/read-payload';
import type { JsonValue } from '../payload/types';
import { writePayload } from '../payload/write-payload';
import { maskPayload } from './mask-payload';
import { isEmail, isIban, luhnValid } from './value-formats';
import { walkLeaves } from './walk-leaves';

const fixtures = join(import.meta.dirname, '..', '..', 'tests', 'fixtures');
const key = new TextEncoder().encode('corpus-test-key-corpus-test-key!');
const otherKey = new TextEncoder().encode('a different key for the corpus!!');

const FILES = [
  'corpus/json/shopify/order.json',
  'corpus/json/github-webhooks/push/payload.json',
  'corpus/json/github-webhooks/issues/opened.payload.json',
  'corpus/json/github-webhooks/pull_request/opened.payload.json',
  'corpus/json/github-webhooks/check_suite/requested.payload.with-email-with-special-characters.json',
  'corpus/json/github-webhooks/push/with-no-username-committer.payload.json',
  'corpus/json/github-webhooks/release/published.payload.json',
  'corpus/json/stripe/fixtures3.json',
  'corpus/xml/ubl-2.1/UBL-Invoice-2.1-Example.xml',
  'corpus/xml/ubl-2.1/UBL-Order-2.1-Example.xml',
  'corpus/xml/ubl-2.1/UBL-CreditNote-2.1-Example.xml',
  'corpus/xml/ubl-2.1/UBL-Invoice-2.0-Example-NS2.xml',
  'corpus/xml/sepa/pain.001.001.03.xml',
  'corpus/xml/sepa/pain.001.001.03.ch.02.xml',
  'corpus/xml/sepa/pain.008.003.02.xml',
  'masking/kunden.csv',
  'masking/contacts-multilang.json',
];

/** Every leaf of a value as [path, value] in document order. */
function leaves(value: JsonValue): Array<[string, string | number]> {
  const out: Array<[string, string | number]> = [];
  walkLeaves(value, (leaf) => out.push([leaf.path, leaf.value]));
  return out;
}

/** The value with every leaf replaced by its type: what "the same structure" means. */
function shape(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(shape);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  return typeof value;
}

function maskFile(relative: string, withKey = key) {
  const file = join(fixtures, relative);
  const parsed = readPayload(new Uint8Array(readFileSync(file)), { file });
  const result = maskPayload(parsed.value, { key: withKey });
  const text = writePayload(result.value, parsed.format, { meta: parsed.meta, metaFormat: parsed.format });
  return { parsed, result, text };
}

describe.each(FILES)('masking %s', (relative) => {
  const { parsed, result, text } = maskFile(relative);
  const before = leaves(parsed.value);
  const after = leaves(result.value);
  const maskedPaths = new Set(result.report.filter((e) => e.masked).map((e) => e.path));

  it('finds personal data', () => {
    expect(result.report.filter((e) => e.masked).length).toBeGreaterThan(0);
  });

  it('removes every personal value from the output', () => {
    const originals = before.filter(([path]) => maskedPaths.has(path)).map(([, v]) => String(v).trim());
    // Text that already stood in a non-personal field (an ID "123456" that is also a fax number, "54321" inside
    // the VAT number "BE54321") may stay there; everywhere else it must be gone.
    const elsewhere = before.filter(([path]) => !maskedPaths.has(path)).map(([, v]) => String(v));
    const gone = originals.filter((v) => v.length >= 4 && !elsewhere.some((e) => e.includes(v)));
    expect(gone.length).toBeGreaterThan(0);
    for (const value of gone) expect(text.includes(value), 'a personal value survived masking').toBe(false);
    // Short values (initials, 3-digit postcodes) are checked leaf by leaf instead.
    after.forEach(([path, v], i) => {
      if (maskedPaths.has(path) && String(before[i]![1]).length >= 2) expect(v).not.toEqual(before[i]![1]);
    });
  });

  it('leaves every non-personal value unchanged', () => {
    expect(after.map(([p]) => p)).toEqual(before.map(([p]) => p));
    after.forEach(([path, v], i) => {
      if (!maskedPaths.has(path)) expect(v).toEqual(before[i]![1]);
    });
  });

  it('gives valid values: emails, IBANs, cards', () => {
    for (const entry of result.report.filter((e) => e.masked)) {
      if (entry.category === 'iban' && entry.reason.includes('checksum')) expect(isIban(entry.maskedExample)).toBe(true);
      if (entry.category === 'card') expect(luhnValid(entry.maskedExample.replace(/\D/g, ''))).toBe(true);
    }
    after.forEach(([path, v], i) => {
      const original = String(before[i]![1]);
      if (!maskedPaths.has(path) || typeof v !== 'string') return;
      if (isEmail(original)) expect(isEmail(v)).toBe(true);
      if (isIban(original)) expect(isIban(v)).toBe(true);
    });
  });

  it('is deterministic under a key and differs under another', () => {
    expect(maskFile(relative).text).toBe(text);
    expect(maskFile(relative, otherKey).text).not.toBe(text);
  });

  it('parses back to the same structure', () => {
    const again = readPayload(text, { file: relative, format: parsed.format });
    expect(shape(again.value)).toEqual(shape(parsed.value));
    if (parsed.format === 'xml') {
      const source = readFileSync(join(fixtures, relative), 'utf8');
      expect(text.startsWith('<?xml')).toBe(source.startsWith('<?xml'));
      for (const ns of source.match(/xmlns(:\w+)?="[^"]+"/g) ?? []) expect(text).toContain(ns.split('=')[1]);
    }
    if (parsed.format === 'csv') {
      expect(text.split('\r\n')[0]).toBe(readFileSync(join(fixtures, relative), 'utf8').split('\r\n')[0]);
      expect(again.meta).toMatchObject({ delimiter: ';', lineEnding: '\r\n' });
    }
  });
});
