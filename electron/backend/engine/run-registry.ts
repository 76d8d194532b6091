/**
 * The runs a backend has started, polled by id. Progress and cancel go by
 * polling rather than a push channel, so IPC and HTTP behave the same. A run
 * is cancelled through its AbortSignal (the runner then terminates the
 * thread); finished runs are kept for a while so a late poll still finds them.
 */
import { randomUUID } from 'node:crypto';
import { MapwrightError, toCodedError } from '../../../mapping-engine/errors';
import type { RunOutcome, RunStatus } from '../../contract/methods/engine-methods';

/** Runs remembered at most; the oldest finished ones are forgotten first. */
export const MAX_REMEMBERED_RUNS = 50;

/** Where a run is and how far along. */
export interface RunProgress {
  phase: string;
  fraction: number;
}

/** The work of one run: reports progress, honours the signal, returns the outcome. */
export type RunWork = (signal: AbortSignal, progress: (update: RunProgress) => void) => Promise<RunOutcome>;

interface RunEntry {
  status: RunStatus;
  controller: AbortController;
  /** Settles when the work has finished (for tests and shutdown). */
  settled: Promise<void>;
}

/** Starts, tracks and cancels runs. */
export class RunRegistry {
  private readonly runs = new Map<string, RunEntry>();

  /** Starts `work` and returns its id at once. */
  start(work: RunWork): string {
    const runId = randomUUID();
    const controller = new AbortController();
    const status: RunStatus = { runId, state: 'running', progress: { phase: 'starting', fraction: 0 } };
    const entry: RunEntry = { status, controller, settled: Promise.resolve() };
    const onProgress = (update: RunProgress): void => {
      if (status.state === 'running') status.progress = { phase: update.phase, fraction: Math.min(1, Math.max(0, update.fraction)) };
    };
    entry.settled = work(controller.signal, onProgress).then(
      (result) => {
        if (status.state !== 'running') return;
        status.state = 'done';
        status.progress = { phase: 'done', fraction: 1 };
        status.result = result;
      },
      (error: unknown) => {
        if (status.state !== 'running') return;
        const coded = toCodedError(error);
        status.state = coded.code === 'RUN_CANCELLED' || controller.signal.aborted ? 'cancelled' : 'failed';
        if (status.state === 'failed') status.error = coded;
      },
    );
    this.runs.set(runId, entry);
    this.forgetOld();
    return runId;
  }

  /** The run's status (a copy). @throws MapwrightError `NOT_FOUND` */
  poll(runId: string): RunStatus {
    return structuredClone(this.entry(runId).status);
  }

  /** Cancels a running run; a finished one is left as it is. @throws MapwrightError `NOT_FOUND` */
  cancel(runId: string): RunStatus {
    const entry = this.entry(runId);
    if (entry.status.state === 'running') {
      entry.status.state = 'cancelled';
      entry.controller.abort();
    }
    return structuredClone(entry.status);
  }

  /** Resolves when the run's work has finished, whatever its state. */
  async settled(runId: string): Promise<void> {
    await this.entry(runId).settled;
  }

  /** Cancels every running run (when the backend shuts down). */
  cancelAll(): void {
    for (const id of this.runs.keys()) this.cancel(id);
  }

  private entry(runId: string): RunEntry {
    const entry = this.runs.get(runId);
    if (!entry) throw new MapwrightError('NOT_FOUND', `no run ${runId}`, { expected: 'a run id from startRun (finished runs are forgotten after a while)' });
    return entry;
  }

  private forgetOld(): void {
    for (const [id, entry] of this.runs) {
      if (this.runs.size <= MAX_REMEMBERED_RUNS) return;
      if (entry.status.state !== 'running') this.runs.delete(id);
    }
  }
}
