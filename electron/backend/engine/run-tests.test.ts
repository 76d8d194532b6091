import { describe, expect, it } from 'vitest';
import { differencesOf } from './run-tests';

describe('differencesOf', () => {
  it('keeps the paths and the count of a failed comparison and drops the values', () => {
    const details = ['lines[0].total: expected 10, got 12', 'name: expected "Ann: expected", got "Bob"', '… and 3 more differences'].join('\n');
    expect(differencesOf({ message: '5 difference(s) from tests/a.expected.json', details })).toEqual({ paths: ['lines[0].total', 'name'], count: 5 });
  });

  it('names a difference of the whole output (root)', () => {
    expect(differencesOf({ message: '1 difference(s) from x', details: ': expected [], got {}' })).toEqual({ paths: ['(root)'], count: 1 });
  });

  it('has nothing to say about a failure that is not a comparison', () => {
    expect(differencesOf({ message: 'the run failed: RUN_TIMEOUT' })).toBeUndefined();
  });
});
