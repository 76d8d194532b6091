/**
 * Auto-map for a whole project: loads the source and target schemas (a
 * schema file, or inferred from samples) and the source samples through the
 * host's resolver, then suggests. What the CLI and the studio share.
 */
import { resolveDocumentPath } from '../document/document-paths';
import type { MappingDocument } from '../document/document-schema';
import { applyEdit } from '../document/edits/apply-edit';
import type { EditResult } from '../document/edits/edit-types';
import { MapwrightError } from '../errors';
import { readPayload } from '../payload/read-payload';
import type { JsonValue } from '../payload/types';
import type { SourceResolver } from '../schema/resolver';
import { loadTargetSchema } from '../validate/load-target';
import { suggestEdits } from './suggestion-edits';
import { suggestMappings, type MappingSuggestion } from './suggest-mappings';

/** Most source samples read for value shapes. */
const MAX_SAMPLES = 5;

/** Reads the source samples of `doc` (stored at `projectFile`); a sample that cannot be read is skipped. */
export async function readSourceSamples(doc: MappingDocument, projectFile: string, resolver: SourceResolver): Promise<JsonValue[]> {
  const files = doc.source.samples.length > 0 ? doc.source.samples : doc.tests.slice(0, 1).map((t) => t.input);
  const out: JsonValue[] = [];
  for (const file of files.slice(0, MAX_SAMPLES)) {
    const location = resolveDocumentPath(projectFile, file);
    try {
      out.push(readPayload(await resolver.read(location), { file: location, format: doc.source.format }).value);
    } catch {
      // Values only sharpen suggestions; a sample that does not read is reported by the project's checks.
    }
  }
  return out;
}

/**
 * Suggestions for the unmapped target fields of `doc`.
 * @throws MapwrightError `SUGGEST_NO_SCHEMA` when a side has neither schema nor samples; schema load codes otherwise
 */
export async function suggestForProject(doc: MappingDocument, projectFile: string, resolver: SourceResolver, minConfidence?: number): Promise<MappingSuggestion[]> {
  // The source side loads exactly as the target does (schema file, inline schema or inferred from samples).
  const [source, target] = await Promise.all([loadTargetSchema({ ...doc, target: doc.source }, projectFile, resolver), loadTargetSchema(doc, projectFile, resolver)]);
  if (!source?.schema) throw new MapwrightError('SUGGEST_NO_SCHEMA', 'the source has no schema and no sample to suggest from', { file: projectFile, expected: 'a source schema or sample' });
  if (!target?.schema) throw new MapwrightError('SUGGEST_NO_SCHEMA', 'the target has no schema and no sample to suggest for', { file: projectFile, expected: 'a target schema or sample' });
  const sourceSamples = await readSourceSamples(doc, projectFile, resolver);
  return suggestMappings({ document: doc, sourceRoot: source.schema.root, targetRoot: target.schema.root, sourceSamples, ...(minConfidence === undefined ? {} : { minConfidence }) });
}

/**
 * Accepts `chosen` suggestions (one, a group or all) as one edit: a labelled
 * batch, so the studio records one undo step.
 * @param all - every current suggestion, so a rule's array context is found when it was not chosen itself
 */
export function acceptSuggestions(doc: MappingDocument, chosen: readonly MappingSuggestion[], all: readonly MappingSuggestion[] = chosen): EditResult {
  const edits = suggestEdits(doc, chosen, all);
  const label = chosen.length === 1 ? `Accept suggestion for ${chosen[0]!.target}` : `Accept ${chosen.length} suggestions`;
  return applyEdit(doc, { kind: 'batch', edits, label });
}
