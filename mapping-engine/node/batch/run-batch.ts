/**
 * Batch mode: runs a per-record mapping over a large CSV or JSON Lines file
 * in chunks of records. Chunks are read as a stream, evaluated in a pool of
 * worker threads (both cores), at most a few at a time so memory stays
 * bounded, and written in input order as they finish. Each chunk's output is
 * validated against the target in the worker that evaluated it, under the
 * chunk's time limit (`VALIDATION_TIMEOUT`). The first runtime error stops the run,
 * names the record it happened on, and leaves no half-written file behind.
 */
import { stat } from 'node:fs/promises';
import { mappingJob } from '../../compiled/engine-selection';
import { shiftPositionLabel } from '../../compiler/record-label';
import { MapwrightError } from '../../errors';
import type { PayloadFormat } from '../../payload/types';
import { createBatchOutputWriter } from '../../run/batch-output';
import { chunkItems, shiftViolation, type PerRecordPlan } from '../../run/batch-plan';
import { fieldOfRunError, validationOf, type PreparedMapping } from '../../run/mapping-run';
import type { ExpressionRunner, RunErrorData, RunJob, RunLimits, RunResult } from '../../run/run-types';
import { splitPath } from '../../transforms/jsonata-text';
import type { OutputViolation } from '../../validate/validation-types';
import { RunnerPool } from '../runner/runner-pool';
import type { OutputSink } from './output-sink';
import { csvHeadMeta, recordChunks, type ReadCounter } from './record-chunks';

/** Progress of a batch run. */
export interface BatchProgress {
  /** Records mapped and written so far. */
  records: number;
  bytesRead: number;
  totalBytes: number;
  elapsedMs: number;
}

/** Options of {@link runBatch}. */
export interface BatchRunOptions {
  /** The input file (the document's source format, CSV or JSON Lines). */
  input: string;
  /** Where the output goes. */
  sink: OutputSink;
  /** Records per chunk (default 2000). */
  chunkRecords?: number;
  /** Chunks evaluated or waiting to be written at once (default 4: two running, two queued). */
  maxInFlight?: number;
  /** Evaluates the chunks; default a pool of two workers, closed at the end. */
  runner?: ExpressionRunner;
  /** Limits of one chunk's evaluation (default: 60 s, the pool's depth and memory). */
  limits?: Partial<RunLimits>;
  /** Called after each written chunk and once at the end. */
  onProgress?: (progress: BatchProgress) => void;
  /** Violations kept in the result (the count covers all; default 100). */
  maxViolations?: number;
}

/** The outcome of {@link runBatch}. */
export interface BatchRunResult {
  /** Records mapped (all of them when there is no error). */
  records: number;
  /** The first violations of the target schema, with indexes into the whole output. */
  violations: OutputViolation[];
  violationCount: number;
  /** The runtime error that stopped the run; the output was then abandoned. */
  error?: RunErrorData;
  /** 1-based number of the record the error happened on, when it could be told. */
  record?: number;
  /** Target field of the error, from the source map. */
  field?: string;
  elapsedMs: number;
}

/** Default records per chunk: big enough that per-job overhead is small, small enough to keep memory flat. */
export const DEFAULT_CHUNK_RECORDS = 2000;

/** Heap cap of each batch worker, in MiB (a job's own `limits.memoryMb` still wins). */
export const BATCH_WORKER_MEMORY_MB = 128;

interface Pending {
  first: number;
  records: unknown[];
  result: Promise<RunResult>;
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    throw new MapwrightError('FILE_READ', `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`, { file: path });
  }
}

/** Runs that end with these come from a record's data, so the record can be found by halving the chunk. */
const DATA_ERRORS = new Set(['RUN_EVALUATION']);

/** Finds the first record of `records` whose own run fails; undefined when none fails alone. */
async function locateFailure(runner: ExpressionRunner, job: RunJob, records: unknown[]): Promise<{ index: number; error: RunErrorData } | undefined> {
  let low = 0;
  let high = records.length;
  // Invariant: the first failing record, if any fails alone, lies in [low, high).
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    const half = await runner.run({ ...job, input: records.slice(low, middle) });
    if (half.error) high = middle;
    else low = middle;
  }
  const single = await runner.run({ ...job, input: records.slice(low, low + 1) });
  return single.error ? { index: low, error: single.error } : undefined;
}

/** The target of the array context that maps the input records, as the document writes it (labels use it). */
function recordArrayTarget(prepared: PreparedMapping, plan: PerRecordPlan): string {
  const path = plan.arrayPath.join('\u0000');
  const context = prepared.document.arrays.find((a) => a.source === '.' && (a.target === '.' ? [] : splitPath(a.target)).join('\u0000') === path);
  return context?.target ?? '.';
}

/**
 * The message of `error`, raised by a run over the records that start after
 * `offset` records of the file. An error naming its record (a required
 * field, a rejected value) counts positions within the input it was given,
 * so the label is moved to the record's place in the file; other messages
 * are prefixed with `where`.
 */
function placedMessage(error: RunErrorData, target: string, offset: number, where: string): string {
  return shiftPositionLabel(error.message, target, offset) ?? `${where}: ${error.message}`;
}

