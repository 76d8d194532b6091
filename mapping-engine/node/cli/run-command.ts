/**
 * `mapwright run <mapping> --input <file> [--out <file>] [--batch] [--progress]`:
 * compiles a mapping, reads the input in the document's source format,
 * evaluates the expression in runner workers (with the usual limits and the
 * large-input guard) and writes the output in the target format, to stdout or
 * atomically to `--out`.
 *
 * A per-record mapping over CSV or JSON Lines runs in batch mode when the
 * input is larger than {@link BATCH_THRESHOLD_BYTES} or `--batch` is given:
 * the input is streamed in chunks of records over two workers, so memory stays
 * bounded; `--progress` prints progress lines to stderr (see docs/running.md).
 *
 * The output is validated against the document's target (a schema file, an
 * inline schema, or, for what they establish, the samples it was inferred
 * from) in the worker, under the run's time limit (a schema `pattern` that
 * backtracks for ever ends with `VALIDATION_TIMEOUT`, exit 1): each violation is one line `MAP_xxx <field path>: message` on stderr
 * and the exit code is 1, but the output is still written, since seeing it is
 * how the user finds the fix.
 *
 * Exit codes: 0 written; 1 the mapping ran on valid input but failed (a
 * required field missing, a runtime limit hit, or no result at all) or its
 * output breaks the target schema, since that is the mapping rejecting the
 * record, like a failed check; 2 bad input (unreadable files, an invalid
 * document or payload, bad options).
 */
import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { MapwrightError } from '../../errors';
import { describeRunError } from '../../run/describe-run-error';
import { planBatch, type PerRecordPlan } from '../../run/batch-plan';
import { pinParameters } from '../../run/pinned-parameters';
import { runMapping, type MappingRunResult, type PreparedMapping } from '../../run/mapping-run';
import { readPayload } from '../../payload/read-payload';
import { readInputFile, writeFileAtomic } from '../read-file';
import { RunnerPool } from '../runner/runner-pool';
import { parameterBindings, parseParamOptions } from '../../compiler/run-parameters';
import { createFsResolver, referenceScope } from '../fs-resolver';
import { abortOnSignals, atomicFileSink, streamSink } from '../batch/output-sink';
import { summaryLine, throttledProgress } from '../batch/progress-printer';
import { runBatch, type BatchRunResult } from '../batch/run-batch';
import { loadTargetSchema } from '../../validate/load-target';
import type { OutputViolation } from '../../validate/validation-types';
import type { CliIo } from './cli-io';
import { loadProjectFile } from './compile-command';
import { EXIT_CHECK_FAILED, EXIT_OK } from './exit-codes';

/** Options of the run command as commander parses them. */
export interface RunCommandOptions {
  input?: string;
  out?: string;
  batch?: boolean;
  progress?: boolean;
  /** `name=value` pairs setting the document's run parameters. */
  param?: string[];
}

/** Inputs larger than this run in batch mode when the mapping is per record (8 MiB). */
export const BATCH_THRESHOLD_BYTES = 8 * 1024 * 1024;

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0; // reading it reports the problem with a coded error
  }
}

/** Runs `run`; returns the exit code. Throws coded errors (exit 2) for the caller to print. */
export async function runCommand(file: string, options: RunCommandOptions, io: CliIo): Promise<number> {
  if (!options.input) throw new MapwrightError('USAGE', 'run needs --input', { expected: '--input <file>' });
  const project = await loadProjectFile(file);
  // Loaded before running so a broken target schema is bad input (exit 2), not a failed record.
  const target = await loadTargetSchema(project.document, file, createFsResolver(referenceScope([file])));
  const prepared: PreparedMapping = { document: project.document, compiled: project.compiled, tables: project.tables, ...(target ? { target } : {}) };
  const plan = planBatch(project.document);
  if (options.batch && !plan.perRecord) {
    throw new MapwrightError('USAGE', `--batch needs a mapping that works record by record: ${plan.reason}`, { expected: 'a CSV or JSON Lines source mapped one output item per record' });
  }
  // Checked before any record is read: an unknown name or a value of the wrong type is a usage error.
  const bindings = parameterBindings(project.document.parameters ?? {}, parseParamOptions(options.param ?? []));
  if (plan.perRecord && (options.batch || (await sizeOf(options.input)) > BATCH_THRESHOLD_BYTES)) {
    // The workers run slices of the input on their own: the parameters go into the mapping, a default of now as one time for the whole run.
    return batchRun(pinParameters(prepared, bindings, new Date()), plan, options.input, options, io);
  }
  return singleRun(prepared, options.input, options, io, bindings);
}

