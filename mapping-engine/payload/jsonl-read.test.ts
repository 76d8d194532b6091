import { describe, expect, it } from 'vitest';
import { MapwrightError } from '../errors';
import { readJsonLines, streamJsonLines } from './jsonl-read';
import type { JsonValue } from './types';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect(batches: AsyncGenerator<JsonValue[]>): Promise<{ records: JsonValue[]; sizes: number[] }> {
  const records: JsonValue[] = [];
  const sizes: number[] = [];
  for await (const batch of batches) {
    sizes.push(batch.length);
    records.push(...batch);
  }
  return { records, sizes };
}

async function streamFailure(work: Promise<unknown>): Promise<MapwrightError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(MapwrightError);
  return error as MapwrightError;
}

/** 50,000 records with multi-byte text, escaped newlines, CRLF and blank lines. */
function generatedJsonLines(): string {
  const lines: string[] = [];
  for (let i = 0; i < 50_000; i++) {
    const record = { id: String(i).padStart(6, '0'), name: i % 7 === 0 ? `Zoë 漢字 😀 ${i}` : `row ${i}`, note: i % 5 === 0 ? 'two\nlines "quoted"' : null, n: i / 4 };
    lines.push(JSON.stringify(record) + (i % 3 === 0 ? '\r' : ''));
    if (i % 1000 === 0) lines.push('');
  }
  return lines.join('\n');
}

describe('readJsonLines', () => {
  it('reads one value per line, skipping blank lines and CRLF endings', () => {
    const parsed = readJsonLines('{"a":1}\r\n\n  \n[2]\n"x"\r\n');
    expect(parsed).toMatchObject({ format: 'jsonl', value: [{ a: 1 }, [2], 'x'], warnings: [] });
  });

  it('gives an empty array for empty input', () => {
    expect(readJsonLines('').value).toEqual([]);
    expect(readJsonLines('\n\n').value).toEqual([]);
  });

  it('names the line of the file and the column within it', () => {
    const text = '{"a":1}\n\n{"b":2}\n  {"c": 3,}\n';
    let error: unknown;
    try {
      readJsonLines(text, { file: 'events.jsonl' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'JSONL_PARSE', file: 'events.jsonl', line: 4, column: 11 });
  });

  it('rejects two values on one line', () => {
    expect(() => readJsonLines('{"a":1} {"b":2}')).toThrowError(expect.objectContaining({ code: 'JSONL_PARSE', line: 1, column: 9 }));
  });

  it('previews the first records with an exact total from counting lines', () => {
    const parsed = readJsonLines('1\n2\n\n3\n4\n', { previewLimit: 2 });
    expect(parsed.value).toEqual([1, 2]);
    expect(parsed.truncated).toEqual({ shown: 2, approxTotal: 4, exact: true });
  });

  it('does not parse beyond the preview (a bad later line is not reached)', () => {
    expect(readJsonLines('1\n2\n{bad\n', { previewLimit: 1 }).value).toEqual([1]);
  });

  it('rejects non-UTF-8 bytes with ENCODING', () => {
    expect(() => readJsonLines(new Uint8Array([0x22, 0xe9, 0x22]))).toThrowError(expect.objectContaining({ code: 'ENCODING' }));
  });
});

describe('streamJsonLines', () => {
  const text = generatedJsonLines();
  const bytes = utf8(text);
  const whole = readJsonLines(bytes).value as JsonValue[];

  it('reads the generated file whole', () => {
    expect(whole).toHaveLength(50_000);
    expect(whole[7]).toEqual({ id: '000007', name: 'Zoë 漢字 😀 7', note: null, n: 1.75 });
  });

  it.each([7, 4096])('gives the same records in %i-byte chunks (split lines and characters), in batches', async (size) => {
    const { records, sizes } = await collect(streamJsonLines(chunksOf(bytes, size)));
    expect(records).toEqual(whole);
    expect(sizes.length).toBeGreaterThan(10);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1000);
  });

  it('accepts string chunks', async () => {
    const pieces = (async function* () {
      yield '{"a":';
      yield '1}\n{"b"';
      yield ':2}';
    })();
    expect((await collect(streamJsonLines(pieces))).records).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('stops after previewLimit records', async () => {
    const { records } = await collect(streamJsonLines(chunksOf(bytes, 4096), { previewLimit: 1500 }));
    expect(records).toEqual(whole.slice(0, 1500));
  });

  it('reports the same line and column as the whole-file reader', async () => {
    const bad = utf8('{"a":1}\n{"é":2}\n\n{"c" 3}\n');
    const error = await streamFailure(collect(streamJsonLines(chunksOf(bad, 3), { file: 'x.jsonl' })));
    expect(error).toMatchObject({ code: 'JSONL_PARSE', file: 'x.jsonl', line: 4, column: 6 });
    expect(() => readJsonLines(bad)).toThrowError(expect.objectContaining({ line: 4, column: 6 }));
  });

  it('reports a last line cut short', async () => {
    const error = await streamFailure(collect(streamJsonLines(chunksOf(utf8('1\n{"a":'), 2))));
    expect(error).toMatchObject({ code: 'JSONL_PARSE', line: 2, column: 6 });
  });

  it('reports invalid UTF-8 as ENCODING', async () => {
    const error = await streamFailure(collect(streamJsonLines(chunksOf(new Uint8Array([0x31, 0x0a, 0x22, 0xff, 0x22]), 2))));
    expect(error).toMatchObject({ code: 'ENCODING', line: 2 });
  });
});
