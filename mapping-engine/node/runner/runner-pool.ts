/**
 * A small pool of worker threads that evaluate JSONata expressions under
 * limits. Each job gets jsonata's own `timeout`, `stack` and `sequence`
 * guards, runs in a thread with a heap cap, and is stopped by a hard
 * `terminate()` when it outlives its time or is cancelled. A stopped or
 * crashed thread is replaced, so one runaway expression never blocks the next.
 *
 * `run` always resolves with a {@link RunResult}; failures are in its `error`
 * as a coded `RUN_*` error, never a rejection.
 */
import { availableParallelism } from 'node:os';
import { MapwrightError } from '../../errors';
import { cancelledError } from '../../run/run-errors';
import { DEFAULT_RUN_LIMITS, resolveRunLimits } from '../../run/run-limits';
import type { RunJob, RunLimits, RunResult } from '../../run/run-types';
import { WorkerSlot, type SlotTask } from './worker-slot';

/** Options of a {@link RunnerPool}. */
export interface RunnerPoolOptions {
  /** Number of worker threads; default min(2, cores). */
  size?: number;
  /** Limits for jobs that name none; merged over {@link DEFAULT_RUN_LIMITS}. */
  defaultLimits?: Partial<RunLimits>;
  /** How long after `timeoutMs` the thread is terminated if jsonata's own guard has not ended the job (default 100 ms). */
  killGraceMs?: number;
  /** Built JavaScript worker entry, for bundled hosts (see spawn-worker.ts). */
  entryUrl?: URL;
}

/** Per-call options of {@link RunnerPool.run}. */
export interface RunOptions {
  /** Aborting it cancels the job with `RUN_CANCELLED`, terminating its thread if it is running. */
  signal?: AbortSignal;
}

function cancelled(): RunResult {
  return { value: undefined, timings: { parseMs: 0, evalMs: 0 }, error: cancelledError() };
}

function serialise(name: string, value: unknown): string | undefined {
  try {
    return value === undefined ? undefined : JSON.stringify(value);
  } catch (error) {
    throw new MapwrightError('USAGE', `the run's ${name} is not JSON-safe: ${error instanceof Error ? error.message : String(error)}`, {
      expected: 'plain JSON data',
    });
  }
}

/** Runs JSONata expressions in worker threads with time, depth, sequence and memory limits. */
export class RunnerPool {
  private readonly size: number;
  private readonly defaults: RunLimits;
  private readonly killGraceMs: number;
  private readonly entryUrl: URL | undefined;
  private readonly slots = new Set<WorkerSlot>();
  private readonly queue: SlotTask[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: RunnerPoolOptions = {}) {
    this.size = options.size ?? Math.min(2, availableParallelism());
    if (!Number.isInteger(this.size) || this.size < 1) {
      throw new MapwrightError('USAGE', `pool size must be a whole number of at least 1, got ${String(options.size)}`);
    }
    this.defaults = resolveRunLimits(options.defaultLimits ?? {}, DEFAULT_RUN_LIMITS);
    this.killGraceMs = options.killGraceMs ?? 100;
    this.entryUrl = options.entryUrl;
  }

  /**
   * Evaluates `job.expression` against its input. Resolves with the value or a
   * coded error (`RUN_TIMEOUT`, `RUN_CANCELLED`, `RUN_MEMORY`, `RUN_STACK`,
   * `RUN_EXPRESSION`, `RUN_EVALUATION`, `RUN_WORKER_CRASHED`).
   * @throws MapwrightError `USAGE` for invalid limits or an input that is not JSON-safe
   */
  async run(job: RunJob, options: RunOptions = {}): Promise<RunResult> {
    const limits = resolveRunLimits(job.limits, this.defaults);
    const inputJson = job.inputJson ?? serialise('input', job.input);
    const bindingsJson = serialise('bindings', job.bindings);
    if (this.closed || options.signal?.aborted) return cancelled();
    return new Promise<RunResult>((resolve) => {
      const signal = options.signal;
      const onAbort = (): void => this.cancel(task);
      const task: SlotTask = {
        message: { type: 'job', id: this.nextId++, expression: job.expression, limits, inputJson, bindingsJson },
        limits,
        settle: (result) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(result);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(task);
      this.pump();
    });
  }

  /** Cancels every queued and running job and stops all threads. The pool takes no more jobs. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.settle(cancelled());
    for (const slot of [...this.slots]) slot.kill(cancelledError());
    this.slots.clear();
  }

  /** Number of live worker threads (for tests and diagnostics). */
  get threadCount(): number {
    return this.slots.size;
  }

  private cancel(task: SlotTask): void {
    const queued = this.queue.indexOf(task);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      task.settle(cancelled());
      return;
    }
    for (const slot of this.slots) if (slot.abort(task, cancelledError())) return;
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      const task = this.queue[0]!;
      const slot = this.slotFor(task.limits.memoryMb);
      if (!slot) return;
      this.queue.shift();
      slot.assign(task);
    }
  }

  /** A free slot with the right heap cap, a new one if there is room, or a free one restarted with the new cap. */
  private slotFor(memoryMb: number): WorkerSlot | undefined {
    const free = [...this.slots].filter((slot) => slot.task === undefined && (slot.state === 'idle' || slot.state === 'starting'));
    const match = free.find((slot) => slot.memoryMb === memoryMb);
    if (match) return match;
    if (this.slots.size < this.size) return this.spawn(memoryMb);
    const other = free[0];
    if (!other) return undefined;
    // resourceLimits are fixed when a thread starts, so a job with another memory cap needs a new thread.
    this.slots.delete(other);
    other.kill(cancelledError());
    return this.spawn(memoryMb);
  }

  private spawn(memoryMb: number): WorkerSlot {
    const slot = new WorkerSlot(
      memoryMb,
      this.killGraceMs,
      {
        onFree: () => this.pump(),
        onDead: (dead, wasReady) => this.replace(dead, wasReady),
      },
      this.entryUrl,
    );
    this.slots.add(slot);
    return slot;
  }

  private replace(dead: WorkerSlot, wasReady: boolean): void {
    if (!this.slots.delete(dead) || this.closed) return;
    // Warm a replacement at once so the next job does not pay the start-up; a thread that never loaded is not retried eagerly.
    if (wasReady) this.spawn(dead.memoryMb);
    this.pump();
  }
}
