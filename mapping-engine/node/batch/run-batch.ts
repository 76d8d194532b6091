/**
 * Batch mode: runs a per-record mapping over a large CSV or JSON Lines file
 * in pieces. The file is cut into slices of bytes at record boundaries
 * (slice-reader.ts), and each slice goes to a pool of worker threads (both
 * cores), which parse, map, validate and write it as output text there: the
 * main thread only cuts and writes, in input order, with at most a few
 * slices in flight so memory stays bounded. A file that cannot be cut by
 * bytes (see slice-reader.ts), or a runner without slices, goes the old
 * way: records parsed here and sent to the workers as chunks of values.
 * Each piece's output is validated against the target in the worker, under
 * the piece's time limit (`VALIDATION_TIMEOUT`). The first runtime error
 * stops the run, names the record (and for bad input the line) it happened
 * on, and leaves no half-written file behind.
 */
import { stat } from 'node:fs/promises';
import { mappingJob } from '../../compiled/engine-selection';
import { shiftPositionLabel } from '../../compiler/record-label';
import { MapwrightError } from '../../errors';
import type { PayloadFormat } from '../../payload/types';
import { createBatchOutputWriter } from '../../run/batch-output';
import { shiftViolation, type PerRecordPlan } from '../../run/batch-plan';
import { fieldOfRunError, validationOf, type PreparedMapping } from '../../run/mapping-run';
import { withInputPlaces } from '../../run/record-places';
import { cancelledError } from '../../run/run-errors';
import type { ExpressionRunner, RunErrorData, RunJob, RunLimits } from '../../run/run-types';
import { splitPath } from '../../transforms/jsonata-text';
import type { OutputViolation } from '../../validate/validation-types';
import { RunnerPool } from '../runner/runner-pool';
import { recordPieces, runsSlices, slicePieces, type Piece, type PieceContext, type PieceResult } from './batch-pieces';
import type { OutputSink } from './output-sink';
import { csvHeadMeta, type ReadCounter } from './record-chunks';
import { sliceSetup } from './slice-reader';

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
  /** Records per piece at most (default: 2000 when records are parsed here, else as many as fill `sliceBytes`). */
  chunkRecords?: number;
  /** Bytes read per slice when the workers parse (default {@link DEFAULT_SLICE_BYTES}). */
  sliceBytes?: number;
  /** Aborting it stops the run: the output is abandoned and the result's error is `RUN_CANCELLED`. */
  signal?: AbortSignal;
  /** Chunks evaluated or waiting to be written at once (default 4: two running, two queued). */
  maxInFlight?: number;
  /** Evaluates the pieces; default a pool of two workers, closed at the end. Slices need a runner with `runSlice` (a `RunnerPool`). */
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
  /** CSV or JSON Lines: the line of the file that record starts on, when it could be told. */
  line?: number;
  /** Target field of the error, from the source map. */
  field?: string;
  /** Records the compiled program did not reproduce, so jsonata mapped them one by one (slices only). */
  fallbackRecords: number;
  elapsedMs: number;
}

/** Default records per chunk: big enough that per-job overhead is small, small enough to keep memory flat. */
export const DEFAULT_CHUNK_RECORDS = 2000;

/** Heap cap of each batch worker, in MiB (a job's own `limits.memoryMb` still wins). */
export const BATCH_WORKER_MEMORY_MB = 128;

/**
 * Bytes read per slice: about a thousand records. A slice's records and output
 * then die young in the worker's heap: 1 MiB slices took 40% more CPU on a
 * CSV batch (garbage collection), smaller than 64 KiB more per-job overhead.
 */
export const DEFAULT_SLICE_BYTES = 128 * 1024;

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    throw new MapwrightError('FILE_READ', `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`, { file: path });
  }
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


/** The coded error `thrown` by a piece, with its line moved to the file's (`linesBefore` line breaks come before the piece). */
function inputError(thrown: NonNullable<PieceResult['thrown']>, piece: Piece, linesBefore: number): MapwrightError {
  const line = thrown.line !== undefined && !piece.fileLines ? thrown.line + linesBefore : thrown.line;
  const { code, message, ...rest } = thrown;
  return new MapwrightError(code, message, { ...rest, ...(line !== undefined ? { line } : {}) });
}

/**
 * Runs `prepared` (planned per record as `plan`) over the file `options.input`.
 * Writes the output to `options.sink` (committed on success, abandoned on
 * a runtime error or cancel). Resolves with the count, the violations and any runtime
 * error; rejects with coded errors for bad input (`CSV_PARSE`, `FILE_READ`...)
 * after abandoning the output.
 */
