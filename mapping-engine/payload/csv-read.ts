/**
 * CSV reader: the value is an array of row objects keyed by header. Values
 * stay text unless `options.schema` types a column; empty fields are `""`,
 * fields missing from a short row are absent keys, a row longer than the
 * header is a `CSV_PARSE` error. See docs/formats-csv-json.md.
 */
import { DIALECT_SAMPLE_CHARS } from './csv-dialect';
import { decodeText } from './decode';
import { dialectSample, CsvSession } from './csv-session';
import { ChunkDecoder } from './jsonl-chunk-decoder';
import type { JsonValue, ParsedPayload, ReadOptions, Truncation } from './types';
import type { RowLines } from './row-lines';

/** How a CSV file was written, so it can be written back the same way. */
export interface CsvMeta {
  delimiter: string;
  lineEnding: '\n' | '\r\n' | '\r';
  quoteChar: string;
  /** Object keys, in column order (unique). */
  headers: string[];
  /** Header names as written in the file (empty when read without a header row). */
  originalHeaders: string[];
  bom: boolean;
  encoding: string;
  /** Where each row starts in the file (see row-lines.ts); absent for a streamed read. */
  rowLines?: RowLines;
}

/** Options for {@link readCsv} and {@link streamCsv}. */
export interface CsvReadOptions extends ReadOptions {
  /** Field delimiter; detected among `,` `;` TAB `|` when absent. */
  delimiter?: string;
  /** The first record names the columns (default true; false for `.tab` files). Without it keys are `column_1`... */
  header?: boolean;
  /**
   * Comment-line prefix. Default: `#` for `.tab` files; otherwise detected
   * only when the first line starts with `#`, `~`, `%` or `//` and the table
   * is regular without such lines. `false` turns comments off.
   */
  comments?: string | false;
  /** Quote character (default `"`). */
  quoteChar?: string;
  /** Report a quote inside an unquoted field (`a"b`) as `CSV_PARSE` instead of a warning. */
  strictQuotes?: boolean;
}

/** Rows per batch yielded by {@link streamCsv}. */
export const CSV_BATCH_SIZE = 1000;

/**
 * Reads CSV text or bytes (UTF-8 with or without BOM, UTF-16 with BOM,
 * windows-1252 when the bytes are not UTF-8, or `options.encoding`).
 * With `previewLimit`, returns the first rows and estimates the total from
 * the share of the text read.
 * @throws MapwrightError `CSV_PARSE` (line, column), `ENCODING` or `USAGE` (bad option).
 */
export function readCsv(input: Uint8Array | string, options: CsvReadOptions = {}): ParsedPayload<CsvMeta> {
  const decoded = decodeText(input, { file: options.file, encoding: options.encoding, nonUtf8: 'windows-1252' });
  const session = new CsvSession(dialectSample(decoded.text), options);
  session.push(decoded.text);
  session.end();
  const rows = session.takeRows();
  const meta: CsvMeta = {
    delimiter: session.dialect.delimiter,
    lineEnding: session.lineEnding,
    quoteChar: session.quoteChar,
    headers: session.headers,
    originalHeaders: session.originalHeaders,
    bom: decoded.bom,
    encoding: decoded.encoding,
  };
  const rowLines = session.rowLines.result();
  if (rowLines) meta.rowLines = rowLines;
  const result: ParsedPayload<CsvMeta> = { format: 'csv', value: rows, meta, warnings: session.finishWarnings(), encoding: decoded.encoding };
  if (session.more) result.truncated = estimate(rows.length, session.consumed, decoded.text.length);
  return result;
}

/** Total rows estimated from the share of characters the shown rows took. */
function estimate(shown: number, consumed: number, total: number): Truncation {
  const guess = consumed > 0 ? Math.round((shown * total) / consumed) : shown;
  return { shown, approxTotal: Math.max(shown + 1, guess), exact: false };
}

/**
 * Streams CSV: yields batches of at most {@link CSV_BATCH_SIZE} rows as
 * chunks arrive. Chunks may split lines, quoted fields and multi-byte
 * characters. The dialect is detected from the first 64 KiB. Stops after
 * `previewLimit` rows when given. Rows and errors equal {@link readCsv}'s.
 * @throws MapwrightError `CSV_PARSE`, `ENCODING` or `USAGE` when reached.
 */
export async function* streamCsv(chunks: AsyncIterable<Uint8Array | string>, options: CsvReadOptions = {}): AsyncGenerator<Array<Record<string, JsonValue>>> {
  const decoder = new ChunkDecoder({ file: options.file, encoding: options.encoding, nonUtf8: 'windows-1252' });
  let session: CsvSession | undefined;
  let head = '';
  for await (const chunk of chunks) {
    const text = decoder.push(chunk);
    if (!session) {
      head += text;
      if (head.length <= DIALECT_SAMPLE_CHARS) continue;
      session = new CsvSession(dialectSample(head), options);
      session.push(head);
      head = '';
    } else session.push(text);
    while (session.pending >= CSV_BATCH_SIZE) yield session.takeRows(CSV_BATCH_SIZE);
    if (session.stopped) {
      if (session.pending > 0) yield session.takeRows();
      return;
    }
  }
  const tail = decoder.end();
  if (!session) {
    session = new CsvSession(dialectSample(head + tail), options);
    session.push(head + tail);
  } else session.push(tail);
  session.end();
  while (session.pending > 0) yield session.takeRows(CSV_BATCH_SIZE);
}
