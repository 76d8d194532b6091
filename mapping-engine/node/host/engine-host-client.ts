/**
 * The client side of an engine host: an {@link ExpressionRunner} whose jobs
 * run in another process (an Electron `utilityProcess` or a forked Node
 * child) that owns the worker pool. If that process dies, from a fatal V8
 * error, the OS or a kill, every run it held ends with `RUN_HOST_CRASHED` and
 * the next run starts a new host. Nothing here knows how a host is started:
 * `spawnHost` is injected (see fork-host.ts and electron/engine-host/).
 */
import { MapwrightError, type CodedErrorData } from '../../errors';
import { cancelledError } from '../../run/run-errors';
import type { ExpressionRunner, RunErrorData, RunJob, RunResult } from '../../run/run-types';
import {
  decodeHostOut,
  encodeFrame,
  hostCrashedError,
  type Frame,
  type HostMaskedMessage,
  type HostPreviewResultMessage,
  type HostResultMessage,
  type HostRunMessage,
} from './engine-host-protocol';
import type { MaskFileRequest, MaskFileResult } from './mask-file';
import type { PayloadHost, PreviewFileRequest, RunFileRequest, RunFileResult } from './payload-host';
import type { PreviewPage } from './preview-page';

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

/** A request the host has not answered yet. */
interface Pending {
  /** The host's answer. */
  answer(frame: Frame<HostResultMessage | HostPreviewResultMessage | HostMaskedMessage>): void;
  /** The request ends without an answer (crash, close). */
  end(error: RunErrorData): void;
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

const thrown = (error: CodedErrorData): MapwrightError => new MapwrightError(error.code, error.message, error);

/** A result frame as a run's result; a value that does not parse counts as a broken host. */
function resultOf(frame: Frame<HostResultMessage | HostPreviewResultMessage | HostMaskedMessage>): RunResult {
  const header = frame.header as HostResultMessage;
  const timings = header.timings ?? { parseMs: 0, evalMs: 0 };
  if (header.error) return { value: undefined, timings, error: header.error };
  try {
    return { value: frame.body === undefined ? undefined : JSON.parse(frame.body), timings, ...(header.violations ? { violations: header.violations } : {}) };
  } catch (error) {
    return { value: undefined, timings, error: hostCrashedError(`unreadable result: ${String(error)}`) };
  }
}

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
export class EngineHostClient implements ExpressionRunner, PayloadHost {
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
    if (job.program !== undefined) header.program = job.program;
    if (job.bindings) header.bindings = job.bindings;
    if (job.limits) header.limits = job.limits;
    if (job.validate) header.validate = job.validate;
    let frame: string;
    try {
      frame = encodeFrame(header, inputJson);
    } catch (error) {
      throw new MapwrightError('USAGE', `the run's bindings are not JSON-safe: ${error instanceof Error ? error.message : String(error)}`);
    }
    return new Promise<RunResult>((resolve) => {
      this.request(id, frame, options.signal, {
        answer: (answer) => resolve(resultOf(answer)),
        end: (error) => resolve(failed(error)),
      });
    });
  }

  /**
   * One preview page of `request.file`, read and cut in the host: only the
   * page's bounded record texts and counts cross back.
   * @throws MapwrightError `FILE_READ`, the format's parse code, `RUN_HOST_CRASHED` or `RUN_CANCELLED` (closed)
   */
  readPreview(request: PreviewFileRequest): Promise<PreviewPage> {
    const id = this.nextId++;
    return this.ask(id, encodeFrame({ type: 'preview', id, request }), ({ body }) => JSON.parse(body ?? '') as PreviewPage);
  }

