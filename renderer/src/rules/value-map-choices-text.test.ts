import { describe, expect, it } from 'vitest';
import { withKeys, withValue } from './ValueMapChoices';
import { parseEntries } from './transform-form';

describe('value map lines from the choices', () => {
  it('adds a line per key, with the suggested value or none yet', () => {
    expect(withKeys('', [{ key: 'paid', suggested: 'RELEASED' }])).toBe('paid = RELEASED');
    expect(withKeys('pending = ON_HOLD\n', [{ key: 'voided' }, { key: 'true', suggested: true }])).toBe('pending = ON_HOLD\nvoided = \ntrue = true');
  });

  it('fills the first line without a value, else the line the cursor is on', () => {
    expect(withValue('paid = RELEASED\nvoided = \nrefunded =', 0, 'CANCELLED')).toBe('paid = RELEASED\nvoided = CANCELLED\nrefunded =');
    const text = 'paid = RELEASED\nvoided = ON_HOLD';
    expect(withValue(text, text.length, 'CANCELLED')).toBe('paid = RELEASED\nvoided = CANCELLED');
    // A line the user typed without "=" becomes the key.
    expect(withValue('paid', 2, 'RELEASED')).toBe('paid = RELEASED');
    expect(parseEntries(withValue('x = 1\nvoided =', 0, 'CANCELLED')).entries).toEqual({ x: 1, voided: 'CANCELLED' });
  });
});
