/**
 * The pieces of a batch run, each started as soon as it is read and settled
 * in input order by run-batch.ts: either slices of bytes that a worker
 * parses, maps and writes (the usual way), or chunks of records parsed on
 * this thread and sent to the workers as values (for files that cannot be
 * cut by bytes, or a runner without slices). Both give the same
 * {@link PieceResult}: output text made as a fresh batch writer makes it.
 */
import type { CodedErrorData } from '../../errors';
import type { CsvMeta } from '../../payload/csv-read';
import type { PayloadFormat } from '../../payload/types';
import { createBatchOutputWriter } from '../../run/batch-output';
import { chunkItems, type PerRecordPlan } from '../../run/batch-plan';
import type { ExpressionRunner, RunErrorData, RunJob } from '../../run/run-types';
import type { SchemaField } from '../../schema/model';
import type { OutputViolation, ValidationTarget } from '../../validate/validation-types';
import type { SliceJob, SliceRunResult } from '../runner/slice-types';
import { recordChunks, type ReadCounter } from './record-chunks';
import { fileSlices, type SliceSetup } from './slice-reader';

/** What one piece gave. */
export interface PieceResult {
  /** Output text of its items, as a fresh writer of the run's format writes them (see `BatchOutputWriter.joined`). */
  text: string;
  items: number;
  /** Records read; known only when the piece ran to its end. */
  records?: number;
  /** Line breaks in the piece (slices only): line numbers of later pieces count on from them. */
  lines?: number;
  violations: OutputViolation[];
  error?: RunErrorData;
  /** 0-based index of the record within the piece that `error` happened on. */
  errorRecord?: number;
  /** CSV or JSON Lines: the line that record starts on, counted within the piece. */
  errorLine?: number;
  /** The input could not be read or the output not written (`CSV_PARSE`, `JSONL_PARSE`, `ENCODING`, `USAGE`), lines counted within the piece. */
  thrown?: CodedErrorData;
  /** Records the compiled program handed to jsonata one by one. */
  fallbackRecords?: number;
}

/** A piece in flight. */
export interface Piece {
  /** Records in the piece as counted when it was cut (exact for record chunks). */
  records: number;
  /** Whether line numbers of the piece's input errors are already the file's (the first piece, record chunks). */
  fileLines: boolean;
  result: Promise<PieceResult>;
  /** Record chunks: finds the first record that fails alone (halving the chunk on the runner). */
  locate?: () => Promise<{ index: number; error: RunErrorData } | undefined>;
}

/** What every piece of one run shares. */
export interface PieceContext {
  input: string;
  plan: PerRecordPlan;
  targetFormat: PayloadFormat;
  csvMeta?: CsvMeta;
  schema?: SchemaField;
  /** The job without input: expression, program, limits. */
  job: RunJob;
  validate?: ValidationTarget;
  signal: AbortSignal;
  counter: ReadCounter;
  chunkRecords: number;
}

/** A runner that can run slices (the in-process `RunnerPool`). */
export interface SliceRunner extends ExpressionRunner {
  runSlice(job: SliceJob, options?: { signal?: AbortSignal }): Promise<SliceRunResult>;
}

/** Whether `runner` runs slices. */
export function runsSlices(runner: ExpressionRunner): runner is SliceRunner {
  return typeof (runner as Partial<SliceRunner>).runSlice === 'function';
}

function writerOf(context: PieceContext): ReturnType<typeof createBatchOutputWriter> {
  return createBatchOutputWriter(context.plan, context.targetFormat, { ...(context.csvMeta ? { csvMeta: context.csvMeta } : {}), ...(context.schema ? { schema: context.schema } : {}) });
}

/** Slices of the file, each run whole in a worker. */
export async function* slicePieces(context: PieceContext, runner: SliceRunner, setup: SliceSetup, options: { sliceBytes: number }): AsyncGenerator<Piece> {
  const { job } = context;
  const output: SliceJob['output'] = {
    plan: context.plan,
    format: context.targetFormat,
    ...(context.csvMeta ? { csvMeta: context.csvMeta } : {}),
    // Only the XML writer reads the schema; the other formats need not send it with every slice.
    ...(context.schema && context.targetFormat === 'xml' ? { schema: context.schema } : {}),
  };
  for await (const slice of fileSlices(context.input, setup, { blockBytes: options.sliceBytes, maxRecords: context.chunkRecords }, context.counter)) {
    const source: SliceJob['source'] = {
      format: setup.format,
      file: context.input,
      ...(setup.delimiter !== undefined ? { delimiter: setup.delimiter } : {}),
      ...(!slice.first && setup.headerText !== undefined ? { headerText: setup.headerText } : {}),
    };
    const sliceJob: SliceJob = {
      expression: job.expression,
      ...(job.program !== undefined ? { program: job.program } : {}),
      ...(job.limits ? { limits: job.limits } : {}),
      bytes: slice.bytes,
      // Each slice was read into a buffer of its own: it moves to the worker rather than being copied.
      transfer: true,
      source,
      output,
      ...(context.validate ? { validate: context.validate } : {}),
    };
    const result = runner.runSlice(sliceJob, { signal: context.signal }).then((ran): PieceResult => {
      const outcome = ran.outcome;
      const base: PieceResult = { text: outcome?.text ?? '', items: outcome?.items ?? 0, violations: ran.violations ?? [] };
      if (outcome) Object.assign(base, { records: outcome.records, lines: outcome.lines, fallbackRecords: outcome.fallbackRecords });
      if (outcome?.inputError) base.thrown = outcome.inputError;
      if (ran.error) base.error = ran.error;
      if (outcome?.errorRecord !== undefined) base.errorRecord = outcome.errorRecord;
      if (outcome?.errorLine !== undefined) base.errorLine = outcome.errorLine;
      return base;
    });
    yield { records: slice.records, fileLines: slice.first, result };
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

/** Chunks of records parsed on this thread, each run as a value in a worker. */
export async function* recordPieces(context: PieceContext, runner: ExpressionRunner, format: 'csv' | 'jsonl'): AsyncGenerator<Piece> {
  const { job } = context;
  for await (const records of recordChunks(context.input, format, context.chunkRecords, context.counter)) {
    // The halving search of a failed chunk reruns `job` without the target: it looks for a runtime error only.
    const result = runner.run({ ...job, input: records, ...(context.validate ? { validate: context.validate } : {}) }, { signal: context.signal }).then((ran): PieceResult => {
      if (ran.error) return { text: '', items: 0, violations: [], error: ran.error };
      const items = chunkItems(context.plan, ran.value);
      return { text: writerOf(context).items(items), items: items.length, records: records.length, violations: ran.violations ?? [] };
    });
    const piece: Piece = { records: records.length, fileLines: true, result };
    piece.locate = async () => {
      const { error } = await result;
      return error && DATA_ERRORS.has(error.code) ? locateFailure(runner, job, records) : undefined;
    };
    yield piece;
  }
}
