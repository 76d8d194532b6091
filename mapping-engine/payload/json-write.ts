/**
 * JSON and JSON Lines writers. Output always ends with a newline so files
 * written by Mapwright behave with line-oriented tools (diff, cat, tail).
 */
import type { JsonValue } from './types';

/** Options for {@link writeJson}. */
export interface JsonWriteOptions {
  /** Spaces per indentation level; 0 writes compact JSON on one line. Default 2. */
  indent?: number;
}

/** Serialises `value` as JSON (2-space indentation by default) with a trailing newline. */
export function writeJson(value: JsonValue, options: JsonWriteOptions = {}): string {
  const indent = Math.max(0, Math.min(10, Math.floor(options.indent ?? 2)));
  return `${JSON.stringify(value, null, indent || undefined)}\n`;
}

/** Options for {@link writeJsonLines}; none yet, kept for symmetry with the other writers. */
export type JsonLinesWriteOptions = Record<string, never>;

/**
 * Serialises records as JSON Lines: one compact JSON value per line, each
 * line ending with `\n`. An array gives one line per element; any other value
 * is written as a single record. An empty array gives an empty string.
 */
export function writeJsonLines(records: JsonValue, _options: JsonLinesWriteOptions = {}): string {
  const list = Array.isArray(records) ? records : [records];
  let out = '';
  for (const record of list) out += `${JSON.stringify(record)}\n`;
  return out;
}
