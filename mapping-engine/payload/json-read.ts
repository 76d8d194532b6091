/**
 * JSON payload reader. Parsing is `JSON.parse` (fast, exact); only when it
 * fails does {@link explainJsonError} rescan the text to name the line, the
 * column and what JSON expected there.
 */
import { MapwrightError } from '../errors';
import { decodeText } from './decode';
import { explainJsonError } from './json-locate-error';
import type { JsonValue, ParsedPayload, ReadOptions } from './types';

/**
 * Parses JSON text, throwing a coded error on invalid input.
 * @throws MapwrightError `JSON_PARSE` with the line and column of the first offending character.
 */
export function parseJsonText(text: string, file: string | undefined): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch (error) {
    const report = explainJsonError(text, error);
    throw new MapwrightError('JSON_PARSE', report.message, { file, line: report.line, column: report.column, expected: report.expected, cause: error });
  }
}

/**
 * Reads a JSON document. Bytes are decoded strictly (BOM honoured, invalid
 * UTF-8 is an `ENCODING` error). With `previewLimit`, a top-level array keeps
 * only its first items and `truncated` says how many there were.
 * @throws MapwrightError `JSON_PARSE` or `ENCODING`.
 */
export function readJson(input: Uint8Array | string, options: ReadOptions = {}): ParsedPayload {
  const { file } = options;
  const decoded = decodeText(input, { file, encoding: options.encoding, nonUtf8: 'error' });
  const value = parseJsonText(decoded.text, file);
  const limit = options.previewLimit;
  if (Array.isArray(value) && limit !== undefined && limit >= 0 && value.length > limit) {
    return {
      format: 'json',
      value: value.slice(0, limit),
      truncated: { shown: limit, approxTotal: value.length, exact: true },
      warnings: [],
      encoding: decoded.encoding,
    };
  }
  return { format: 'json', value, warnings: [], encoding: decoded.encoding };
}
