/**
 * The client side of an engine host: an {@link ExpressionRunner} whose jobs
 * run in another process (an Electron `utilityProcess` or a forked Node
 * child) that owns the worker pool. If that process dies, from a fatal V8
 * error, the OS or a kill, every run it held ends with `RUN_HOST_CRASHED` and
 * the next run starts a new host. Nothing here knows how a host is started:
 * `spawnHost` is injected (see fork-host.ts and electron/engine-host/).
 */
import { MapwrightError } from '../../errors';
import { cancelledError } from '../../run/run-errors';
import type { ExpressionRunner, RunErrorData, RunJob, RunResult } from '../../run/run-types';
import { decodeHostOut, encodeFrame, hostCrashedError, type HostRunMessage } from './engine-host-protocol';

/** A started host process as the client sees it: a string channel plus its end. */
export interface EngineHostProcess {
  /** Sends one message string to the host. */
  postMessage(text: string): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  /** Fires once when the process has ended, for whatever reason. */
  on(event: 'exit', listener: (code: number | null, signal?: string | null) => void): unknown;
  /** Ends the process at once. */
  kill(): unknown;
  /** OS process id, when known (diagnostics and tests). */
  readonly pid?: number | undefined;
}

/** Starts a new engine host process. */
export type SpawnEngineHost = () => EngineHostProcess;

/** Options of an {@link EngineHostClient}. */
export interface EngineHostClientOptions {
  /** How long a new host may take to report ready before it counts as crashed (default 30 s; tsx compiles on first start). */
  startupTimeoutMs?: number;
}

interface Pending {
  settle(result: RunResult): void;
}

/** One host process and the runs it holds. */
interface Session {
  process: EngineHostProcess;
  ready: boolean;
  /** Frames waiting for the host to say ready, in order. */
  outbox: Array<{ id: number; frame: string }>;
  pending: Map<number, Pending>;
  startupTimer: ReturnType<typeof setTimeout>;
}

const failed = (error: RunErrorData): RunResult => ({ value: undefined, timings: { parseMs: 0, evalMs: 0 }, error });

function inputJsonOf(job: RunJob): string | undefined {
  if (job.inputJson !== undefined) return job.inputJson;
  try {
    return job.input === undefined ? undefined : JSON.stringify(job.input);
  } catch (error) {
    throw new MapwrightError('USAGE', `the run's input is not JSON-safe: ${error instanceof Error ? error.message : String(error)}`, {
      expected: 'plain JSON data',
    });
  }
}

/** Runs expressions in a separate engine host process, replacing the process when it dies. */
export class EngineHostClient implements ExpressionRunner {
  private session: Session | undefined;
  private nextId = 1;
  private closed = false;
  private readonly startupTimeoutMs: number;

  constructor(
    private readonly spawnHost: SpawnEngineHost,
    options: EngineHostClientOptions = {},
  ) {
    this.startupTimeoutMs = options.startupTimeoutMs ?? 30_000;
  }

  /**
   * Evaluates `job` in the host. Resolves with the value or a coded error:
   * the pool's `RUN_*` codes, `RUN_CANCELLED` when `signal` aborts, or
   * `RUN_HOST_CRASHED` when the host process died first.
   * @throws MapwrightError `USAGE` when the input or bindings are not JSON-safe
   */
  run(job: RunJob, options: { signal?: AbortSignal } = {}): Promise<RunResult> {
    const inputJson = inputJsonOf(job);
    const id = this.nextId++;
    const header: HostRunMessage = { type: 'run', id, expression: job.expression, hasInput: inputJson !== undefined };
    if (job.bindings) header.bindings = job.bindings;
    if (job.limits) header.limits = job.limits;
    let frame: string;
    try {
      frame = encodeFrame(header, inputJson);
    } catch (error) {
      throw new MapwrightError('USAGE', `the run's bindings are not JSON-safe: ${error instanceof Error ? error.message : String(error)}`);
    }
    const signal = options.signal;
    if (this.closed || signal?.aborted) return Promise.resolve(failed(cancelledError()));
    let session: Session;
    try {
      session = this.session ?? this.start();
    } catch (error) {
      return Promise.resolve(failed(hostCrashedError(`could not start: ${error instanceof Error ? error.message : String(error)}`)));
    }
    return new Promise<RunResult>((resolve) => {
      const onAbort = (): void => {
        if (!session.pending.delete(id)) return;
        const waiting = session.outbox.findIndex((entry) => entry.id === id);
        // A job the host never got is simply dropped; a sent one is stopped by the host when the cancel arrives.
        if (waiting >= 0) session.outbox.splice(waiting, 1);
        else this.send(session, id, encodeFrame({ type: 'cancel', id }));
        // Answer at once either way.
        resolve(failed(cancelledError()));
      };
      session.pending.set(id, {
        settle: (result) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(result);
        },
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      this.send(session, id, frame);
    });
  }

  /** Ends the host; pending runs end with `RUN_CANCELLED` and later runs are refused the same way. */
  async close(): Promise<void> {
    this.closed = true;
    const session = this.session;
    if (!session) return;
    this.end(session, cancelledError());
    session.process.kill();
  }

  /** The live host's process id, if one is running (diagnostics and tests). */
  get hostPid(): number | undefined {
    return this.session?.process.pid;
  }

  private start(): Session {
    const child = this.spawnHost();
    const session: Session = {
      process: child,
      ready: false,
      outbox: [],
      pending: new Map(),
      startupTimer: setTimeout(() => {
        this.end(session, hostCrashedError(`did not start within ${this.startupTimeoutMs} ms`));
        child.kill();
      }, this.startupTimeoutMs),
    };
    this.session = session;
    child.on('message', (message) => this.onMessage(session, message));
    child.on('exit', (code, signal) => this.end(session, hostCrashedError(signal ? `killed by ${signal}` : `exit code ${String(code)}`)));
    return session;
  }

  private send(session: Session, id: number, frame: string): void {
    if (!session.ready) {
      session.outbox.push({ id, frame });
      return;
    }
    try {
      session.process.postMessage(frame);
    } catch (error) {
      // A channel that closed under us: the host is gone, its exit (or this) ends the runs.
      this.end(session, hostCrashedError(error instanceof Error ? error.message : String(error)));
      session.process.kill();
    }
  }

  private onMessage(session: Session, message: unknown): void {
    const frame = decodeHostOut(message);
    if (!frame) return;
    if (frame.header.type === 'ready') {
      if (session.ready) return;
      clearTimeout(session.startupTimer);
      session.ready = true;
      for (const queued of session.outbox.splice(0)) this.send(session, queued.id, queued.frame);
      return;
    }
    const { id, timings, error } = frame.header;
    const pending = session.pending.get(id);
    if (!pending) return;
    session.pending.delete(id);
    if (error) return pending.settle({ value: undefined, timings, error });
    try {
      pending.settle({ value: frame.body === undefined ? undefined : JSON.parse(frame.body), timings });
    } catch (thrown) {
      pending.settle({ value: undefined, timings, error: hostCrashedError(`unreadable result: ${String(thrown)}`) });
    }
  }

  /** Retires `session`: every run it holds ends with `error`, and the next run starts a new host. */
  private end(session: Session, error: RunErrorData): void {
    clearTimeout(session.startupTimer);
    if (this.session === session) this.session = undefined;
    session.outbox.length = 0;
    const pending = [...session.pending.values()];
    session.pending.clear();
    for (const run of pending) run.settle(failed(error));
  }
}
