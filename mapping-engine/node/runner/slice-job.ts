/**
 * A batch slice inside the runner worker: the bytes of whole records of an
 * input file are decoded, parsed by the project's own CSV or JSON Lines
 * reader, mapped, and written as output text here, so records and results
 * never cross the thread boundary as values (one parse, one write, as a
 * hand-written stream does).
 *
 * The compiled program runs the whole slice first. When it bails, it runs
 * record by record and jsonata runs only the records it bails on, so output
 * and error text stay jsonata's without redoing the slice through jsonata.
 * Without a program, jsonata runs the slice; when that fails on a record's
 * data, the records are run one by one to name the first that fails.
 */
import jsonata from 'jsonata';
import { runProgram } from '../../compiled/run-program';
import { isMapwrightError, type CodedErrorData } from '../../errors';
import { readCsv } from '../../payload/csv-read';
import { decodeText } from '../../payload/decode';
import { lineOfRow, type RowLines } from '../../payload/row-lines';
import { readJsonLines } from '../../payload/jsonl-read';
import type { JsonValue } from '../../payload/types';
import { createBatchOutputWriter } from '../../run/batch-output';
import { chunkItems } from '../../run/batch-plan';
import { classifyRunError } from '../../run/run-errors';
import type { RunErrorData, RunTimings, WorkerValidatingMessage } from '../../run/run-types';
import { stackLimit } from '../../run/width-allowance';
import { armHeapGuard } from './heap-guard';
import type { SliceOutcome, WorkerSliceMessage, WorkerSliceResultMessage } from './slice-types';
import { targetOf, validateInWorker } from './worker-validation';

/** Line breaks in `text` as the CSV reader counts lines: `\r\n`, `\n` and a lone `\r` are one each. */
export function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  if (text.includes('\r')) {
    for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) count++;
  }
  return count;
}

/** What a slice holds: its records, its line breaks, and where each record starts (lines from the slice's first line). */
interface SliceRecords {
  records: JsonValue[];
  lines: number;
  lineOf?: (row: number) => number;
}

/** The slice's records and its line breaks; throws the reader's coded errors (lines counted from the slice's first line). */
function readSlice(job: WorkerSliceMessage): SliceRecords {
  const { source } = job;
  const nonUtf8 = source.format === 'csv' ? 'windows-1252' : 'error';
  const text = decodeText(job.bytes, { file: source.file, nonUtf8 }).text;
  if (source.format === 'jsonl') {
    let lines = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    const parsed = readJsonLines(text, { file: source.file });
    // Each record's line, from the slice's first line (blank lines counted), as for CSV rows.
    const rowLines = parsed.meta?.rowLines;
    return { records: parsed.value as JsonValue[], lines, ...(rowLines ? { lineOf: (row: number) => lineOfRow(rowLines, row) } : {}) };
  }
  const header = source.headerText ?? '';
  try {
    // comments: false: the run reads through slices only when the file's head shows no comment lines.
    const parsed = readCsv(header + text, { file: source.file, comments: false, ...(source.delimiter ? { delimiter: source.delimiter } : {}) });
    const rowLines: RowLines | undefined = parsed.meta?.rowLines;
    const headerLines = countLineBreaks(header);
    return { records: parsed.value as JsonValue[], lines: countLineBreaks(text), ...(rowLines ? { lineOf: (row: number) => lineOfRow(rowLines, row) - headerLines } : {}) };
  } catch (thrown) {
    // The header put in front is not part of the slice: lines count from the slice's own first line.
    if (isMapwrightError(thrown) && thrown.line !== undefined && header !== '') throw Object.assign(thrown.toJSON(), { line: thrown.line - countLineBreaks(header) });
    throw thrown;
  }
}

/** jsonata for the job's expression, built once per thread and expression (every slice of a batch has the same). */
let cached: { key: string; run: (input: unknown) => Promise<{ value: unknown } | { error: RunErrorData }> } | undefined;

function jsonataRunner(job: WorkerSliceMessage): (input: unknown) => Promise<{ value: unknown } | { error: RunErrorData }> {
  const key = `${JSON.stringify(job.limits)}\u0000${job.expression}`;
  if (cached?.key === key) return cached.run;
  const options = { timeout: job.limits.timeoutMs, stack: job.limits.maxDepth, ...(job.limits.maxSequence !== undefined ? { sequence: job.limits.maxSequence } : {}) };
  let expression: jsonata.Expression | undefined;
  let compileError: RunErrorData | undefined;
  try {
    expression = jsonata(job.expression, options);
  } catch (thrown) {
    compileError = classifyRunError(thrown, job.expression);
  }
  const run = async (input: unknown): Promise<{ value: unknown } | { error: RunErrorData }> => {
    if (!expression) return { error: compileError! };
    try {
      // As in runner-worker.ts: the stack limit widened by what the expression's width needs on this input.
      options.stack = stackLimit(job.expression, () => expression!.ast(), job.limits.maxDepth, input);
      armHeapGuard(job.limits.memoryMb);
      return { value: await expression.evaluate(input) };
    } catch (thrown) {
      return { error: classifyRunError(thrown, job.expression) };
    }
  };
  cached = { key, run };
  return run;
}

type Mapped = { outputs: unknown[]; fallbackRecords: number } | { error: RunErrorData; record?: number };

