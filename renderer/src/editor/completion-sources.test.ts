import { describe, expect, it } from 'vitest';
import { completionPathOf } from './completion-sources';

describe('completionPathOf', () => {
  it('drops array marks inside a path', () => {
    expect(completionPathOf('contacts[].type')).toBe('contacts.type');
  });

  it('gives a column of a list of rows (a CSV source, rows flattened as `[].Lieferant`) as a rule reads it', () => {
    expect(['[].Lieferant', '[].`Zahlungs-Nr`'].map(completionPathOf)).toEqual(['Lieferant', '`Zahlungs-Nr`']);
  });
});