export async function runBatch(prepared: PreparedMapping, plan: PerRecordPlan, options: BatchRunOptions): Promise<BatchRunResult> {
  const started = performance.now();
  const { document, target } = prepared;
  const sourceFormat = document.source.format as 'csv' | 'jsonl';
  const targetFormat: PayloadFormat = document.target.format;
  const maxInFlight = Math.max(1, options.maxInFlight ?? 4);
  const maxViolations = options.maxViolations ?? 100;
  const job: RunJob = { ...mappingJob(prepared), limits: { timeoutMs: 60_000, ...options.limits } };
  const validate = validationOf(prepared);
  const totalBytes = await sizeOf(options.input);
  const counter: ReadCounter = { bytesRead: 0 };
  const csvMeta = sourceFormat === 'csv' && targetFormat === 'csv' ? await csvHeadMeta(options.input) : undefined;
  const schema = target?.schema?.root;
  const writer = createBatchOutputWriter(plan, targetFormat, { ...(csvMeta ? { csvMeta } : {}), ...(schema ? { schema } : {}) });
  const setup = await sliceSetup(options.input, sourceFormat);
  // Created after the input is known to exist, so a bad path leaves no pool behind.
  // A slice is a few thousand records, so a smaller heap per worker suffices; it
  // makes V8 collect sooner and keeps the process near its 512 MB target
  // (measured: 522 -> 477 MB peak on a 200 MB CSV; see docs/performance.md).
  // No spare thread: a piece whose worker is stopped ends the run, so there is no next job to hurry.
  const ownRunner = options.runner ? undefined : new RunnerPool({ size: 2, spare: false, defaultLimits: { memoryMb: BATCH_WORKER_MEMORY_MB } });
  const runner: ExpressionRunner = options.runner ?? ownRunner!;
  const cancel = new AbortController();
  const onAbort = (): void => cancel.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const context: PieceContext = {
    input: options.input,
    plan,
    targetFormat,
    ...(csvMeta ? { csvMeta } : {}),
    ...(schema ? { schema } : {}),
    job,
    ...(validate ? { validate } : {}),
    signal: cancel.signal,
    counter,
    chunkRecords: options.chunkRecords ?? ('reason' in setup || !runsSlices(runner) ? DEFAULT_CHUNK_RECORDS : Number.POSITIVE_INFINITY),
  };
  const pieces = !('reason' in setup) && runsSlices(runner) ? slicePieces(context, runner, setup, { sliceBytes: options.sliceBytes ?? DEFAULT_SLICE_BYTES }) : recordPieces(context, runner, sourceFormat);
  const result: BatchRunResult = { records: 0, violations: [], violationCount: 0, fallbackRecords: 0, elapsedMs: 0 };
  const progress = (): void => options.onProgress?.({ records: result.records, bytesRead: counter.bytesRead, totalBytes, elapsedMs: performance.now() - started });
  const pending: Piece[] = [];
  let itemsWritten = 0;
  let linesBefore = 0;

  const fail = async (piece: Piece, outcome: PieceResult, error: RunErrorData): Promise<void> => {
    cancel.abort();
    if (options.signal?.aborted) {
      result.error = cancelledError();
      return;
    }
    const first = result.records;
    const found = outcome.errorRecord !== undefined ? { index: outcome.errorRecord, error } : await piece.locate?.();
    const cause = found?.error ?? error;
    const record = found ? first + found.index + 1 : undefined;
    // A CSV or JSON Lines record is also named by the line it starts on, as a single run names it (run/record-places.ts).
    const line = record !== undefined && outcome.errorLine !== undefined ? outcome.errorLine + (piece.fileLines ? 0 : linesBefore) : undefined;
    const where = record !== undefined ? `record ${record}${line !== undefined ? ` (line ${line})` : ''}` : `records ${first + 1}-${first + (outcome.records ?? piece.records)}`;
    // A record found alone ran as the first of its input; otherwise the piece ran whole.
    const offset = record !== undefined ? record - 1 : first;
    let message = placedMessage(cause, recordArrayTarget(prepared, plan), offset, where);
    if (record !== undefined && line !== undefined) message = withInputPlaces(message, prepared.document, sourceFormat, { first: line - (record - 1), jumps: [] });
    result.error = { ...cause, message };
    if (record !== undefined) result.record = record;
    if (line !== undefined) result.line = line;
    const field = fieldOfRunError(cause, prepared);
    if (field !== '') result.field = field;
  };

  // Writes the oldest piece once it finishes; returns false when the run has failed.
  const settleOldest = async (): Promise<boolean> => {
    const piece = pending.shift()!;
    const outcome = await piece.result;
    if (outcome.thrown) throw inputError(outcome.thrown, piece, linesBefore);
    if (outcome.error) {
      await fail(piece, outcome, outcome.error);
      return false;
    }
    for (const violation of outcome.violations) {
      result.violationCount++;
      if (result.violations.length < maxViolations) result.violations.push(shiftViolation(plan, violation, itemsWritten));
    }
    await options.sink.write(writer.joined(outcome.text, outcome.items));
    itemsWritten += outcome.items;
    result.records += outcome.records ?? piece.records;
    linesBefore += outcome.lines ?? 0;
    result.fallbackRecords += outcome.fallbackRecords ?? 0;
    progress();
    return true;
  };

  try {
    await options.sink.write(writer.start());
    let ok = true;
    for await (const piece of pieces) {
      pending.push(piece);
      if (cancel.signal.aborted) {
        result.error = cancelledError();
        ok = false;
        break;
      }
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
    options.signal?.removeEventListener('abort', onAbort);
    // Pieces still in flight after a failure were cancelled; let them settle before the pool closes.
    await Promise.allSettled(pending.map((piece) => piece.result));
    await ownRunner?.close();
  }
}
