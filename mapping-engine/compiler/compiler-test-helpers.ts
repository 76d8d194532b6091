/** Test helper: builds a validated document from a few rules and arrays. */
import { mappingDocumentSchema, type MappingDocument, type MappingDocumentInput } from '../document/document-schema';

/** A minimal valid JSON -> JSON document with the given parts. */
export function doc(parts: Partial<MappingDocumentInput>): MappingDocument {
  return mappingDocumentSchema.parse({ formatVersion: 1, name: 'test', source: { format: 'json' }, target: { format: 'json' }, ...parts });
}
