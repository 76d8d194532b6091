import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMapwrightError } from '../errors';
import { readPayload } from '../payload/read-payload';
import { maskSample, toMaskPolicy } from './mask-sample';

const fixtures = join(import.meta.dirname, '..', '..', 'tests', 'fixtures');
const key = new TextEncoder().encode('mask-sample-test-key-0123456789!');

function bytesOf(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(join(fixtures, relative)));
}

describe('maskSample', () => {
  it('masks a CSV sample and keeps delimiter, CRLF, header and quoting of fields that need it', () => {
    const { text, report, format } = maskSample(bytesOf('masking/kunden.csv'), { key, file: 'kunden.csv' });
    expect(format).toBe('csv');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('Kundennummer;Vorname;Nachname;E-Mail;Telefon;PLZ;Ort;IBAN;Betrag;Waehrung;Notiz');
    expect(lines[1]).toMatch(/^1001;[^;]+;[^;]+;[^;]+@example\.(com|org|net);/);
    expect(lines[1]).toContain(';1.234,50;EUR;');
    expect(lines[1]).toMatch(/;"Rückruf an [^"]+; bitte ""dringend"""$/);
    for (const raw of ['Anna', 'Schmidt', 'anna.schmidt@beispiel.de', '901820', 'DE89370400440532013000', '4111 1111 1111 1111']) expect(text).not.toContain(raw);
    expect(report.find((e) => e.path === '[].E-Mail')).toMatchObject({ category: 'email', masked: true, count: 3 });
  });

  it('edits JSON text in place, so untouched tokens keep their spelling', () => {
    const input = '{\n  "email": "bob.norman@hostmail.com",\n  "total": 1.10,\n  "sku": "IPOD"\n}\n';
    const { text, format } = maskSample(input, { key, format: 'json' });
    expect(format).toBe('json');
    expect(text).toMatch(/^\{\n {2}"email": "[^"]+@example\.(com|org|net)",\n {2}"total": 1\.10,\n {2}"sku": "IPOD"\n\}\n$/);
  });

  it('gives the same text as bytes and as a string, and the same text on every call', () => {
    const bytes = bytesOf('corpus/json/shopify/order.json');
    const a = maskSample(bytes, { key, file: 'order.json' });
    expect(maskSample(new TextDecoder().decode(bytes), { key, format: 'json' }).text).toBe(a.text);
    expect(maskSample(bytes, { key, file: 'order.json' }).text).toBe(a.text);
    expect(a.text).not.toContain('bob.norman@hostmail.com');
  });

  it('applies the project document policy', () => {
    const xml = bytesOf('corpus/xml/sepa/pain.001.001.03.xml');
    const plain = maskSample(xml, { key, file: 'pain.xml' });
    expect(plain.text.startsWith('<?xml')).toBe(true);
    expect(plain.text).not.toContain('DE87200500001234567890');
    const kept = maskSample(xml, { key, file: 'pain.xml', policy: { keepCategories: ['iban'] } });
    expect(kept.text).toContain('DE87200500001234567890');
    expect(kept.report.filter((e) => e.category === 'iban').every((e) => !e.masked)).toBe(true);
    expect(readPayload(kept.text, { format: 'xml' }).value).toBeTruthy();
  });

  it('converts the document policy field by field', () => {
    expect(toMaskPolicy(undefined)).toEqual({});
    const policy = { keepCategories: ['bic' as const], fields: { 'a.b': 'never' as const }, minConfidence: 0.7 };
    const converted = toMaskPolicy(policy);
    expect(converted).toEqual(policy);
    converted.keepCategories!.push('iban');
    expect(policy.keepCategories).toEqual(['bic']);
  });

  it('fails with the reader code on a broken sample', () => {
    let error: unknown;
    try {
      maskSample('{"email": "a@b.de",', { key, format: 'json' });
    } catch (e) {
      error = e;
    }
    expect(isMapwrightError(error) && error.code).toBe('JSON_PARSE');
  });
});
