/**
 * Shapes of the masking layer: categories of personal data, what detection
 * reports, and the masking policy. All plain JSON-safe data, so the policy can
 * live in the project file and the report can cross IPC.
 */

/** Kinds of personal data the engine recognises; each has its own format-preserving masker. */
export const MASK_CATEGORIES = [
  'email',
  'phone',
  'firstName',
  'lastName',
  'fullName',
  'username',
  'street',
  'city',
  'postcode',
  /** Latitude or longitude of a person's address or position. */
  'geoCoordinate',
  'iban',
  'bic',
  'accountNumber',
  'card',
  'cvv',
  'birthDate',
  'nationalId',
  'taxId',
  'ipAddress',
  'deviceId',
  'freeText',
  'other',
] as const;

/** One kind of personal data. */
export type MaskCategory = (typeof MASK_CATEGORIES)[number];

/** Why a field was flagged: its name, its value, or a user's override. */
export type DetectionSource = 'name' | 'value' | 'policy';

/** The verdict for one value at one path. */
export interface Detection {
  category: MaskCategory;
  /** 0..1; name and checksum matches are high, context guesses lower. */
  confidence: number;
  source: DetectionSource;
  /** Human-readable and free of the raw value. */
  reason: string;
  /** Free text next to a person's fields: people's names inside it are masked too. */
  names?: boolean;
}

/** One line of the reviewable report: a field path and what was found there. */
export interface MaskReportEntry {
  /** Field path with `[]` for array items, e.g. `order.customer.email`, `[].Name`. */
  path: string;
  category: MaskCategory;
  confidence: number;
  reason: string;
  /** A masked value from this path (never the original). */
  maskedExample: string;
  /** How many values at this path were masked. */
  count: number;
  /** False when the policy keeps the category or the field unmasked. */
  masked: boolean;
}

/** Per-field override: mask even if nothing was detected, or never mask. */
export type FieldOverride = 'always' | 'never';

/** Masking policy: category defaults plus per-field overrides (by report path). */
export interface MaskPolicy {
  /** Categories left unmasked (all others are masked). */
  keepCategories?: MaskCategory[];
  /** Overrides by exact report path, e.g. `{ "order.note": "always", "order.email": "never" }`. */
  fields?: Record<string, FieldOverride>;
  /** Detections below this confidence are reported but not masked (default 0.5). */
  minConfidence?: number;
}
