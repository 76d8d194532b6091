/**
 * The files a project refers to (schemas, samples, lookup tables, test inputs
 * and expected outputs), as absolute paths beside the project file. A save or
 * an export must never replace one of them: an export named like the lookup
 * CSV would silently change what the mapping computes.
 */
import type { MappingDocument } from '../../../mapping-engine/document/document-schema';
import { resolveDocumentPath } from '../../../mapping-engine/document/document-paths';

/** Every file `doc`, stored at `projectFile`, refers to. */
export function projectReferences(doc: MappingDocument, projectFile: string): string[] {
  const relative: string[] = [];
  for (const side of [doc.source, doc.target]) {
    if (side.schema && 'file' in side.schema) relative.push(side.schema.file);
    relative.push(...side.samples);
  }
  for (const table of Object.values(doc.lookups)) if ('file' in table) relative.push(table.file);
  for (const test of doc.tests) {
    relative.push(test.input);
    if (test.expected !== undefined) relative.push(test.expected);
  }
  return relative.map((path) => resolveDocumentPath(projectFile, path));
}
