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
}

/** `lines[2].sku` and `lines[].sku` as rules name the field: `lines.sku`. */
function plain(path: string): string {
  return path.replace(/\[\d*\]/g, '');
}

/**
 * The expectation matching the preview's first error: its field when it is
 * one of `fields` (else none: the whole run) and its code; the first code
 * when the preview did not fail.
 */
export function defaultExpectedError(errors: readonly ShownRunError[], fields: readonly string[]): Exclude<ExpectedError, string> {
  const first = errors[0];
  if (!first) return { code: EXPECTED_ERROR_CODES[0]!.code };
  const field = first.field === undefined ? undefined : fields.find((f) => plain(f) === plain(first.field!));
  return field === undefined ? { code: first.code } : { field, code: first.code };
}
