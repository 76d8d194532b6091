/**
 * Finds where and why JSON text is invalid. `JSON.parse` says only that it
 * failed: V8's message wording and position differ between Node versions and
 * are sometimes missing, so after a failed parse this small scanner walks the
 * same grammar (RFC 8259) and reports the first offending character and what
 * the grammar expected there. It keeps an explicit stack instead of recursing,
 * so deeply nested input cannot overflow the call stack.
 */
import { lineColumnAt } from '../errors';

/** Where a JSON text first breaks the grammar. */
export interface JsonSyntaxProblem {
  /** 0-based UTF-16 offset of the offending character (text length at end of input). */
  offset: number;
  /** What the grammar allowed there, e.g. `',' or '}' after an object member`. */
  expected: string;
  /** Short description of what was found: `'}'`, `end of input`. */
  found: string;
  /** Extra advice for common mistakes (trailing comma, single quotes, comments). */
  hint?: string;
}

const VALUE = 'a JSON value (object, array, string, number, true, false or null)';
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/** Describes the character at `offset` for a message. */
function describeAt(text: string, offset: number): string {
  if (offset >= text.length) return 'end of input';
  const code = text.codePointAt(offset) ?? 0;
  if (code === 0xfeff) return 'a byte order mark (U+FEFF)';
  if (code < 0x20 || code === 0x7f) return `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${String.fromCodePoint(code)}'`;
}

function isWhitespace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Advice for characters people commonly write where JSON wants a value. */
function valueHint(text: string, offset: number): string | undefined {
  const ch = text[offset];
  if (ch === "'") return 'JSON strings use double quotes';
  if (ch === '/' && (text[offset + 1] === '/' || text[offset + 1] === '*')) return 'JSON does not allow comments';
  if (/^(undefined|NaN|-?Infinity|True|False|None|NULL|Null)\b/.test(text.slice(offset, offset + 10))) {
    return 'JSON literals are true, false and null (lower case); NaN and Infinity are not allowed';
  }
  if (ch === '\ufeff') return 'the text starts with more than one byte order mark';
  return undefined;
}

type Result = { end: number } | JsonSyntaxProblem;

function problem(text: string, offset: number, expected: string, hint?: string): JsonSyntaxProblem {
  const found = describeAt(text, offset);
  return hint === undefined ? { offset, expected, found } : { offset, expected, found, hint };
}

function scanString(text: string, start: number): Result {
  let i = start + 1;
  for (;;) {
    const ch = text[i];
    if (ch === undefined) return problem(text, i, "'\"' to close the string");
    if (ch === '"') return { end: i + 1 };
    if (ch < ' ') {
      return problem(text, i, "'\"' to close the string", 'line breaks and other control characters inside a string must be escaped (\\n, \\t, \\u0000)');
    }
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return problem(text, i, 'four hexadecimal digits after \\u');
        i += 6;
        continue;
      }
      if (next === undefined || !ESCAPES.has(next)) return problem(text, i, 'a valid escape: \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX');
      i += 2;
      continue;
    }
    i++;
  }
}

function scanNumber(text: string, start: number): Result {
  let i = start;
  if (text[i] === '-') i++;
  if (!isDigit(text[i])) return problem(text, i, "a digit after '-'");
  if (text[i] === '0') {
    i++;
    if (isDigit(text[i])) return problem(text, i, "'.', an exponent or the end of the number", 'JSON numbers cannot have leading zeros');
  } else {
    while (isDigit(text[i])) i++;
  }
  if (text[i] === '.') {
    i++;
    if (!isDigit(text[i])) return problem(text, i, "a digit after '.'");
    while (isDigit(text[i])) i++;
  }
  if (text[i] === 'e' || text[i] === 'E') {
    i++;
    if (text[i] === '+' || text[i] === '-') i++;
    if (!isDigit(text[i])) return problem(text, i, 'a digit in the exponent');
    while (isDigit(text[i])) i++;
  }
  return { end: i };
}

