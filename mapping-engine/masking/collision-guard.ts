/**
 * Keeps masking one-to-one within a payload (or a project's samples): two
 * different originals of one category must never mask to the same value,
 * because equal masked values would fake a join that the real data does not
 * have. Masked values are registered per category with the original that
 * owns them; a clash re-derives the mask with the next attempt number of the
 * keyed hash, so the outcome is deterministic for the same input and key.
 */
import { MapwrightError } from '../errors';
import { canonical, maskCandidate, maskNumber, redactFreeText, type RedactOptions } from './mask-value';
import type { MaskCategory } from './types';

/** Attempts per value before giving up; random probing finds a free value quickly unless the space is nearly full. */
export const MAX_MASK_ATTEMPTS = 64;

/** Derives the `attempt`-th candidate mask of one value. */
export type CandidateDeriver = (attempt: number) => string;

/** Registry of masked values for one masking run; see the file comment. */
export class CollisionGuard {
  /** `category ‖ canonical masked` -> canonical original that owns it. */
  private readonly owners = new Map<string, string>();
  /** `category ‖ raw original` -> its mask, so repeats cost one lookup and never re-probe. */
  private readonly done = new Map<string, string>();
  /** How many values needed more than one attempt (for tests and diagnostics). */
  resolved = 0;

  constructor(private readonly maxAttempts = MAX_MASK_ATTEMPTS) {}

  /**
   * The mask of `original`: the first candidate no other original of the
   * category owns. Originals that are equal once normalised (emails without
   * case, IBANs without spaces) share their masked value.
   * @param where - field path for the error message (never a value)
   * @throws MapwrightError `MASK_COLLISION` when every attempt clashes (a tiny masked space such as 2-digit codes)
   */
  mask(category: MaskCategory, original: string, derive: CandidateDeriver, where?: string): string {
    const doneKey = `${category}\u0000${original}`;
    const cached = this.done.get(doneKey);
    if (cached !== undefined) return cached;
    const owner = canonical(category, original);
    for (let attempt = 0; attempt < this.maxAttempts; attempt++) {
      const candidate = derive(attempt);
      const slot = `${category}\u0000${canonical(category, candidate)}`;
      const current = this.owners.get(slot);
      if (current !== undefined && current !== owner) continue;
      if (attempt > 0) this.resolved++;
      this.owners.set(slot, owner);
      this.done.set(doneKey, candidate);
      return candidate;
    }
    throw new MapwrightError(
      'MASK_COLLISION',
      `cannot mask the ${category} values${where ? ` at ${where}` : ''} one-to-one: their masked format has too few possible values for this many different values`,
      { expected: 'fewer distinct values, or a masking policy that keeps this field or category unmasked' },
    );
  }
}

/** Options of {@link GuardedMasker.text}. */
export interface GuardedTextOptions extends Pick<RedactOptions, 'names' | 'knownName'> {
  /** Field path for a collision error. */
  where?: string;
}

/** Masks values of a known category through one {@link CollisionGuard}. */
export interface GuardedMasker {
  /** Masks a string; free text is redacted span by span, each span checked. */
  text(category: MaskCategory, value: string, options?: GuardedTextOptions): string;
  /** Masks a JSON number, a number again where that is lossless. */
  number(category: MaskCategory, value: number, where?: string): number | string;
}

/** A masker whose every value (free-text spans included) goes through `guard`. */
export function createGuardedMasker(key: Uint8Array, guard: CollisionGuard): GuardedMasker {
  const one = (category: MaskCategory, value: string, where?: string): string =>
    guard.mask(category, value, (attempt) => maskCandidate(category, value, key, attempt), where);
  const text = (category: MaskCategory, value: string, options: GuardedTextOptions = {}): string =>
    category === 'freeText'
      ? redactFreeText(value, key, { ...options, maskSpan: (spanCategory, span) => one(spanCategory, span, options.where) })
      : one(category, value, options.where);
  return {
    text,
    number: (category, value, where) => maskNumber(category, value, key, (c, digits) => one(c, digits, where)),
  };
}
