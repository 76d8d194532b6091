/**
 * The masking (data-protection) section of the spec: the project's policy,
 * the source fields it masks, and for each target field whether personal
 * data flows into it, so a reader knows what may be logged.
 *
 * Source fields are judged as masking judges them: the masker's own
 * classifier runs over the source samples under the document's `masking`
 * policy, so the list is exactly what importing those samples masks (free
 * text such as `order.note` included, a bare `name` holding an order number
 * not). A field the rules read that no sample holds is judged by its name and
 * place (the same dictionary). Target fields are judged by lineage: one that
 * reads a masked field through any transform, concat and custom code
 * mentioning its path included, carries personal data. The section never
 * shows a value: the masked examples of the detection are dropped.
 */
import type { MappingDocument } from '../document/document-schema';
import { isMapwrightError } from '../errors';
import { pathNames } from '../document/problems/problems';
import { isCoordinateName, isFreeTextName, isSelfPersonalNameWord } from '../masking/classify-field';
import { classifyName, isPersonContext } from '../masking/classify-name';
import { MaskSession } from '../masking/mask-session';
import { DEFAULT_MIN_CONFIDENCE, NOT_PERSONAL_CATEGORIES } from '../masking/mask-policy';
import { toMaskPolicy } from '../masking/mask-sample';
import type { MaskReportEntry } from '../masking/types';
import { walkLeaves } from '../masking/walk-leaves';
import type { JsonValue } from '../payload/types';
import { readsField, ruleReads } from './masking-lineage';
import { specPath, specPathOf } from './spec-path';
import type { SpecMaskedField, SpecMasking, SpecPersonalTarget } from './spec-types';

/** A judged source field with the names lineage matches it by. */
interface Judged extends SpecMaskedField {
  names: string[];
}

/** Names of a masker report path (`order.line_items[].title`, `[].Name`, `Invoice.Amount.#text`): the element's text is the element. */
function reportNames(path: string): string[] | undefined {
  const names = pathNames(path);
  return names && names[names.length - 1] === '#text' ? names.slice(0, -1) : names;
}

const keyOf = (names: readonly string[]): string => names.join('\u0000');

/** A judged field's path as the spec writes paths (`Lieferant` for the report's `[].Lieferant`); an element's `#text` is the element. */
const shown = (f: Judged): string => (f.names.length > 0 ? specPathOf(f.names) : f.field);

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

/** A field judged by its name under the policy; `why` says why the name decides (no sample holds it, or none of its values holds personal data yet). */
function judgeByName(field: string, names: string[], doc: MappingDocument, override: 'always' | 'never' | undefined, why: string): Judged | undefined {
  if (override === 'always') return { field, names, category: 'policy', masked: true, reason: 'the policy always masks this field' };
  const found = byName(names);
  if (!found) return undefined;
  const { category, maybe } = found;
  const by = `${found.by} (${why})`;
  const judged = (masked: boolean, reason: string): Judged => ({ field, names, category, masked, reason });
  if (NOT_PERSONAL_CATEGORIES.has(category)) return judged(false, `${by}; a bank's identifier names an institution, not a person: kept`);
  if (override === 'never') return judged(false, `${by}; the policy never masks this field`);
  if (doc.masking?.keepCategories?.includes(category as never)) return judged(false, `${by}; the policy keeps ${category} values`);
  // Decided by the value, which no sample gives: not counted as masked here.
  return judged(maybe !== true, by);
}

