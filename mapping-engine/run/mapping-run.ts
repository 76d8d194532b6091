/**
 * One run of a compiled mapping on one parsed payload: guard, evaluate and
 * validate against the target in a runner, serialise in the target format.
 * The studio backend and `mapwright run` both go through here, so a run means
 * the same thing everywhere. A failed run never carries output: partial
 * output shown as complete is worse than none.
 *
 * Validation runs in the runner, next to the evaluation, never here: a target
 * schema's `pattern` is a user-controlled regex, and only the runner's worker
 * can be stopped when one backtracks for ever (`VALIDATION_TIMEOUT`).
 */
import type { FileTables } from '../compiler/lookup-table';
import type { CompiledMapping } from '../compiler/compile-document';
import { mappingJob } from '../compiled/engine-selection';
import { namesRecord } from '../compiler/record-label';
import { fieldAtErrorPosition } from '../compiler/source-map-lookup';
import type { MappingDocument } from '../document/document-schema';
import { toCodedError, type ErrorCode } from '../errors';
import type { JsonValue, ParsedPayload } from '../payload/types';
import { splitPath } from '../transforms/jsonata-text';
import { writePayload } from '../payload/write-payload';
import type { LoadedTarget } from '../validate/load-target';
import { validationTargetOf } from '../validate/validate-target';
import type { OutputViolation, ValidationTarget } from '../validate/validation-types';
import { checkLargeInput, type LargeInputLimits } from './large-input-guard';
import { withRecordPlaces } from './record-places';
import type { ExpressionRunner, RunErrorData, RunLimits, RunResult } from './run-types';

/** A mapping ready to run: the document, its compiled expression and its loaded target. */
export interface PreparedMapping {
  document: MappingDocument;
  compiled: CompiledMapping;
  /** The target schema (file, inline or inferred); without it the output is not validated. */
  target?: LoadedTarget;
  /** Entries of the CSV lookup tables, for the compiled engine (see mapping-engine/compiled/engine-selection.ts). */
  tables?: FileTables;
}

/** Options of {@link runMapping}. */
export interface MappingRunOptions {
  /** Aborting it cancels the run with `RUN_CANCELLED`. */
  signal?: AbortSignal;
  /** Overrides of the runner's limits for this run. */
  limits?: Partial<RunLimits>;
  /** Overrides of the large-input guard's thresholds. */
  largeInput?: Partial<LargeInputLimits>;
  /** Run parameters' bindings (see `parameterBindings` in compiler/run-parameters.ts). */
  bindings?: Record<string, unknown>;
}

/** A problem placed on a target field (`''` when it concerns the whole output). */
export interface FieldError {
  /** Target field path: a source map path for a runtime error, a validation path (`lines[2].total`) for a violation. */
  field: string;
  code: ErrorCode;
  message: string;
}

/** Milliseconds spent in each phase of a mapping run. */
export interface MappingRunTimings {
  parseMs: number;
  evalMs: number;
  writeMs: number;
  validateMs: number;
}

/** The outcome of {@link runMapping}. */
export interface MappingRunResult {
  /** The output; undefined when the run failed or the mapping produced nothing. */
  value?: JsonValue;
  /** The output serialised in the target format; undefined whenever `value` is. */
  text?: string;
  /** Why the run failed (runtime error, guard, limit, or the output cannot be written in the target format). */
  error?: RunErrorData;
  /** The runtime error placed on its target field, and one entry per violation. */
  fieldErrors: FieldError[];
  /** Where the output breaks the target schema; the output is still given. */
  violations: OutputViolation[];
  timings: MappingRunTimings;
}

/**
 * How the compiler names each field whose helper-raised error (required
 * without a value, a transform rejecting a value) starts with its label:
 * the field's names with `[]` after each array (`lines[].sku`), next to the
 * source map path the error is placed on (`lines.sku`).
 */
function requiredLabels(doc: MappingDocument): Array<{ label: string; field: string }> {
  const arrays = new Set(doc.arrays.filter((a) => a.target !== '.').map((a) => splitPath(a.target).join('\u0000')));
  return doc.rules
    .filter(namesRecord)
    .map((rule) => {
      const names = splitPath(rule.target);
      const label = names.map((name, i) => (i < names.length - 1 && arrays.has(names.slice(0, i + 1).join('\u0000')) ? `${name}[]` : name)).join('.');
      return { label, field: names.join('.') };
    });
}

