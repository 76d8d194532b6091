/**
 * One worker thread of the pool and the job it runs. The slot owns the hard
 * limits: a timer that terminates the thread when a job outlives its time
 * (jsonata's own guard cannot interrupt a regex or a single huge allocation),
 * the heap cap set at spawn, and termination on cancel. Validating a job's
 * value (after its evaluation, in the same thread) gets a time limit of its
 * own and ends with `VALIDATION_TIMEOUT`. A slot that dies is never reused;
 * the pool starts another.
 */
import type { Worker } from 'node:worker_threads';
import { memoryError, timeoutError, validationTimeoutError, workerCrashedError } from '../../run/run-errors';
import type { RunErrorData, RunLimits, RunResult, WorkerJobMessage, WorkerOutMessage } from '../../run/run-types';
import type { ValidationTarget } from '../../validate/validation-types';
import type { WorkerSliceMessage, WorkerSliceResultMessage } from './slice-types';
import { spawnRunnerWorker } from './spawn-worker';

/** Budget of loading ajv and compiling a target (no pattern runs): a 2,500-field schema took over 5 s on a busy machine. */
const PREPARE_VALIDATION_MS = 60_000;

/** How long a new thread may take to load (tsx compiles the entry on first start). */
const STARTUP_LIMIT_MS = 20_000;

/**
 * A job bound for a worker; `settle` is called exactly once by whoever ends it.
 * A slice job's result carries its {@link WorkerSliceResultMessage} outcome as `value`.
 */
export interface SlotTask {
  /** The job without its validation target; the slot adds it when its thread has not got it yet. */
  message: Omit<WorkerJobMessage, 'validation'> | Omit<WorkerSliceMessage, 'validation'>;
  /** Buffers moved to the thread with the message rather than copied (a batch slice's bytes). */
  transfer?: ArrayBuffer[];
  limits: RunLimits;
  /** Validate the value against `target` (known to the pool as `id`). */
  validation?: { id: number; target: ValidationTarget };
  settle(result: RunResult): void;
}

/** Lifecycle of a slot. */
export type SlotState = 'starting' | 'idle' | 'busy' | 'dead';

/** What the pool hears from a slot. */
export interface SlotEvents {
  /** The thread has loaded (once, before it takes or runs its first job). */
  onReady?(slot: WorkerSlot): void;
  /** The slot has no job (any more) and can take one. */
  onFree(slot: WorkerSlot): void;
  /** The thread is gone; `wasReady` tells whether it ever loaded (a failing start must not respawn in a loop). */
  onDead(slot: WorkerSlot, wasReady: boolean): void;
}

/** One runner worker thread with at most one job. */
export class WorkerSlot {
  state: SlotState = 'starting';
  task: SlotTask | undefined;
  private readonly worker: Worker;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly startupTimer: ReturnType<typeof setTimeout>;
  private startedAt = 0;
  private wasReady = false;
  /** Id of the validation target the thread holds. */
  private sentTargetId: number | undefined;

  constructor(
    readonly memoryMb: number,
    private readonly killGraceMs: number,
    private readonly events: SlotEvents,
    entryUrl?: URL,
  ) {
    this.worker = spawnRunnerWorker({ memoryMb, ...(entryUrl ? { entryUrl } : {}) });
    this.worker.on('message', (message: WorkerOutMessage) => this.onMessage(message));
    this.worker.on('error', (error: Error & { code?: string }) => {
      const limits = this.task?.limits ?? { memoryMb: this.memoryMb };
      this.die(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? memoryError(limits) : workerCrashedError(error.message));
    });
    this.worker.on('exit', (code) => this.die(workerCrashedError(`exit code ${code}`)));
    // A thread that never loads would hold its reserved job forever.
    this.startupTimer = setTimeout(() => this.die(workerCrashedError(`did not start within ${STARTUP_LIMIT_MS} ms`)), STARTUP_LIMIT_MS);
    this.startupTimer.unref();
  }

  /** Gives the slot a job: runs it now when idle, or as soon as the thread has loaded. */
  assign(task: SlotTask): void {
    this.task = task;
    if (this.state === 'idle') this.dispatch(task);
  }

