/**
 * The memory limit of a job, enforced inside its runner worker, well below
 * the thread's hard heap cap (see spawn-worker.ts).
 *
 * Why: when a worker reaches its `resourceLimits` cap, Node gives V8 only
 * 16 MB of leeway before it aborts the WHOLE process ("Reached heap limit"),
 * so a memory bomb that grows in large steps could take the host down with
 * it. jsonata calls its guardrail (which reads `Date.now()`) at every
 * evaluation step when a timeout is set, so every step in this thread passes
 * through `Date.now`; sampling the heap there ends a growing expression with a
 * coded error while there is still room to unwind. The thread runs nothing but
 * jsonata, so replacing `Date.now` here affects nothing else.
 */
import { getHeapStatistics } from 'node:v8';

/** Steps between two heap samples. A sample costs about 0.1 µs, far less than a jsonata step, so every step is checked: one step can double an array. */
const SAMPLE_EVERY = 1;

/** What the guard throws; the runner classifies it as `RUN_MEMORY`. */
export class HeapGuardError extends RangeError {
  constructor(limitMb: number) {
    super(`out of memory: the expression used more than its ${limitMb} MB`);
    this.name = 'RangeError';
  }
}

const realNow = Date.now.bind(Date);
let softLimitBytes = Number.POSITIVE_INFINITY;
let limitMb = 0;
let steps = 0;

function guardedNow(): number {
  // The heap in use includes garbage not yet collected, so a job gets somewhat less live data than its cap.
  if (++steps % SAMPLE_EVERY === 0 && getHeapStatistics().used_heap_size > softLimitBytes) {
    // Reset first so the unwinding code (and the next job) can read the clock.
    softLimitBytes = Number.POSITIVE_INFINITY;
    throw new HeapGuardError(limitMb);
  }
  return realNow();
}

/** Arms the guard for the next evaluation with the job's heap cap. */
export function armHeapGuard(memoryMb: number): void {
  limitMb = memoryMb;
  softLimitBytes = memoryMb * 1024 * 1024;
  steps = 0;
  Date.now = guardedNow;
}
