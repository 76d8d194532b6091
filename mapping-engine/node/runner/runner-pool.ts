/**
 * A small pool of worker threads that evaluate JSONata expressions under
 * limits. Each job gets jsonata's own `timeout`, `stack` and `sequence`
 * guards, runs in a thread with a heap cap, and is stopped by a hard
 * `terminate()` when it outlives its time or is cancelled. A job may also
 * have its value validated against the target schema in the same thread,
 * under a time limit of its own (a schema `pattern` is a user's regex).
 *
 * A stopped or crashed thread is replaced, so one runaway expression never
 * blocks the next; and the pool keeps one warm spare thread beside its
 * working ones, so the job after a kill starts at once instead of waiting for
 * a new thread to load (from source that is tsx compiling the entry; on a
 * busy machine it took seconds).
 *
 * `run` always resolves with a {@link RunResult}; failures are in its `error`
 * as a coded `RUN_*` error, never a rejection.
 */
import { availableParallelism } from 'node:os';
import { MapwrightError } from '../../errors';
import { cancelledError } from '../../run/run-errors';
import { DEFAULT_RUN_LIMITS, resolveRunLimits } from '../../run/run-limits';
import type { RunJob, RunLimits, RunResult } from '../../run/run-types';
import type { ValidationTarget } from '../../validate/validation-types';
import type { SliceJob, SliceOutcome, SliceRunResult } from './slice-types';
import { WorkerSlot, type SlotEvents, type SlotTask } from './worker-slot';

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
  /**
   * Keep one extra thread loaded and idle (with the default heap cap) to take
   * over at once from a thread that was killed (default true). It starts
   * loading once a working thread has loaded, so the two never load at once.
   */
  spare?: boolean;
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
  /** Whether to keep a spare; turned off for good when a spare fails to load (no respawn loop). */
  private spareWanted: boolean;
  /** A loaded (or loading) thread outside {@link slots}, ready to replace a killed one. */
  private spare: WorkerSlot | undefined;
  /** Ids of validation targets, so a thread that already holds one is not sent it again. */
  private readonly targetIds = new WeakMap<ValidationTarget, number>();
  private nextTargetId = 1;
  private readonly events: SlotEvents = {
    onReady: () => this.ensureSpare(),
    onFree: (slot) => {
      if (slot !== this.spare) this.pump();
    },
    onDead: (slot, wasReady) => {
      if (slot === this.spare) {
        this.spare = undefined;
        // A spare that never loaded would fail again; one that was killed (close) is not replaced either way.
        if (!wasReady) this.spareWanted = false;
        return;
      }
      this.replace(slot, wasReady);
    },
  };

  constructor(options: RunnerPoolOptions = {}) {
    this.size = options.size ?? Math.min(2, availableParallelism());
    if (!Number.isInteger(this.size) || this.size < 1) {
      throw new MapwrightError('USAGE', `pool size must be a whole number of at least 1, got ${String(options.size)}`);
    }
    this.defaults = resolveRunLimits(options.defaultLimits ?? {}, DEFAULT_RUN_LIMITS);
    this.killGraceMs = options.killGraceMs ?? 100;
    this.entryUrl = options.entryUrl;
    this.spareWanted = options.spare ?? true;
  }

  /**
   * Evaluates `job.expression` against its input. Resolves with the value or a
   * coded error (`RUN_TIMEOUT`, `RUN_CANCELLED`, `RUN_MEMORY`, `RUN_STACK`,
   * `RUN_EXPRESSION`, `RUN_EVALUATION`, `RUN_WORKER_CRASHED`), and with the
   * value's `violations` when `job.validate` names a target (`VALIDATION_TIMEOUT`
   * when validating outlives `timeoutMs`).
   * @throws MapwrightError `USAGE` for invalid limits or an input that is not JSON-safe
   */
  async run(job: RunJob, options: RunOptions = {}): Promise<RunResult> {
    const limits = resolveRunLimits(job.limits, this.defaults);
    const inputJson = job.inputJson ?? serialise('input', job.input);
    const bindingsJson = serialise('bindings', job.bindings);
    if (this.closed || options.signal?.aborted) return cancelled();
    const message = { type: 'job' as const, id: this.nextId++, expression: job.expression, ...(job.program !== undefined ? { program: job.program } : {}), limits, inputJson, bindingsJson };
    return this.enqueue({ message, limits, ...(job.validate ? { validation: { id: this.targetId(job.validate), target: job.validate } } : {}) }, options.signal);
  }

  /** Queues `task` (settled with what its slot gives, or `RUN_CANCELLED` when `signal` aborts it). */
  private enqueue(task: Omit<SlotTask, 'settle'>, signal: AbortSignal | undefined): Promise<RunResult> {
    return new Promise<RunResult>((resolve) => {
      const onAbort = (): void => this.cancel(queued);
      const queued: SlotTask = {
        ...task,
        settle: (result) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(result);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(queued);
      this.pump();
    });
  }

  /**
   * Runs one batch slice (see slice-types.ts): the worker decodes, parses,
   * maps and writes the slice's records itself, under the same limits and
   * hard kill as {@link run}. With `job.transfer` the bytes' buffer is moved
   * to the thread (it is unusable here afterwards); otherwise it is copied.
   * Resolves with the outcome, or with only an error when the thread was
   * stopped (time, memory, cancel).
   * @throws MapwrightError `USAGE` for invalid limits
   */
  async runSlice(job: SliceJob, options: RunOptions = {}): Promise<SliceRunResult> {
    const limits = resolveRunLimits(job.limits, this.defaults);
    if (this.closed || options.signal?.aborted) return cancelled();
    const { bytes } = job;
    const message = { type: 'slice' as const, id: this.nextId++, expression: job.expression, ...(job.program !== undefined ? { program: job.program } : {}), limits, bytes, source: job.source, output: job.output };
    const result = await this.enqueue(
      {
        message,
        ...(job.transfer && bytes.buffer instanceof ArrayBuffer ? { transfer: [bytes.buffer] } : {}),
        limits,
        ...(job.validate ? { validation: { id: this.targetId(job.validate), target: job.validate } } : {}),
      },
      options.signal,
    );
    const outcome = result.value as SliceOutcome | undefined;
    return { timings: result.timings, ...(outcome ? { outcome } : {}), ...(result.error ? { error: result.error } : {}), ...(result.violations ? { violations: result.violations } : {}) };
  }

  /** Cancels every queued and running job and stops all threads. The pool takes no more jobs. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.settle(cancelled());
    for (const slot of [...this.slots]) slot.kill(cancelledError());
    this.slots.clear();
    this.spare?.kill(cancelledError());
    this.spare = undefined;
  }

  /** Number of live worker threads, the spare not counted (for tests and diagnostics). */
  get threadCount(): number {
    return this.slots.size;
  }

  /** Whether a spare thread has loaded and waits to take over (for tests and diagnostics). */
  get spareReady(): boolean {
    return this.spare?.state === 'idle';
  }

  private targetId(target: ValidationTarget): number {
    let id = this.targetIds.get(target);
    if (id === undefined) {
      id = this.nextTargetId++;
      this.targetIds.set(target, id);
    }
    return id;
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

  /** A thread for the pool: the spare when it has the right heap cap (then a new spare is started), else a new one. */
  private spawn(memoryMb: number): WorkerSlot {
    const spare = this.spare;
    if (spare && spare.memoryMb === memoryMb && spare.state !== 'dead') {
      this.spare = undefined;
      this.slots.add(spare);
      this.ensureSpare();
      return spare;
    }
    const slot = new WorkerSlot(memoryMb, this.killGraceMs, this.events, this.entryUrl);
    this.slots.add(slot);
    return slot;
  }

  /** Starts the spare if the pool wants one and has none; only once a working thread has loaded, so both never load at once. */
  private ensureSpare(): void {
    if (!this.spareWanted || this.spare || this.closed) return;
    if (![...this.slots].some((slot) => slot.state === 'idle' || slot.state === 'busy')) return;
    this.spare = new WorkerSlot(this.defaults.memoryMb, this.killGraceMs, this.events, this.entryUrl);
  }

  private replace(dead: WorkerSlot, wasReady: boolean): void {
    if (!this.slots.delete(dead) || this.closed) return;
    // Take over with the spare (or warm a new thread) at once, so the next job does not pay the start-up; a thread that never loaded is not retried eagerly.
    if (wasReady) this.spawn(dead.memoryMb);
    this.pump();
  }
}
