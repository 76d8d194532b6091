/**
 * Coded errors. Every failure the engine reports to a user carries a stable
 * code (tests assert codes, never message wording), the file it concerns and,
 * where it makes sense, a 1-based line and column plus what was expected there.
 */

/** Every error code the engine can raise. Add new codes here, never inline. */
export const ERROR_CODES = [
  'USAGE',
  'FILE_READ',
  'FILE_WRITE',
  /** A file is already there and the user has not confirmed replacing it (the UI asks). */
  'FILE_EXISTS',
  'FORMAT_UNKNOWN',
  'ENCODING',
  'JSON_PARSE',
  'JSONL_PARSE',
  'XML_PARSE',
  'XML_WRITE',
  'CSV_PARSE',
  'CSV_WRITE',
  'YAML_PARSE',
  'SCHEMA_INVALID',
  'SCHEMA_REF',
  'SCHEMA_ROOT',
  'XSD_PARSE',
  'XSD_REF',
  'OPENAPI_INVALID',
  'LIMIT_EXCEEDED',
  'SAMPLE_INVALID',
  'NOT_FOUND',
  'ACCESS_DENIED',
  'RUN_TIMEOUT',
  'RUN_CANCELLED',
  'RUN_MEMORY',
  'RUN_STACK',
  'RUN_EXPRESSION',
  'RUN_EVALUATION',
  'RUN_WORKER_CRASHED',
  'RUN_HOST_CRASHED',
  'RUN_TOO_LARGE',
  'VALIDATION_TIMEOUT',
  'MASK_KEY_INVALID',
  'MASK_COLLISION',
  'DOC_INVALID',
  'DOC_NEWER_VERSION',
  'DOC_READ_ONLY',
  'DOC_CHANGED_ON_DISK',
  'TRANSFORM_INVALID',
  'COMPILE_INVALID',
  'COMPILE_PARSE',
  'COMPILE_UNSUPPORTED',
  'MAP_REQUIRED_MISSING',
  'MAP_TYPE',
  'MAP_ENUM',
  'MAP_REPEAT',
  'MAP_PATTERN',
  'MAP_SCHEMA',
  /** A reject rule (a typed check or a rejecting condition) refused a record of the input. */
  'RECORD_REJECTED',
  /** The input holds no records where the mapping reads its records (an empty CSV, an empty list). */
  'INPUT_NO_RECORDS',
  /** A transform rejected a value (a date not matching its pattern, an unknown code, number text of another shape). */
  'MAP_INVALID_VALUE',
  /** A rule reads a source path the source schema and samples do not have. */
  'MAP_UNKNOWN_SOURCE',
  /** A warning: a sort key sorts dates written day or month first (dd.MM.yyyy) as text, with no date transform. */
  'MAP_SORT_TEXT_DATE',
  /** A rule writes a target path the target schema does not have. */
  'MAP_UNKNOWN_TARGET',
  /** A lookup table's CSV file lacks a column the table or a rule reads (its key column, a column a lookup or `$table.` source names). */
  'LOOKUP_COLUMN_MISSING',
  /** A lookup table's CSV file of rows or constants has no data row. */
  'LOOKUP_EMPTY',
  /** A key repeats in a lookup table's CSV file of rows (or a constants file has a second row). */
  'LOOKUP_DUPLICATE_KEY',
  'EXPORT_FAILED',
  'EDIT_INVALID',
  /** Auto-map has no schema or sample of a side to suggest from. */
  'SUGGEST_NO_SCHEMA',
  /** A mapping spreadsheet cannot be imported (no header row, a chosen column missing). */
  'IMPORT_SHEET',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Plain, JSON-safe form of a coded error (what crosses IPC, HTTP and the CLI). */
export interface CodedErrorData {
  code: ErrorCode;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  expected?: string;
}

/** Fields accepted when raising a {@link MapwrightError}. */
export interface MapwrightErrorInit {
  file?: string;
  line?: number;
  column?: number;
  expected?: string;
  cause?: unknown;
}

/** The one error class the engine throws for anything a user can fix. */
export class MapwrightError extends Error {
  readonly code: ErrorCode;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly expected?: string;

  constructor(code: ErrorCode, message: string, init: MapwrightErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'MapwrightError';
    this.code = code;
    if (init.file !== undefined) this.file = init.file;
    if (init.line !== undefined) this.line = init.line;
    if (init.column !== undefined) this.column = init.column;
    if (init.expected !== undefined) this.expected = init.expected;
  }

  /** JSON-safe data; never includes the stack or the cause. */
  toJSON(): CodedErrorData {
    const data: CodedErrorData = { code: this.code, message: this.message };
    if (this.file !== undefined) data.file = this.file;
    if (this.line !== undefined) data.line = this.line;
    if (this.column !== undefined) data.column = this.column;
    if (this.expected !== undefined) data.expected = this.expected;
    return data;
  }

  /** A copy of this error that names `file` (used when a parser ran on text only). */
  withFile(file: string | undefined): MapwrightError {
    if (file === undefined || this.file === file) return this;
    return new MapwrightError(this.code, this.message, { ...this.toJSON(), file, cause: this.cause });
  }
}

/** True when `value` is a {@link MapwrightError}. */
export function isMapwrightError(value: unknown): value is MapwrightError {
  return value instanceof MapwrightError;
}

/** Longest message (and `expected`) {@link formatErrorLine} prints; the rest is cut with a note. */
export const ERROR_LINE_MAX_MESSAGE = 2000;

/** `text` cut to `max` characters with a note of how much was left out. */
function cutText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

/**
 * Formats a coded error as one line for a terminal or a log:
 * `XML_PARSE books.xml:12:5: closing tag does not match (expected </book>)`.
 * Linear in the message length (messages may quote user data, e.g. `$error()`),
 * and long messages are cut; code, file, line and column are always kept.
 */
export function formatErrorLine(error: CodedErrorData): string {
  let where = error.file ?? '';
  if (error.line !== undefined) {
    where += `${where ? ':' : 'line '}${error.line}`;
    if (error.column !== undefined) where += `:${error.column}`;
  }
  const message = cutText(error.message, ERROR_LINE_MAX_MESSAGE);
  const expectedText = error.expected === undefined ? '' : cutText(error.expected, ERROR_LINE_MAX_MESSAGE);
  const expected = expectedText && !message.includes(expectedText) ? ` (expected ${expectedText})` : '';
  // `\s+` matches each whitespace run once (no backtracking); a run holding a line break becomes one space.
  return `${error.code}${where ? ` ${where}` : ''}: ${message}${expected}`.replace(/\s+/g, (run) => (run.includes('\n') ? ' ' : run));
}

/**
 * Converts anything thrown into coded error data. Unknown exceptions become
 * `INTERNAL` so a caller can always print a code.
 */
export function toCodedError(error: unknown): CodedErrorData {
  if (isMapwrightError(error)) return error.toJSON();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message };
}

/**
 * True when `error` is V8's stack overflow (`RangeError: Maximum call stack size exceeded`).
 * Parsers and walks over user data turn it into `LIMIT_EXCEEDED` naming the file, never `INTERNAL`.
 */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/**
 * `error` as `LIMIT_EXCEEDED` naming `file` when it is a stack overflow (see
 * {@link isStackOverflow}), else unchanged. For the entry points of parsers and
 * walks, so input nested past the stack is a coded error whatever code ran out.
 * @param what - what was too deep, e.g. "the payload"
 */
export function codeStackOverflow(error: unknown, file: string | undefined, what: string): unknown {
  if (!isStackOverflow(error)) return error;
  return new MapwrightError('LIMIT_EXCEEDED', `${what} nests too deeply to process`, { ...(file === undefined ? {} : { file }), expected: 'fewer nested levels' });
}

/** 1-based line and column of a 0-based UTF-16 offset in `text` (CRLF, LF and CR count as one break). */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
