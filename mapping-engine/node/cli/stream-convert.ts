/**
 * Record-by-record conversion of CSV and JSON Lines files to JSON or JSON
 * Lines. Output goes to stdout as it is produced, or to a temporary file that
 * replaces `out` only when the whole input converted (no partial output is
 * ever presented as complete).
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import { MapwrightError } from '../../errors';
import { streamCsv } from '../../payload/csv-read';
import { streamJsonLines } from '../../payload/jsonl-read';
import type { JsonValue, PayloadFormat } from '../../payload/types';
import type { SchemaField } from '../../schema/model';
import { fileChunks } from '../read-file';
import type { CliIo } from './cli-io';

/** What {@link streamConvert} converts. */
export interface StreamConvertJob {
  file: string;
  from: PayloadFormat;
  to: PayloadFormat;
  schema: SchemaField | undefined;
  out: string | undefined;
  io: CliIo;
}

function batches(job: StreamConvertJob): AsyncGenerator<JsonValue[]> {
  const options = { file: job.file, ...(job.schema ? { schema: job.schema } : {}) };
  if (job.from === 'csv') return streamCsv(fileChunks(job.file), options) as AsyncGenerator<JsonValue[]>;
  return streamJsonLines(fileChunks(job.file), options);
}

/** Streams `job.file` into `job.out` (atomically) or stdout. */
export async function streamConvert(job: StreamConvertJob): Promise<void> {
  const temp = job.out ? join(dirname(job.out), `.${basename(job.out)}.${process.pid}.tmp`) : undefined;
  const sink = temp ? createWriteStream(temp) : undefined;
  const write = async (text: string): Promise<void> => {
    if (!sink) return job.io.stdout(text);
    if (!sink.write(text)) await once(sink, 'drain');
  };
  try {
    let first = true;
    if (job.to === 'json') await write('[');
    for await (const batch of batches(job)) {
      let text = '';
      for (const record of batch) {
        if (job.to === 'json') text += `${first ? '\n  ' : ',\n  '}${JSON.stringify(record)}`;
        else text += `${JSON.stringify(record)}\n`;
        first = false;
      }
      await write(text);
    }
    if (job.to === 'json') await write(first ? ']\n' : '\n]\n');
    if (sink && temp && job.out) {
      sink.end();
      await once(sink, 'finish');
      await rename(temp, job.out);
    }
  } catch (error) {
    sink?.destroy();
    if (temp) await rm(temp, { force: true }).catch(() => undefined);
    if (error instanceof MapwrightError) throw error;
    throw new MapwrightError('FILE_WRITE', `conversion stopped: ${error instanceof Error ? error.message : String(error)}`, { file: job.out ?? job.file });
  }
}
