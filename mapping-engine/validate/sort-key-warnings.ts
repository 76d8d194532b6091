/**
 * `mapwright validate`'s warnings about sort keys that sort date-like text
 * as text (see document/problems/sort-date-text.ts): the source samples'
 * values and the source schema's formats are the evidence, and each warning
 * carries the line and column of the sort key in the project file.
 */
import { lineColumnAt, type CodedErrorData } from '../errors';
import { resolveDocumentPath } from '../document/document-paths';
import type { MappingDocument } from '../document/document-schema';
import { locatePath } from '../document/locate-pointer';
import { sortDateTextProblems, valuesAt, type SourceFacts } from '../document/problems/sort-date-text';
import { readPayload } from '../payload/read-payload';
import type { SchemaField } from '../schema/model';
import type { SourceResolver } from '../schema/resolver';
import type { SideRoots } from './check-paths';

/** The schema field at `names` below `root` (list items are their field's children). */
function fieldAt(root: SchemaField | undefined, names: readonly string[]): SchemaField | undefined {
  let field = root;
  for (const name of names) field = field?.children?.find((c) => c.name === name);
  return field;
}

/** The warnings of `doc` (stored at `projectFile`, whose `text` places them); a sample that does not read is skipped (reported elsewhere). */
export async function sortKeyWarnings(doc: MappingDocument, text: string, projectFile: string, resolver: SourceResolver, roots: SideRoots): Promise<CodedErrorData[]> {
  if (!doc.arrays.some((a) => a.sort) && !doc.rules.some((r) => r.transforms.some((t) => t.kind === 'sort' && t.field !== undefined))) return [];
  const samples: unknown[] = [];
  for (const sample of doc.source.samples) {
    const file = resolveDocumentPath(projectFile, sample);
    try {
      samples.push(readPayload(await resolver.read(file), { file, format: doc.source.format }).value);
    } catch {
      // A sample that does not read is already a problem of the check.
    }
  }
  const factsOf = (names: readonly string[]): SourceFacts => {
    const format = fieldAt(roots.source, names)?.format;
    return { values: samples.flatMap((s) => valuesAt(s, names)), ...(format !== undefined ? { format } : {}) };
  };
  return sortDateTextProblems(doc, factsOf).map((p) => ({ code: 'MAP_SORT_TEXT_DATE' as const, message: `${p.target}: ${p.message}`, file: projectFile, ...lineColumnAt(text, locatePath(text, p.pointer)), expected: 'a date transform on the sort key' }));
}
