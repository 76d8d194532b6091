/**
 * Coded runtime errors of an expression run. jsonata throws plain objects
 * (`{code, position, token, message}`) and the JavaScript engine throws
 * `RangeError`s; both become {@link RunErrorData} with a stable `RUN_*` code so
 * the studio and the CLI can react to the kind of failure, not its wording.
 */
import { lineColumnAt, type ErrorCode } from '../errors';
import { valueShape } from '../transforms/invalid-value';
import type { RunErrorData, RunLimits } from './run-types';

/** The codes a run can end with. */
export type RunErrorCode = Extract<
  ErrorCode,
  'RUN_TIMEOUT' | 'RUN_CANCELLED' | 'RUN_MEMORY' | 'RUN_STACK' | 'RUN_EXPRESSION' | 'RUN_EVALUATION' | 'RUN_WORKER_CRASHED'
>;

interface ThrownShape {
  code?: unknown;
  position?: unknown;
  token?: unknown;
  message?: unknown;
  name?: unknown;
  value?: unknown;
  value2?: unknown;
}

/**
 * jsonata writes the offending payload values into its messages
 * (`Unable to cast value to a number: "drei"`). Payload values may be personal
 * data and messages reach logs and reports, so each one is replaced by its
 * shape, as the `$invalid` helper of the transforms shows values. Messages the
 * mapping raised itself (`$error`, D3137) are already written that way.
 */
function withoutPayloadValues(message: string, shape: ThrownShape): string {
  let clean = message;
  for (const value of [shape.value, shape.value2]) {
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const quoted = JSON.stringify(value);
    if (quoted.length < 2 || !clean.includes(quoted)) continue;
    clean = clean.split(quoted).join(`a value shaped "${valueShape(String(value))}"`);
  }
  return clean;
}

/** jsonata's guard codes that mean a limit, not a mistake in the expression. */
const GUARD_CODES: Record<string, RunErrorCode> = {
  D1011: 'RUN_STACK',
  D1012: 'RUN_TIMEOUT',
  D2015: 'RUN_MEMORY',
};

function nativeRangeCode(message: string): RunErrorCode | undefined {
  if (/call stack/i.test(message)) return 'RUN_STACK';
  // V8 refuses strings past ~2^29 characters and arrays past 2^32 items before the heap cap is hit.
  if (/invalid (string|array|typed array) length|allocation failed|out of memory/i.test(message)) return 'RUN_MEMORY';
  return undefined;
}

/**
 * Turns anything thrown while parsing or evaluating `expression` into coded
 * error data. Syntax errors (jsonata `S0xxx`) become `RUN_EXPRESSION`, jsonata's
 * depth, time and sequence guards `RUN_STACK`, `RUN_TIMEOUT` and `RUN_MEMORY`,
 * any other jsonata error `RUN_EVALUATION`. Line and column come from jsonata's
 * 1-based `position`, which points at the end of the offending token.
 */
export function classifyRunError(thrown: unknown, expression: string): RunErrorData {
  const shape: ThrownShape = typeof thrown === 'object' && thrown !== null ? (thrown as ThrownShape) : { message: String(thrown) };
  const raw = typeof shape.message === 'string' && shape.message !== '' ? shape.message : String(thrown);
  const jsonataCode = typeof shape.code === 'string' && /^[A-Z]\d{4}$/.test(shape.code) ? shape.code : undefined;
  const message = jsonataCode !== undefined && jsonataCode !== 'D3137' ? withoutPayloadValues(raw, shape) : raw;
  let code: RunErrorCode = 'RUN_EVALUATION';
  if (jsonataCode !== undefined) {
    code = GUARD_CODES[jsonataCode] ?? (jsonataCode.startsWith('S') ? 'RUN_EXPRESSION' : 'RUN_EVALUATION');
  } else if (shape.name === 'RangeError') {
    code = nativeRangeCode(message) ?? 'RUN_EVALUATION';
  }
  const error: RunErrorData = { code, message };
  if (jsonataCode !== undefined) error.jsonataCode = jsonataCode;
  if (typeof shape.token === 'string') error.token = shape.token;
  if (typeof shape.position === 'number' && Number.isFinite(shape.position)) {
    error.position = shape.position;
    const { line, column } = lineColumnAt(expression, Math.max(shape.position - 1, 0));
    error.line = line;
    error.column = column;
  }
  return error;
}

/** The run went past its time limit and the host stopped it. */
export function timeoutError(limits: Pick<RunLimits, 'timeoutMs'>): RunErrorData {
  return {
    code: 'RUN_TIMEOUT',
    message: `the expression ran longer than ${limits.timeoutMs} ms and was stopped`,
    expected: `a result within ${limits.timeoutMs} ms`,
  };
}

/** The caller cancelled the run (or closed the runner) before it finished. */
export function cancelledError(): RunErrorData {
  return { code: 'RUN_CANCELLED', message: 'the run was cancelled' };
}

/** The worker exhausted its heap cap and was stopped. */
export function memoryError(limits: Pick<RunLimits, 'memoryMb'>): RunErrorData {
  return {
    code: 'RUN_MEMORY',
    message: `the expression needed more than ${limits.memoryMb} MB of memory and was stopped`,
    expected: `at most ${limits.memoryMb} MB`,
  };
}

/** The worker died for a reason the runner did not cause. */
export function workerCrashedError(detail: string): RunErrorData {
  return { code: 'RUN_WORKER_CRASHED', message: `the expression worker stopped unexpectedly: ${detail}` };
}
