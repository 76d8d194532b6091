/**
 * JSON Lines reader: one JSON value per line (`\n`, optionally `\r\n`),
 * blank lines skipped. Errors name the line of the file and the column within
 * it. The streaming form yields batches of records while chunks arrive, so a
 * multi-gigabyte file never has to be in memory at once. A whole read keeps
 * the line each record is on (`meta.rowLines`, see row-lines.ts), so a run
 * error names a record by its line as it does a CSV row's.
 */
import { MapwrightError } from '../errors';
import { decodeText } from './decode';
import { explainJsonError } from './json-locate-error';
import { ChunkDecoder } from './jsonl-chunk-decoder';
import { RowLinesRecorder, type RowLines } from './row-lines';
import type { JsonValue, ParsedPayload, ReadOptions } from './types';

/** What a JSON Lines read keeps besides the records: the line each record is on. */
export interface JsonLinesMeta {
  rowLines?: RowLines;
}

/** Records per batch yielded by {@link streamJsonLines}. */
export const JSONL_BATCH_SIZE = 1000;

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** Parses one line; `lineNumber` is the 1-based line of the file it came from. */
function parseLine(line: string, lineNumber: number, file: string | undefined): JsonValue {
  try {
    return JSON.parse(line) as JsonValue;
  } catch (error) {
    const report = explainJsonError(line, error);
    throw new MapwrightError('JSONL_PARSE', report.message, {
      file,
      line: lineNumber + (report.line ?? 1) - 1,
      column: report.column,
      expected: report.expected,
      cause: error,
    });
  }
}

/** Drops the `\r` of a CRLF line ending. */
function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/**
 * Reads JSON Lines into an array of records.
 * With `previewLimit`, stops after that many records; `truncated.approxTotal`
 * is then the exact count of the remaining non-blank lines (cheap: no parsing).
 * @throws MapwrightError `JSONL_PARSE` (line of the file, column in the line) or `ENCODING`.
 */
export function readJsonLines(input: Uint8Array | string, options: ReadOptions = {}): ParsedPayload<JsonLinesMeta> {
  const { file } = options;
  const decoded = decodeText(input, { file, encoding: options.encoding, nonUtf8: 'error' });
  const lines = decoded.text.split('\n');
  const limit = options.previewLimit;
  const records: JsonValue[] = [];
  const rowLines = new RowLinesRecorder();
  for (let index = 0; index < lines.length; index++) {
    const line = stripCr(lines[index] ?? '');
    if (isBlank(line)) continue;
    if (limit !== undefined && records.length >= limit) {
      const remaining = lines.slice(index).filter((rest) => !isBlank(rest)).length;
      return {
        format: 'jsonl',
        value: records,
        truncated: { shown: records.length, approxTotal: records.length + remaining, exact: true },
        warnings: [],
        encoding: decoded.encoding,
      };
    }
    rowLines.note(records.length, index + 1);
    records.push(parseLine(line, index + 1, file));
  }
  const found = rowLines.result();
  return { format: 'jsonl', value: records, warnings: [], encoding: decoded.encoding, ...(found ? { meta: { rowLines: found } } : {}) };
}

/**
 * Streams JSON Lines: yields batches of at most {@link JSONL_BATCH_SIZE} records
 * as chunks arrive. Chunk boundaries may split lines and multi-byte
 * characters. Stops after `previewLimit` records when given.
 * @throws MapwrightError `JSONL_PARSE` or `ENCODING` when the bad line is reached.
 */
export async function* streamJsonLines(chunks: AsyncIterable<Uint8Array | string>, options: ReadOptions = {}): AsyncGenerator<JsonValue[]> {
  const { file } = options;
  const limit = options.previewLimit ?? Number.POSITIVE_INFINITY;
  const decoder = new ChunkDecoder({ file, encoding: options.encoding, nonUtf8: 'error' });
  let partial = '';
  let lineNumber = 1;
  let total = 0;
  let batch: JsonValue[] = [];
  // Returns true once the preview limit is reached.
  const take = (text: string, final: boolean): boolean => {
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0 || final; end = text.indexOf('\n', start)) {
      const piece = end >= 0 ? text.slice(start, end) : text.slice(start);
      const line = stripCr(start === 0 ? partial + piece : piece);
      if (start === 0) partial = '';
      if (!isBlank(line)) {
        if (total >= limit) return true;
        batch.push(parseLine(line, lineNumber, file));
        total++;
      }
      lineNumber++;
      if (end < 0) return false;
      start = end + 1;
    }
    partial += text.slice(start);
    return false;
  };
  for await (const chunk of chunks) {
    const stop = take(decoder.push(chunk), false);
    while (batch.length >= JSONL_BATCH_SIZE) {
      yield batch.slice(0, JSONL_BATCH_SIZE);
      batch = batch.slice(JSONL_BATCH_SIZE);
    }
    if (stop) {
      if (batch.length > 0) yield batch;
      return;
    }
  }
  take(decoder.end(), true);
  while (batch.length > 0) {
    yield batch.slice(0, JSONL_BATCH_SIZE);
    batch = batch.slice(JSONL_BATCH_SIZE);
  }
}
