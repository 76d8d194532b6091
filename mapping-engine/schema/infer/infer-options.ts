/** Input and options of schema inference. */
import type { JsonValue, PayloadFormat } from '../../payload/types';

/** One sample payload, as a payload reader produced it. */
export interface InferSample {
  /** The parsed value (CSV: array of row objects of strings; XML: `{ Root: {...} }` with string leaves). */
  value: JsonValue;
  /** Decides how scalars are typed: JSON values keep their type, CSV and XML text is read for one. */
  format: PayloadFormat;
  /** File name, recorded as the fields' origin and named in errors. */
  file?: string;
  /** pathKey -> namespace URI of elements and attributes (the XML reader's `elementNamespaces`). */
  xmlNamespaces?: Record<string, string>;
}

/** Tuning of inference. */
export interface InferOptions {
  /** Most distinct values a string field may have to be reported as an enum (default 8; 0 disables enums). */
  enumMaxDistinct?: number;
  /** Fewest values (occurrences) a field needs before it can be an enum (default 3). */
  enumMinSamples?: number;
  /** Origin kind recorded on every field (default `sample`). */
  origin?: 'sample' | 'csv-header';
}

/** Defaults of {@link InferOptions}. */
export const DEFAULT_ENUM_MAX_DISTINCT = 8;
/** Default of {@link InferOptions.enumMinSamples}. */
export const DEFAULT_ENUM_MIN_SAMPLES = 3;
/** Longest value an enum member may have; longer strings are free text, not codes. */
export const ENUM_MAX_VALUE_LENGTH = 40;
