import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MapwrightError } from '../errors';
import { readCsv, streamCsv, type CsvReadOptions } from './csv-read';
import type { JsonValue } from './types';

const corpus = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'corpus', 'csv');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect(input: Uint8Array, size: number, options?: CsvReadOptions): Promise<{ rows: JsonValue[]; batches: number[] }> {
  const rows: JsonValue[] = [];
  const batches: number[] = [];
  for await (const batch of streamCsv(chunksOf(input, size), options)) {
    batches.push(batch.length);
    rows.push(...batch);
  }
  return { rows, batches };
}

async function streamFailure(input: Uint8Array, size: number, options?: CsvReadOptions): Promise<MapwrightError> {
  const error = await collect(input, size, options).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(MapwrightError);
  return error as MapwrightError;
}

/**
 * 50,000 rows with CRLF endings, zero-padded ids, empty and missing fields,
 * quoted delimiters, doubled quotes, quoted line breaks and multi-byte text.
 */
function generatedCsv(): string {
  const lines = ['id;name;note;amount'];
  for (let i = 0; i < 50_000; i++) {
    const name = i % 7 === 0 ? `Zoë 漢字 😀 ${i}` : `row ${i}`;
    const note = i % 5 === 0 ? `"says ""hi"";\r\nsecond line ✓"` : i % 3 === 0 ? '' : `n${i}`;
    const line = i % 11 === 0 ? `${String(i).padStart(6, '0')};${name}` : `${String(i).padStart(6, '0')};${name};${note};${(i / 8).toFixed(2).replace('.', ',')}`;
    lines.push(line);
    if (i % 997 === 0) lines.push('');
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('streamCsv', () => {
  const bytes = utf8(generatedCsv());
  const whole = readCsv(bytes);

  it('the whole-file reader reads the generated file', () => {
    const rows = whole.value as Array<Record<string, string>>;
    expect(rows).toHaveLength(50_000);
    expect(whole.meta).toMatchObject({ delimiter: ';', lineEnding: '\r\n', headers: ['id', 'name', 'note', 'amount'] });
    expect(rows[0]).toEqual({ id: '000000', name: 'Zoë 漢字 😀 0' });
    expect(rows[5]).toEqual({ id: '000005', name: 'row 5', note: 'says "hi";\r\nsecond line ✓', amount: '0,63' });
    expect(rows[3]?.note).toBe('');
  });

  it.each([7, 4096])('gives the same rows in %i-byte chunks, in batches', async (size) => {
    const { rows, batches } = await collect(bytes, size);
    expect(rows).toEqual(whole.value);
    expect(batches.length).toBeGreaterThanOrEqual(50);
    expect(Math.max(...batches)).toBeLessThanOrEqual(1000);
  });

  it('stops after previewLimit rows', async () => {
    const { rows } = await collect(bytes, 4096, { previewLimit: 2500 });
    expect(rows).toEqual((whole.value as JsonValue[]).slice(0, 2500));
  });

  it('reads small inputs that end before the detection sample fills', async () => {
    const small = utf8('a|b\r\n1|"x\r\ny"\r\n');
    expect((await collect(small, 1)).rows).toEqual([{ a: '1', b: 'x\r\ny' }]);
  });

  it('falls back to windows-1252 like the whole-file reader', async () => {
    const latin = new Uint8Array(readFileSync(join(corpus, 'duckdb/encoding/latin1.csv')));
    expect((await collect(latin, 5)).rows).toEqual(readCsv(latin).value);
  });

  it('reads UTF-16LE with BOM in odd-sized chunks', async () => {
    const utf16 = new Uint8Array(readFileSync(join(corpus, 'duckdb/encoding/utf16le-bom.csv')));
    expect((await collect(utf16, 3)).rows).toEqual(readCsv(utf16).value);
  });

  it.each([
    ['duckdb/structure/unescaped_quote_semicolon.csv', 1, 10],
    ['spark-csv/ages-malformed.csv', 3, 16],
  ])('reports %s at the same line and column', async (name, line, column) => {
    const input = new Uint8Array(readFileSync(join(corpus, name)));
    expect(await streamFailure(input, 7, { file: name })).toMatchObject({ code: 'CSV_PARSE', file: name, line, column });
  });

  it('reports an unterminated quote at the end of the stream', async () => {
    expect(await streamFailure(utf8('a,b\n1,"open\nmore'), 2)).toMatchObject({ code: 'CSV_PARSE', line: 2, column: 3 });
  });

  it('reports a wide row deep in the file at its physical line', async () => {
    const text = `${generatedCsv()}1;2;3;4;5\r\n`;
    const lines = text.split('\r\n').length - 1;
    expect(await streamFailure(utf8(text), 4096)).toMatchObject({ code: 'CSV_PARSE', line: lines, column: 9 });
  });
});
