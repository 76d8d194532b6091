/**
 * Mapwright's run of a per-record mapping over many records, as batch mode
 * runs a large input: the records as JSON Lines bytes (what the file holds;
 * written once, before the timing), cut into slices at line ends, each
 * slice's buffer moved to a RunnerPool worker, which parses, maps and writes
 * the slice as JSON Lines text; the texts are joined in input order. A
 * bounded number of slices is in flight.
 */
import type { EngineJob } from '../../mapping-engine/compiled/engine-selection';
import { DEFAULT_SLICE_BYTES } from '../../mapping-engine/node/batch/run-batch';
import { cutLines } from '../../mapping-engine/node/batch/slice-cut';
import type { RunnerPool } from '../../mapping-engine/node/runner/runner-pool';
import type { SliceJob } from '../../mapping-engine/node/runner/slice-types';

/** Options of {@link runChunked}. */
export interface ChunkedRunOptions {
  /** Bytes per slice (default: batch mode's). */
  sliceBytes?: number;
  /** Slices in flight at once; two per worker keeps every worker busy while results travel. */
  inFlight?: number;
  /** Time limit of one slice's evaluation. */
  timeoutMs?: number;
}

/** The records as the bytes of a JSON Lines file (outside the timing: the file is already on disk in batch mode). */
export function jsonLinesBytes(records: readonly unknown[]): Buffer {
  return Buffer.from(`${records.map((record) => JSON.stringify(record)).join('\n')}\n`);
}

/** Ends of slices of `bytes`, each at a line end after about `size` bytes. */
function sliceEnds(bytes: Buffer, size: number): number[] {
  const ends: number[] = [];
  let start = 0;
  while (start < bytes.length) {
    const block = Math.min(bytes.length, start + size);
    const { cut } = block === bytes.length ? { cut: block } : cutLines(bytes, start, block, Number.POSITIVE_INFINITY);
    const end = cut > start ? cut : bytes.indexOf(0x0a, block) + 1 || bytes.length;
    ends.push(end);
    start = end;
  }
  return ends;
}

/**
 * Maps the JSON Lines `bytes` with `mapping` (an expression, or a job with its
 * compiled program) in slices; resolves with the output JSON Lines text, or
 * rejects with the first slice's coded error.
 */
export async function runChunked(pool: RunnerPool, mapping: string | EngineJob, bytes: Buffer, options: ChunkedRunOptions = {}): Promise<string> {
  const job = typeof mapping === 'string' ? { expression: mapping } : { expression: mapping.expression, ...(mapping.program !== undefined ? { program: mapping.program } : {}) };
  const ends = sliceEnds(bytes, options.sliceBytes ?? DEFAULT_SLICE_BYTES);
  const inFlight = options.inFlight ?? 4;
  const outputs: string[] = new Array(ends.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < ends.length) {
      const index = next++;
      // A copy in a buffer of its own, moved to the worker (as batch mode reads each slice into its own buffer).
      const slice = new Uint8Array(bytes.subarray(index === 0 ? 0 : ends[index - 1], ends[index]));
      const sliceJob: SliceJob = {
        ...job,
        bytes: slice,
        transfer: true,
        source: { format: 'jsonl', file: 'bench.jsonl' },
        output: { plan: { perRecord: true, arrayPath: [], columns: [] }, format: 'jsonl' },
        ...(options.timeoutMs ? { limits: { timeoutMs: options.timeoutMs } } : {}),
      };
      const result = await pool.runSlice(sliceJob);
      if (result.error || !result.outcome) throw new Error(`slice ${index}: ${result.error?.code} ${result.error?.message}`);
      if (result.outcome.inputError) throw new Error(`slice ${index}: ${result.outcome.inputError.code} ${result.outcome.inputError.message}`);
      outputs[index] = result.outcome.text;
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, ends.length) }, lane));
  return outputs.join('');
}
