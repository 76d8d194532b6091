/** Test helper: builds a validated document from a few rules and arrays. */
import jsonata from 'jsonata';
import { classifyRunError } from '../run/run-errors';
import type { RunErrorData } from '../run/run-types';
import { compileDocument } from './compile-document';
import { mappingDocumentSchema, type MappingDocument, type MappingDocumentInput } from '../document/document-schema';

/** A minimal valid JSON -> JSON document with the given parts. */
export function doc(parts: Partial<MappingDocumentInput>): MappingDocument {
  return mappingDocumentSchema.parse({ formatVersion: 1, name: 'test', source: { format: 'json' }, target: { format: 'json' }, ...parts });
}

/** Compiles `document` and evaluates it with plain jsonata on `input`; a failure rejects with the run error data (its code). */
export async function runCompiled(document: MappingDocument, input: unknown): Promise<unknown> {
  const { expression } = compileDocument(document);
  try {
    return await jsonata(expression).evaluate(input);
  } catch (error) {
    throw classifyRunError(error, expression);
  }
}

/** The run error data of {@link runCompiled} on `input`; throws when the run succeeds. */
export async function failedRun(document: MappingDocument, input: unknown): Promise<RunErrorData> {
  try {
    await runCompiled(document, input);
  } catch (error) {
    return error as RunErrorData;
  }
  throw new Error('the run did not fail');
}