/** Scans a scalar starting at `i` (the caller has ruled out `{` and `[`). */
function scanScalar(text: string, i: number): Result {
  const ch = text[i];
  if (ch === '"') return scanString(text, i);
  if (ch === '-' || isDigit(ch)) return scanNumber(text, i);
  for (const literal of ['true', 'false', 'null']) {
    if (ch !== literal[0]) continue;
    for (let k = 1; k < literal.length; k++) {
      if (text[i + k] !== literal[k]) return problem(text, i + k, `'${literal}'`);
    }
    return { end: i + literal.length };
  }
  return problem(text, i, VALUE, valueHint(text, i));
}

/** What the scanner waits for inside an open container. */
type Frame = { kind: 'object' | 'array'; state: 'first' | 'afterComma' | 'afterValue' };

/**
 * Locates the first syntax error in `text`, or returns `undefined` when the
 * text is valid JSON (then the caller's failure had another cause).
 */
export function locateJsonError(text: string): JsonSyntaxProblem | undefined {
  const stack: Frame[] = [];
  let i = 0;
  const skip = (): void => {
    while (isWhitespace(text[i])) i++;
  };
  skip();
  if (i >= text.length) return problem(text, i, VALUE, text.length === 0 ? 'the input is empty' : 'the input holds only white space');
  let wantValue = true;
  for (;;) {
    skip();
    if (wantValue) {
      const ch = text[i];
      if (ch === '{' || ch === '[') {
        stack.push({ kind: ch === '{' ? 'object' : 'array', state: 'first' });
        i++;
        wantValue = false;
        continue;
      }
      const scanned = scanScalar(text, i);
      if (!('end' in scanned)) return scanned;
      i = scanned.end;
      wantValue = false;
      const top = stack.at(-1);
      if (top) top.state = 'afterValue';
      continue;
    }
    const top = stack.at(-1);
    if (!top) {
      return i >= text.length ? undefined : problem(text, i, 'end of input after the JSON value', 'a JSON document holds exactly one value');
    }
    const close = top.kind === 'object' ? '}' : ']';
    const ch = text[i];
    if (top.state === 'afterValue') {
      if (ch === ',') {
        top.state = 'afterComma';
        i++;
        continue;
      }
      if (ch === close) {
        stack.pop();
        i++;
        const parent = stack.at(-1);
        if (parent) parent.state = 'afterValue';
        continue;
      }
      return problem(text, i, `',' or '${close}' after ${top.kind === 'object' ? 'an object member' : 'an array element'}`);
    }
    if (ch === close && top.state === 'first') {
      stack.pop();
      i++;
      const parent = stack.at(-1);
      if (parent) parent.state = 'afterValue';
      continue;
    }
    const trailing = ch === close ? 'trailing commas are not allowed in JSON' : undefined;
    if (top.kind === 'array') {
      if (trailing) return problem(text, i, VALUE, trailing);
      wantValue = true;
      continue;
    }
    if (ch !== '"') {
      const expected = top.state === 'first' ? "a double-quoted property name or '}'" : "a double-quoted property name after ','";
      return problem(text, i, expected, trailing ?? valueHint(text, i));
    }
    const key = scanString(text, i);
    if (!('end' in key)) return key;
    i = key.end;
    skip();
    if (text[i] !== ':') return problem(text, i, "':' after a property name");
    i++;
    wantValue = true;
  }
}

/** Position and wording of a JSON syntax error, ready for a {@link MapwrightError}. */
export interface JsonErrorReport {
  message: string;
  expected: string;
  line?: number;
  column?: number;
}

/**
 * Explains why `JSON.parse(text)` failed: message, expectation and 1-based
 * line/column within `text`. `parseError` is used only when the scanner finds
 * no problem (then the failure was not a syntax error, e.g. a size limit).
 */
export function explainJsonError(text: string, parseError: unknown): JsonErrorReport {
  const found = locateJsonError(text);
  if (!found) {
    const reason = parseError instanceof Error ? parseError.message : String(parseError);
    return { message: `invalid JSON: ${reason}`, expected: VALUE };
  }
  const { line, column } = lineColumnAt(text, found.offset);
  const hint = found.hint ? ` (${found.hint})` : '';
  return { message: `expected ${found.expected} but found ${found.found}${hint}`, expected: found.expected, line, column };
}
