/**
 * Entry of a runner worker thread. It runs jsonata and nothing else: the
 * expression sees only the input and the bindings, both parsed from JSON
 * text, so it holds data, never a function or a Node object. jsonata itself
 * has no way to name `process`, `require` or a constructor (tests prove it).
 *
 * One job at a time: the parent sends a job only to an idle worker, and kills
 * the whole thread when a job outlives its limit, since a catastrophic regex
 * or a huge allocation cannot be interrupted from inside.
 */
import { parentPort } from 'node:worker_threads';
import jsonata from 'jsonata';
import { classifyRunError } from '../../run/run-errors';
import { armHeapGuard } from './heap-guard';
import type { RunTimings, WorkerJobMessage, WorkerOutMessage, WorkerResultMessage } from '../../run/run-types';

function send(message: WorkerOutMessage): void {
  parentPort?.postMessage(message);
}

function parseJson(text: string | undefined): unknown {
  return text === undefined ? undefined : JSON.parse(text);
}

async function runJob(job: WorkerJobMessage): Promise<WorkerResultMessage> {
  const timings: RunTimings = { parseMs: 0, evalMs: 0 };
  const started = performance.now();
  let expression: jsonata.Expression;
  try {
    expression = jsonata(job.expression, {
      timeout: job.limits.timeoutMs,
      stack: job.limits.maxDepth,
      ...(job.limits.maxSequence !== undefined ? { sequence: job.limits.maxSequence } : {}),
    });
  } catch (thrown) {
    timings.parseMs = performance.now() - started;
    return { type: 'result', id: job.id, timings, error: classifyRunError(thrown, job.expression) };
  }
  timings.parseMs = performance.now() - started;
  const evalStart = performance.now();
  armHeapGuard(job.limits.memoryMb);
  try {
    const bindings = parseJson(job.bindingsJson) as Record<string, unknown> | undefined;
    const value: unknown = await expression.evaluate(parseJson(job.inputJson), bindings);
    // Serialising here keeps the transfer a single string copy; a lambda result serialises to nothing.
    const valueJson = JSON.stringify(value);
    timings.evalMs = performance.now() - evalStart;
    return { type: 'result', id: job.id, timings, ...(valueJson !== undefined ? { valueJson } : {}) };
  } catch (thrown) {
    timings.evalMs = performance.now() - evalStart;
    return { type: 'result', id: job.id, timings, error: classifyRunError(thrown, job.expression) };
  }
}

parentPort?.on('message', (job: WorkerJobMessage) => {
  void runJob(job).then(send);
});
send({ type: 'ready' });
