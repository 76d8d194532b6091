/**
 * Shapes of a batch slice job: a piece of an input file's bytes, cut at
 * record boundaries, that a runner worker parses, maps and writes as output
 * text itself, so records and results never cross the thread boundary as
 * values (see mapping-engine/node/batch/run-batch.ts).
 */
import type { CodedErrorData } from '../../errors';
import type { CsvMeta } from '../../payload/csv-read';
import type { PayloadFormat } from '../../payload/types';
import type { PerRecordPlan } from '../../run/batch-plan';
import type { RunErrorData, RunLimits, RunTimings } from '../../run/run-types';
import type { SchemaField } from '../../schema/model';
import type { OutputViolation, ValidationTarget } from '../../validate/validation-types';

/** How the worker reads the slice's bytes. */
export interface SliceSource {
  format: 'csv' | 'jsonl';
  /** The input file, named in parse errors. */
  file: string;
  /** CSV: the file's delimiter, as detected from its head (every slice must read it the same way). */
  delimiter?: string;
  /**
   * CSV slices after the first: the header line (with its line break), put
   * in front of the slice so the reader names the columns as in the first.
   */
  headerText?: string;
}

/** How the worker writes the slice's output items. */
export interface SliceOutput {
  plan: PerRecordPlan;
  format: PayloadFormat;
  csvMeta?: CsvMeta;
  schema?: SchemaField;
}

/** One slice to run: what a host hands to `RunnerPool.runSlice`. */
export interface SliceJob {
  expression: string;
  program?: string;
  limits?: Partial<RunLimits>;
  /** The slice's bytes (a view; the worker reads only the view's range). */
  bytes: Uint8Array;
  /** Move the bytes' whole buffer to the worker instead of copying it: the caller gives it up. */
  transfer?: boolean;
  source: SliceSource;
  output: SliceOutput;
  /** Validate the slice's output (its items at the plan's path) against this target, in the worker. */
  validate?: ValidationTarget;
}

/** Parent to worker: one slice job. */
export interface WorkerSliceMessage {
  type: 'slice';
  id: number;
  expression: string;
  program?: string;
  limits: RunLimits;
  bytes: Uint8Array;
  source: SliceSource;
  output: SliceOutput;
  validation?: { id: number; target?: ValidationTarget };
}

/** What one slice gave. */
export interface SliceOutcome {
  /** The output text of the slice's items, ready to write (see `BatchOutputWriter.after`). */
  text: string;
  /** Output items in `text`. */
  items: number;
  /** Records read from the slice (the CSV header not counted). */
  records: number;
  /** Line breaks in the slice, for the line numbers of later slices. */
  lines: number;
  /** Records the compiled program could not run, so jsonata ran them one by one. */
  fallbackRecords: number;
  /** With a run error: the 0-based index, within the slice, of the record it happened on (when it could be told). */
  errorRecord?: number;
  /** CSV or JSON Lines: the line that record starts on, counted from the slice's first line. */
  errorLine?: number;
  /**
   * The input could not be read (`CSV_PARSE`, `JSONL_PARSE`, `ENCODING`), with
   * `line` counted from the slice's first line.
   */
  inputError?: CodedErrorData;
}

/** Worker to parent: the outcome of one slice job. */
export interface WorkerSliceResultMessage {
  type: 'slice-result';
  id: number;
  timings: RunTimings;
  outcome: SliceOutcome;
  error?: RunErrorData;
  violations?: OutputViolation[];
}

/** What `RunnerPool.runSlice` resolves with; `outcome` is absent when the thread was stopped (time, memory, cancel). */
export interface SliceRunResult {
  outcome?: SliceOutcome;
  timings: RunTimings;
  error?: RunErrorData;
  violations?: OutputViolation[];
}