/**
 * Runs `prepared` (planned per record as `plan`) over the file `options.input`.
 * Writes the output to `options.sink` (committed on success, abandoned on
 * a runtime error). Resolves with the count, the violations and any runtime
 * error; rejects with coded errors for bad input (`CSV_PARSE`, `FILE_READ`...)
 * after abandoning the output.
 */
export async function runBatch(prepared: PreparedMapping, plan: PerRecordPlan, options: BatchRunOptions): Promise<BatchRunResult> {
  const started = performance.now();
  const { document, target } = prepared;
  const sourceFormat = document.source.format as 'csv' | 'jsonl';
  const targetFormat: PayloadFormat = document.target.format;
  const chunkRecords = options.chunkRecords ?? DEFAULT_CHUNK_RECORDS;
  const maxInFlight = Math.max(1, options.maxInFlight ?? 4);
  const maxViolations = options.maxViolations ?? 100;
  const job: RunJob = { ...mappingJob(prepared), limits: { timeoutMs: 60_000, ...options.limits } };
  const validate = validationOf(prepared);
  const totalBytes = await sizeOf(options.input);
  const counter: ReadCounter = { bytesRead: 0 };
  const csvMeta = sourceFormat === 'csv' && targetFormat === 'csv' ? await csvHeadMeta(options.input) : undefined;
  const schema = target?.schema?.root;
  const writer = createBatchOutputWriter(plan, targetFormat, { ...(csvMeta ? { csvMeta } : {}), ...(schema ? { schema } : {}) });
  // Created after the input is known to exist, so a bad path leaves no pool behind.
  // A chunk is a few thousand records, so a smaller heap per worker suffices; it
  // makes V8 collect sooner and keeps the process near its 512 MB target
  // (measured: 522 -> 477 MB peak on a 200 MB CSV; see docs/performance.md).
  // No spare thread: a chunk whose worker is stopped ends the run, so there is no next job to hurry.
  const ownRunner = options.runner ? undefined : new RunnerPool({ size: 2, spare: false, defaultLimits: { memoryMb: BATCH_WORKER_MEMORY_MB } });
  const runner: ExpressionRunner = options.runner ?? ownRunner!;
  const cancel = new AbortController();
  const result: BatchRunResult = { records: 0, violations: [], violationCount: 0, elapsedMs: 0 };
  const progress = (): void => options.onProgress?.({ records: result.records, bytesRead: counter.bytesRead, totalBytes, elapsedMs: performance.now() - started });
  const pending: Pending[] = [];
  let itemsWritten = 0;

  const fail = async (chunk: Pending, error: RunErrorData): Promise<void> => {
    cancel.abort();
    const found = DATA_ERRORS.has(error.code) ? await locateFailure(runner, job, chunk.records) : undefined;
    const cause = found?.error ?? error;
    const record = found ? chunk.first + found.index + 1 : undefined;
    const where = record !== undefined ? `record ${record}` : `records ${chunk.first + 1}-${chunk.first + chunk.records.length}`;
    // A record found alone ran as the first of its input; otherwise the chunk ran whole.
    const offset = record !== undefined ? record - 1 : chunk.first;
    result.error = { ...cause, message: placedMessage(cause, recordArrayTarget(prepared, plan), offset, where) };
    if (record !== undefined) result.record = record;
    const field = fieldOfRunError(cause, prepared);
    if (field !== '') result.field = field;
  };

  // Writes the oldest chunk once it finishes; returns false when the run has failed.
  const settleOldest = async (): Promise<boolean> => {
    const chunk = pending.shift()!;
    const outcome = await chunk.result;
    if (outcome.error) {
      await fail(chunk, outcome.error);
      return false;
    }
    const items = chunkItems(plan, outcome.value);
    for (const violation of outcome.violations ?? []) {
      result.violationCount++;
      if (result.violations.length < maxViolations) result.violations.push(shiftViolation(plan, violation, itemsWritten));
    }
    await options.sink.write(writer.items(items));
    itemsWritten += items.length;
    result.records += chunk.records.length;
    progress();
    return true;
  };

  try {
    await options.sink.write(writer.start());
    let first = 0;
    let ok = true;
    for await (const records of recordChunks(options.input, sourceFormat, chunkRecords, counter)) {
      // The halving search of a failed chunk reruns `job` without the target: it looks for a runtime error only.
      pending.push({ first, records, result: runner.run({ ...job, input: records, ...(validate ? { validate } : {}) }, { signal: cancel.signal }) });
      first += records.length;
      if (pending.length >= maxInFlight && !(ok = await settleOldest())) break;
    }
    while (ok && pending.length > 0) ok = await settleOldest();
    if (!ok) {
      await options.sink.abort();
    } else {
      await options.sink.write(writer.end());
      await options.sink.commit();
    }
    result.elapsedMs = performance.now() - started;
    progress();
    return result;
  } catch (error) {
    cancel.abort();
    await options.sink.abort();
    throw error;
  } finally {
    // Runs still in flight after a failure were cancelled; let them settle before the pool closes.
    await Promise.allSettled(pending.map((chunk) => chunk.result));
    await ownRunner?.close();
  }
}