  /** Ends `task` with `error` if this slot holds it; a running job takes the thread down with it. */
  abort(task: SlotTask, error: RunErrorData): boolean {
    if (this.task !== task) return false;
    if (this.state === 'busy') {
      this.die(error);
    } else {
      this.task = undefined;
      task.settle({ value: undefined, timings: { parseMs: 0, evalMs: 0 }, error });
    }
    return true;
  }

  /** Stops the thread; a job it holds ends with `error`. */
  kill(error: RunErrorData): void {
    this.die(error);
  }

  private dispatch(task: SlotTask): void {
    this.state = 'busy';
    this.worker.ref();
    this.startedAt = performance.now();
    // jsonata's timeout fires first with a clean D1012; this is the backstop for what it cannot interrupt.
    this.timer = setTimeout(() => this.die(timeoutError(task.limits)), task.limits.timeoutMs + this.killGraceMs);
    const message: WorkerJobMessage | WorkerSliceMessage = { ...task.message };
    if (task.validation) {
      const { id, target } = task.validation;
      message.validation = this.sentTargetId === id ? { id } : { id, target };
      this.sentTargetId = id;
    }
    this.worker.postMessage(message, task.transfer);
  }

  private onMessage(message: WorkerOutMessage | WorkerSliceResultMessage): void {
    if (message.type === 'ready') {
      clearTimeout(this.startupTimer);
      this.wasReady = true;
      this.becomeIdle();
      if (this.state !== 'dead') this.events.onReady?.(this);
      return;
    }
    const task = this.task;
    if (this.state !== 'busy' || !task || task.message.id !== message.id) return;
    clearTimeout(this.timer);
    if (message.type === 'validating') {
      // Nothing inside the thread can interrupt a backtracking pattern: only the kill stops it.
      const budget = message.preparing ? Math.max(task.limits.timeoutMs, PREPARE_VALIDATION_MS) : task.limits.timeoutMs;
      this.timer = setTimeout(() => this.die(validationTimeoutError(task.limits)), budget + this.killGraceMs);
      return;
    }
    this.task = undefined;
    if (message.type === 'slice-result') {
      // A slice's output is already text: nothing to parse on this thread.
      const { outcome, timings, error: sliceError, violations } = message;
      task.settle({ value: outcome, timings, ...(sliceError ? { error: sliceError } : {}), ...(violations ? { violations } : {}) });
      if (sliceError?.code === 'RUN_MEMORY') this.die();
      else this.becomeIdle();
      return;
    }
    let value: unknown;
    let error = message.error;
    try {
      value = message.valueJson === undefined ? undefined : JSON.parse(message.valueJson);
    } catch (thrown) {
      error = workerCrashedError(`unreadable result: ${String(thrown)}`);
    }
    const violations = error ? undefined : message.violations;
    task.settle({ value: error ? undefined : value, timings: message.timings, ...(error ? { error } : {}), ...(violations ? { violations } : {}) });
    // After a memory stop the heap is still full of the job's garbage, which would trip the next job's guard.
    if (error?.code === 'RUN_MEMORY') this.die();
    else this.becomeIdle();
  }

  private becomeIdle(): void {
    this.state = 'idle';
    if (this.task) {
      this.dispatch(this.task);
      return;
    }
    // An idle worker must not keep a CLI process alive.
    this.worker.unref();
    this.events.onFree(this);
  }

  /** Ends the thread; a job it still holds ends with `error` (there is none when a finished slot is retired). */
  private die(error: RunErrorData = workerCrashedError('retired')): void {
    if (this.state === 'dead') return;
    const wasBusy = this.state === 'busy';
    this.state = 'dead';
    clearTimeout(this.timer);
    clearTimeout(this.startupTimer);
    const task = this.task;
    this.task = undefined;
    if (task) {
      const elapsed = wasBusy ? performance.now() - this.startedAt : 0;
      task.settle({ value: undefined, timings: { parseMs: 0, evalMs: elapsed }, error });
    }
    void this.worker.terminate();
    this.events.onDead(this, this.wasReady);
  }
}
