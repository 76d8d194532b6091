import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cutAtCharBoundary, PREVIEW_BYTES, readTextPreview } from './read-preview';

const corpus = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'corpus');
const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe('cutAtCharBoundary', () => {
  it('keeps complete UTF-8 text unchanged', () => {
    const euro = bytes(0x41, 0xe2, 0x82, 0xac);
    expect(cutAtCharBoundary(euro)).toEqual(euro);
    expect(cutAtCharBoundary(bytes(0x41, 0x42))).toEqual(bytes(0x41, 0x42));
  });

  it('drops a multi-byte UTF-8 sequence cut in half', () => {
    expect(cutAtCharBoundary(bytes(0x41, 0xe2, 0x82))).toEqual(bytes(0x41));
    expect(cutAtCharBoundary(bytes(0x41, 0xf0, 0x9f, 0x98))).toEqual(bytes(0x41));
    expect(cutAtCharBoundary(bytes(0x41, 0xc3))).toEqual(bytes(0x41));
  });

  it('keeps UTF-16 text at an even length', () => {
    expect(cutAtCharBoundary(bytes(0xff, 0xfe, 0x41, 0x00, 0x42))).toEqual(bytes(0xff, 0xfe, 0x41, 0x00));
  });
});

describe('readTextPreview on corpus files', () => {
  it('truncates a large UTF-8 file with emoji at 4 KB on a character boundary', async () => {
    const file = join(corpus, 'json', 'blns', 'blns.json');
    const full = readFileSync(file, 'utf8');
    const preview = await readTextPreview(file, 'json/blns/blns.json');
    expect(preview.truncated).toBe(true);
    expect(full.startsWith(preview.text)).toBe(true);
    expect(new TextEncoder().encode(preview.text).length).toBeLessThanOrEqual(PREVIEW_BYTES);
    expect(new TextEncoder().encode(preview.text).length).toBeGreaterThan(PREVIEW_BYTES - 4);
  });

  it('reads a whole small file without marking it truncated', async () => {
    const file = join(corpus, 'csv', 'csv-spectrum', 'csvs', 'utf8.csv');
    const preview = await readTextPreview(file, 'utf8.csv');
    expect(preview).toEqual({ text: readFileSync(file, 'utf8'), truncated: false });
  });

  it('shows an ISO-8859-1 CSV through the windows-1252 fallback instead of failing', async () => {
    const preview = await readTextPreview(join(corpus, 'csv', 'duckdb', 'encoding', 'latin1.csv'), 'latin1.csv');
    expect(preview.text).toContain('José Álvarez');
    expect(preview.text).toContain('Müller');
  });

  it('decodes UTF-16LE with a BOM, also when the limit cuts a code unit in half', async () => {
    const file = join(corpus, 'csv', 'duckdb', 'encoding', 'utf16le-bom.csv');
    const whole = await readTextPreview(file, 'utf16le-bom.csv');
    expect(whole.text).toContain('Søren Kierkegaard');
    const cut = await readTextPreview(file, 'utf16le-bom.csv', 101);
    expect(cut.truncated).toBe(true);
    expect(cut.text).toBe(whole.text.slice(0, (100 - 2) / 2));
  });

  it('previews the XML file that starts with two BOMs (one is the BOM, the other stays visible)', async () => {
    const preview = await readTextPreview(join(corpus, 'xml', 'spark-xml', 'fias_house.xml'), 'fias_house.xml');
    expect(preview.truncated).toBe(true);
    expect(preview.text.startsWith('\uFEFF<?xml')).toBe(true);
  });

  it('reports a missing file as FILE_READ naming it', async () => {
    await expect(readTextPreview(join(corpus, 'nope.json'), 'samples/x/source/nope.json')).rejects.toMatchObject({
      code: 'FILE_READ',
      file: 'samples/x/source/nope.json',
    });
  });
});
