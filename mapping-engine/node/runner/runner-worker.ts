/**
 * Entry of a runner worker thread. It runs jsonata and nothing else: the
 * expression sees only the input and the bindings, both parsed from JSON
 * text, so it holds data, never a function or a Node object. jsonata itself
 * has no way to name `process`, `require` or a constructor (tests prove it).
 *
 * A job may ask for its value to be validated against the target schema
 * here too, after the evaluation: a schema `pattern` is a user-controlled
 * regex, so it runs only where the parent's hard limit can stop it. The
 * worker says `validating` first, and the parent's timer starts again.
 *
 * One job at a time: the parent sends a job only to an idle worker, and kills
 * the whole thread when a job outlives its limit, since a catastrophic regex
 * or a huge allocation cannot be interrupted from inside.
 */
import { parentPort } from 'node:worker_threads';
import jsonata from 'jsonata';
import { classifyRunError } from '../../run/run-errors';
import { stackLimit } from '../../run/width-allowance';
import { runProgram } from '../../compiled/run-program';
import { armHeapGuard } from './heap-guard';
import type { RunTimings, WorkerJobMessage, WorkerOutMessage, WorkerResultMessage } from '../../run/run-types';
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

function send(message: WorkerOutMessage): void {
  parentPort?.postMessage(message);
}

function parseJson(text: string | undefined): unknown {
  return text === undefined ? undefined : JSON.parse(text);
}

async function runJob(job: WorkerJobMessage): Promise<WorkerResultMessage> {
  // Taken first, so a target sent with a job that fails or gives nothing is still kept for the next one.
  const target = job.validation ? targetOf(job.validation) : undefined;
  // Parsed once, on first use: when the compiled program bails, jsonata runs on the same (unchanged) input.
  let parsedInput: { value: unknown } | undefined;
  const inputOf = (): unknown => (parsedInput ??= { value: parseJson(job.inputJson) }).value;
  const compiled = job.program !== undefined ? runCompiled(job, inputOf) : undefined;
  if (compiled && 'valueJson' in compiled) return finish(job, target, compiled.valueJson, compiled.timings);
  const timings: RunTimings = { parseMs: 0, evalMs: 0, ...(compiled ? { engine: 'fallback' as const } : job.program !== undefined ? { engine: 'jsonata' as const } : {}) };
  const started = performance.now();
  let expression: jsonata.Expression;
  const options = {
    timeout: job.limits.timeoutMs,
    stack: job.limits.maxDepth,
    ...(job.limits.maxSequence !== undefined ? { sequence: job.limits.maxSequence } : {}),
  };
  try {
    expression = jsonata(job.expression, options);
  } catch (thrown) {
    timings.parseMs = performance.now() - started;
    return { type: 'result', id: job.id, timings, error: classifyRunError(thrown, job.expression) };
  }
  timings.parseMs = performance.now() - started;
  const evalStart = performance.now();
  armHeapGuard(job.limits.memoryMb);
  try {
    const bindings = parseJson(job.bindingsJson) as Record<string, unknown> | undefined;
    const input = inputOf();
    // jsonata reads `stack` from this object at every step. Its counter also counts an object's
    // pairs pending side by side, so maxDepth is widened by what the expression's width needs
    // (see width-allowance.ts): wide mappings run, a recursion without end still stops.
    options.stack = stackLimit(job.expression, () => expression.ast(), job.limits.maxDepth, input);
    const value: unknown = await expression.evaluate(input, bindings);
    // Serialising here keeps the transfer a single string copy; a lambda result serialises to nothing.
    const valueJson = JSON.stringify(value);
    timings.evalMs = performance.now() - evalStart;
    return await finish(job, target, valueJson, timings);
  } catch (thrown) {
    timings.evalMs = performance.now() - evalStart;
    return { type: 'result', id: job.id, timings, error: classifyRunError(thrown, job.expression) };
  }
}

/** The result of an evaluated job: its value, validated when the job asks. */
async function finish(job: WorkerJobMessage, target: ValidationTarget | undefined, valueJson: string | undefined, timings: RunTimings): Promise<WorkerResultMessage> {
  const result: WorkerResultMessage = { type: 'result', id: job.id, timings, ...(valueJson !== undefined ? { valueJson } : {}) };
  if (job.validation && valueJson !== undefined) {
    const violations = await validate(job, target, valueJson, timings);
    if ('code' in violations) return { type: 'result', id: job.id, timings, error: violations };
    result.violations = violations;
  } else if (job.validation) {
    result.violations = [];
  }
  return result;
}

/**
 * Runs the job's compiled program (see mapping-engine/compiled). It gives
 * the value only where it reproduces jsonata; when it bails (or the
 * jsonata engine is chosen with MAPWRIGHT_ENGINE=jsonata) jsonata runs the
 * job as before. A job with a sequence limit stays with jsonata, which
 * enforces it.
 */
function runCompiled(job: WorkerJobMessage, inputOf: () => unknown): { valueJson: string | undefined; timings: RunTimings } | { bailed: string } | undefined {
  if (process.env.MAPWRIGHT_ENGINE === 'jsonata' || job.limits.maxSequence !== undefined) return undefined;
  const started = performance.now();
  const input = inputOf();
  const parseMs = performance.now() - started;
  const outcome = runProgram(job.program!, input);
  if ('bailed' in outcome) return outcome;
  const valueJson = JSON.stringify(outcome.value);
  return { valueJson, timings: { parseMs, evalMs: performance.now() - started - parseMs, engine: 'compiled' } };
}

/** The target job's validation names: the one it carries, else the one kept from an earlier job. */
function targetOf(validation: NonNullable<WorkerJobMessage['validation']>): ValidationTarget | undefined {
  if (validation.target) knownTarget = { id: validation.id, target: validation.target };
  return knownTarget?.id === validation.id ? knownTarget.target : undefined;
}

/**
 * Validates the value as the parent will read it (parsed from its JSON text,
 * so members jsonata left undefined are gone), after telling the parent.
 */
async function validate(job: WorkerJobMessage, target: ValidationTarget | undefined, valueJson: string, timings: RunTimings): Promise<OutputViolation[] | ReturnType<typeof classifyRunError>> {
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
    return validateOutput(JSON.parse(valueJson), target);
  } catch (thrown) {
    // A validator that overflows its stack on a deeply nested output, say: coded, named as validation.
    const error = classifyRunError(thrown, '');
    return { ...error, message: `validating the output: ${error.message}` };
  } finally {
    timings.validateMs = performance.now() - started;
  }
}

parentPort?.on('message', (job: WorkerJobMessage) => {
  void runJob(job).then(send);
});
send({ type: 'ready' });
