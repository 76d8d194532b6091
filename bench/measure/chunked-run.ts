/**
 * Mapwright's run of a per-record mapping over many records: chunks of
 * records evaluated by a RunnerPool, a bounded number in flight, outputs
 * concatenated in input order. This is how batch mode runs a large input, so
 * the engine benchmark measures the same path (serialising each chunk to
 * the worker and its result back included).
 */
import type { EngineJob } from '../../mapping-engine/compiled/engine-selection';
import type { RunnerPool } from '../../mapping-engine/node/runner/runner-pool';

/** Options of {@link runChunked}. */
export interface ChunkedRunOptions {
  /** Records per job (batch mode's default is 2000). */
  chunkSize?: number;
  /** Jobs in flight at once; two per worker keeps every worker busy while results travel. */
  inFlight?: number;
  /** Time limit of one chunk's evaluation. */
  timeoutMs?: number;
}

/**
 * Evaluates `mapping` (an expression, or a job with its compiled program) over `records` in chunks; resolves with the
 * concatenated outputs, or rejects with the first chunk's coded error.
 */
export async function runChunked(pool: RunnerPool, mapping: string | EngineJob, records: readonly unknown[], options: ChunkedRunOptions = {}): Promise<unknown[]> {
  const job: EngineJob = typeof mapping === 'string' ? { expression: mapping } : { expression: mapping.expression, ...(mapping.program !== undefined ? { program: mapping.program } : {}) };
  const chunkSize = options.chunkSize ?? 2000;
  const inFlight = options.inFlight ?? 4;
  const chunkCount = Math.ceil(records.length / chunkSize);
  const outputs: unknown[][] = new Array(chunkCount);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < chunkCount) {
      const index = next++;
      const input = records.slice(index * chunkSize, (index + 1) * chunkSize);
      const result = await pool.run({ ...job, input, limits: options.timeoutMs ? { timeoutMs: options.timeoutMs } : {} });
      if (result.error) throw new Error(`chunk ${index}: ${result.error.code} ${result.error.message}`);
      outputs[index] = result.value === undefined ? [] : Array.isArray(result.value) ? result.value : [result.value];
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, chunkCount) }, lane));
  return outputs.flat();
}
