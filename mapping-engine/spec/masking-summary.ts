/**
 * The masking (data-protection) section of the spec: the project's policy,
 * which source fields the masking of samples treats as personal data, free
 * text included (a note's names, emails and phones are masked inside it),
 * and for each target field whether personal data flows into it, so a reader
 * knows what may be logged. Judged by field name and place only (the same
 * dictionary the masker uses), so the section is built from the document
 * alone and can never show a value.
 */
import type { MappingDocument } from '../document/document-schema';
import { absoluteSource, pathNames } from '../document/problems/problems';
import { isCoordinateName, isFreeTextName, isSelfPersonalNameWord } from '../masking/classify-field';
import { classifyName, isPersonContext } from '../masking/classify-name';
import { DEFAULT_MIN_CONFIDENCE, NOT_PERSONAL_CATEGORIES } from '../masking/mask-policy';
import { splitPath } from '../transforms/jsonata-text';
import type { SpecMaskedField, SpecMasking, SpecPersonalTarget } from './spec-types';

/** Names of a source path without the `/` and `../` prefixes; empty for `.` and `$key`. */
function sourceNames(source: string): string[] {
  if (source === '.' || source === '$key') return [];
  try {
    return splitPath(source.replace(/^(\.\.\/)+/, '').replace(/^\//, ''));
  } catch {
    return [];
  }
}

/** What the field's name and place say, before the policy: a category and the reason, or nothing personal. */
function byName(names: readonly string[]): { category: string; by: string; maybe?: boolean } | undefined {
  const name = names[names.length - 1];
  if (name === undefined) return undefined;
  const parent = names[names.length - 2];
  const verdict = classifyName(name);
  if (verdict) {
    const category = verdict.kind === 'category' ? verdict.category : 'fullName';
    // A bare name is a person's only in a person-like record, which the masker judges with the values in hand.
    if (verdict.kind === 'category' || isPersonContext(parent) || isSelfPersonalNameWord(verdict.word)) return { category, by: `its name reads as ${category} ("${verdict.word}")` };
    return { category, by: `its name may be a person's name ("${verdict.word}"): masked only where its value is a person's name in a person's record`, maybe: true };
  }
  if (isFreeTextName(name)) return { category: 'freeText', by: 'free text: the names, emails, phone numbers and other personal data inside it are masked' };
  if (isCoordinateName(name) && names.slice(0, -1).some((n) => isPersonContext(n))) return { category: 'geoCoordinate', by: "a coordinate of a person's record or address" };
  return undefined;
}

function judge(field: string, names: readonly string[], doc: MappingDocument, override: 'always' | 'never' | undefined): SpecMaskedField | undefined {
  if (override === 'always') return { field, category: 'policy', masked: true, reason: 'the policy always masks this field' };
  const found = byName(names);
  if (!found) return undefined;
  const { category, by, maybe } = found;
  if (NOT_PERSONAL_CATEGORIES.has(category)) return { field, category, masked: false, reason: `${by}; a bank's identifier names an institution, not a person: kept` };
  if (override === 'never') return { field, category, masked: false, reason: `${by}; the policy never masks this field` };
  if (doc.masking?.keepCategories?.includes(category as never)) return { field, category, masked: false, reason: `${by}; the policy keeps ${category} values` };
  // Decided by the value, which the spec never sees: not counted as masked here.
  return { field, category, masked: maybe !== true, reason: by };
}

/** The source a rule reads, as the whole-input path the masker reports (`order.line_items.price`), with the names it judges. */
function located(doc: MappingDocument, target: string, source: string): { field: string; names: string[] } {
  const absolute = absoluteSource(doc, pathNames(target) ?? [], source);
  // A group's members (`$items`) have no path in the input: the source is shown as the rule writes it.
  const names = absolute && !absolute.includes('$items') ? absolute : sourceNames(source);
  return { field: names.length > 0 ? names.join('.') : source, names };
}

/**
 * The policy, the personal-data source fields of `doc` in rule order, and
 * every mapped target field with whether personal data flows into it.
 */
export function summariseMasking(doc: MappingDocument): SpecMasking {
  const fields: SpecMaskedField[] = [];
  const byField = new Map<string, SpecMaskedField | undefined>();
  const overrides = doc.masking?.fields ?? {};
  const judged = (field: string, names: readonly string[], raw: string): SpecMaskedField | undefined => {
    if (!byField.has(field)) {
      const verdict = judge(field, names, doc, overrides[field] ?? overrides[raw]);
      byField.set(field, verdict);
      if (verdict) fields.push(verdict);
    }
    return byField.get(field);
  };
  const targets: SpecPersonalTarget[] = doc.rules.map((rule) => {
    const personal = rule.sources.flatMap((source) => {
      const { field, names } = located(doc, rule.target, source);
      const verdict = judged(field, names, source);
      return verdict?.masked ? [field] : [];
    });
    // A field the rule computes from a list or a lookup may still be personal by what it is: its own name says so.
    const own = personal.length === 0 ? byName(pathNames(rule.target) ?? []) : undefined;
    if (own && own.maybe !== true && own.category !== 'freeText' && !NOT_PERSONAL_CATEGORIES.has(own.category)) return { target: rule.target, personal: true, from: [], reason: `its own name reads as ${own.category}` };
    return { target: rule.target, personal: personal.length > 0, from: personal };
  });
  for (const field of Object.keys(overrides)) judged(field, sourceNames(field), field);
  return {
    keepCategories: [...(doc.masking?.keepCategories ?? [])],
    minConfidence: doc.masking?.minConfidence ?? DEFAULT_MIN_CONFIDENCE,
    overrides: Object.entries(overrides)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([field, decision]) => ({ field, decision })),
    fields,
    targets,
  };
}
