import { describe, expect, it } from 'vitest';
import { lineAt } from './use-problems';

describe('lineAt', () => {
  it('counts the lines before an offset', () => {
    expect(lineAt('a\nb\nc', 0)).toBe(1);
    expect(lineAt('a\nb\nc', 2)).toBe(2);
    expect(lineAt('a\nb\nc', 4)).toBe(3);
  });
});
