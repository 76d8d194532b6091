/**
 * The masking section of the spec: the project's policy and which source
 * fields the masking of samples treats as personal data. Judged by field
 * name only (the same dictionary the masker uses), so the section is built
 * from the document alone and can never show a value.
 */
import type { MappingDocument } from '../document/document-schema';
import { classifyName, isPersonContext } from '../masking/classify-name';
import { DEFAULT_MIN_CONFIDENCE } from '../masking/mask-policy';
import { splitPath } from '../transforms/jsonata-text';
import type { SpecMaskedField, SpecMasking } from './spec-types';

/** Names of a source path without the `/` and `../` prefixes; empty for `.` and `$key`. */
function sourceNames(source: string): string[] {
  if (source === '.' || source === '$key') return [];
  try {
    return splitPath(source.replace(/^(\.\.\/)+/, '').replace(/^\//, ''));
  } catch {
    return [];
  }
}

function judge(field: string, doc: MappingDocument): SpecMaskedField | undefined {
  const override = doc.masking?.fields?.[field];
  if (override === 'always') return { field, category: 'policy', masked: true, reason: 'the policy always masks this field' };
  const names = sourceNames(field);
  const name = names[names.length - 1];
  if (name === undefined) return undefined;
  const verdict = classifyName(name);
  if (!verdict) return undefined;
  const category = verdict.kind === 'category' ? verdict.category : 'fullName';
  // A bare name is a person's only in a person-like record, which the masker judges with the values in hand.
  const by =
    verdict.kind === 'category' || isPersonContext(names[names.length - 2])
      ? `its name reads as ${category} ("${verdict.word}")`
      : `its name may be a person's name ("${verdict.word}"); masked when its record holds a person`;
  if (override === 'never') return { field, category, masked: false, reason: `${by}; the policy never masks this field` };
  if (doc.masking?.keepCategories?.includes(category)) return { field, category, masked: false, reason: `${by}; the policy keeps ${category} values` };
  return { field, category, masked: true, reason: by };
}

/** The policy and the personal-data source fields of `doc`, in rule order. */
export function summariseMasking(doc: MappingDocument): SpecMasking {
  const fields: SpecMaskedField[] = [];
  const seen = new Set<string>();
  const candidates = [...doc.rules.flatMap((r) => r.sources), ...Object.keys(doc.masking?.fields ?? {})];
  for (const source of candidates) {
    if (seen.has(source)) continue;
    seen.add(source);
    const judged = judge(source, doc);
    if (judged) fields.push(judged);
  }
  return {
    keepCategories: [...(doc.masking?.keepCategories ?? [])],
    minConfidence: doc.masking?.minConfidence ?? DEFAULT_MIN_CONFIDENCE,
    overrides: Object.entries(doc.masking?.fields ?? {})
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([field, decision]) => ({ field, decision })),
    fields,
  };
}
