/**
 * The choices of a test case's expected error in the tests panel: the
 * target fields an error can belong to (every rule's target and every
 * array, as the document names them) and the codes a failing run is judged
 * by (see mapping-engine/run/test-expectations.ts), with a default taken
 * from the preview's own failure so "add the current input as a test"
 * expects what the input does now.
 */
import type { ExpectedError, MappingDocument } from '../../../mapping-engine/document/document-schema';

/** One error code a test can expect, with what it means. */
export interface ErrorCodeChoice {
  code: string;
  label: string;
}

/** The codes a run's failure is read as, most common first. */
export const EXPECTED_ERROR_CODES: readonly ErrorCodeChoice[] = [
  { code: 'MAP_REQUIRED_MISSING', label: 'a required field or list has no value' },
  { code: 'MAP_INVALID_VALUE', label: 'a transform rejected a value' },
  { code: 'RECORD_REJECTED', label: 'a check rejected the record' },
  { code: 'RUN_EVALUATION', label: 'the expression failed while running' },
  { code: 'RUN_TIMEOUT', label: 'the run took too long' },
];

/** Target fields an expected error can name, in the document's order, without repeats. */
export function errorFieldChoices(doc: Pick<MappingDocument, 'rules' | 'arrays'> | undefined): string[] {
  if (!doc) return [];
  return [...new Set([...doc.rules.map((r) => r.target), ...doc.arrays.filter((a) => a.target !== '.').map((a) => a.target)])];
}

/** A run error of the preview as the run reports it. */
export interface ShownRunError {
  field?: string | undefined;
  code: string;
  message?: string | undefined;
}

/**
 * The code a test reads a preview error as: the required and invalid-value
 * helpers' messages are MAP_REQUIRED_MISSING and MAP_INVALID_VALUE, as
 * `observeRunError` (mapping-engine/run/test-expectations.ts) reads them;
 * the preview shows the runner's code (RUN_EVALUATION).
 */
function codeAsTestsRead(error: ShownRunError): string {
  const message = error.message ?? '';
  if (/ is required( \(|$)/.test(message)) return 'MAP_REQUIRED_MISSING';
  if (/: .*, value (shaped|of \d+ characters)/.test(message)) return error.code === 'RECORD_REJECTED' ? error.code : 'MAP_INVALID_VALUE';
  return error.code;
}

/** `lines[2].sku` and `lines[].sku` as rules name the field: `lines.sku`. */
function plain(path: string): string {
  return path.replace(/\[\d*\]/g, '');
}

/**
 * The expectation matching the preview's first error: its field when it is
 * one of `fields` (else none: the whole run) and its code as a test reads
 * it; the first code when the preview did not fail.
 */
export function defaultExpectedError(errors: readonly ShownRunError[], fields: readonly string[]): Exclude<ExpectedError, string> {
  const first = errors[0];
  if (!first) return { code: EXPECTED_ERROR_CODES[0]!.code };
  const field = first.field === undefined ? undefined : fields.find((f) => plain(f) === plain(first.field!));
  const code = codeAsTestsRead(first);
  return field === undefined ? { code } : { field, code };
}
