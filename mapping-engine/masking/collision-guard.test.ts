import { describe, expect, it } from 'vitest';
import { isMapwrightError } from '../errors';
import type { JsonValue } from '../payload/types';
import { CollisionGuard, createGuardedMasker } from './collision-guard';
import { maskPayload } from './mask-payload';
import { maskText } from './mask-value';

const key = new TextEncoder().encode('collision-test-key-0123456789ab!');

/** A deriver over a tiny space: the masked value is `attempt + offset` modulo `size`. */
function tiny(size: number, offset: number) {
  return (attempt: number) => `v${(attempt + offset) % size}`;
}

describe('CollisionGuard', () => {
  it('re-derives when another original owns the candidate, and keeps repeats stable', () => {
    const guard = new CollisionGuard();
    expect(guard.mask('other', 'a', tiny(3, 0))).toBe('v0');
    // `b` would also get v0 first; it must move on.
    expect(guard.mask('other', 'b', tiny(3, 0))).toBe('v1');
    expect(guard.mask('other', 'a', () => 'never asked')).toBe('v0');
    expect(guard.mask('other', 'b', tiny(3, 0))).toBe('v1');
    expect(guard.resolved).toBe(1);
  });

  it('keeps categories apart and lets normalised-equal originals share a mask', () => {
    const guard = new CollisionGuard();
    expect(guard.mask('postcode', '12', () => 'x')).toBe('x');
    expect(guard.mask('cvv', '34', () => 'x')).toBe('x');
    expect(guard.mask('email', 'Bob@X.com', () => 'm@example.com')).toBe('m@example.com');
    expect(guard.mask('email', 'bob@x.com', () => 'm@example.com')).toBe('m@example.com');
    expect(guard.resolved).toBe(0);
  });

  it('fails with MASK_COLLISION, naming the path but no value, when the space is full', () => {
    const guard = new CollisionGuard(10);
    for (const original of ['a', 'b', 'c']) guard.mask('other', original, tiny(3, 0));
    let error: unknown;
    try {
      guard.mask('other', 'secret-d', tiny(3, 0), 'order.code');
    } catch (e) {
      error = e;
    }
    expect(isMapwrightError(error) && error.code).toBe('MASK_COLLISION');
    expect((error as Error).message).toContain('order.code');
    expect((error as Error).message).not.toContain('secret-d');
  });

  it('checks each value found inside free text', () => {
    const guard = new CollisionGuard();
    const masker = createGuardedMasker(key, guard);
    const note = masker.text('freeText', 'Mail ann@corp.de or call +49 30 901820');
    const direct = masker.text('email', 'ann@corp.de');
    expect(note).toContain(direct);
    expect(note).not.toContain('ann@corp.de');
  });
});

describe('maskPayload without collisions', () => {
  // 60 different 2-digit postcodes in a space of 90 possible masks: a birthday-paradox certainty of clashes.
  const codes = Array.from({ length: 60 }, (_, i) => String(10 + i));
  const rows: JsonValue = [...codes, ...codes].map((zip) => ({ zip }));

  it('the unchecked masks of the test data do collide', () => {
    expect(new Set(codes.map((zip) => maskText('postcode', zip, key))).size).toBeLessThan(codes.length);
  });

  it('keeps different originals different and equal originals equal, the same on every run', () => {
    const masked = (maskPayload(rows, { key }).value as Array<{ zip: string }>).map((r) => r.zip);
    const first = masked.slice(0, 60);
    expect(new Set(first).size).toBe(60);
    expect(masked.slice(60)).toEqual(first);
    for (const zip of first) expect(zip).toMatch(/^[1-9]\d$/);
    expect((maskPayload(rows, { key }).value as Array<{ zip: string }>).map((r) => r.zip)).toEqual(masked);
  });

  it('keeps the first mask of a value when no collision happened', () => {
    const masked = maskPayload({ email: 'bob.norman@hostmail.com' }, { key }).value as { email: string };
    expect(masked.email).toBe(maskText('email', 'bob.norman@hostmail.com', key));
  });

  it('keeps thousands of different last names distinct beyond the name list', () => {
    const people: JsonValue = Array.from({ length: 2000 }, (_, i) => ({ lastName: `Person${i.toString(36)}x` }));
    const masked = (maskPayload(people, { key }).value as Array<{ lastName: string }>).map((p) => p.lastName);
    expect(new Set(masked).size).toBe(2000);
    expect(masked.some((name) => /^\p{L}+-\p{L}+/u.test(name))).toBe(true);
  });
});
