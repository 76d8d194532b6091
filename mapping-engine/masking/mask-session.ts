/**
 * One masking run over a payload, or over a stream of record batches that
 * together make one payload. State that must span the whole run lives here:
 * the collision registry (different originals never share a mask), the
 * values masked so far (replaced again inside other text) and the report.
 */
import { assertPayloadDepth } from '../payload/depth-limit';
import { MapwrightError } from '../errors';
import type { JsonValue } from '../payload/types';
import { classifyField } from './classify-field';
import { CollisionGuard, createGuardedMasker, type GuardedMasker } from './collision-guard';
import { resolveDecision } from './mask-policy';
import { foldReport, sortedReport, type ReportEntries, type ReportLeaf } from './mask-report';
import { KnownValues } from './substitute-known';
import type { Detection, MaskCategory, MaskPolicy, MaskReportEntry } from './types';
import { mapLeaves, walkLeaves } from './walk-leaves';

/** Options of a {@link MaskSession}. */
export interface MaskSessionOptions {
  /** The per-user secret key (32 random bytes recommended). */
  key: Uint8Array;
  policy?: MaskPolicy;
}

interface Planned {
  path: string;
  detection: Detection | undefined;
  mask: boolean;
}

/**
 * Longest string value masking accepts (1 Mi characters). Every value is scanned for personal data
 * inside it; past this size a sample is not a sample, and the scan of one value would take seconds.
 */
export const MAX_MASK_VALUE_CHARS = 1024 * 1024;

/** Categories whose masked values are looked for again inside other text. */
const REUSED: ReadonlySet<MaskCategory> = new Set(['fullName', 'firstName', 'lastName', 'username', 'email']);

const TEXT_REUSE: Detection = { category: 'freeText', confidence: 0.8, source: 'value', reason: 'text contains a value masked in another field' };

/** See the file comment. */
export class MaskSession {
  private readonly policy: MaskPolicy;
  private readonly guard = new CollisionGuard();
  private readonly masker: GuardedMasker;
  private readonly known = new KnownValues();
  /** Folded after each call, so memory grows with report paths, not with records. */
  private readonly entries: ReportEntries = new Map();

  constructor(options: MaskSessionOptions) {
    this.policy = options.policy ?? {};
    this.masker = createGuardedMasker(options.key, this.guard);
  }

  /** How many values needed a second attempt because their first mask was taken. */
  get collisionsResolved(): number {
    return this.guard.resolved;
  }

  /**
   * Masks `value` (a whole payload or one batch of records). Pass one
   * classifies and masks each leaf; pass two masks free text next to a
   * person's fields (people's names included; a whole name masked in a field
   * keeps that field's mask) and replaces names, usernames and emails masked
   * so far wherever they appear inside other text. In a stream, pass two sees
   * the values of this batch and of earlier ones.
   * @throws MapwrightError `MASK_COLLISION`, `LIMIT_EXCEEDED` past the payload depth limit or {@link MAX_MASK_VALUE_CHARS} (without a file: callers add it)
   */
  mask(value: JsonValue): JsonValue {
    // The leaf walks recurse; a payload past the limit is refused before any work.
    assertPayloadDepth(value, undefined, 'masking');
    const planned: Planned[] = [];
    const reportLeaves: ReportLeaf[] = [];
    walkLeaves(value, (leaf) => {
      if (typeof leaf.value === 'string' && leaf.value.length > MAX_MASK_VALUE_CHARS) {
        throw new MapwrightError('LIMIT_EXCEEDED', `the value at ${leaf.path || 'the root'} has ${leaf.value.length} characters; masking scans values of up to ${MAX_MASK_VALUE_CHARS}`, {
          expected: `values of at most ${MAX_MASK_VALUE_CHARS} characters`,
        });
      }
      if (leaf.context.name !== undefined) this.known.exclude(leaf.context.name);
      const decision = resolveDecision(leaf.path, classifyField(leaf.value, leaf.context), this.policy);
      planned.push({ path: leaf.path, detection: decision?.detection, mask: decision?.mask ?? false });
    });

    const reportByLeaf = new Map<number, ReportLeaf>();
    const firstPass = mapLeaves(value, (leaf, index) => {
      const plan = planned[index]!;
      if (!plan.detection) return leaf;
      const { category } = plan.detection;
      // Text that may name people waits for pass two, when every name field of the batch is known.
      const deferred = plan.detection.names === true && typeof leaf === 'string';
      const masked = deferred ? leaf : typeof leaf === 'number' ? this.masker.number(category, leaf, plan.path) : this.masker.text(category, leaf, { where: plan.path });
      const entry: ReportLeaf = { path: plan.path, detection: plan.detection, masked: plan.mask, maskedExample: String(masked) };
      reportLeaves.push(entry);
      reportByLeaf.set(index, entry);
      if (!plan.mask) return leaf;
      if (typeof leaf === 'string' && REUSED.has(category)) this.known.add(leaf.trim(), String(masked));
      return masked;
    });

    const knownName = (name: string): string | undefined => this.known.get(name);
    const masked = mapLeaves(firstPass, (leaf, index) => {
      const plan = planned[index]!;
      const entry = reportByLeaf.get(index);
      if (typeof leaf === 'string' && plan.detection?.names && entry) {
        const redacted = this.known.replace(this.masker.text('freeText', leaf, { where: plan.path, names: true, knownName }));
        entry.maskedExample = redacted;
        return plan.mask ? redacted : leaf;
      }
      if (typeof leaf !== 'string' || (plan.detection && !plan.mask) || plan.detection?.source === 'policy') return leaf;
      const replaced = this.known.replace(leaf);
      if (entry) entry.maskedExample = this.known.replace(entry.maskedExample);
      if (replaced !== leaf && !plan.detection) reportLeaves.push({ path: plan.path, detection: TEXT_REUSE, masked: true, maskedExample: replaced });
      return replaced;
    });
    foldReport(this.entries, reportLeaves);
    return masked;
  }

  /** The report so far: one entry per path and category, sorted by path, no original values. */
  report(): MaskReportEntry[] {
    return sortedReport(this.entries);
  }
}
