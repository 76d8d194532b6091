/**
 * Writes the batch benchmark's input files: seeded flat records as CSV or
 * JSON Lines, streamed to disk in blocks so a 1 GB file never sits in memory.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { flatToCsv, flatToJsonLines, generateFlatRecords } from '../workloads/flat-rename';

/** Formats of the batch inputs. */
export type BatchFormat = 'csv' | 'jsonl';

const BLOCK = 20_000;

/**
 * Writes about `targetBytes` of records to `file`; resolves with the record
 * count and the exact size. Blocks repeat one seeded block with fresh ids, so
 * generating 1 GB costs a write, not millions of random draws.
 */
export async function writeBatchFile(file: string, format: BatchFormat, targetBytes: number): Promise<{ records: number; bytes: number }> {
  const out = createWriteStream(file);
  const block = generateFlatRecords(BLOCK);
  let bytes = 0;
  let records = 0;
  let first = true;
  while (bytes < targetBytes) {
    const renumbered = block.map((record, i) => ({ ...record, id: `CUS-${String(records + i).padStart(9, '0')}` }));
    const text = format === 'csv' ? flatToCsv(renumbered, first) : flatToJsonLines(renumbered);
    first = false;
    bytes += Buffer.byteLength(text);
    records += renumbered.length;
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
  return { records, bytes };
}
