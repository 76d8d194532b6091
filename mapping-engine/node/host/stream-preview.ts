/**
 * Preview pages of big CSV and JSON Lines files without holding them: the
 * stream readers parse record by record and stop after the page, and the
 * total is counted (JSON Lines: non-blank lines, as its reader counts them)
 * or estimated (CSV: from the characters the shown rows took) while the
 * bytes stream past. Smaller files are read whole (payload-host.ts), where
 * the readers' own preview limit gives these same kinds of totals.
 */
import { open } from 'node:fs/promises';
import { MapwrightError } from '../../errors';
import { streamCsv } from '../../payload/csv-read';
import { ChunkDecoder } from '../../payload/jsonl-chunk-decoder';
import { streamJsonLines } from '../../payload/jsonl-read';
import type { JsonValue, ParsedPayload, Truncation } from '../../payload/types';
import { fileChunks } from '../read-file';

/** Files up to this size are read whole for a preview; bigger CSV and JSON Lines files are streamed. */
export const STREAM_PREVIEW_BYTES = 16 * 1024 * 1024;

/** The first `length` bytes of a file, to sniff its format. @throws MapwrightError `FILE_READ` */
export async function fileHead(path: string, length = 2048): Promise<Uint8Array> {
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = new Uint8Array(length);
      const { bytesRead } = await handle.read(buffer, 0, length, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new MapwrightError('FILE_READ', `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`, { file: path });
  }
}

/** What `String.prototype.trim` removes, so "blank" means what it means to the JSON Lines reader. */
const WHITESPACE = /\s/;

/** Non-blank lines of a JSON Lines file, counted on the decoded text without parsing. */
async function countJsonLines(path: string, file: string): Promise<number> {
  const decoder = new ChunkDecoder({ file, nonUtf8: 'error' });
  let count = 0;
  let lineHasText = false;
  const scan = (text: string): void => {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) {
        if (lineHasText) count++;
        lineHasText = false;
      } else if (!lineHasText && (code > 32 && code < 127 ? true : !WHITESPACE.test(text[i] ?? ' '))) lineHasText = true;
    }
  };
  for await (const chunk of fileChunks(path)) scan(decoder.push(chunk));
  scan(decoder.end());
  return lineHasText ? count + 1 : count;
}

/** Values a writer would have quoted: they hold a likely delimiter, a quote or a line break. */
const QUOTED = /[,;\t|"\r\n]/;

/** UTF-8 bytes a CSV row took in the file, near enough for an estimate: values, quotes, delimiters and a line break. */
function rowBytes(row: JsonValue): number {
  const values = row !== null && typeof row === 'object' ? Object.values(row) : [row];
  return values.reduce<number>((sum, value) => {
    const text = String(value ?? '');
    return sum + Buffer.byteLength(text) + (QUOTED.test(text) ? 3 : 1);
  }, 0);
}

/**
 * The first `limit` records of a CSV or JSON Lines file at `path`, and the
 * file's total when there are more (see the module comment).
 * @param file the name used in errors
 * @throws MapwrightError `FILE_READ`, `CSV_PARSE`, `JSONL_PARSE` or `ENCODING`
 */
export async function streamPreview(path: string, file: string, format: 'csv' | 'jsonl', limit: number, size: number): Promise<Pick<ParsedPayload, 'format' | 'value' | 'truncated'>> {
  // One record past the page tells whether there are more without reading them all.
  const options = { file, previewLimit: limit + 1 };
  const records: JsonValue[] = [];
  const batches = format === 'csv' ? streamCsv(fileChunks(path), options) : streamJsonLines(fileChunks(path), options);
  for await (const batch of batches) records.push(...batch);
  if (records.length <= limit) return { format, value: records };
  records.length = limit;
  let truncated: Truncation;
  if (format === 'jsonl') {
    truncated = { shown: limit, approxTotal: await countJsonLines(path, file), exact: true };
  } else {
    // Rows in the file ~ shown rows x (file size / bytes of the shown rows), as the whole-file reader estimates from characters.
    const first = records[0];
    const headerBytes = first !== null && typeof first === 'object' ? Object.keys(first).reduce((sum, key) => sum + Buffer.byteLength(key) + 1, 0) : 0;
    const shownBytes = Math.max(1, records.reduce<number>((sum, row) => sum + rowBytes(row), 0));
    truncated = { shown: limit, approxTotal: Math.max(limit + 1, Math.round((limit * (size - headerBytes)) / shownBytes)), exact: false };
  }
  return { format, value: records, truncated };
}
