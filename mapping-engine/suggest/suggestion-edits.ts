/**
 * The edits that accept auto-map suggestions, kept apart from the matcher so
 * the studio's renderer can build them without loading schemas.
 */
import type { MappingDocument } from '../document/document-schema';
import type { DocumentEdit } from '../document/edits/edit-types';
import { pathKey } from '../document/edits/edit-paths';
import { splitPath } from '../transforms/jsonata-text';
import type { MappingSuggestion } from './suggest-mappings';

/**
 * The edits that accept `chosen` (one suggestion, a group or all): array
 * contexts first, then rules, each array a rule needs added once even when
 * it was not chosen itself. Hand them to `applyEdits` as one undo step.
 */
export function suggestEdits(doc: MappingDocument, chosen: readonly MappingSuggestion[], all: readonly MappingSuggestion[] = chosen): DocumentEdit[] {
  const byId = new Map(all.map((s) => [s.id, s]));
  const have = new Set(doc.arrays.map((a) => pathKey(a.target)));
  const arrays: MappingSuggestion[] = [];
  const addArray = (s: MappingSuggestion | undefined) => {
    if (!s || s.kind !== 'array') return;
    const key = s.target === '.' ? '.' : pathKey(s.target);
    if (have.has(key)) return;
    have.add(key);
    arrays.push(s);
  };
  for (const s of chosen) {
    if (s.kind === 'array') addArray(s);
    else if (s.requires) addArray(byId.get(s.requires));
  }
  // Outer contexts first: a nested context's source is read inside its enclosing one.
  arrays.sort((a, b) => (a.target === '.' ? 0 : splitPath(a.target).length) - (b.target === '.' ? 0 : splitPath(b.target).length));
  const edits: DocumentEdit[] = arrays.map((s) => ({ kind: 'addArray', context: { target: s.target, source: s.sources[0]! } }));
  for (const s of chosen) {
    if (s.kind !== 'rule') continue;
    edits.push({ kind: 'addRule', rule: { target: s.target, sources: s.sources, transforms: s.transforms, required: s.required ?? 'omit', notes: `Suggested by auto-map (${Math.round(s.confidence * 100)}%): ${s.reason}` } });
  }
  return edits;
}
