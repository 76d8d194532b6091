/**
 * Detects and masks personal data in a whole payload value (as a reader
 * returned it) under a secret key and a policy, and builds the reviewable
 * report (one {@link MaskSession} run). Only leaf values change, so writing the result back with the
 * reader's `meta` keeps the payload's structure.
 */
import type { JsonValue } from '../payload/types';
import { MaskSession, type MaskSessionOptions } from './mask-session';
import type { MaskReportEntry } from './types';

/** Options of {@link maskPayload}: those of the one {@link MaskSession} it runs. */
export type MaskPayloadOptions = MaskSessionOptions;

/** What {@link maskPayload} returns. */
export interface MaskPayloadResult {
  /** The masked value: same shape and key order, personal leaves replaced. */
  value: JsonValue;
  /** One entry per path and category, sorted by path. */
  report: MaskReportEntry[];
}

/**
 * Detects personal data in `value` and masks it.
 *
 * Pass one classifies every leaf and masks what the policy says to mask,
 * keeping different originals of a category apart (see `collision-guard.ts`).
 * Pass two replaces names, usernames and emails that were masked in one field
 * wherever they appear inside other text (a login inside an API URL, a name
 * in a note), so no masked value survives elsewhere in the payload.
 * @throws MapwrightError `MASK_COLLISION` when a tiny masked space cannot keep the values apart
 */
export function maskPayload(value: JsonValue, options: MaskPayloadOptions): MaskPayloadResult {
  const session = new MaskSession(options);
  const masked = session.mask(value);
  return { value: masked, report: session.report() };
}

/** Detection only: the report of what {@link maskPayload} would mask, with masked examples. */
export function detectPersonalData(value: JsonValue, options: MaskPayloadOptions): MaskReportEntry[] {
  return maskPayload(value, options).report;
}
