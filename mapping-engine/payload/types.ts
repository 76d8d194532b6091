/**
 * Shared shapes of the payload layer: what a reader returns and what a writer
 * takes. Values are plain JSON-safe data so JSONata, IPC and the project file
 * can all carry them.
 */
import type { SchemaField } from '../schema/model';

/** Payload formats the engine reads and writes. `jsonl` is JSON Lines. */
export type PayloadFormat = 'json' | 'jsonl' | 'xml' | 'csv';

/** A JSON-safe value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A non-fatal observation made while reading (e.g. a CSV row with too many fields). */
export interface ParseWarning {
  code: string;
  message: string;
  line?: number;
  column?: number;
}

/** Set when a reader stopped at the preview limit. */
export interface Truncation {
  /** Records returned. */
  shown: number;
  /** Estimated total records in the input (exact when `exact`). */
  approxTotal: number;
  exact: boolean;
}

/** Options every reader accepts. */
export interface ReadOptions {
  /** File name for error messages. */
  file?: string;
  /** Encoding chosen by the user (overrides sniffing, not a BOM). */
  encoding?: string;
  /** Schema of the payload: drives XML repetition and typing of CSV/XML text values. */
  schema?: SchemaField;
  /** Maximum number of records to return (CSV rows, JSON Lines, items of a top-level JSON array). */
  previewLimit?: number;
}

/** What a reader returns. */
export interface ParsedPayload<Meta = unknown> {
  format: PayloadFormat;
  value: JsonValue;
  /** Format details needed to write the payload back the same way (delimiter, namespaces...). */
  meta?: Meta;
  truncated?: Truncation;
  warnings: ParseWarning[];
  /** Text encoding the input was decoded from. */
  encoding?: string;
}
