/**
 * Applies the masking policy to a detection: category defaults, a confidence
 * floor, and per-field overrides (always / never) keyed by report path.
 */
import type { Detection, MaskPolicy } from './types';

/** Confidence below which a detection is reported but not masked, unless the policy says otherwise. */
export const DEFAULT_MIN_CONFIDENCE = 0.5;

/**
 * Categories detected and reported but not masked unless the policy names the
 * field `always`: a bank identifier (BIC) names an institution, not a person.
 */
export const NOT_PERSONAL_CATEGORIES: ReadonlySet<string> = new Set(['bic']);

/** The decision for one leaf: what it is and whether to mask it. */
export interface MaskDecision {
  detection: Detection;
  mask: boolean;
}

/**
 * Decides for one leaf. `always` masks a field even when nothing was
 * detected (as `other`, character class by character class); `never` keeps
 * it but still reports what was found so a reviewer sees the choice.
 */
export function resolveDecision(path: string, detection: Detection | undefined, policy: MaskPolicy): MaskDecision | undefined {
  const override = policy.fields?.[path];
  if (override === 'always') {
    return { detection: detection ?? { category: 'other', confidence: 1, source: 'policy', reason: 'policy: always mask this field' }, mask: true };
  }
  if (!detection) return undefined;
  if (override === 'never') return { detection: { ...detection, reason: `${detection.reason}; policy: never mask this field` }, mask: false };
  if (NOT_PERSONAL_CATEGORIES.has(detection.category)) return { detection: { ...detection, reason: `${detection.reason}; a bank's identifier, not a person's: kept` }, mask: false };
  const kept = policy.keepCategories?.includes(detection.category) ?? false;
  const floor = policy.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  return { detection, mask: !kept && detection.confidence >= floor };
}
