import { describe, expect, it } from 'vitest';
import { WARNINGS_PER_CODE, WarningSink } from './csv-warnings';

describe('WarningSink', () => {
  it('keeps warnings up to the cap per code and summarises the rest', () => {
    const sink = new WarningSink();
    for (let line = 1; line <= WARNINGS_PER_CODE + 5; line++) sink.add({ code: 'CSV_BARE_QUOTE', message: 'q', line });
    sink.add({ code: 'CSV_TYPE_MISMATCH', message: 't', line: 3 });
    const warnings = sink.finish();
    expect(warnings.filter((w) => w.code === 'CSV_BARE_QUOTE')).toHaveLength(WARNINGS_PER_CODE + 1);
    expect(warnings.at(-1)?.message).toMatch(/5 more CSV_BARE_QUOTE warnings.*25 in all/);
    expect(warnings.filter((w) => w.code === 'CSV_TYPE_MISMATCH')).toEqual([{ code: 'CSV_TYPE_MISMATCH', message: 't', line: 3 }]);
  });
});