  /**
   * Reads, parses and evaluates `request.file` in the host, so this process
   * never holds the payload. Ends like {@link run} (`RUN_CANCELLED`,
   * `RUN_HOST_CRASHED` in the result).
   * @throws MapwrightError `FILE_READ` or the format's parse code when the host cannot read the input
   */
  runFile(request: RunFileRequest, options: { signal?: AbortSignal } = {}): Promise<RunFileResult> {
    const id = this.nextId++;
    let frame: string;
    try {
      frame = encodeFrame({ type: 'runFile', id, request });
    } catch (error) {
      throw new MapwrightError('USAGE', `the run's bindings are not JSON-safe: ${error instanceof Error ? error.message : String(error)}`);
    }
    return new Promise<RunFileResult>((resolve, reject) => {
      this.request(id, frame, options.signal, {
        answer: (answer) => {
          const header = answer.header as HostResultMessage;
          if (header.failure) return reject(thrown(header.failure));
          const result: RunFileResult = resultOf(answer);
          if (header.input) result.input = header.input;
          resolve(result);
        },
        end: (error) => resolve(failed(error)),
      });
    });
  }

  /**
   * Masks `request.file` into `request.out` in the host: paths, key and policy go, format, report and size come back.
   * @throws MapwrightError `MASK_KEY_INVALID`, `FILE_READ`, the format's parse code, `MASK_COLLISION`, `FILE_WRITE`, `RUN_HOST_CRASHED` or `RUN_CANCELLED` (closed)
   */
  maskFile(request: MaskFileRequest): Promise<MaskFileResult> {
    const id = this.nextId++;
    return this.ask(id, encodeFrame({ type: 'maskFile', id, request }), ({ header }) => (header as HostMaskedMessage).result!); // decodeHostOut: a result when there is no failure
  }

  /** Sends request `id`, whose answer carries a failure (thrown here) or what `read` takes from it. */
  private ask<T>(id: number, frame: string, read: (answer: Frame<HostResultMessage | HostPreviewResultMessage | HostMaskedMessage>) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.request(id, frame, undefined, {
        answer: (answer) => {
          const failure = (answer.header as { failure?: CodedErrorData }).failure;
          if (failure) return reject(thrown(failure));
          try {
            resolve(read(answer));
          } catch (error) {
            reject(thrown(hostCrashedError(`unreadable answer: ${String(error)}`)));
          }
        },
        end: (error) => reject(thrown(error)),
      });
    });
  }

  /** Sends request `id` and routes its answer, a cancel or the host's end to `pending`, exactly once. */
  private request(id: number, frame: string, signal: AbortSignal | undefined, pending: Pending): void {
    if (this.closed || signal?.aborted) return pending.end(cancelledError());
    let session: Session;
    try {
      session = this.session ?? this.start();
    } catch (error) {
      return pending.end(hostCrashedError(`could not start: ${error instanceof Error ? error.message : String(error)}`));
    }
    const onAbort = (): void => {
      if (!session.pending.delete(id)) return;
      const waiting = session.outbox.findIndex((entry) => entry.id === id);
      // A request the host never got is simply dropped; a sent one is stopped by the host when the cancel arrives.
      if (waiting >= 0) session.outbox.splice(waiting, 1);
      else this.send(session, id, encodeFrame({ type: 'cancel', id }));
      // Answer at once either way.
      pending.end(cancelledError());
    };
    session.pending.set(id, {
      answer: (answer) => {
        signal?.removeEventListener('abort', onAbort);
        pending.answer(answer);
      },
      end: (error) => {
        signal?.removeEventListener('abort', onAbort);
        pending.end(error);
      },
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    this.send(session, id, frame);
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
    const pending = session.pending.get(frame.header.id);
    if (!pending) return;
    session.pending.delete(frame.header.id);
    pending.answer(frame as Frame<HostResultMessage | HostPreviewResultMessage | HostMaskedMessage>);
  }

  /** Retires `session`: every run it holds ends with `error`, and the next run starts a new host. */
  private end(session: Session, error: RunErrorData): void {
    clearTimeout(session.startupTimer);
    if (this.session === session) this.session = undefined;
    session.outbox.length = 0;
    const pending = [...session.pending.values()];
    session.pending.clear();
    for (const request of pending) request.end(error);
  }
}
