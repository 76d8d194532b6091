/**
 * Validation of a job's value inside the runner worker, shared by whole-input
 * jobs and batch slices. A schema `pattern` is a user-controlled regex, so it
 * runs only here, where the parent's hard limit can stop it: the worker says
 * `validating` first, and the parent's timer starts again.
 */
import { classifyRunError } from '../../run/run-errors';
import type { RunErrorData, RunTimings, WorkerValidatingMessage } from '../../run/run-types';
import type { OutputViolation, ValidationTarget } from '../../validate/validation-types';

/**
 * The validators (ajv and its formats take about as long to load as the rest
 * of the worker), loaded on the first job that asks for validation, so a
 * thread that only evaluates (and every replacement thread) starts sooner.
 */
let validators: Promise<typeof import('../../validate/validate-output')> | undefined;

/**
 * The last validation target the parent sent, by id: a batch validates every
 * chunk against one target, so it crosses once and ajv compiles it once (its
 * cache is keyed by the schema object). The parent resends after a new one.
 */
let knownTarget: { id: number; target: ValidationTarget } | undefined;

/** The target a job's validation names: the one it carries, else the one kept from an earlier job. */
export function targetOf(validation: { id: number; target?: ValidationTarget }): ValidationTarget | undefined {
  if (validation.target) knownTarget = { id: validation.id, target: validation.target };
  return knownTarget?.id === validation.id ? knownTarget.target : undefined;
}

/**
 * Validates `value` (already as the parent would read it: plain JSON data)
 * against `target`, telling the parent through `send` first.
 */
export async function validateInWorker(
  job: { id: number; validation?: { id: number } },
  target: ValidationTarget | undefined,
  value: unknown,
  timings: RunTimings,
  send: (message: WorkerValidatingMessage) => void,
): Promise<OutputViolation[] | RunErrorData> {
  const started = performance.now();
  if (!target) {
    return { code: 'RUN_WORKER_CRASHED', message: `the expression worker was asked to validate against target ${job.validation!.id}, which it was never sent` };
  }
  // Loading ajv and compiling the target (seconds for a 2,500-field schema, once per thread) runs
  // no pattern: it has a longer budget of its own, and the validation proper starts its timer again.
  send({ type: 'validating', id: job.id, preparing: true });
  try {
    const { prepareValidation, validateOutput } = await (validators ??= import('../../validate/validate-output'));
    prepareValidation(target);
    send({ type: 'validating', id: job.id });
    return validateOutput(value, target);
  } catch (thrown) {
    // A validator that overflows its stack on a deeply nested output, say: coded, named as validation.
    const error = classifyRunError(thrown, '');
    return { ...error, message: `validating the output: ${error.message}` };
  } finally {
    timings.validateMs = performance.now() - started;
  }
}