/** Whether `label` occurs in `message` as a whole name, not inside a longer one. */
function mentions(message: string, label: string): boolean {
  for (let at = message.indexOf(label); at >= 0; at = message.indexOf(label, at + 1)) {
    const before = message[at - 1] ?? ' ';
    const after = message[at + label.length] ?? ' ';
    if (!/[\w.[\]`@#$]/.test(before) && !/[\w.[`]/.test(after)) return true;
  }
  return false;
}

/**
 * The target field a runtime error belongs to, `''` when it cannot be told:
 * by the source map, else, for the required and invalid-value helpers (whose
 * `$error` sits outside every field's span), by the field label its message names.
 */
export function fieldOfRunError(error: RunErrorData, prepared: Pick<PreparedMapping, 'compiled' | 'document'>): string {
  const mapped = fieldAtErrorPosition(prepared.compiled.sourceMap, error.position);
  if (mapped !== undefined) return mapped;
  let best: { label: string; field: string } | undefined;
  for (const candidate of requiredLabels(prepared.document)) {
    if (mentions(error.message, candidate.label) && candidate.label.length > (best?.label.length ?? -1)) best = candidate;
  }
  return best?.field ?? '';
}

function failed(error: RunErrorData, prepared: PreparedMapping, timings: MappingRunTimings): MappingRunResult {
  return { error, fieldErrors: [{ field: fieldOfRunError(error, prepared), code: error.code, message: error.message }], violations: [], timings };
}

/**
 * Runs `prepared` on `input` with `runner`. Resolves with the output, its
 * text in the target format (keeping the input's CSV dialect or XML
 * namespaces when source and target formats match) and the violations of
 * the target schema; or with a coded error and no output. Never rejects for
 * a failing mapping.
 */
export async function runMapping(runner: ExpressionRunner, prepared: PreparedMapping, input: ParsedPayload, options: MappingRunOptions = {}): Promise<MappingRunResult> {
  // Not destructured as `document`: the purity check reads that name as the DOM global.
  const { compiled } = prepared;
  const timings: MappingRunTimings = { parseMs: 0, evalMs: 0, writeMs: 0, validateMs: 0 };
  const refused = checkLargeInput(compiled.expression, input.value, options.largeInput);
  if (refused) return failed(refused, prepared, timings);
  const validate = validationOf(prepared);
  const job = { ...mappingJob(prepared, options.bindings), input: input.value, ...(options.limits ? { limits: options.limits } : {}), ...(validate ? { validate } : {}) };
  const result = await runner.run(job, options.signal ? { signal: options.signal } : {});
  return finishMapping(prepared, input, result);
}

/** What the runner validates a run's value against (see {@link validationTargetOf}); undefined without a target. */
export function validationOf(prepared: Pick<PreparedMapping, 'target'>): ValidationTarget | undefined {
  return prepared.target ? validationTargetOf(prepared.target) : undefined;
}

/**
 * The part of {@link runMapping} after the evaluation: place a runtime
 * error, or write the output in the target format and take the violations
 * the runner found. A host that evaluates elsewhere (the engine host reads
 * and runs the input file itself, with {@link validationOf} in its job)
 * finishes its result here, so the outcome is the same. Nothing is validated
 * here: a result without `violations` counts as having none.
 */
export function finishMapping(prepared: PreparedMapping, input: Pick<ParsedPayload, 'format' | 'meta'>, result: RunResult): MappingRunResult {
  const targetFormat = prepared.document.target.format;
  const timings: MappingRunTimings = { parseMs: result.timings.parseMs, evalMs: result.timings.evalMs, writeMs: 0, validateMs: result.timings.validateMs ?? 0 };
  // A CSV input's records are named by their line in the file, which only the host that read it knows.
  if (result.error) return failed(withRecordPlaces(result.error, prepared.document, input), prepared, timings);
  if (result.value === undefined) return { fieldErrors: [], violations: [], timings };
  const value = result.value as JsonValue;
  let text: string;
  const started = performance.now();
  try {
    text = writePayload(value, targetFormat, { meta: input.meta, metaFormat: input.format, schema: prepared.target?.schema?.root });
  } catch (error) {
    timings.writeMs = performance.now() - started;
    const coded = toCodedError(error);
    return { error: coded, fieldErrors: [{ field: '', code: coded.code, message: coded.message }], violations: [], timings };
  }
  timings.writeMs = performance.now() - started;
  const violations = result.violations ?? [];
  const fieldErrors = violations.map((v): FieldError => ({ field: v.path, code: v.code, message: v.message }));
  return { value, text, fieldErrors, violations, timings };
}
