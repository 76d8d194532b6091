/**
 * Entry of a runner worker thread. It runs jsonata and nothing else: the
 * expression sees only the input and the bindings, both parsed from JSON
 * text, so it holds data, never a function or a Node object. jsonata itself
 * has no way to name `process`, `require` or a constructor (tests prove it).
 *
 * A job may ask for its value to be validated against the target schema
 * here too, after the evaluation (worker-validation.ts). A batch slice job
 * (slice-job.ts) brings raw bytes of an input file instead of a value: the
 * worker parses, maps and writes them itself.
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
import type { ValidationTarget } from '../../validate/validation-types';
import { runSliceJob } from './slice-job';
import type { WorkerSliceMessage, WorkerSliceResultMessage } from './slice-types';
import { targetOf, validateInWorker } from './worker-validation';

function send(message: WorkerOutMessage | WorkerSliceResultMessage): void {
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
    // Validated as the parent will read it: parsed from its JSON text, so members jsonata left undefined are gone.
    const violations = await validateInWorker(job, target, JSON.parse(valueJson), timings, send);
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
  // The run's parameters, as jsonata gets them (a time-of-run default is pinned in them by mappingJob).
  const outcome = runProgram(job.program!, input, parseJson(job.bindingsJson) as Record<string, unknown> | undefined);
  if ('bailed' in outcome) return outcome;
  const valueJson = JSON.stringify(outcome.value);
  return { valueJson, timings: { parseMs, evalMs: performance.now() - started - parseMs, engine: 'compiled' } };
}

parentPort?.on('message', (job: WorkerJobMessage | WorkerSliceMessage) => {
  if (job.type === 'slice') void runSliceJob(job, send).then((result) => send(result));
  else void runJob(job).then(send);
});
send({ type: 'ready' });
