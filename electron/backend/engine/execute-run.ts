/**
 * One preview run of a mapping document, as `startRun` performs it: compile,
 * read the input, evaluate in the runner, write the output in the target
 * format and validate it against the target schema. The UI gets a bounded
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
import { fieldAtOffset } from '../../../mapping-engine/compiler/source-map-lookup';
import type { CompiledProject } from '../../../mapping-engine/compiler/compile-project';
import { readPayload } from '../../../mapping-engine/payload/read-payload';
import type { JsonValue, ParsedPayload } from '../../../mapping-engine/payload/types';
import { writePayload } from '../../../mapping-engine/payload/write-payload';
import { readInputFile } from '../../../mapping-engine/node/read-file';
import type { RunErrorData } from '../../../mapping-engine/run/run-types';
import { loadTargetSchema, type LoadedTarget } from '../../../mapping-engine/validate/load-target';
import { validateOutput } from '../../../mapping-engine/validate/validate-output';
import type { FieldError, RunOutcome, StartRunRequest } from '../../contract/methods/engine-methods';
import { checkedResolver, compileInContext, type EngineContext } from './engine-context';
import { cutText } from './payload-preview';
import type { RunProgress } from './run-registry';

/** Characters of output text sent to the UI. */
export const OUTPUT_PREVIEW_CHARS = 64 * 1024;

/** Codes a run ends with that are about the mapping's logic, shown as field errors rather than a failed run. */
const FIELD_ERROR_CODES = new Set(['RUN_EVALUATION']);

/** Field labels the required-field helper puts in its message (`lines[].qty is required`, or the older wording). */
const REQUIRED_FIELD = [/^Required target field (\S+) has no value/, /^(\S+) is required\b/];

/**
 * The target field a runtime error concerns: the one the `$required` helper
 * names (accepted only when the source map knows it, so ordinary text is not
 * taken for a field), else the field whose span holds jsonata's position.
 */
export function fieldErrorOf(error: RunErrorData, project: CompiledProject): FieldError {
  const { sourceMap } = project.compiled;
  const named = REQUIRED_FIELD.map((pattern) => pattern.exec(error.message)?.[1]).find(
    (label) => label !== undefined && sourceMap[label.replace(/\[\]/g, '')] !== undefined,
  );
  const mapped = error.position === undefined ? undefined : fieldAtOffset(sourceMap, Math.max(0, error.position - 1));
  const field = named ?? mapped;
  return { ...(field !== undefined ? { field } : {}), code: error.code, message: error.message };
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
  return Math.round((performance.now() - since) * 100) / 100;
}

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new MapwrightError('RUN_CANCELLED', 'the run was cancelled');
}

/** Performs the run (see the module comment). @throws MapwrightError for a failed run */
export async function executeRun(context: EngineContext, request: StartRunRequest, signal: AbortSignal, progress: (p: RunProgress) => void): Promise<RunOutcome> {
  const timings: Record<string, number> = {};
  let since = performance.now();
  progress({ phase: 'compiling', fraction: 0.05 });
  const { project, projectFile, saved } = await compileInContext(context, request.text, request.projectPath);
  timings.compileMs = elapsed(since);
  throwIfCancelled(signal);

  progress({ phase: 'reading input', fraction: 0.15 });
  since = performance.now();
  const file = await inputPath(context, request, project, saved ? request.projectPath : undefined);
  const input: ParsedPayload = readPayload(await readInputFile(file), { file: basename(file), format: project.document.source.format });
  const target: LoadedTarget | undefined =
    saved || (project.document.target.schema && 'inline' in project.document.target.schema)
      ? await loadTargetSchema(project.document, projectFile, checkedResolver(context.access, saved ? projectFile : undefined))
      : undefined;
  timings.readMs = elapsed(since);
  throwIfCancelled(signal);

  progress({ phase: 'running', fraction: 0.3 });
  const result = await context.runner().run({ expression: project.compiled.expression, input: input.value }, { signal });
  timings.parseMs = result.timings.parseMs;
  timings.evalMs = result.timings.evalMs;
  if (result.error && !FIELD_ERROR_CODES.has(result.error.code)) {
    throw new MapwrightError(result.error.code, result.error.message, { file: basename(file) });
  }

  progress({ phase: 'writing output', fraction: 0.85 });
  since = performance.now();
  const fieldErrors: FieldError[] = result.error ? [fieldErrorOf(result.error, project)] : [];
  let text = '';
  if (result.value !== undefined) {
    try {
      text = writePayload(result.value as JsonValue, project.document.target.format, {
        meta: input.meta,
        metaFormat: input.format,
        schema: target?.schema?.root,
      });
    } catch (error) {
      // The output cannot be written in the target format (an XML root that is a list...): say so, still show the rest.
      if (!(error instanceof MapwrightError)) throw error;
      fieldErrors.push({ code: error.code, message: error.message });
    }
  }
  timings.writeMs = elapsed(since);

  progress({ phase: 'validating', fraction: 0.95 });
  since = performance.now();
  const validated = target !== undefined && !target.inferred && result.value !== undefined;
  const violations = validated ? validateOutput(result.value, target) : [];
  timings.validateMs = elapsed(since);

  const cut = cutText(text, OUTPUT_PREVIEW_CHARS);
  return { outputText: cut.text, outputChars: text.length, outputTruncated: cut.truncated, fieldErrors, violations, validated, timings };
}
