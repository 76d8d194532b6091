/**
 * Reads a CSV or JSON Lines file as chunks of records, streaming, so that
 * only the records of the chunks in flight are ever in memory. Counts the
 * bytes read for progress.
 */
import { open } from 'node:fs/promises';
import { readCsv, streamCsv, type CsvMeta } from '../../payload/csv-read';
import { streamJsonLines } from '../../payload/jsonl-read';
import type { JsonValue } from '../../payload/types';
import { fileChunks } from '../read-file';

/** Bytes read so far, updated as the stream advances. */
export interface ReadCounter {
  bytesRead: number;
}

async function* counted(path: string, counter: ReadCounter): AsyncGenerator<Uint8Array> {
  for await (const chunk of fileChunks(path)) {
    counter.bytesRead += chunk.length;
    yield chunk;
  }
}

/**
 * Yields the records of `path` (`csv` or `jsonl`) in chunks of `size`
 * (the last may be smaller).
 * @throws MapwrightError `FILE_READ`, `CSV_PARSE`, `JSONL_PARSE` or `ENCODING` when reached
 */
export async function* recordChunks(path: string, format: 'csv' | 'jsonl', size: number, counter: ReadCounter): AsyncGenerator<JsonValue[]> {
  const batches = format === 'csv' ? streamCsv(counted(path, counter), { file: path }) : streamJsonLines(counted(path, counter), { file: path });
  let chunk: JsonValue[] = [];
  for await (const batch of batches) {
    for (const record of batch) {
      chunk.push(record);
      if (chunk.length >= size) {
        yield chunk;
        chunk = [];
      }
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** How much of a CSV file's head is read to learn its dialect (the reader's own sample is 64 KiB). */
const HEAD_BYTES = 64 * 1024;

/**
 * The dialect of the CSV file at `path` (delimiter, line ending, BOM, header
 * names), read from its first complete lines, so a CSV-to-CSV batch run
 * writes the way the input is written, as a single run does. Undefined when
 * it cannot be told (UTF-16 input, an unreadable head).
 */
export async function csvHeadMeta(path: string): Promise<CsvMeta | undefined> {
  try {
    const handle = await open(path, 'r');
    let bytes: Uint8Array;
    try {
      const buffer = new Uint8Array(HEAD_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
      bytes = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
    // A cut inside a UTF-16 code unit would garble the rest; such files keep the default dialect.
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return undefined;
    const lastNewline = bytes.lastIndexOf(0x0a);
    const head = bytes.length === HEAD_BYTES && lastNewline > 0 ? bytes.subarray(0, lastNewline + 1) : bytes;
    return readCsv(head, { file: path, previewLimit: 1 }).meta;
  } catch {
    return undefined;
  }
}
