/**
 * Random CSV-ish and JSON-ish text: the readers either return a value or
 * throw a coded MapwrightError (never anything else, never hang), and the
 * streaming readers agree with the whole-file readers on rows and errors.
 */
import { describe, expect, it } from 'vitest';
import { isMapwrightError } from '../errors';
import { readCsv, streamCsv } from './csv-read';
import { readJson } from './json-read';
import { readJsonLines, streamJsonLines } from './jsonl-read';
import type { JsonValue } from './types';
import { seededRandom } from '../../tests/helpers/seeded-random';


function randomText(next: () => number, alphabet: string[], length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
  return text;
}

type Outcome = { rows: JsonValue } | { code: string; line?: number; column?: number };

function outcome(work: () => JsonValue): Outcome {
  try {
    return { rows: work() };
  } catch (error) {
    if (!isMapwrightError(error)) throw error;
    return { code: error.code, line: error.line, column: error.column };
  }
}

async function streamOutcome(batches: AsyncGenerator<JsonValue[]>): Promise<Outcome> {
  const rows: JsonValue[] = [];
  try {
    for await (const batch of batches) rows.push(...batch);
    return { rows };
  } catch (error) {
    if (!isMapwrightError(error)) throw error;
    return { code: error.code, line: error.line, column: error.column };
  }
}

async function* pieces(text: string, next: () => number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; ) {
    const size = 1 + Math.floor(next() * 9);
    yield bytes.subarray(i, i + size);
    i += size;
  }
}

const CSV_ALPHABET = ['a', 'b', '1', ',', ';', '\t', '|', '"', '"', '\n', '\r\n', '\r', ' ', '#', '~', 'é', '😀'];
const JSON_ALPHABET = ['{', '}', '[', ']', '"', ':', ',', '1', '-', '.', 'e', 't', 'n', '\\', 'u', ' ', '\n', 'a', 'é'];

describe('fuzz', () => {
  it('readCsv and streamCsv agree on 400 random inputs', async () => {
    const next = seededRandom(20261124);
    for (let round = 0; round < 400; round++) {
      const text = randomText(next, CSV_ALPHABET, Math.floor(next() * 80));
      const whole = outcome(() => readCsv(text).value);
      const streamed = await streamOutcome(streamCsv(pieces(text, next)));
      expect(streamed, JSON.stringify(text)).toEqual(whole);
    }
  });

  it('readJson only ever throws JSON_PARSE, at a position inside the text', () => {
    const next = seededRandom(7);
    for (let round = 0; round < 2000; round++) {
      const text = randomText(next, JSON_ALPHABET, Math.floor(next() * 30));
      const result = outcome(() => readJson(text).value);
      if ('code' in result) {
        expect(result.code, JSON.stringify(text)).toBe('JSON_PARSE');
        expect(result.line, JSON.stringify(text)).toBeGreaterThanOrEqual(1);
        expect(result.line, JSON.stringify(text)).toBeLessThanOrEqual(text.split(/\r\n|\n|\r/).length);
      } else expect(result.rows).toEqual(JSON.parse(text));
    }
  });

  it('readJsonLines and streamJsonLines agree on 300 random inputs', async () => {
    const next = seededRandom(99);
    const alphabet = [...JSON_ALPHABET, '\n', '\n', '{}', '[1]', '"x"'];
    for (let round = 0; round < 300; round++) {
      const text = randomText(next, alphabet, Math.floor(next() * 40));
      const whole = outcome(() => readJsonLines(text).value);
      expect(await streamOutcome(streamJsonLines(pieces(text, next))), JSON.stringify(text)).toEqual(whole);
    }
  });
});
