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
  'RUN_TIMEOUT' | 'RUN_CANCELLED' | 'RUN_MEMORY' | 'RUN_STACK' | 'RUN_EXPRESSION' | 'RUN_EVALUATION' | 'RUN_WORKER_CRASHED' | 'VALIDATION_TIMEOUT' | 'RECORD_REJECTED' | 'INPUT_NO_RECORDS'
>;

/**
 * Codes the mapping raises itself: a `$error` message starting `<CODE>: ` (reject rules, an input
 * without records) carries its code that way, so plain jsonata shows it as text and hosts read it back.
 */
const RAISED_CODES: ReadonlySet<string> = new Set(['RECORD_REJECTED', 'INPUT_NO_RECORDS']);

/** The code and the rest of a message the mapping raised with a code prefix, or undefined. */
function raisedCode(message: string): { code: RunErrorCode; message: string } | undefined {
  const match = /^([A-Z_]+): /.exec(message);
  if (!match || !RAISED_CODES.has(match[1]!)) return undefined;
  return { code: match[1] as RunErrorCode, message: message.slice(match[0].length) };
}

interface ThrownShape {
  code?: unknown;
  position?: unknown;
  token?: unknown;
  message?: unknown;
  name?: unknown;
  value?: unknown;
  value2?: unknown;
}

/** Whether `text` appears in `expression` as a whole token (not inside a longer number or name). */
function occursAsToken(expression: string, text: string): boolean {
  for (let at = expression.indexOf(text); at >= 0; at = expression.indexOf(text, at + 1)) {
    const before = expression[at - 1] ?? ' ';
    const after = expression[at + text.length] ?? ' ';
    if (!/[\w.$]/.test(before) && !/[\w.]/.test(after)) return true;
  }
  return false;
}

/**
 * Whether `value` is written in the expression itself: a string literal in
 * either quote style (as JSON would escape it, or raw), or a number token.
 * Such a value is the user's own text, not payload data, so it is shown as is.
 */
function isExpressionLiteral(value: string | number, expression: string): boolean {
  if (typeof value === 'number') return occursAsToken(expression, String(value));
  const escaped = JSON.stringify(value).slice(1, -1);
  return [`"${escaped}"`, `'${escaped}'`, `"${value}"`, `'${value}'`].some((literal) => expression.includes(literal));
}

/** Replaces each whole-token occurrence of `text` in `message` (a number inside a longer one is left alone). */
function replaceToken(message: string, text: string, by: string): string {
  let out = '';
  let from = 0;
  for (let at = message.indexOf(text); at >= 0; at = message.indexOf(text, at + text.length)) {
    const before = message[at - 1] ?? ' ';
    const after = message[at + text.length] ?? ' ';
    if (/[\w.]/.test(before) || /[\w]/.test(after) || (after === '.' && /\d/.test(message[at + text.length + 1] ?? ''))) continue;
    out += message.slice(from, at) + by;
    from = at + text.length;
  }
  return out + message.slice(from);
}

/**
 * jsonata writes the offending values into its messages (`Unable to cast
 * value to a number: "drei"`). A value computed from the payload may be
 * personal data and messages reach logs and reports, so it is replaced by
 * its shape, as the `$invalid` helper of the transforms shows values. What
 * is not payload stays readable: the limits jsonata's guards report (see
 * {@link GUARD_CODES}), syntax errors (they quote the expression), and
 * values written as literals in the expression itself. Messages the mapping
 * raised itself (`$error`, D3137) are already written that way.
 */
function withoutPayloadValues(message: string, shape: ThrownShape, expression: string): string {
  let clean = message;
  for (const value of [shape.value, shape.value2]) {
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    if (isExpressionLiteral(value, expression)) continue;
    const quoted = JSON.stringify(value);
    if (quoted.length < 2 || !clean.includes(quoted)) continue;
    const shown = `a value shaped "${valueShape(String(value))}"`;
    clean = typeof value === 'number' ? replaceToken(clean, quoted, shown) : clean.split(quoted).join(shown);
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
  const fromPayload = jsonataCode !== undefined && jsonataCode !== 'D3137' && !(jsonataCode in GUARD_CODES) && !jsonataCode.startsWith('S');
  let message = fromPayload ? withoutPayloadValues(raw, shape, expression) : raw;
  let code: RunErrorCode = 'RUN_EVALUATION';
  const raised = jsonataCode === 'D3137' ? raisedCode(message) : undefined;
  if (raised) {
    code = raised.code;
    message = raised.message;
  } else if (jsonataCode !== undefined) {
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

/** Validating the output against the target schema went past its time limit (a slow `pattern`) and the host stopped it. */
export function validationTimeoutError(limits: Pick<RunLimits, 'timeoutMs'>): RunErrorData {
  return {
    code: 'VALIDATION_TIMEOUT',
    message: `validating the output against the target schema took longer than ${limits.timeoutMs} ms and was stopped; a pattern in the schema may backtrack without end`,
    expected: `a target schema whose patterns check a value within ${limits.timeoutMs} ms`,
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
