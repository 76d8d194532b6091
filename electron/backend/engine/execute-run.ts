/**
 * One preview run of a mapping document, as `startRun` performs it: compile,
 * load the target, then read and evaluate the input in a payload host (the
 * engine host process when the runner is one, so the main process never
 * holds the payload; else in this process) and validate the value against
 * the target (an inferred one only for what its samples establish) in the
 * same worker, then write the output in the target format through the
 * engine's `finishMapping`, as `mapwright run` does. A target schema's
 * `pattern` is a user-controlled regex, so it never runs in this process
 * (Electron's main process or the web host): a runaway one ends the run with
 * `VALIDATION_TIMEOUT` while the window keeps being served. The UI gets a bounded
 * slice of the output text, the runtime errors tied to target fields, the
 * schema violations and how long each phase took.
 *
 * A runtime error of the mapping itself (a required field without a value, a
 * failed transform) is a result the user needs to see, so the run is `done`
 * with `fieldErrors`; a limit hit (time, memory, depth), a broken document or
 * an unreadable input makes the run fail with that coded error.
 */
import { basename } from 'node:path';
import { MapwrightError } from '../../../mapping-engine/errors';
import { parameterBindings } from '../../../mapping-engine/compiler/run-parameters';
import type { CompiledProject } from '../../../mapping-engine/compiler/compile-project';
import { payloadHostOf } from '../../../mapping-engine/node/host/payload-host';
import { fieldOfRunError, finishMapping, validationOf } from '../../../mapping-engine/run/mapping-run';
import { mappingJob } from '../../../mapping-engine/compiled/engine-selection';
import type { RunErrorData } from '../../../mapping-engine/run/run-types';
import { loadTargetSchema, type LoadedTarget } from '../../../mapping-engine/validate/load-target';
import type { FieldError, RunOutcome, StartRunRequest } from '../../contract/methods/engine-methods';
import { checkedResolver, compileInContext, type EngineContext } from './engine-context';
import { cutText } from './payload-preview';
import type { RunProgress } from './run-registry';

/** Characters of output text sent to the UI. */
export const OUTPUT_PREVIEW_CHARS = 64 * 1024;

/**
 * The target field a runtime error concerns, as every host places it
 * (`fieldOfRunError`: the source map, else the field label a helper's
 * message starts with); no field when it cannot be told.
 */
export function fieldErrorOf(error: RunErrorData, project: CompiledProject): FieldError {
  const field = fieldOfRunError(error, project);
  return { ...(field !== '' ? { field } : {}), code: error.code, message: error.message };
}

/**
 * Whether a run's error ends the run as failed: the runner's own codes
 * (limits, cancellation, a crashed worker, a refused input) other than an
 * evaluation error of the mapping's logic. An output that cannot be written
 * in the target format is shown as a field error instead.
 */
function failsRun(error: RunErrorData): boolean {
  return (error.code.startsWith('RUN_') && error.code !== 'RUN_EVALUATION') || error.code === 'VALIDATION_TIMEOUT';
}

/** Resolves the run's input file: the named file, or one of the document's source samples. */
async function inputPath(context: EngineContext, request: StartRunRequest, project: CompiledProject, projectFile: string | undefined): Promise<string> {
  if (request.inputFile !== undefined) return context.access.checkRead(request.inputFile, projectFile);
  const samples = project.document.source.samples;
  const sample = samples[request.sampleIndex ?? 0];
  if (sample === undefined) {
    throw new MapwrightError('NOT_FOUND', `the document has no source sample ${request.sampleIndex ?? 0}`, {
      expected: samples.length ? `an index below ${samples.length}` : 'a source sample in the document, or an inputFile',
    });
  }
  return context.access.checkRead(sample, projectFile);
}

function elapsed(since: number): number {
  return rounded(performance.now() - since);
}

function rounded(ms: number): number {
  return Math.round(ms * 100) / 100;
}

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new MapwrightError('RUN_CANCELLED', 'the run was cancelled');
}

/** Performs the run (see the module comment). @throws MapwrightError for a failed run */
export async function executeRun(context: EngineContext, request: StartRunRequest, signal: AbortSignal, progress: (p: RunProgress) => void): Promise<RunOutcome> {
  const timings: Record<string, number> = {};
  const since = performance.now();
  progress({ phase: 'compiling', fraction: 0.05 });
  const { project, projectFile, saved } = await compileInContext(context, request.text, request.projectPath);
  timings.compileMs = elapsed(since);
  throwIfCancelled(signal);

  progress({ phase: 'reading input', fraction: 0.15 });
  const readStarted = performance.now();
  const file = await inputPath(context, request, project, saved ? request.projectPath : undefined);
  const target: LoadedTarget | undefined =
    saved || (project.document.target.schema && 'inline' in project.document.target.schema)
      ? await loadTargetSchema(project.document, projectFile, checkedResolver(context.access, saved ? projectFile : undefined))
      : undefined;
  timings.readMs = elapsed(readStarted);
  throwIfCancelled(signal);

  // The host reads, guards, evaluates and validates; writing the (bounded) output stays here, as in `mapwright run`.
  progress({ phase: 'running', fraction: 0.3 });
  const sourceFormat = project.document.source.format;
  const prepared = { document: project.document, compiled: project.compiled, tables: project.tables, ...(target ? { target } : {}) };
  const validate = validationOf(prepared);
  // Typed by the declaration as `--param` values are: an undeclared name or a value of the wrong type is USAGE.
  const bindings = request.params ? parameterBindings(project.document.parameters ?? {}, request.params) : undefined;
  const evaluated = await payloadHostOf(context.runner()).runFile(
    { ...mappingJob(prepared, bindings), file, shownAs: basename(file), format: sourceFormat, ...(validate ? { validate } : {}) },
    { signal },
  );
  if (evaluated.input) timings.readMs += rounded(evaluated.input.readMs);
  const result = finishMapping(prepared, evaluated.input ?? { format: sourceFormat }, evaluated);
  for (const [phase, ms] of Object.entries(result.timings)) timings[phase] = rounded(ms);
  if (result.error && failsRun(result.error)) {
    throw new MapwrightError(result.error.code, result.error.message, { file: basename(file) });
  }
  const fieldErrors: FieldError[] = result.error ? [fieldErrorOf(result.error, project)] : [];
  const text = result.text ?? '';
  const cut = cutText(text, OUTPUT_PREVIEW_CHARS);
  // An inferred target is checked only for what its samples establish; the UI says the output was not validated.
  const validated = target !== undefined && !target.inferred && result.value !== undefined;
  return { outputText: cut.text, outputChars: text.length, outputTruncated: cut.truncated, fieldErrors, violations: result.violations, validated, timings };
}
