/**
 * Masks a whole sample file's content in one call: read it, detect and mask
 * personal data, and write it back in the same format with the same
 * conventions (JSON edited in place, XML with its declaration and
 * namespaces, CSV with its delimiter, quoting and line endings). This is what
 * the studio runs when a sample is imported, so only the masked text is kept.
 */
import type { MaskingPolicy } from '../document/document-schema';
import { codeStackOverflow, isMapwrightError } from '../errors';
import { decodeText } from '../payload/decode';
import { readPayload } from '../payload/read-payload';
import type { PayloadFormat, ParseWarning } from '../payload/types';
import { writePayload } from '../payload/write-payload';
import { rewriteJsonText } from './json-text-rewrite';
import { maskPayload } from './mask-payload';
import type { MaskPolicy, MaskReportEntry } from './types';

/** Options of {@link maskSample}. */
export interface MaskSampleOptions {
  /** Payload format; detected from `file` and the content when absent. */
  format?: PayloadFormat;
  /** The per-user secret masking key. */
  key: Uint8Array;
  /** The project document's `masking` field. */
  policy?: MaskingPolicy;
  /** File name, for format detection and error messages. */
  file?: string;
}

/** What {@link maskSample} returns. */
export interface MaskSampleResult {
  /** The masked sample, in the input's format. */
  text: string;
  /** What was detected and masked, without any original value. */
  report: MaskReportEntry[];
  /** The format the sample was read and written as. */
  format: PayloadFormat;
  /** The reader's non-fatal observations (e.g. CSV rows of odd length). */
  warnings: ParseWarning[];
}

/**
 * Converts the document's policy into the engine's. The two have the same
 * fields today; converting field by field keeps the document schema free to
 * grow without leaking unknown keys into the engine.
 */
export function toMaskPolicy(policy: MaskingPolicy | undefined): MaskPolicy {
  if (!policy) return {};
  const out: MaskPolicy = {};
  if (policy.keepCategories) out.keepCategories = [...policy.keepCategories];
  if (policy.fields) out.fields = { ...policy.fields };
  if (policy.minConfidence !== undefined) out.minConfidence = policy.minConfidence;
  return out;
}

/**
 * Reads `input` as a payload, masks it under `key` and `policy`, and writes
 * it back in the same format.
 * @throws MapwrightError the reader's parse codes (`JSON_PARSE`, `XML_PARSE`,
 *   `CSV_PARSE`, `ENCODING`...), `MASK_COLLISION`, or `LIMIT_EXCEEDED` (past the depth and size limits); messages never quote a value.
 */
export function maskSample(input: Uint8Array | string, options: MaskSampleOptions): MaskSampleResult {
  const parsed = readPayload(input, { ...(options.file !== undefined ? { file: options.file } : {}), ...(options.format ? { format: options.format } : {}) });
  try {
    const { value, report } = maskPayload(parsed.value, { key: options.key, policy: toMaskPolicy(options.policy) });
    // JSON is edited in place so untouched numbers and layout stay byte for byte; other formats go through their writers.
    const original = parsed.format === 'json' ? decodeText(input, { ...(options.file !== undefined ? { file: options.file } : {}) }).text : undefined;
    const inPlace = original === undefined ? undefined : rewriteJsonText(original, parsed.value, value);
    const text = inPlace ?? writePayload(value, parsed.format, { meta: parsed.meta, metaFormat: parsed.format });
    return { text, report, format: parsed.format, warnings: parsed.warnings };
  } catch (error) {
    if (isMapwrightError(error)) throw error.file === undefined ? error.withFile(options.file) : error;
    throw codeStackOverflow(error, options.file, 'the payload');
  }
}
