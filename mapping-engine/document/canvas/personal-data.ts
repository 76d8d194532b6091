/**
 * Which fields the masker treats as personal data, for the markers on the
 * canvas's trees: the same detection by field name the masker runs on a
 * sample (classify-name.ts), with the project's policy applied (a category
 * kept, a field forced to `always` or `never`). A value-based detection
 * needs the payload, so a field is marked here by its name and the policy.
 */
import type { MaskingPolicy } from '../document-schema';
import { classifyName, isPersonContext } from '../../masking/classify-name';
import type { MaskCategory } from '../../masking/types';

/** The masker's report path of a field (`contacts[].value`). */
export function reportPath(names: readonly string[], repeats: readonly boolean[]): string {
  return names.map((name, i) => (repeats[i] ? `${name}[]` : name)).join('.');
}

/**
 * The category a field's values are masked as, or undefined when they are
 * kept (not personal by name, a kept category, or a `never` override).
 * A field the policy forces to `always` is `other` when its name says nothing.
 */
export function maskedCategory(names: readonly string[], repeats: readonly boolean[], policy: MaskingPolicy | undefined): MaskCategory | undefined {
  const name = names[names.length - 1];
  if (name === undefined) return undefined;
  const override = policy?.fields?.[reportPath(names, repeats)];
  if (override === 'never') return undefined;
  const verdict = classifyName(name.replace(/^@/, ''));
  let category: MaskCategory | undefined;
  if (verdict?.kind === 'category') category = verdict.category;
  else if (verdict?.kind === 'contextualName' && (isPersonContext(name) || isPersonContext(names[names.length - 2]))) category = 'fullName';
  if (override === 'always') return category ?? 'other';
  if (category !== undefined && policy?.keepCategories?.includes(category)) return undefined;
  return category;
}