/** Runs the mapping over `records`; see the file comment for the order of engines. */
async function mapRecords(job: WorkerSliceMessage, records: JsonValue[], timings: RunTimings): Promise<Mapped> {
  const program = process.env.MAPWRIGHT_ENGINE === 'jsonata' || job.limits.maxSequence !== undefined ? undefined : job.program;
  const viaJsonata = jsonataRunner(job);
  if (program !== undefined) {
    const whole = runProgram(program, records);
    if ('value' in whole) {
      timings.engine = 'compiled';
      return { outputs: [whole.value], fallbackRecords: 0 };
    }
    timings.engine = 'fallback';
    const outputs: unknown[] = [];
    let fallbackRecords = 0;
    for (let i = 0; i < records.length; i++) {
      const one = runProgram(program, [records[i]]);
      if ('value' in one) {
        outputs.push(one.value);
        continue;
      }
      fallbackRecords++;
      const ran = await viaJsonata([records[i]]);
      if ('error' in ran) return { error: ran.error, record: i };
      outputs.push(ran.value);
    }
    return { outputs, fallbackRecords };
  }
  if (job.program !== undefined) timings.engine = 'jsonata';
  const whole = await viaJsonata(records);
  if ('value' in whole) return { outputs: [whole.value], fallbackRecords: 0 };
  // Only an error from a record's data can be pinned on one record.
  if (whole.error.code !== 'RUN_EVALUATION') return { error: whole.error };
  for (let i = 0; i < records.length; i++) {
    const one = await viaJsonata([records[i]]);
    if ('error' in one) return { error: one.error, record: i };
  }
  return { error: whole.error };
}

/** Whether `value` is plain JSON data, so writing it gives what writing its JSON round trip gives. */
function isPlainJson(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (const item of value) if (item === undefined || !isPlainJson(item)) return false;
        return true;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) return false;
      for (const key of Object.keys(value)) {
        const member = (value as Record<string, unknown>)[key];
        if (member === undefined || !isPlainJson(member)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/** The items at the plan's path, nested as the whole output nests them (what is validated). */
function wrapItems(path: readonly string[], items: JsonValue[]): JsonValue {
  let wrapped: JsonValue = items;
  for (const name of [...path].reverse()) wrapped = { [name]: wrapped };
  return wrapped;
}

function coded(thrown: unknown): CodedErrorData | undefined {
  if (isMapwrightError(thrown)) return thrown.toJSON();
  // A CSV error with its line moved to the slice's own lines (see readSlice).
  if (typeof thrown === 'object' && thrown !== null && 'code' in thrown && 'message' in thrown && !(thrown instanceof Error)) return thrown as CodedErrorData;
  return undefined;
}

/** Runs one slice job; never throws (failures are in the result). */
export async function runSliceJob(job: WorkerSliceMessage, send: (message: WorkerValidatingMessage) => void): Promise<WorkerSliceResultMessage> {
  const target = job.validation ? targetOf(job.validation) : undefined;
  const timings: RunTimings = { parseMs: 0, evalMs: 0 };
  const outcome: SliceOutcome = { text: '', items: 0, records: 0, lines: 0, fallbackRecords: 0 };
  const result = (extra: Partial<WorkerSliceResultMessage> = {}): WorkerSliceResultMessage => ({ type: 'slice-result', id: job.id, timings, outcome, ...extra });
  const started = performance.now();
  let records: JsonValue[];
  let read: SliceRecords;
  try {
    read = readSlice(job);
    records = read.records;
    outcome.records = records.length;
    outcome.lines = read.lines;
  } catch (thrown) {
    const input = coded(thrown);
    if (input) outcome.inputError = input;
    return input ? result() : result({ error: classifyRunError(thrown, '') });
  } finally {
    timings.parseMs = performance.now() - started;
  }
  const mapped = await mapRecords(job, records, timings);
  timings.evalMs = performance.now() - started - timings.parseMs;
  if ('error' in mapped) {
    if (mapped.record !== undefined) {
      outcome.errorRecord = mapped.record;
      const line = read.lineOf?.(mapped.record);
      if (line !== undefined) outcome.errorLine = line;
    }
    return result({ error: mapped.error });
  }
  outcome.fallbackRecords = mapped.fallbackRecords;
  const { plan } = job.output;
  let items = mapped.outputs.flatMap((output) => chunkItems(plan, output));
  // Today's values crossed as JSON text; anything that is not plain JSON is written as its JSON round trip, as before.
  if (!isPlainJson(items)) items = JSON.parse(JSON.stringify(items)) as JsonValue[];
  let violations;
  if (job.validation) {
    const checked = await validateInWorker(job, target, wrapItems(plan.arrayPath, items), timings, send);
    if ('code' in checked) return result({ error: checked });
    violations = checked;
  }
  try {
    outcome.text = createBatchOutputWriter(plan, job.output.format, { ...(job.output.csvMeta ? { csvMeta: job.output.csvMeta } : {}), ...(job.output.schema ? { schema: job.output.schema } : {}) }).items(items);
  } catch (thrown) {
    const output = coded(thrown);
    if (output) outcome.inputError = output;
    return output ? result() : result({ error: classifyRunError(thrown, '') });
  }
  outcome.items = items.length;
  return result(violations ? { violations } : {});
}
