/**
 * Shapes of one expression run: the job a host hands to its runner, the limits
 * that bound it, the result it gets back, and the messages that cross the
 * worker boundary. Pure data, so the Node pool, a future web-worker host and
 * the tests all share them.
 */
import type { CodedErrorData } from '../errors';
import type { OutputViolation, ValidationTarget } from '../validate/validation-types';

/** Bounds on one evaluation. Every field is a positive whole number. */
export interface RunLimits {
  /** Wall-clock budget of the evaluation; jsonata's own guard fires first, the host kills the worker shortly after. */
  timeoutMs: number;
  /** Levels of recursion allowed: jsonata's `stack` option is this plus what the expression's width needs (width-allowance.ts). */
  maxDepth: number;
  /** Maximum length of any jsonata sequence (its `sequence` option); absent means unbounded. */
  maxSequence?: number;
  /** Heap cap of the worker that runs the job (V8 old generation), in MiB. */
  memoryMb: number;
}

/** One expression to evaluate against one input value. */
export interface RunJob {
  /** JSONata expression text. */
  expression: string;
  /**
   * The same mapping compiled to JavaScript (mapping-engine/compiled), run
   * instead of `expression` where it reproduces jsonata; the worker falls
   * back to `expression` for anything else. Absent: jsonata only.
   */
  program?: string;
  /** JSON-safe input value (the parsed payload); `undefined` means no input. */
  input?: unknown;
  /** The same input already serialised as JSON; when set, `input` is ignored (saves a stringify of large payloads). */
  inputJson?: string;
  /** JSON-safe values bound as `$name` variables. Data only: functions cannot cross the boundary. */
  bindings?: Record<string, unknown>;
  /** Overrides of the default limits. */
  limits?: Partial<RunLimits>;
  /**
   * Validate the value against this target where it was evaluated, under a
   * time limit of its own (`timeoutMs` again): a schema `pattern` is a
   * user-controlled regex. The result then carries `violations`.
   */
  validate?: ValidationTarget;
}

/**
 * Anything that evaluates run jobs: the in-process worker pool, or a client of
 * an engine host in another process. Hosts depend on this, not on a class.
 */
export interface ExpressionRunner {
  /** Evaluates one job; resolves with a value or a coded error, never rejects for a failed expression. */
  run(job: RunJob, options?: { signal?: AbortSignal }): Promise<RunResult>;
}

/** Time spent in each phase, in milliseconds. */
export interface RunTimings {
  parseMs: number;
  evalMs: number;
  /** Time spent validating the value, when the job asked for it. */
  validateMs?: number;
  /** Which engine gave the value: the compiled program, or jsonata (`fallback`: the program bailed and jsonata ran). */
  engine?: 'compiled' | 'jsonata' | 'fallback';
}

/** A coded runtime error, with jsonata's own code and position when it had them. */
export interface RunErrorData extends CodedErrorData {
  /** jsonata's error code, e.g. `S0203` or `T2001`. */
  jsonataCode?: string;
  /** jsonata's 1-based character position in the expression. */
  position?: number;
  /** The token jsonata complained about. */
  token?: string;
}

/** What a run gives back. `value` is `undefined` when jsonata produced nothing or the run failed. */
export interface RunResult {
  value: unknown;
  timings: RunTimings;
  error?: RunErrorData;
  /** Where the value breaks the job's `validate` target; present when the job asked for validation and the run succeeded. */
  violations?: OutputViolation[];
}

/** Parent to worker: one job, with every value already serialised. */
export interface WorkerJobMessage {
  type: 'job';
  id: number;
  expression: string;
  /** Compiled program of the mapping (see `RunJob.program`). */
  program?: string;
  /** `undefined` when the job has no input. */
  inputJson?: string;
  bindingsJson?: string;
  limits: RunLimits;
  /**
   * Validate the value against target `id`; `target` is sent only when the
   * worker has not got it yet (a batch sends one target for many chunks, and
   * the worker keeps its compiled validators).
   */
  validation?: { id: number; target?: ValidationTarget };
}

/** Worker to parent: the worker has loaded and listens for jobs. */
export interface WorkerReadyMessage {
  type: 'ready';
}

/** Worker to parent: job `id` is evaluated and its value is being validated (the parent's time limit starts again). */
export interface WorkerValidatingMessage {
  type: 'validating';
  id: number;
  /**
   * The thread is loading the validator and compiling the target, which runs
   * no pattern and takes seconds for thousands of fields on a busy machine:
   * it gets a longer budget; a second message without it starts the validation's.
   */
  preparing?: boolean;
}

/** Worker to parent: the outcome of one job; the value travels as JSON text. */
export interface WorkerResultMessage {
  type: 'result';
  id: number;
  /** `undefined` when jsonata returned nothing. */
  valueJson?: string;
  timings: RunTimings;
  error?: RunErrorData;
  violations?: OutputViolation[];
}

/** Any message a runner worker sends. */
export type WorkerOutMessage = WorkerReadyMessage | WorkerValidatingMessage | WorkerResultMessage;
