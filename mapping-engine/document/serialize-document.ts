/**
 * Writes a document in its stable form: keys in schema order, table names,
 * table entries, value-map entries and layout nodes sorted, 2-space indent and a trailing newline, so a diff of
 * two versions in git shows only what changed.
 */
import { mappingDocumentSchema, type MappingDocument, type MappingDocumentInput } from './document-schema';

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The stable text of `doc` (validated first; throws a ZodError on an invalid document). */
export function serializeDocument(doc: MappingDocument | MappingDocumentInput): string {
  // Parsing rebuilds every object in schema key order, whatever order the caller built it in.
  const parsed = mappingDocumentSchema.parse(doc);
  // Maps whose order means nothing are sorted; an inline schema keeps its order (it orders the target's fields).
  const lookups = Object.fromEntries(
    Object.entries(sortedRecord(parsed.lookups)).map(([name, table]) => [name, 'entries' in table ? { entries: sortedRecord(table.entries) } : table]),
  );
  const rules = parsed.rules.map((rule) => ({
    ...rule,
    transforms: rule.transforms.map((t) => (t.kind === 'valueMap' ? { ...t, entries: sortedRecord(t.entries) } : t)),
  }));
  const masking = parsed.masking && { ...parsed.masking, fields: parsed.masking.fields && sortedRecord(parsed.masking.fields) };
  const stable = { ...parsed, lookups, rules, masking, layout: { ...parsed.layout, nodes: sortedRecord(parsed.layout.nodes) } };
  return `${JSON.stringify(stable, null, 2)}\n`;
}
