/**
 * Detects and masks personal data in a whole payload value (as a reader
 * returned it) under a secret key and a policy, and builds the reviewable
 * report. Only leaf values change, so writing the result back with the
 * reader's `meta` keeps the payload's structure.
 */
import type { JsonValue } from '../payload/types';
import { classifyField } from './classify-field';
import { resolveDecision } from './mask-policy';
import { maskNumber, maskText } from './mask-value';
import { buildReport, type ReportLeaf } from './mask-report';
import { createSubstituter } from './substitute-known';
import type { Detection, MaskPolicy, MaskReportEntry } from './types';
import { mapLeaves, walkLeaves } from './walk-leaves';

/** Options of {@link maskPayload}. */
export interface MaskPayloadOptions {
  /** The per-project secret key (32 random bytes recommended). */
  key: Uint8Array;
  policy?: MaskPolicy;
}

/** What {@link maskPayload} returns. */
export interface MaskPayloadResult {
  /** The masked value: same shape and key order, personal leaves replaced. */
  value: JsonValue;
  /** One entry per path and category, sorted by path. */
  report: MaskReportEntry[];
}

interface Planned {
  path: string;
  detection: Detection | undefined;
  mask: boolean;
}

/** Masks one leaf as its detection says; numbers stay numbers where that is lossless. */
function maskLeaf(value: string | number, detection: Detection, key: Uint8Array): string | number {
  return typeof value === 'number' ? maskNumber(detection.category, value, key) : maskText(detection.category, value, key);
}

/**
 * Detects personal data in `value` and masks it.
 *
 * Pass one classifies every leaf and masks what the policy says to mask. Pass
 * two replaces names, usernames and emails that were masked in one field
 * wherever they appear inside other text (a login inside an API URL, a name
 * in a note), so no masked value survives elsewhere in the payload.
 */
export function maskPayload(value: JsonValue, options: MaskPayloadOptions): MaskPayloadResult {
  const { key, policy = {} } = options;
  const planned: Planned[] = [];
  const fieldNames = new Set<string>();
  walkLeaves(value, (leaf) => {
    if (leaf.context.name !== undefined) fieldNames.add(leaf.context.name);
    const detection = resolveDecision(leaf.path, classifyField(leaf.value, leaf.context), policy);
    planned.push({ path: leaf.path, detection: detection?.detection, mask: detection?.mask ?? false });
  });

  const reportLeaves: ReportLeaf[] = [];
  const reportByLeaf = new Map<number, ReportLeaf>();
  const known = new Map<string, string>();
  const firstPass = mapLeaves(value, (leaf, index) => {
    const plan = planned[index]!;
    if (!plan.detection) return leaf;
    const masked = maskLeaf(leaf, plan.detection, key);
    const entry: ReportLeaf = { path: plan.path, detection: plan.detection, masked: plan.mask, maskedExample: String(masked) };
    reportLeaves.push(entry);
    reportByLeaf.set(index, entry);
    if (!plan.mask) return leaf;
    if (typeof leaf === 'string' && ['fullName', 'firstName', 'lastName', 'username', 'email'].includes(plan.detection.category)) {
      known.set(leaf.trim(), String(masked));
    }
    return masked;
  });

  // A masked value that is also a field name ("name", "login") is a word of the schema, not someone's data.
  for (const name of fieldNames) known.delete(name);
  const substitute = createSubstituter(known);
  const masked = mapLeaves(firstPass, (leaf, index) => {
    const plan = planned[index]!;
    if (typeof leaf !== 'string' || (plan.detection && !plan.mask) || plan.detection?.source === 'policy') return leaf;
    const replaced = substitute(leaf);
    const entry = reportByLeaf.get(index);
    if (entry) entry.maskedExample = substitute(entry.maskedExample);
    if (replaced !== leaf && !plan.detection) {
      const detection: Detection = { category: 'freeText', confidence: 0.8, source: 'value', reason: 'text contains a value masked in another field' };
      reportLeaves.push({ path: plan.path, detection, masked: true, maskedExample: replaced });
    }
    return replaced;
  });
  return { value: masked, report: buildReport(reportLeaves) };
}

/** Detection only: the report of what {@link maskPayload} would mask, with masked examples. */
export function detectPersonalData(value: JsonValue, options: MaskPayloadOptions): MaskReportEntry[] {
  return maskPayload(value, options).report;
}
