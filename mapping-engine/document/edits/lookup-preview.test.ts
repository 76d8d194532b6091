import { describe, expect, it } from 'vitest';
import { lookupPreview } from './lookup-preview';

describe('lookupPreview', () => {
  it('previews inline entries up to a limit', () => {
    expect(lookupPreview({ entries: { A: 'Active', I: 'Inactive' } }, undefined, 1)).toEqual({ columns: [], entries: [['A', 'Active']], total: 2, problems: [] });
  });

  it('previews CSV rows by the chosen columns, naming repeated and empty keys', () => {
    const rows = [
      { code: 'DE', name: 'Germany', iso3: 'DEU' },
      { code: 'FR', name: 'France', iso3: 'FRA' },
      { code: 'DE', name: 'Deutschland', iso3: 'DEU' },
      { code: '', name: 'Nowhere', iso3: '' },
    ];
    const preview = lookupPreview({ file: 'lookups/countries.csv', keyColumn: 'code', valueColumn: 'name' }, rows);
    expect(preview.columns).toEqual(['code', 'name', 'iso3']);
    expect(preview.entries).toEqual([
      ['DE', 'Germany'],
      ['FR', 'France'],
    ]);
    expect(preview.problems).toHaveLength(2);
  });

  it('reports a column the file does not have', () => {
    const preview = lookupPreview({ file: 'l.csv', keyColumn: 'code', valueColumn: 'label' }, [{ code: 'A', name: 'a' }]);
    expect(preview).toMatchObject({ columns: ['code', 'name'], entries: [], total: 0 });
    expect(preview.problems[0]).toContain('label');
  });
});