async function singleRun(prepared: PreparedMapping, inputFile: string, options: RunCommandOptions, io: CliIo, bindings: Record<string, unknown>): Promise<number> {
  const input = readPayload(await readInputFile(inputFile), { file: inputFile, format: prepared.document.source.format });
  // One job, so no spare thread to take over after a kill.
  const pool = new RunnerPool({ size: 1, spare: false });
  let result: MappingRunResult;
  try {
    result = await runMapping(pool, prepared, input, { bindings });
  } finally {
    await pool.close();
  }
  if (result.error) {
    // The error concerns the record, so name the input file rather than the expression.
    io.stderr(`${describeRunError(result.error, prepared.compiled, inputFile, prepared.document)}\n`);
    return EXIT_CHECK_FAILED;
  }
  if (result.text === undefined) {
    io.stderr(`no result: the mapping produced nothing for ${inputFile}\n`);
    return EXIT_CHECK_FAILED;
  }
  if (options.out) await writeFileAtomic(options.out, result.text);
  else io.stdout(result.text);
  return reportViolations(result.violations, result.violations.length, options, io);
}

async function batchRun(prepared: PreparedMapping, plan: PerRecordPlan, inputFile: string, options: RunCommandOptions, io: CliIo): Promise<number> {
  const sink = options.out ? atomicFileSink(options.out) : streamSink((text) => io.stdout(text));
  const onProgress = options.progress ? throttledProgress((line) => io.stderr(line)) : undefined;
  const release = abortOnSignals(sink);
  let result: BatchRunResult;
  try {
    result = await runBatch(prepared, plan, { input: inputFile, sink, ...(onProgress ? { onProgress } : {}) });
  } finally {
    release();
  }
  if (options.progress) io.stderr(`${summaryLine(result)}\n`);
  if (result.error) {
    const written = options.out ? `; nothing was written to ${options.out}` : '';
    io.stderr(`${describeRunError(result.error, prepared.compiled, inputFile, prepared.document)}${written}\n`);
    return EXIT_CHECK_FAILED;
  }
  return reportViolations(result.violations, result.violationCount, options, io);
}

function reportViolations(violations: readonly OutputViolation[], count: number, options: RunCommandOptions, io: CliIo): number {
  if (count === 0) return EXIT_OK;
  for (const line of violationLines(violations)) io.stderr(`${line}\n`);
  const shown = count > violations.length ? ` (the first ${violations.length} shown)` : '';
  const written = options.out ? `output written to ${options.out} anyway` : 'output printed anyway';
  io.stderr(`${count} violation(s) of the target schema${shown}; ${written}\n`);
  return EXIT_CHECK_FAILED;
}

/** One line per violation: `MAP_xxx <field path>: message` (`(root)` for the whole output). */
export function violationLines(violations: readonly OutputViolation[]): string[] {
  return violations.map((v) => `${v.code} ${v.path || '(root)'}: ${v.message}`);
}

/**
 * Adds `run` to the CLI program; `main.ts` calls this next to the other commands.
 * @param setExit - receives the command's exit code
 */
export function registerRunCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('run')
    .description('run a mapping on one payload and write the output in the target format (exit 1 when the mapping fails on it)')
    .argument('<mapping>', 'project file (*.mapwright.json)')
    .option('--input <file>', 'payload to map, in the source format of the document')
    .option('--out <file>', 'write the output to a file (atomically) instead of stdout')
    .option('--batch', 'stream a CSV or JSON Lines input in chunks of records (automatic past 8 MB for per-record mappings)')
    .option('--progress', 'print progress lines to stderr during a batch run')
    .option('--param <name=value>', 'set a run parameter the document declares (repeatable)', (pair: string, all: string[] = []) => [...all, pair])
    .action(async (file: string, options: RunCommandOptions) => setExit(await runCommand(file, options, io)));
}