/** A detection of the masker, with why the policy keeps it when it does. */
function judgeEntry(entry: MaskReportEntry, names: string[], doc: MappingDocument): Judged {
  const floor = doc.masking?.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  let reason = `${entry.reason} (in the samples)`;
  if (!entry.masked && doc.masking?.keepCategories?.includes(entry.category)) reason += `; the policy keeps ${entry.category} values`;
  else if (!entry.masked && entry.confidence < floor) reason += `; confidence ${entry.confidence} is below the policy's ${floor}: reported, not masked`;
  return { field: entry.path.replace(/\.#text$/, ''), names, category: entry.category, masked: entry.masked, reason };
}

/** What masking finds in the samples: its report (one session, so a name masked in one field is found in another's text) and every place seen. */
interface Detected {
  report: MaskReportEntry[];
  /** Every leaf and every record or list above one, by names. */
  seen: Set<string>;
  /** Leaves by names, with their report path spelled without `#text`. */
  leaves: Map<string, { field: string; names: string[] }>;
  judged: number;
}

function detect(samples: readonly JsonValue[], doc: MappingDocument): Detected {
  // The key only shapes masked examples, which the spec drops; detection does not depend on it.
  const session = new MaskSession({ key: new Uint8Array(32), policy: toMaskPolicy(doc.masking) });
  const found: Detected = { report: [], seen: new Set(), leaves: new Map(), judged: 0 };
  for (const sample of samples) {
    try {
      session.mask(sample);
    } catch (error) {
      // A sample masking refuses (past its limits) is not judged; the fields the rules read in it are judged by name.
      if (isMapwrightError(error)) continue;
      throw error;
    }
    found.judged++;
    walkLeaves(sample, (leaf) => {
      const names = reportNames(leaf.path) ?? [];
      if (!found.leaves.has(keyOf(names))) found.leaves.set(keyOf(names), { field: leaf.path.replace(/\.#text$/, ''), names });
      for (let n = 0; n <= names.length; n++) found.seen.add(keyOf(names.slice(0, n)));
    });
  }
  found.report = session.report();
  return found;
}

/**
 * The policy, the personal-data source fields of `doc` and every mapped target
 * field with whether personal data flows into it. `samples` are the source
 * samples as read (payload values); without them every field is judged by name.
 */
export function summariseMasking(doc: MappingDocument, samples: readonly JsonValue[] = []): SpecMasking {
  const overrides = doc.masking?.fields ?? {};
  // By names, so `order.lines.sku` and the report's `order.lines[].sku` are one field.
  const overrideOf = (names: readonly string[]) => Object.entries(overrides).find(([field]) => keyOf(reportNames(field) ?? [field]) === keyOf(names))?.[1];
  const { report, seen, leaves, judged } = detect(samples, doc);
  const byKey = new Map<string, Judged>();
  const add = (verdict: Judged | undefined): void => {
    const known = verdict && byKey.get(keyOf(verdict.names));
    // One line per field: a masked category before a kept one, then the most confident.
    if (verdict && (!known || (verdict.masked && !known.masked))) byKey.set(keyOf(verdict.names), verdict);
  };
  for (const entry of [...report].sort((a, b) => b.confidence - a.confidence)) {
    const names = reportNames(entry.path);
    if (names) add(judgeEntry(entry, names, doc));
  }
  // Free text is scanned value by value: a note with nobody in the samples still has its personal data masked wherever it appears.
  for (const leaf of leaves.values()) {
    if (!byKey.has(keyOf(leaf.names)) && isFreeTextName(leaf.names[leaf.names.length - 1] ?? '')) add(judgeByName(leaf.field, leaf.names, doc, overrideOf(leaf.names), 'none in the samples'));
  }
  const reads = doc.rules.map((rule) => ({ rule, reads: ruleReads(doc, rule) }));
  // Fields the rules read that no sample holds, and fields the policy names, are judged by name.
  const unseen = (names: readonly string[]) => names.length > 0 && !seen.has(keyOf(names));
  for (const { reads: r } of reads) for (const names of r.paths) if (unseen(names)) add(judgeByName(names.join('.'), names, doc, overrideOf(names), 'no sample holds it'));
  for (const field of Object.keys(overrides)) {
    const names = reportNames(field);
    if (names && unseen(names)) add(judgeByName(field, names, doc, overrides[field], 'no sample holds it'));
  }
  // In the order the rules read them, then the fields no rule reads.
  const firstReader = (f: Judged) => {
    const i = reads.findIndex(({ reads: r }) => readsField(r, f.names));
    return i < 0 ? reads.length : i;
  };
  const fields = [...byKey.values()]
    .map((f) => ({ f, at: firstReader(f) }))
    .sort((a, b) => a.at - b.at || (a.f.field < b.f.field ? -1 : a.f.field > b.f.field ? 1 : 0))
    .map(({ f }) => f);
  const masked = fields.filter((f) => f.masked);
  const targets: SpecPersonalTarget[] = reads.map(({ rule, reads: r }) => {
    const from = masked.filter((f) => readsField(r, f.names)).map(shown);
    // A field the rule computes from a list or a lookup may still be personal by what it is: its own name says so.
    const own = from.length === 0 ? byName(pathNames(rule.target) ?? []) : undefined;
    if (own && own.maybe !== true && own.category !== 'freeText' && !NOT_PERSONAL_CATEGORIES.has(own.category)) return { target: rule.target, personal: true, from: [], reason: `its own name reads as ${own.category}` };
    return { target: rule.target, personal: from.length > 0, from };
  });
  return {
    keepCategories: [...(doc.masking?.keepCategories ?? [])],
    minConfidence: doc.masking?.minConfidence ?? DEFAULT_MIN_CONFIDENCE,
    overrides: Object.entries(overrides)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([field, decision]) => ({ field: specPath(field), decision })),
    fields: fields.map((f) => ({ field: shown(f), category: f.category, masked: f.masked, reason: f.reason })),
    targets,
    samplesJudged: judged,
  };
}
