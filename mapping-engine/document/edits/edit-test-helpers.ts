/** Test helpers for document edits: frozen documents, applied edits re-validated, refusals by code. */
import { expect } from 'vitest';
import type { CodedErrorData } from '../../errors';
import { mappingDocumentSchema, type MappingDocument, type MappingDocumentInput } from '../document-schema';
import { applyEdit } from './apply-edit';
import type { DocumentEdit } from './edit-types';

/** Freezes `value` and everything in it, so a mutation throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * A valid, deeply frozen document (any edit that mutated its input would
 * throw in strict mode), JSON -> JSON unless `parts` says otherwise.
 */
export function frozenDoc(parts: Partial<MappingDocumentInput> = {}): MappingDocument {
  return deepFreeze(mappingDocumentSchema.parse({ formatVersion: 1, name: 'test', source: { format: 'json' }, target: { format: 'json' }, ...parts }));
}

/** Applies `edit`, expects success and a result that passes the full document schema unchanged. */
export function applied(doc: MappingDocument, edit: DocumentEdit): MappingDocument {
  const result = applyEdit(doc, edit);
  if (!result.ok) throw new Error(`edit refused: ${result.error.code} ${result.error.message}`);
  const reparsed = mappingDocumentSchema.safeParse(result.document);
  expect(reparsed.success, reparsed.success ? '' : JSON.stringify(reparsed.error.issues)).toBe(true);
  // Re-parsing applies no defaults a stored edit forgot: the edit already produced the stored form.
  expect(reparsed.data).toEqual(result.document);
  return deepFreeze(result.document);
}

/** Applies `edit`, expects an EDIT_INVALID refusal and returns the error. */
export function refusedBy(doc: MappingDocument, edit: DocumentEdit): CodedErrorData {
  const result = applyEdit(doc, edit);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('edit was accepted');
  expect(result.error.code).toBe('EDIT_INVALID');
  return result.error;
}
