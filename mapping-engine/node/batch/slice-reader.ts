/**
 * Reads a CSV or JSON Lines file for a batch run as slices of bytes cut at
 * record boundaries (slice-cut.ts), each in a buffer of its own so it can be
 * moved to a worker thread rather than copied. The main thread never decodes
 * or parses the records: the worker does (mapping-engine/node/runner/slice-job.ts).
 *
 * What every slice must read alike is settled here from the file's head: the
 * CSV delimiter (as the reader would detect it) and the header line, put in
 * front of every later slice. A file whose head shows what byte cutting
 * cannot follow (UTF-16, CSV comment lines, line breaks that are a lone CR,
 * a delimiter outside ASCII, no header line) is read the old way
 * (record-chunks.ts), and `sliceSetup` says why.
 */
import { open } from 'node:fs/promises';
import { MapwrightError } from '../../errors';
import { DIALECT_SAMPLE_CHARS } from '../../payload/csv-dialect';
import { CsvSession, dialectSample } from '../../payload/csv-session';
import { decodeText } from '../../payload/decode';
import type { ReadCounter } from './record-chunks';
import { cutCsv, cutLines, type CsvCutDialect } from './slice-cut';

/** How a file is cut and how its slices are read. */
export interface SliceSetup {
  format: 'csv' | 'jsonl';
  /** Bytes of a UTF-8 byte-order mark at the start (0 or 3). */
  bomLength: number;
  /** CSV: the delimiter every slice is read with. */
  delimiter?: string;
  /** CSV: the header line (with its line break), put in front of every slice after the first. */
  headerText?: string;
  csv?: CsvCutDialect;
}

/** Bytes of the head read to settle the set-up: the dialect sample is 64 Ki characters, up to 4 bytes each. */
const HEAD_BYTES = 4 * DIALECT_SAMPLE_CHARS + 4;

const QUOTE = '"';

async function readHead(path: string): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } catch (error) {
    throw new MapwrightError('FILE_READ', `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`, { file: path });
  } finally {
    await handle?.close();
  }
}

/** The set-up for cutting `path` into slices, or why it is read record by record instead. */
export async function sliceSetup(path: string, format: 'csv' | 'jsonl'): Promise<SliceSetup | { reason: string }> {
  const head = await readHead(path);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || (head.length >= 4 && (head[1] === 0 || head[0] === 0))) {
    return { reason: 'UTF-16 input' };
  }
  const bomLength = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  if (format === 'jsonl') return { format, bomLength };
  // The head up to its last line break, so no character or line is cut.
  const whole = head.length < HEAD_BYTES;
  const lastLf = head.lastIndexOf(0x0a);
  const complete = whole ? head : head.subarray(0, lastLf + 1);
  const text = decodeText(complete, { file: path, nonUtf8: 'windows-1252' }).text;
  // The dialect exactly as the streaming reader detects it from the same first characters.
  const { dialect } = new CsvSession(dialectSample(text), { file: path });
  if (dialect.comments) return { reason: 'CSV comment lines' };
  const delimiter = dialect.delimiter;
  if (delimiter.charCodeAt(0) > 0x7f) return { reason: 'a delimiter outside ASCII' };
  const firstBreak = text.search(/[\r\n]/);
  if (firstBreak >= 0 && text[firstBreak] === '\r' && text[firstBreak + 1] !== '\n') return { reason: 'line breaks that are a lone CR' };
  const csv: CsvCutDialect = { quote: QUOTE.charCodeAt(0), delimiter: delimiter.charCodeAt(0) };
  const { cut } = cutCsv(complete, bomLength, complete.length, 1, csv);
  if (cut === 0) return { reason: whole ? 'no line after the header' : 'a header line longer than the head read' };
  const headerText = decodeText(complete.subarray(bomLength, cut), { file: path, nonUtf8: 'windows-1252' }).text;
  if (headerText.trim() === '') return { reason: 'a blank first line' };
  return { format, bomLength, delimiter, headerText, csv };
}

/** One slice of the file. */
export interface FileSlice {
  /** The slice's bytes, in a buffer of their own (the buffer may be longer). */
  bytes: Uint8Array;
  /** Records in the slice as counted by cutting (blank lines included; exact counts come from the reader). */
  records: number;
  first: boolean;
}

/** Options of {@link fileSlices}. */
export interface SliceOptions {
  /** Bytes read per slice (a slice ends at the last record boundary in them). */
  blockBytes: number;
  /** Records per slice at most. */
  maxRecords: number;
}

/**
 * Yields `path` as slices of whole records. A record longer than a block
 * makes that block grow until the record fits.
 * @throws MapwrightError `FILE_READ`
 */
export async function* fileSlices(path: string, setup: SliceSetup, options: SliceOptions, counter: ReadCounter): AsyncGenerator<FileSlice> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new MapwrightError('FILE_READ', `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`, { file: path });
  }
  try {
    let carry = Buffer.alloc(0);
    let size = options.blockBytes;
    let first = true;
    let eof = false;
    for (;;) {
      // A buffer of its own (not from Node's shared pool), so it can be transferred whole.
      const buffer = Buffer.allocUnsafeSlow(carry.length + size);
      carry.copy(buffer, 0);
      let filled = carry.length;
      while (!eof && filled < buffer.length) {
        const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
        if (bytesRead === 0) eof = true;
        filled += bytesRead;
        counter.bytesRead += bytesRead;
      }
      if (filled === 0) return;
      const start = first ? setup.bomLength : 0;
      // The first CSV slice holds the header too.
      const header = first && setup.csv ? 1 : 0;
      const max = options.maxRecords + header;
      let { cut, records } = setup.csv ? cutCsv(buffer, start, filled, max, setup.csv) : cutLines(buffer, start, filled, max);
      if (eof && records < max) {
        // The end of the file ends the last record, with or without a line break.
        if (cut < filled) records++;
        cut = filled;
      } else if (cut === 0) {
        carry = buffer.subarray(0, filled);
        size *= 2;
        continue;
      }
      carry = Buffer.from(buffer.subarray(cut, filled));
      size = options.blockBytes;
      yield { bytes: new Uint8Array(buffer.buffer, 0, cut), records: Math.max(0, records - header), first };
      first = false;
      if (eof && carry.length === 0) return;
    }
  } catch (error) {
    if (error instanceof MapwrightError) throw error;
    throw new MapwrightError('FILE_READ', `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`, { file: path });
  } finally {
    await handle.close();
  }
}
