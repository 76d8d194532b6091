import { describe, expect, it } from 'vitest';
import { ExportKindSchema } from '../../../electron/contract/methods/export-methods';
import { EXPORT_CHOICES, showsTestResults } from './export-choices';

describe('EXPORT_CHOICES', () => {
  it('offers every kind of the contract exactly once, the workbook first', () => {
    expect(EXPORT_CHOICES.map((c) => c.kind).sort()).toEqual([...ExportKindSchema.options].sort());
    expect(EXPORT_CHOICES[0]!.kind).toBe('xlsx');
  });

  it('labels each format with its file extension', () => {
    for (const choice of EXPORT_CHOICES) expect(choice.label).toMatch(/\(\.[a-z.]+\)$/);
  });

  it('shows test results only in the spec formats', () => {
    expect(EXPORT_CHOICES.filter((c) => showsTestResults(c.kind)).map((c) => c.kind)).toEqual(['xlsx', 'html', 'md', 'csv']);
  });
});
