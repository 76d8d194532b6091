/**
 * What a value map's editor offers: the keys the rule's source holds in the
 * samples (as the map matches them: the value's text) and the values the
 * target schema allows (its enum). A consultant then fills the map from what
 * the data and the target actually have instead of typing codes from
 * memory; the editor offers, the user decides.
 */
import type { MappingDocument } from '../document-schema';
import type { EnumValue } from '../../schema/model';
import { absoluteSource, inputPath, pathNames } from '../problems/problems';
import { valuesAt } from '../problems/sort-date-text';

/** Most distinct source values offered (a free-text field has thousands; codes have a few). */
export const MAX_SEEN_VALUES = 30;

/** The choices of one value map. */
export interface ValueMapChoices {
  /** Distinct source values in the samples the map has no key for yet, in the order first seen, each with the target value it likely stands for. */
  keys: Array<{ key: string; suggested?: EnumValue }>;
  /** The target field's allowed values (empty when the schema lists none). */
  values: EnumValue[];
}

/** A value as a value map's key: the text `$string` gives it; undefined for null, objects and lists. */
function keyText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * The allowed value `value` most likely stands for: the same text ignoring case, else one that starts
 * with it or that it starts with (`paid` and `PAID_IN_FULL`, `A` and `ACTIVE`); undefined when none fits.
 */
export function enumMatch(value: string, choices: readonly EnumValue[]): EnumValue | undefined {
  const lower = value.toLowerCase();
  if (lower === '') return undefined;
  const texts = choices.filter((c): c is string => typeof c === 'string');
  return texts.find((c) => c.toLowerCase() === lower) ?? texts.find((c) => c.toLowerCase().startsWith(lower) || lower.startsWith(c.toLowerCase()));
}

/**
 * The distinct key texts the first source of the rule at `target` holds in `records` (parsed
 * sample records), at most {@link MAX_SEEN_VALUES}; empty when the rule has no field source.
 */
export function sourceKeys(doc: MappingDocument, target: string, records: readonly unknown[]): string[] {
  const rule = doc.rules.find((r) => r.target === target);
  const targetNames = pathNames(target);
  const source = rule?.sources[0];
  if (!targetNames || source === undefined) return [];
  const absolute = absoluteSource(doc, targetNames, source);
  const names = absolute && inputPath(absolute);
  if (!names || names.length === 0) return [];
  const seen = new Set<string>();
  for (const record of records) {
    for (const value of valuesAt(record, names)) {
      const text = keyText(value);
      if (text !== undefined) seen.add(text);
      if (seen.size >= MAX_SEEN_VALUES) return [...seen];
    }
  }
  return [...seen];
}

/** The choices for a map holding `entries` (keys already in it are not offered again). */
export function valueMapChoices(entries: Readonly<Record<string, unknown>>, seenKeys: readonly string[], targetEnum: readonly EnumValue[] = []): ValueMapChoices {
  const keys = seenKeys
    .filter((key) => !Object.hasOwn(entries, key))
    .map((key) => {
      const suggested = enumMatch(key, targetEnum);
      return suggested === undefined ? { key } : { key, suggested };
    });
  return { keys, values: [...targetEnum] };
}
