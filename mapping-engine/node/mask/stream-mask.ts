/**
 * Masks CSV and JSON Lines files record batch by record batch, so a file of
 * any size is masked with memory bounded by one batch plus the distinct
 * personal values seen (the collision registry). Batches go through the same
 * {@link MaskSession} as whole-payload masking, so a value masks the same way
 * either way. Output goes to a temporary file beside `out`, flushed and
 * renamed over it only when the whole input was masked; without `out` it is
 * written to `sink` as it is produced.
 *
 * CSV format details (delimiter, quote character, header names, line ending,
 * BOM) are taken from the first 256 KiB, as the streaming reader detects its
 * dialect from the first 64 KiB; detection of personal data is per value, with
 * the column's header as its context, which is the same for every row.
 */
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { MapwrightError, codeStackOverflow } from '../../errors';
import { MaskSession } from '../../masking/mask-session';
import type { MaskPolicy, MaskReportEntry } from '../../masking/types';
import { readCsv, streamCsv, type CsvMeta } from '../../payload/csv-read';
import { writeCsv } from '../../payload/csv-write';
import { writeJsonLines } from '../../payload/json-write';
import { streamJsonLines } from '../../payload/jsonl-read';
import type { JsonValue } from '../../payload/types';
import { fileChunks } from '../read-file';

/** Bytes read up front to learn a CSV file's format details. */
export const CSV_HEAD_BYTES = 256 * 1024;

/** What {@link streamMask} masks. */
export interface StreamMaskJob {
  file: string;
  format: 'csv' | 'jsonl';
  key: Uint8Array;
  policy?: MaskPolicy;
  /** Target file (written atomically); when absent, text goes to `sink`. */
  out?: string;
  /** Receives output text when there is no `out` (stdout); may be absent to only build the report. */
  sink?: (text: string) => void;
  /** Bytes per read (tests use small chunks to cross batch boundaries). */
  chunkSize?: number;
}

/** True when the bytes start with a UTF-16 byte-order mark (cutting at a line break byte would split a character). */
function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** The first bytes of a file, cut after the last line feed so no row or character is split. */
async function headOf(file: string): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of fileChunks(file, CSV_HEAD_BYTES)) {
    parts.push(chunk);
    size += chunk.length;
    if (size >= CSV_HEAD_BYTES) break;
  }
  const head = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    head.set(part, offset);
    offset += part.length;
  }
  if (size < CSV_HEAD_BYTES) return head;
  const cut = head.lastIndexOf(0x0a);
  return cut > 0 ? head.subarray(0, cut + 1) : head;
}

/**
 * True when `streamMask` can handle the file: CSV needs a byte-oriented
 * encoding (UTF-8 or a single-byte one), JSON Lines always streams.
 */
export async function canStreamMask(file: string, format: 'csv' | 'jsonl'): Promise<boolean> {
  return format === 'jsonl' || !isUtf16(await headOf(file));
}

/** Text writer to a temporary file that becomes `out` on commit, or to a sink. */
interface Output {
  write(text: string): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

async function openOutput(job: StreamMaskJob): Promise<Output> {
  if (!job.out) {
    return { write: async (text) => job.sink?.(text), commit: async () => undefined, abort: async () => undefined };
  }
  const out = job.out;
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.${Date.now()}.tmp`);
  let handle: FileHandle;
  try {
    handle = await open(temp, 'w');
  } catch (error) {
    throw new MapwrightError('FILE_WRITE', `cannot write ${out}: ${error instanceof Error ? error.message : String(error)}`, { file: out });
  }
  const fail = (error: unknown): MapwrightError =>
    error instanceof MapwrightError ? error : new MapwrightError('FILE_WRITE', `cannot write ${out}: ${error instanceof Error ? error.message : String(error)}`, { file: out });
  return {
    write: async (text) => {
      try {
        if (text !== '') await handle.write(text);
      } catch (error) {
        throw fail(error);
      }
    },
    commit: async () => {
      try {
        await handle.sync();
        await handle.close();
        await rename(temp, out);
      } catch (error) {
        await rm(temp, { force: true }).catch(() => undefined);
        throw fail(error);
      }
    },
    abort: async () => {
      await handle.close().catch(() => undefined);
      await rm(temp, { force: true }).catch(() => undefined);
    },
  };
}

/** CSV format details from the head of the file (the reader stops after one row). */
async function csvMeta(file: string): Promise<CsvMeta> {
  return readCsv(await headOf(file), { file, previewLimit: 1 }).meta!;
}

async function maskCsv(job: StreamMaskJob, session: MaskSession, output: Output): Promise<void> {
  const meta = await csvMeta(job.file);
  const columns = meta.headers;
  // Later batches repeat neither the header row nor the BOM.
  const bodyMeta: CsvMeta = { ...meta, originalHeaders: [], bom: false };
  let first = true;
  for await (const batch of streamCsv(fileChunks(job.file, job.chunkSize), { file: job.file })) {
    const masked = session.mask(batch as JsonValue);
    await output.write(writeCsv(masked, { meta: first ? meta : bodyMeta, columns }));
    first = false;
  }
  if (first) await output.write(writeCsv([], { meta, columns }));
}

async function maskJsonLines(job: StreamMaskJob, session: MaskSession, output: Output): Promise<void> {
  for await (const batch of streamJsonLines(fileChunks(job.file, job.chunkSize), { file: job.file })) {
    await output.write(writeJsonLines(session.mask(batch)));
  }
}

/**
 * Masks `job.file` batch by batch; see the file comment. Returns the report
 * of the whole file.
 * @throws MapwrightError the readers' parse codes, `MASK_COLLISION`, `LIMIT_EXCEEDED`, `FILE_READ` or `FILE_WRITE` (naming the file); `out` is then left as it was
 */
export async function streamMask(job: StreamMaskJob): Promise<MaskReportEntry[]> {
  const session = new MaskSession({ key: job.key, ...(job.policy ? { policy: job.policy } : {}) });
  const output = await openOutput(job);
  try {
    if (job.format === 'csv') await maskCsv(job, session, output);
    else await maskJsonLines(job, session, output);
    await output.commit();
  } catch (error) {
    await output.abort();
    if (error instanceof MapwrightError) throw error.file === undefined ? error.withFile(job.file) : error;
    throw codeStackOverflow(error, job.file, 'the payload');
  }
  return session.report();
}
