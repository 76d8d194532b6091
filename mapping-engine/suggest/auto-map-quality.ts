/**
 * How well auto-map rebuilds a finished mapping: its rules are removed, the
 * suggestions for the emptied document are compared with them. A suggestion
 * is right when its target has a rule with the same sources (compared by the
 * names they split into); transforms are counted apart. Array contexts are
 * judged the same way: a suggested context is right when the finished
 * mapping has one for its target list with the same source list.
 */
import type { MappingDocument } from '../document/document-schema';
import { pathKey } from '../document/edits/edit-paths';
import type { MappingSuggestion } from './suggest-mappings';

/** Precision and recall of one rebuild. */
export interface AutoMapQuality {
  /** Rules of the finished mapping. */
  rules: number;
  /** Rule suggestions made. */
  suggested: number;
  /** Of those, suggestions for fields the finished mapping maps (the others cannot be judged against it). */
  judged: number;
  /** Suggestions whose target and sources match a rule. */
  correct: number;
  /** Of the correct ones, those whose transform kinds match the rule's too. */
  transformsToo: number;
  /** correct / judged. */
  precision: number;
  /** correct / rules. */
  recall: number;
  /** The same for array contexts: the finished mapping's, those suggested, and the right ones. */
  arrays: { contexts: number; suggested: number; correct: number; precision: number; recall: number };
}

function sourceKey(sources: readonly string[]): string {
  return sources
    .map((s) => {
      const up = /^(\.\.\/)*/.exec(s)![0];
      return `${up}${s === '.' || s.startsWith('$') ? s : pathKey(s.slice(up.length).replace(/^\//, ''))}`;
    })
    .sort()
    .join('|');
}

/** The document with its rules and array contexts removed: the starting point of a rebuild. */
export function emptied(doc: MappingDocument): MappingDocument {
  return { ...doc, rules: [], arrays: [] };
}

/** Compares `suggestions` (made for `emptied(finished)`) with the rules of `finished`. */
export function autoMapQuality(finished: MappingDocument, suggestions: readonly MappingSuggestion[]): AutoMapQuality {
  const rules = new Map(finished.rules.map((r) => [pathKey(r.target), r]));
  const made = suggestions.filter((s) => s.kind === 'rule');
  let correct = 0;
  let judged = 0;
  let transformsToo = 0;
  for (const s of made) {
    const rule = rules.get(pathKey(s.target));
    if (rule) judged++;
    if (!rule || sourceKey(rule.sources) !== sourceKey(s.sources)) continue;
    correct++;
    if (rule.transforms.map((t) => t.kind).join() === s.transforms.map((t) => t.kind).join()) transformsToo++;
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 100) / 100);
  const contexts = new Map(finished.arrays.map((a) => [a.target === '.' ? '.' : pathKey(a.target), a]));
  const lists = suggestions.filter((s) => s.kind === 'array');
  const listsRight = lists.filter((s) => {
    const context = contexts.get(s.target === '.' ? '.' : pathKey(s.target));
    return context !== undefined && sourceKey([context.source]) === sourceKey(s.sources);
  }).length;
  return {
    rules: rules.size,
    suggested: made.length,
    judged,
    correct,
    transformsToo,
    precision: ratio(correct, judged),
    recall: ratio(correct, rules.size),
    arrays: { contexts: contexts.size, suggested: lists.length, correct: listsRight, precision: ratio(listsRight, lists.length), recall: ratio(listsRight, contexts.size) },
  };
}
